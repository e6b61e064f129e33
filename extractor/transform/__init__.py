"""transform: one Transformer module per fact family.

Each module exposes `apply(doc, rs)`: it parses the sentences it cares about
with its Lark grammar and puts facts (with evidence) into the rule set.
The order matters where one family reads another's facts (subsidies read
funding.individual; unexplained runs last and reports every figure no
family used).
"""
from __future__ import annotations

from importlib import import_module

FAMILIES = (
    "notice",
    "region",
    "funding",
    "subsidies",
    "periods",
    "schedule",
    "policies",
    "targets",
    "contacts",
    "unexplained",
)


_MODULES: list = []


def _families() -> list:
    if not _MODULES:
        _MODULES.extend(import_module(f".{name}", __name__) for name in FAMILIES)
    return _MODULES


def apply_all(doc, rs) -> None:
    for mod in _families():
        mod.apply(doc, rs)
