"""periods: enrollment, coverage, extensions; newborn.window_days; scheme_year.

Each clause holding a date is parsed with grammar/period.lark; the words
before and after the date (集中参保期 / 待遇享受期 / 起享受待遇 / 延长到 /
补办参保) decide which period it is.  Dates written without a year take it
from the document (extractor.dates) and are marked year_inferred.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import lru_cache
from operator import attrgetter

from lark import Transformer, v_args

from ..dates import YearContext, resolve
from ..lazy_re import lazy_compile
from ..lexicon import TOK_TYPE, Tok, alternation, mentions, token_search
from ..parse import parse
from .base import clauses, evidence, sentence_tokens, title_types, use

@lru_cache(maxsize=None)
def _extension_group_re() -> re.Pattern:
    return re.compile(f"([\\u4e00-\\u9fff]{{2,10}}?(?:{alternation('labels', 'extension_heads')}))")


@lru_cache(maxsize=None)
def _opener_re() -> re.Pattern:
    return re.compile(f"^(?:{alternation('labels', 'clause_openers')})")


# a leaf's Tok (the driver in extractor.parse makes each leaf a lark Token holding it): read in C
# by map, the transformer runs for every clause parsed
_LEAF_TOK = attrgetter("value")


@v_args(inline=True)
class PeriodTransformer(Transformer):
    def lead(self, *toks):
        return ("lead", list(map(_LEAF_TOK, toks)))

    def trail(self, *toks):
        return ("trail", list(map(_LEAF_TOK, toks)))

    def range(self, *toks):
        dates = [t.value for t in toks if t.type == "DATE"]
        return ("range", dates)

    def range_to(self, *toks):
        return ("until", [t.value for t in toks if t.type == "DATE"])

    def start(self, *items):
        out = {"lead": [], "trail": [], "range": [], "until": False}
        out.update(items)  # (name, value) of lead, trail and range or until
        if out["until"] is not False:  # TO DATE: the range, up to its date
            out["range"], out["until"] = out["until"], True
        return out


_T = PeriodTransformer()


def as_years(toks):
    """A date that is only a year (2024年, 2025年度) names a year; it is not a range bound."""
    out = None
    for i, t in enumerate(toks):
        if t.type != "DATE" or t.value.value.month is not None or t.value.value.year_end:
            continue
        if (i + 1 < len(toks) and toks[i + 1].type == "TO") or (i and toks[i - 1].type == "TO"):
            continue
        if out is None:
            out = list(toks)
        out[i] = Tok("YEAR", t.text, t.start, t.end, t.value)
    return toks if out is None else out


def parse_clause(toks):
    if "DATE" not in map(TOK_TYPE, toks):
        return None
    years = as_years(toks)
    # a clause whose every date is a bare year holds no date to parse (unchanged, it still has one)
    if years is not toks and "DATE" not in map(TOK_TYPE, years):
        return None
    return parse("period", years, using=_T)


def clause_facts(sent) -> list[tuple[list, dict | None]]:
    """(clause, period fact or None) for each clause of a sentence.  Periods and the
    schedule both read them: they are parsed once and kept on the sentence."""
    got = sent.__dict__.get("_period_facts")
    if got is None:
        got = sent.__dict__["_period_facts"] = [(c, parse_clause(c)) for c in clauses(sentence_tokens(sent))]
    return got


def year_context(doc, rs) -> YearContext:
    """The anchor for dates without a year: issue date, else the collection year."""
    issued = rs.get("/notice/issued_on")
    if issued:
        return YearContext(dt.date.fromisoformat(issued))
    cov = rs.get("/periods/coverage/start")
    if cov:
        return YearContext.from_year(int(cov[:4]) - 1)
    enr = rs.get("/periods/enrollment/start")
    if enr:
        return YearContext.from_year(int(enr[:4]))
    year = _year_named(doc)
    return YearContext.from_year(year) if year is not None else YearContext()


# 2024年, not 2024年度 nor 〔2024〕 or part of a longer number.  The lookbehind comes after
# 19|20 (and looks back over it): a pattern opening with a literal lets re skip ahead.
_YEAR = lazy_compile(r"((?:19|20)(?<![〔\[\d]\d\d)\d{2})年(?!度)")


def _year_named(doc) -> int | None:
    """The collection year the body names: a X年度 plan in the first 40 sentences collects in
    the year before, else the year written most often.  Computed once per document (periods
    and schedule ask for it several times); the sentences are searched as one text, joined by
    a newline that neither pattern matches."""
    if "_year_named" in doc.__dict__:
        return doc.__dict__["_year_named"]
    m = _SCHEME.search("\n".join(sent.text for sent in doc.sentences[:40]))
    if m:
        got = int(m.group(1)) - 1
    else:
        years = Counter(int(y) for y in _YEAR.findall("\n".join(sent.text for sent in doc.sentences)))
        got = years.most_common(1)[0][0] if years else None
    doc.__dict__["_year_named"] = got
    return got


def _types(toks):
    return set(map(TOK_TYPE, toks))


# apply gives a clause a role only through a token of one of these terminals in its sentence
# (MAKEUP, EXTEND: an extension; COVERAGE, BENEFIT, ENROLL: the period of a range; BENEFIT_FROM:
# the coverage start; LAUNCH counts only in a sentence that mentions ENROLL too) or through a
# heading over it naming ENROLL or COVERAGE.  A dated sentence with neither gives nothing and is
# not tokenized (lexicon.token_search finds a word wherever the lexer makes a token of it).
PERIOD_WORDS = ("BENEFIT", "BENEFIT_FROM", "COVERAGE", "ENROLL", "EXTEND", "MAKEUP")


def _names_period():
    """The search for any word of PERIOD_WORDS (run on every dated sentence)."""
    return token_search(*PERIOD_WORDS)


def apply(doc, rs) -> None:
    found: dict[str, tuple] = {}
    extensions: list[tuple] = []
    pending: list[tuple] = []   # yearless facts resolved once the year context is known
    names_period = _names_period()
    for sent in doc.sentences:
        if "date" not in sent.kinds:  # (Sentence.has without its call: this runs on every sentence)
            continue
        # most dated sentences (titles, signature dates) name no period: they are not tokenized
        if not names_period(sent.text) and _section_names(sent) is None:
            continue
        toks = sentence_tokens(sent)
        types = _types(toks)
        if "DATE" not in types:
            continue
        # 补办参保…前, or a deadline set after the enrollment period ends (集中参保期结束后…3月31日前)
        makeup = "MAKEUP" in types or {"ENROLL", "AFTER_END"} <= types
        for clause, fact in clause_facts(sent):
            if fact is None or not fact["range"]:
                continue
            lead, trail, dates = _types(fact["lead"]), _types(fact["trail"]), fact["range"]
            if "PHASE" in lead:
                continue  # schedule phases are the schedule family's
            if makeup and "BEFORE" in trail and len(dates) == 1:
                extensions.append((sent, dates[-1], _extension_group(sent)))
                continue
            role = None
            # what the clause is about: its own words, else the last period named before it in the sentence
            about = ("COVERAGE" if "COVERAGE" in lead or ("BENEFIT" in trail and len(dates) == 2)
                     else "ENROLL" if "ENROLL" in lead
                     else _named_before(toks, clause) or _section_names(sent))
            if "BENEFIT_FROM" in trail and len(dates) == 1 and not trail & {"BEFORE", "MAKEUP"}:
                role = "coverage_start"    # （自）2025年1月1日起享受待遇
            elif about == "ENROLL" and len(dates) == 1 and ("LAUNCH" in trail or "FROM" in lead):
                role = "enrollment_start"  # 集中参保缴费期自9月15日开始 / 工作已于9月1日正式启动
            elif about == "ENROLL" and len(dates) == 1 and (fact["until"] or "END" in trail) and "LAUNCH" not in trail:
                role = "enrollment_end"    # …，至12月31日结束 / …工作于9月1日启动，12月31日结束
            elif about == "COVERAGE":
                role = "coverage"
            elif about == "ENROLL":
                role = "enrollment"
            elif "LAUNCH" in trail and len(dates) == 1 and mentions(sent.text, "ENROLL"):
                role = "enrollment_start"  # 集中参保缴费工作已于9月1日正式启动
            if "EXTEND" in lead:  # 筹资时间可延长到2024年2月底
                extensions.append((sent, dates[-1], _extension_group(sent)))
                continue
            if role is None:
                continue
            if role == "enrollment" and len(dates) == 1 and not ("UNTIL" in lead or fact["until"]):
                continue
            key = role
            if role == "enrollment" and len(dates) == 1 and "enrollment_start" in found:
                key = "enrollment_end"
            if key == "enrollment_end" and "enrollment" in found:
                continue
            if key not in found:
                found[key] = (sent, dates, lead, trail)
    # coverage first: collection precedes it, so it anchors a yearless enrollment period
    for key in ("coverage", "coverage_start", "enrollment", "enrollment_start", "enrollment_end"):
        if key in found:
            pending.append((key,) + found[key])
    for key, sent, dates, lead, trail in pending:
        if key == "coverage_start" and rs.get("/periods/coverage") is not None:
            continue
        _put_span(rs, key, sent, dates, lead, trail, year_context(doc, rs))
    ctx = year_context(doc, rs)
    for sent, date_tok, group in extensions:
        floor = _date(rs.get("/periods/enrollment/start"))
        iso, inferred = resolve(date_tok.value.value, ctx, "end", not_before=floor)
        if iso:
            rs.append("/periods/extensions", {"group": group, "end": iso},
                      {"": evidence(sent, date_tok.start, year_inferred=inferred),
                       "end": evidence(sent, date_tok.start, year_inferred=inferred)})
            use(rs, sent, date_tok)
    _newborn(doc, rs)
    _scheme_year(doc, rs)


def _section_names(sent) -> str | None:
    """ENROLL or COVERAGE named by the heading of the section (二、集中缴费期 / 三、待遇享受期)."""
    for title in reversed(sent.section):
        for t in title_types(title):
            if t in ("ENROLL", "COVERAGE"):
                return t
    return None


def _named_before(toks, clause) -> str | None:
    """ENROLL or COVERAGE: the last of them named in the sentence up to this clause."""
    last = None
    for t in toks:
        if t.start >= clause[0].start:
            break
        if t.type in ("ENROLL", "COVERAGE"):
            last = t.type
    return last


def _date(iso):
    return dt.date.fromisoformat(iso) if iso else None


def _put_span(rs, key, sent, dates, lead, trail, ctx):
    if key in ("enrollment_start", "enrollment_end"):
        part = key.split("_")[1]
        iso, inf = resolve(dates[0].value.value, ctx, part)
        if iso:
            if rs.get("/periods/enrollment") is None:
                rs.put("/periods/enrollment", {"start": None, "end": None}, None)
            rs.put(f"/periods/enrollment/{part}", iso, evidence(sent, dates[0].start, year_inferred=inf))
            use(rs, sent, dates[0])
        return
    if key == "coverage_start":
        iso, inf = resolve(dates[0].value.value, ctx, "start")
        if iso:
            rs.put("/periods/coverage", {"start": iso, "end": None}, None)
            rs.put("/periods/coverage/start", iso, evidence(sent, dates[0].start, year_inferred=inf))
            use(rs, sent, dates[0])
        return
    span = {"start": None, "end": None}
    evs = {}
    if len(dates) == 2:
        s_iso, s_inf = resolve(dates[0].value.value, ctx, "start")
        e_iso, e_inf = resolve(dates[1].value.value, ctx, "end", not_before=_date(s_iso))
        span = {"start": s_iso, "end": e_iso}
        evs = {"start": (dates[0], s_inf), "end": (dates[1], e_inf)}
    else:
        e_iso, e_inf = resolve(dates[0].value.value, ctx, "end")
        span["end"] = e_iso
        evs = {"end": (dates[0], e_inf)}
    rs.put(f"/periods/{key}", span, None)
    for part, (tok, inf) in evs.items():
        if span[part]:
            rs.put(f"/periods/{key}/{part}", span[part], evidence(sent, tok.start, year_inferred=inf))
            use(rs, sent, tok)


def _extension_group(sent) -> str | None:
    m = _extension_group_re().search(_opener_re().sub("", sent.text))
    if m and not m.group(1).startswith("该"):
        return m.group(1)
    for title in reversed(sent.section):
        m = _extension_group_re().search(title)
        if m:
            return m.group(1)
    return None


@lru_cache(maxsize=None)
def _newborn_words():
    """The searches for a newborn word and a birth word (one search each, not one `in` per word)."""
    return (re.compile(alternation("newborn", "subject")).search,
            re.compile(alternation("newborn", "birth")).search)


def _newborn(doc, rs):
    subject, birth = _newborn_words()
    for sent in doc.sentences:
        # the window is a COUNT: a sentence without one is not searched for the words
        if "count" not in sent.kinds or not subject(sent.text) or not birth(sent.text):
            continue
        for tok in sentence_tokens(sent):
            if tok.type == "COUNT" and tok.value.unit in ("日", "天") and sent.text[tok.end:tok.end + 1] in "内以":
                rs.put("/newborn/window_days", int(tok.value.value), evidence(sent, tok.start))
                use(rs, sent, tok)
                return


_SCHEME = re.compile(r"((?:19|20)\d{2})年度")


def _scheme_year(doc, rs):
    """The insurance year: 年度 in the title, else the coverage year, else a 年度 in the body."""
    title = rs.get("/notice/title") or ""
    m = _SCHEME.search(title)
    if m:
        ev = rs.evidence_for("/notice/title")
        rs.put("/scheme_year", int(m.group(1)), ev)
        return
    cov = rs.get("/periods/coverage/start")
    if cov:
        rs.put("/scheme_year", int(cov[:4]), rs.evidence_for("/periods/coverage/start").but(derived=True))
        return
    for sent in doc.sentences:
        m = _SCHEME.search(sent.text)
        if m and ("参保" in sent.text or "医保" in sent.text or "缴费" in sent.text):
            rs.put("/scheme_year", int(m.group(1)), evidence(sent, m.start()))
            return
