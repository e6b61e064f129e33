"""Whole variant notices (tests/notices/<name>.txt) through api.extract, checked against
their golden files (<name>.checks.json: {"file": ..., "checks": [...]}, see tests/checks.py).
One test per notice; every failing check is listed."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from extractor import api

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from checks import form_of, run_checks  # noqa: E402  (tests/ is not a package)

NOTICES = HERE / "notices"
GOLDEN = sorted(NOTICES.glob("*.checks.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_every_notice_has_a_golden_file():
    texts = {p.name for p in NOTICES.glob("*.txt")}
    named = {_load(g)["file"] for g in GOLDEN}
    assert texts == named, {"without golden file": sorted(texts - named), "missing notice": sorted(named - texts)}
    for g in GOLDEN:
        for check in _load(g)["checks"]:
            form_of(check)


@pytest.mark.parametrize("golden", GOLDEN, ids=[g.name.removesuffix(".checks.json") for g in GOLDEN])
def test_notice(golden, monkeypatch):
    gold = _load(golden)
    monkeypatch.chdir(NOTICES)  # source.path stays relative: the file name
    rules = api.extract(gold["file"])
    failures = run_checks(rules, gold["checks"])
    if failures:
        print(f"{gold['file']}: {len(failures)} of {len(gold['checks'])} checks failed")
        print("\n".join("  " + f for f in failures))
    assert not failures, "; ".join(failures)
