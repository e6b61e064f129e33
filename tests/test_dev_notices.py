"""The four real excerpts in ../shared/dev-notices/ as inputs, with the facts read by hand in
../shared/eval/gold-dev/ (the same check forms as tests/checks.py).  Skipped when shared/ is absent."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from extractor import api

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from checks import run_checks  # noqa: E402

GOLD = sorted((SHARED / "eval" / "gold-dev").glob("*.json")) if SHARED.is_dir() else []


@pytest.mark.skipif(not GOLD, reason="../shared/eval/gold-dev not present")
@pytest.mark.parametrize("gold", GOLD, ids=lambda p: p.stem)
def test_dev_notice_facts(gold):
    spec = json.loads(gold.read_text("utf-8"))
    rules = api.extract(SHARED / "dev-notices" / spec["file"])
    failures = run_checks(rules, spec["checks"])
    assert not failures, "\n".join(failures)
