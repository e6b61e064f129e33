"""emit: canonical JSON bytes of a rule set.

Sorted keys, characters not escaped, two-space indent, trailing newline:
the same rule set always gives the same bytes.
"""
from __future__ import annotations

import json


def dumps(rules: dict) -> str:
    return json.dumps(rules, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def to_bytes(rules: dict) -> bytes:
    return dumps(rules).encode("utf-8")
