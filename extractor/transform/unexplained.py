"""unexplained: every money amount, percentage, date and phone number that no fact used.

Runs last.  Not figures: numbers inside 文号 and citations (the value scanner
does not read them), section numbers, counts (784人, 3个月: they are not
among the kinds the spec asks for), a bare year (2024年) and anything inside
a cited title 《…》.  Table cells are checked like sentences.
"""
from __future__ import annotations

import re

from ..values import scan
from .base import QUOTE_MAX

KINDS = ("money", "percent", "date", "phone")
_TITLE = re.compile(r"《[^》]*》")


def _bare_year(v) -> bool:
    return v.kind == "date" and v.value.month is None and not v.value.year_end


def apply(doc, rs) -> None:
    out = rs.data["unexplained"]
    for sent in doc.sentences:
        if not sent.values:
            continue
        titles = [m.span() for m in _TITLE.finditer(sent.text)] if "《" in sent.text else ()
        for v in sent.values:
            if v.kind not in KINDS or _bare_year(v):
                continue
            if any(a <= v.start < b for a, b in titles):
                continue
            if (id(sent.line), sent.start + v.start) in rs.used:
                continue
            quote = sent.text if len(sent.text) <= QUOTE_MAX else sent.text[:QUOTE_MAX] + "…"
            item = {"line": sent.origin_of(v.start), "quote": quote, "kind": v.kind, "text": v.text}
            if sent.line.loc:
                item["loc"] = sent.line.loc
            out.append(item)
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                if (id(cell), 0) in rs.used:
                    continue
                for v in scan(cell.text):
                    if v.kind not in KINDS or _bare_year(v):
                        continue
                    item = {"line": cell.line, "quote": " | ".join(c.text for c in row), "kind": v.kind, "text": v.text}
                    if cell.loc:
                        item["loc"] = cell.loc
                    out.append(item)
