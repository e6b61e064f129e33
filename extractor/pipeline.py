"""The pipeline in order: normalize -> segment -> parse+transform -> check.

(load happens before, in extractor.load; emit after, in extractor.emit.)
"""
from __future__ import annotations

from .facts import RuleSet
from .check import check
from .load import Source
from .normalize import normalize
from .segment import segment
from .transform import apply_all


def run(src: Source) -> dict:
    norm = normalize(src.lines, src.locs)
    doc = segment(norm, hints=src.hints)
    rs = RuleSet()
    rs.data["source"] = {"path": src.path, "sha256": src.sha256, "media_type": src.media_type}
    if src.encoding:
        rs.data["source"]["encoding"] = src.encoding
    apply_all(doc, rs)
    rules = rs.finish()
    check(rules)
    return rules
