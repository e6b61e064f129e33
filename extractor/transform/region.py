"""region: the area the plan governs (name, level, province, GB/T 2260 code).

Read from the plan's title first (合肥市2024年…方案 → 合肥市, even when a
district forwards it), then from its issuers (宁夏回族自治区医疗保障局), then
from the body: the first region named in a sentence that speaks of the area
as its own (我市 / 本县…, grammar/vocab/notice.toml [region.self]), of the
level that word names.  The province comes from the GB/T 2260 table
(extractor.regions); 文号 prefixes (皖 → 安徽省, 冀 → 河北省) narrow names several
provinces share, and give the province alone when no name is found in the
notice's own 文号.  Values the table adds are marked derived.
"""
from __future__ import annotations

from .. import regions
from ..facts import Evidence
from .base import evidence
from .notice import vocab

BODY_SENTENCES = 40


def _docnos(rs) -> tuple[list[str], list[str]]:
    own = [x for x in [rs.get("/notice/doc_number")] if x]
    refs = [r["doc_number"] for r in rs.get("/notice/references") or [] if r.get("doc_number")]
    return own, refs


def _named(text: str, hints: list[str]) -> regions.Region | None:
    """The region a title or an issuer names, or None."""
    if not text or not regions.find(text):
        return None
    return regions.infer([text], hints)


def _from_body(doc, hints: list[str]):
    selfwords = vocab()["region"]["self"]
    for sent in doc.sentences[:BODY_SENTENCES]:
        levels = [lv for lv, words in selfwords.items() if any(w in sent.text for w in words)]
        if not levels:
            continue
        for r in regions.find(sent.text):
            if r.level in levels:
                if hints:
                    r = regions.lookup(r.name, within=r.province) or r
                return r, evidence(sent, max(0, sent.text.find(r.name)))
    return None, None


def apply(doc, rs) -> None:
    own, refs = _docnos(rs)
    hints = own + refs
    region, ev = None, None
    title = rs.get("/notice/title")
    if title:
        region = _named(title, hints)
        ev = rs.evidence_for("/notice/title")
    if region is None:
        for k, issuer in enumerate(rs.get("/notice/issuers") or []):
            region = _named(issuer, hints)
            if region is not None:
                ev = rs.evidence_for(f"/notice/issuers/{k}")
                break
    if region is None:
        region, ev = _from_body(doc, hints)
    if region is None and own:
        province = regions.province_from_doc_number(own[0])
        region = regions.lookup(province) if province else None
        ev = rs.evidence_for("/notice/doc_number")
        if region is not None and ev is not None:
            ev = ev.but(derived=True)
    if region is None:
        return
    ev = ev or Evidence(0, "")
    rs.put("/region/name", region.name, ev)
    rs.put("/region/level", region.level, ev.but(derived=True))
    quote = ev.quote or ""
    rs.put("/region/province", region.province,
           ev if region.province in quote else ev.but(derived=True))
    rs.put("/region/code", region.code, ev.but(derived=True))
