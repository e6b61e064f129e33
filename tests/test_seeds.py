"""The five seed notices: facts read by hand (tests/golden/seeds/*.checks.json) and the committed rule sets.

The checks files were written by reading each notice, value by value; the
committed compiled_rules/ are the rule sets `nrc check` keeps in sync.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from extractor import api
from extractor.check import schema_errors
from extractor.emit import to_bytes

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from checks import run_checks  # noqa: E402

GOLDEN = sorted((ROOT / "tests" / "golden" / "seeds").glob("*.checks.json"))


@pytest.mark.parametrize("golden", GOLDEN, ids=lambda p: p.name.split(".")[0])
def test_seed_facts_read_by_hand(golden):
    spec = json.loads(golden.read_text("utf-8"))
    rules = api.extract(ROOT / "corpus" / spec["file"])
    failures = run_checks(rules, spec["checks"])
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("notice", sorted((ROOT / "corpus").glob("*.txt")), ids=lambda p: p.stem)
def test_seed_rules_are_valid_and_explained(notice):
    rules = api.extract(notice)
    assert schema_errors(rules) == []
    for pointer in rules["evidence"]:
        node = rules
        for part in pointer.strip("/").split("/"):
            node = node[int(part)] if isinstance(node, list) else node[part.replace("~1", "/").replace("~0", "~")]
    # every fact value has evidence with a line inside the notice
    n_lines = len(notice.read_text("utf-8").split("\n"))
    for ev in rules["evidence"].values():
        assert 1 <= ev["line"] <= n_lines and ev["quote"]
    for u in rules["unexplained"]:
        assert 1 <= u["line"] <= n_lines


def test_every_money_figure_is_a_fact_or_unexplained():
    """No 元 amount of a seed vanishes: it backs a fact (its evidence quotes it) or is listed as unexplained."""
    for notice in sorted((ROOT / "corpus").glob("*.txt")):
        rules = api.extract(notice)
        quoted = " ".join(ev["quote"] for ev in rules["evidence"].values()) + " ".join(u["quote"] for u in rules["unexplained"])
        text = notice.read_text("utf-8").replace(" ", "")
        import re
        for m in re.finditer(r"\d+(?:\.\d+)?元", text):
            assert m.group() in quoted.replace(" ", ""), f"{notice.name}: {m.group()} neither a fact nor unexplained"


def test_committed_rules_match_a_fresh_compile(monkeypatch):
    monkeypatch.chdir(ROOT)  # source.path is relative to where nrc runs: the project root
    for notice in sorted((ROOT / "corpus").iterdir()):
        committed = ROOT / "compiled_rules" / (notice.stem + ".json")
        assert committed.exists(), f"{committed} missing: run nrc compile"
        fresh = to_bytes(api.extract(Path("corpus") / notice.name))
        assert committed.read_bytes() == fresh, f"{committed.name} drifted: run `nrc check` / `nrc check --update`"
