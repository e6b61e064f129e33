"""Variant clauses (tests/cases/*) through api.extract_text, every check of each case."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extractor import api

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases import all_cases  # noqa: E402  (tests/ is not a package)
from checks import form_of, run_checks  # noqa: E402

CASES = all_cases()


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason=case["gap"])] if case.get("gap") else []
    return pytest.param(case, id=case["id"], marks=marks)


def test_case_records_are_well_formed():
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for c in CASES:
        assert set(c) <= {"id", "origin", "text", "checks", "gap", "module"}, c["id"]
        assert c["text"].strip() and c["checks"], c["id"]
        for check in c["checks"]:
            form_of(check)  # raises on an unknown form


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_variant(case):
    rules = api.extract_text(case["text"])
    failures = run_checks(rules, case["checks"])
    if failures:
        print(f"{case['id']} ({case['module']}):")
        print("\n".join("  " + f for f in failures))
    assert not failures, f"{len(failures)} of {len(case['checks'])} checks failed: " + "; ".join(failures)
