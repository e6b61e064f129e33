"""Example records for tests/test_variants.py, grouped by origin/topic, one module each.

Every module holds `CASES`, a list of dicts:
    id      readable, unique across modules (the pytest id)
    origin  "variant": a clause we wrote in the wording of real notices
    text    the clause or paragraph (1-6 sentences)
    checks  what a careful reader derives from the text (see tests/checks.py),
            worked out by reading, never by running nrc
    gap     optional: the reason nrc does not pass yet (the test becomes xfail(strict))
"""
from __future__ import annotations

import importlib

MODULES = ("funding", "subsidies", "periods", "schedule", "contacts", "distractors", "numerals", "layout", "tables",
           "probes")


def all_cases() -> list[dict]:
    cases = []
    for name in MODULES:
        mod = importlib.import_module(f"{__name__}.{name}")
        for case in mod.CASES:
            cases.append({**case, "module": name})
    return cases
