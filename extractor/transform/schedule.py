"""schedule: work phases (准备阶段（8月31日前）…) and deadlines (X月X日前), each with its task.

Phases are the numbered items of a schedule section (时间安排, 实施步骤…, listed
in grammar/vocab/keywords.toml [schedule]) and any X阶段为… sentence; their dates
come from the heading's bracket or the first clause of the body, parsed with
grammar/period.lark.  Deadlines elsewhere are clauses ending in 前.  Recurring
windows (每月1日至25日) are kept as text.  When no sentence states the
enrollment period, the phase that is the enrollment gives it.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..dates import resolve
from ..lexicon import TOK_TYPE, Tok, load_vocab, token_search, tokens
from ..values import Value, new_value
from .base import clean, evidence, title_types, use
from .periods import clause_facts, parse_clause, year_context

_RECURRING = re.compile(r"每月\d{1,2}日(?:(?:至|-|—|~)\d{1,2}日)?(?:前)?")
_PAREN = re.compile(r"（([^（）]*)）")
TASK_MAX = 120


@lru_cache(maxsize=None)
def _vocab() -> dict:
    return load_vocab("keywords.toml").get("schedule", {})


@lru_cache(maxsize=None)
def _sections_re() -> re.Pattern:
    """Any of the schedule section words (one search, not one `in` per word)."""
    return re.compile("|".join(map(re.escape, _vocab().get("sections", []))) or "(?!)")


ITEM_WORDS = ("BEFORE", "PHASE")


def _names_item():
    """The search for a word the lexer reads as PHASE or BEFORE (阶段, 之前, the particle 前)."""
    return token_search(*ITEM_WORDS)


def _names_phase_word():
    """The search for a word the lexer reads as PHASE (阶段)."""
    return token_search("PHASE")


def _in_schedule(sent) -> bool:
    return bool(sent.section) and _sections_re().search(sent.section[0]) is not None


def _names_phase(title: str) -> bool:
    """A heading like 准备阶段 names a phase wherever it stands."""
    return "PHASE" in title_types(title)


# A clause ends after a comma, a stop or a semicolon (_dates_of parses clause by clause)
_CLAUSE_END = re.compile(r"(?<=[，。；])")
# No figure holds one of these characters, nor is one read differently when one of them stands
# next to it rather than the end of the text (extractor.values.SCAN: no figure's characters,
# and none of those its lookarounds test).  So the figures of a text cut at them are those
# of the whole text that fall inside the piece: a piece is not scanned again.
FIGURE_CUTS = "，。；（）"


def _figures_within(values, start: int, end: int) -> list:
    """The figures (extractor.values.Value) of text[start:end], from `values`, the figures of
    the whole text, when start and end are 0, the end of text, or next to a character of
    FIGURE_CUTS (text[start - 1] and text[end - 1] or text[end]): what scan(text[start:end])
    gives, offsets relative to start."""
    return [new_value(Value, (*v[:5], v.start - start, v.end - start))
            for v in values if start <= v.start and v.end <= end]


def _dates_of(text, values):
    """(fact, offset) of the first clause of text that parses as a date or range; `values`
    are text's figures (scan(text), which its sentence holds already)."""
    base = 0
    for piece in _CLAUSE_END.split(text):
        # every date is written with 月 or 年 (extractor.values): a piece with neither holds
        # no DATE token, so it is not tokenized only to fail
        if "月" in piece or "年" in piece:
            fact = parse_clause(tokens(piece, _figures_within(values, base, base + len(piece))))
            if fact and fact["range"]:
                return fact, base
        base += len(piece)
    return None, 0


def apply(doc, rs) -> None:
    ctx = year_context(doc, rs)
    entries: list[tuple] = []
    sents = doc.sentences
    seen_lines: set[int] = set()
    for i, sent in enumerate(sents):
        entry = _phase_entry(sents, i) if sent.heading and sent.heading == sent.section[-1] else None
        if entry:
            entries.append(entry)
            seen_lines.add(id(sent.line))
            continue
        # nothing _sentence_items could find (spares a generator per sentence): no date, no window (每月…)
        if "date" not in sent.kinds and ("每月" not in sent.text or not _RECURRING.search(sent.text)):
            continue
        # the body of a phase heading: the heading already took its date, so only an item naming
        # a phase of its own counts, and that needs a PHASE token in its clause (_phase_name)
        body = id(sent.line) in seen_lines and _first_clause_of_body(sents, i)
        if body and not _names_phase_word()(sent.text):
            continue
        for fact, off, task in _sentence_items(sent):
            phase = _phase_name(fact) if fact else None
            if phase is None and body:
                continue  # the phase heading already took this date
            if fact and phase is None and any((id(sent.line), sent.start + off + d.start) in rs.used for d in fact["range"]):
                continue  # a period fact (an extension, say) already explains this date
            entries.append((phase, fact, off, sent, task, sent))
    for phase, fact, off, src, task, sent in entries:
        item = {"phase": phase, "start": None, "end": None, "task": task[:TASK_MAX] if task else None}
        evs = {"": evidence(sent)}
        if fact:
            dates = fact["range"]
            lead_types = set(map(TOK_TYPE, fact["lead"]))
            trail_types = set(map(TOK_TYPE, fact["trail"]))
            if len(dates) == 2:
                s_iso, s_inf = resolve(dates[0].value.value, ctx, "start")
                e_iso, e_inf = resolve(dates[1].value.value, ctx, "end",
                                       not_before=dt.date.fromisoformat(s_iso) if s_iso else None)
                item["start"], item["end"] = s_iso, e_iso
                evs["start"] = evidence(src, off + dates[0].start, year_inferred=s_inf)
                evs["end"] = evidence(src, off + dates[1].start, year_inferred=e_inf)
                use(rs, src, _shift(dates[0], off))
                use(rs, src, _shift(dates[1], off))
            else:
                dp = dates[0].value.value
                deadline = "BEFORE" in trail_types or "UNTIL" in lead_types
                spans = not deadline and dp.day is None and not dp.month_end and dp.month is not None
                roles = ("start", "end") if spans else (("end",) if deadline else ("start",))
                for role in roles:  # 8月下旬 / 9月 as a phase: the whole span
                    iso, inf = resolve(dp, ctx, role)
                    item[role] = iso
                    evs[role] = evidence(src, off + dates[0].start, year_inferred=inf)
                use(rs, src, _shift(dates[0], off))
        rec = _RECURRING.search(task or "")
        if rec:
            item["recurring"] = rec.group()
        if item["start"] is None and item["end"] is None and not item.get("recurring"):
            continue
        rs.append("/schedule", item, evs)  # (item holds "recurring" only with a window)
    _enrollment_from_phase(rs)


def _phase_entry(sents, i) -> tuple | None:
    """(phase, fact, offset, source, task, sentence) when the heading of sents[i] is a phase:
    准备阶段 names one wherever it stands, a numbered item of a schedule section is one, and so
    is 动员部署（2024年9月1日—9月10日）, a heading whose closing bracket holds its dates."""
    sent = sents[i]
    name = sent.heading
    # most headings hold no bracket: neither regex is run on them
    m, bare = (_PAREN.search(name), _PAREN.sub("", name)) if "（" in name else (None, name)
    paren = None  # the bracket's (fact, offset): parsed once, for the test and for the phase
    if not (_names_phase(bare) or (len(sent.section) >= 2 and _in_schedule(sent))):
        if not m or m.end() < len(name) - 1:
            return None
        paren = _bracket_dates(sent, m)
        if paren[0] is None:
            return None
    phase = clean(bare)
    body = [s for s in sents[i + 1:i + 4] if s.line is sent.line]
    task = clean(body[0].text) if body else None
    fact, off, src = None, 0, sent
    if m:
        fact, off = paren or _bracket_dates(sent, m)
        off += m.start(1)
    if fact is None and body:
        fact, off = _dates_of(body[0].text, body[0].values)
        src = body[0]
    if fact is None:  # （一）2024年8月31日前，完成资助参保人员身份标识: the heading is the item
        fact, off = _dates_of(sent.text, sent.values)
        if fact is not None:
            phase, task = (phase if _names_phase(sent.text) else None), clean(sent.text)
    return phase, fact, off, src, task, sent


def _bracket_dates(sent, m):
    """_dates_of the bracket `m` of a heading.  A heading is a sentence of its own (extractor.segment):
    its text is the heading, and its figures those the bracket's are taken from."""
    return _dates_of(m.group(1), _figures_within(sent.values, m.start(1), m.end(1)))


def _shift(tok, off):
    return Tok(tok.type, tok.text, tok.start + off, tok.end + off, tok.value)


def _first_clause_of_body(sents, i) -> bool:
    return i > 0 and sents[i - 1].heading is not None and sents[i - 1].line is sents[i].line


def _phase_name(fact) -> str | None:
    for t in fact["lead"]:
        if t.type == "PHASE":
            text = clean(re.split(r"[，。；：]", "".join(x.text for x in fact["lead"] if x.start <= t.start))[-1])
            # 各乡镇居民参保缴费排查阶段为…: the phase is the last few characters before 阶段
            m = re.search(r"[\u4e00-\u9fff]{2}" + re.escape(t.text) + "$", text or "")
            return m.group() if m else text
    return None


def _sentence_items(sent):
    """Deadlines (…前), X阶段为… and recurring windows in an ordinary sentence."""
    recurring = _RECURRING.search(sent.text) is not None  # else no clause of it holds a window
    # without a window, only a clause with a PHASE or a BEFORE gives an item: a sentence naming
    # neither is not tokenized
    if not recurring and not _names_item()(sent.text):
        return
    if not sent.has("date") or "DATE" not in map(TOK_TYPE, sent.tokens):
        if recurring:
            yield None, 0, clean(sent.text)
        return
    for clause, fact in clause_facts(sent):
        end = clause[-1].end
        if not fact or not fact["range"]:
            if recurring and _RECURRING.search(sent.text[clause[0].start:end]):
                yield None, 0, clean(sent.text)
            continue
        lead = set(map(TOK_TYPE, fact["lead"]))
        trail = set(map(TOK_TYPE, fact["trail"]))
        if "PHASE" in lead or "BEFORE" in trail:
            rest = sent.text[end + 1:]
            own = "TEXT" in trail
            task = clean(sent.text) if own or not rest else clean(rest)
            yield fact, 0, task


def _enrollment_from_phase(rs):
    if rs.get("/periods/enrollment") is not None:
        return
    words = _vocab().get("enrollment_phases", [])
    for n, item in enumerate(rs.get("/schedule") or []):
        if item.get("start") and item.get("end") and any(w in (item.get("phase") or "") for w in words):
            rs.put("/periods/enrollment", {"start": item["start"], "end": item["end"]}, None)
            for part in ("start", "end"):
                ev = rs.evidence_for(f"/schedule/{n}/{part}")
                rs.put(f"/periods/enrollment/{part}", item[part], ev.but(derived=True) if ev else None)
            return
