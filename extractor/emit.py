"""emit: canonical JSON bytes of a rule set.

Sorted keys, characters not escaped, two-space indent, trailing newline:
the same rule set always gives the same bytes.  orjson writes them (the
standard library's indented encoder runs in pure Python and cost more than
the rest of emit and check together); its bytes are the same as
`json.dumps(rules, ensure_ascii=False, sort_keys=True, indent=2) + "\\n"`,
which stays the fallback for anything orjson refuses (integers beyond 64 bits).
One difference: a float below 1e-4 or from 1e16 up is written with a bare
exponent (1e-7, not 1e-07); no figure of a notice is such a number.
"""
from __future__ import annotations

import json

import orjson

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def _standard(rules: dict) -> str:
    return json.dumps(rules, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def to_bytes(rules: dict) -> bytes:
    try:
        return orjson.dumps(rules, option=_OPTIONS)
    except (TypeError, orjson.JSONEncodeError):
        return _standard(rules).encode("utf-8")


def dumps(rules: dict) -> str:
    return to_bytes(rules).decode("utf-8")
