"""notice: title, 文号, date of issue, issuers, status, references, forwarding chain.

A notice often arrives wrapped: a district's letter forwards (转发) a city's
letter that issues (印发) the plan.  The head of the document is read as a
chain of documents, each opened by a title line (grammar/notice.lark):

    [issuers] [文件] [文号] title [文号]  salutation, body  [signature] [date]

The leading `forward` letters become notice.forwarded_by (outermost first);
the letter that issues the plan, or the plan itself when no letter carries it,
gives notice.issuers / issued_on / doc_number; the plan's own title (or the
《X》 of 关于印发《X》的通知 when the plan has no title line) is notice.title.
A signature is a run of issuer lines (grammar/org.lark) ending at a date
line; a document without one takes the issuers listed at its head.

文号 are read with grammar/docno.lark and written with 〔〕.  A 文号 missing
from the carrying letter is taken from the forwarding letter's citation of it.

References: every 《title》（文号） cited, a 文号 without title (title null), and a
title without 文号 when it ends with a kind of document ([reference] DOC_KINDS);
left out are the notice's own 文号, the documents of the chain, and the
《X》 a letter says it issues or forwards (现将《X》印发给你们).  A title cited
twice is one reference, with the 文号 of whichever citation has one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from lark import Transformer, v_args
from lark.exceptions import LarkError

from .. import regions
from ..errors import GrammarError
from ..facts import Evidence
from ..grammars import parser, vocab_path
from ..lexicon import TOK_TYPE, Tok, new_tok
from ..parse import parse
from ..segment import heading_level
from ..values import scan
from .base import clean, evidence, squeeze, use

# ---------------------------------------------------------------- vocabulary

@lru_cache(maxsize=None)
def vocab() -> dict:
    try:
        with open(vocab_path("notice.toml"), "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GrammarError(f"grammar/vocab/notice.toml: {exc}") from exc


def _words(section: str) -> list[tuple[str, str]]:
    """(word, terminal) of a [section], longest words first."""
    pairs = [(w, term) for term, words in vocab()[section].items() for w in words]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=None)
def _alternation(section: str, term: str | None = None) -> re.Pattern:
    words = [w for w, t in _words(section) if term is None or t == term]
    return re.compile("|".join(map(re.escape, words)))


# ---------------------------------------------------------------- 文号

_CJK = "\u3400-\u9fff"
_OPEN = "〔[［【(（﹝〖｛{"
_CLOSE = "〕]］】)）﹞〗｝}"
DOCNO_SCAN = re.compile(
    rf"[{_CJK}]{{1,16}} ?[{re.escape(_OPEN)}] ?(?:19|20)\d\d ?[{re.escape(_CLOSE)}] ?第?\d{{1,5}} ?号"
    rf"|[{_CJK}]{{2,30}}令 ?第 ?\d{{1,5}} ?号")
# Every 文号 holds an anchor at most 30 characters after its start (〔2024〕 at most 17, 令第 at
# most 30).  DOCNO_SCAN, which opens with a run of CJK characters, is slow to try at every
# character; the anchor is cheap to find, and DOCNO_SCAN is tried from the run of CJK characters
# before it (see _docno_matches).
DOCNO_ANCHOR = re.compile(rf"[{re.escape(_OPEN)}] ?(?:19|20)\d\d ?[{re.escape(_CLOSE)}]|令 ?第")


def _docno_matches(text: str):
    """The matches of DOCNO_SCAN.finditer(text), found from the anchors.

    The next match after `pos` starts no earlier than the first anchor after `pos`
    less 30, nor than the run of CJK characters that ends at that anchor (one space
    before it skipped): a match is a run of CJK characters up to its own anchor (and
    a space before a bracket), so it starts in that run, or after the anchor, or, its
    anchor being a later one, in a run that holds this anchor (a 令第, whose characters
    are CJK too).  DOCNO_SCAN is tried from there, not from 30 characters before the
    anchor: most 文号 follow a bracket or a comma, a few characters before it."""
    pos = 0
    while (a := DOCNO_ANCHOR.search(text, pos)) is not None:
        lo = a.start()
        if lo and text[lo - 1] == " ":
            lo -= 1
        stop = max(pos, a.start() - 30)
        while lo > stop and "\u3400" <= text[lo - 1] <= "\u9fff":  # the range of _CJK
            lo -= 1
        m = DOCNO_SCAN.search(text, max(lo, stop))
        if m is None:
            return
        yield m
        pos = m.end()


@v_args(inline=True)
class DocNumberTransformer(Transformer):
    """Tree of grammar/docno.lark -> the 文号 written with 〔〕 and no spaces."""

    def prefix(self, *chars):
        return "".join(chars)

    def numbered(self, prefix, _open, year, _close, *rest):
        number = next(str(t) for t in rest if t.type == "NUMBER")
        return f"{prefix}〔{year}〕{number}号"

    def order(self, prefix, _ling, _ordinal, number, _hao):
        return f"{prefix}令第{number}号"


_DOCNO = DocNumberTransformer()


@lru_cache(maxsize=1024)
def doc_number(text: str) -> str | None:
    """合医保发 [2024] 15 号 -> 合医保发〔2024〕15号; None if `text` is no 文号."""
    try:
        tree = parser("docno", start="doc_number").parse(text.strip())
        return _DOCNO.transform(tree)
    except LarkError:
        return None


def find_doc_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, 文号) of every 文号 in running text; lead words (根据, 和…) are no part of a prefix."""
    out = []
    lead = _alternation("layout", "DOCNO_LEAD")
    for m in _docno_matches(text):
        start = m.start()
        span = m.group()
        while True:
            k = lead.match(span)
            if not k or k.end() >= len(span) - 8:
                break
            span, start = span[k.end():], start + k.end()
        value = doc_number(span)
        if value:
            out.append((start, m.end(), value))
    return out


# ---------------------------------------------------------------- titles

@dataclass(frozen=True)
class Title:
    kind: str                # forward | issue | letter | plan
    text: str                # the whole title, layout spaces removed
    inner: str | None = None  # the document a forward/issue letter names
    draft: bool = False


_QUOTE = re.compile(r"《[^《》]*(?:《[^《》]*》[^《》]*)*》")


def title_tokens(text: str) -> list[Tok]:
    """Tokens of a title: ABOUT/FORWARD/ISSUE at its head, KIND/DE/DRAFT at its end, QUOTEs, TEXT."""
    toks: list[Tok] = []
    end = len(text)
    tail: list[Tok] = []
    m = re.search(r"[（(]?(" + _alternation("title", "DRAFT").pattern + r")[）)]?$", text)
    if m:
        tail.append(Tok("DRAFT", m.group(1), m.start(), end))
        end = m.start()
    kinds = [w for w, t in _words("title") if t == "KIND"]
    kind = next((w for w in kinds if text.endswith(w, 0, end)), None)
    if kind is None:
        return []
    tail.insert(0, Tok("KIND", kind, end - len(kind), end))
    end -= len(kind)
    if text.endswith(tuple(w for w, t in _words("title") if t == "DE"), 0, end):
        tail.insert(0, Tok("DE", text[end - 1], end - 1, end))
        end -= 1
    pos = 0
    for term in ("ABOUT", "FORWARD", "ISSUE"):
        m = _alternation("title", term).match(text, pos)
        if m and m.end() < end:
            toks.append(Tok(term, m.group(), m.start(), m.end()))
            pos = m.end()
    for m in _QUOTE.finditer(text, pos, end):
        if m.start() > pos:
            toks.append(Tok("TEXT", text[pos:m.start()], pos, m.start()))
        toks.append(Tok("QUOTE", m.group()[1:-1], m.start(), m.end()))
        pos = m.end()
    if pos < end:
        toks.append(Tok("TEXT", text[pos:end], pos, end))
    return toks + tail


@v_args(inline=True)
class TitleTransformer(Transformer):
    """Tree of grammar/notice.lark -> (kind, inner document, draft)."""

    def body(self, *toks):
        quotes = [t.value.text for t in toks if t.type == "QUOTE"]
        return quotes[0] if quotes else "".join(t.value.text for t in toks)

    def ending(self, *toks):
        return any(t.type == "DRAFT" for t in toks)

    def _title(kind):  # noqa: N805 - a factory of rule methods
        def rule(self, *items):
            body, draft = items[-2], items[-1]
            return (kind, body if kind in ("forward", "issue") else None, draft)
        return rule

    forward = _title("forward")
    issue = _title("issue")
    letter = _title("letter")
    plan = _title("plan")


_TITLE = TitleTransformer()


@lru_cache(maxsize=512)
def parse_title(text: str) -> Title | None:
    """The shape of a title line (spaces removed), or None if it is no title."""
    text = clean(text) or ""
    if not text or len(text) > 120 or any(c in text for c in "。，；：！？"):
        return None
    toks = title_tokens(text)
    if not toks:
        return None
    found = parse("notice", toks, using=_TITLE)
    if found is None:
        return None
    kind, inner, draft = found
    if inner is not None:
        inner = _unquote(inner)
    return Title(kind, text, inner, draft)


def _unquote(text: str) -> str:
    """〈〉 inside a 《》 stand for 《》 one level down."""
    return text.replace("〈", "《").replace("〉", "》")


def _title_key(t: str) -> str:
    return _unquote(squeeze(t))


def _same_title(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _title_key(a) == _title_key(b)


# ---------------------------------------------------------------- issuing bodies

def _region_at(text: str, i: int, within: str | None, ends: list[int]) -> int:
    """Length of the region name starting at text[i] (0 if none), longest first.

    `ends` are the offsets of the line's unit characters (省 市 县 区…): a region
    name ends on one, so only those ends are tried."""
    for j in reversed(ends[bisect_left(ends, i + 1):bisect_right(ends, i + 11)]):
        k = j + 1 - i
        s = text[i:j + 1]
        full = _REGION_CACHE.get((s, within))
        if full is None:
            hit = regions.lookup(s, within=within) or regions.lookup(s)
            full = _REGION_CACHE[(s, within)] = hit is not None and hit.name == s
        if full:
            return k
    return 0


# (name, the region named before it on the line) -> is it a full region name there.  The answer
# depends on both (鼓楼区 is one region within 南京市, and ambiguous alone), so both are the key:
# a notice's rule set must not depend on the notices read before it in the same process.
_REGION_CACHE: dict[tuple[str, str | None], bool] = {}


def org_tokens(text: str) -> list[Tok]:
    """Tokens of a line of issuers: NATIONAL, REGION, SUFFIX, GAP and TEXT."""
    toks: list[Tok] = []
    words, national, firsts = _org_words()
    i, n, run = 0, len(text), -1      # run: start of the pending TEXT, -1 if none
    within = None
    ends = [m.start() for m in _UNIT_AT.finditer(text)]
    starts = regions.full_name_starts()

    while i < n:
        ch = text[i]
        if ch == " ":
            kind, j = "GAP", _GAP.match(text, i).end()
        elif k := (_region_at(text, i, within, ends) if ch in starts else 0):  # a full name starts with one of these
            kind, j = "REGION", i + k
            within = text[i:j]
        elif ch in firsts and (m := words.match(text, i)):  # no word starts with another character
            kind, j = ("NATIONAL" if m.group() in national else "SUFFIX"), m.end()
        else:
            if run < 0:
                run = i
            i += 1
            continue
        if run >= 0:
            toks.append(new_tok(Tok, ("TEXT", text[run:i], run, i, None)))
            run = -1
        toks.append(new_tok(Tok, (kind, text[i:j], i, j, None)))
        i = j
    if run >= 0:
        toks.append(new_tok(Tok, ("TEXT", text[run:n], run, n, None)))
    return toks


_GAP = re.compile(" +")


@lru_cache(maxsize=None)
def _org_words() -> tuple[re.Pattern, frozenset[str], frozenset[str]]:
    """The national prefixes, then the organ suffixes (one match tries both, in that order); the national
    ones; the first characters of both (the match is tried only at one of these)."""
    rx = re.compile(_alternation("org", "NATIONAL").pattern + "|" + _alternation("org", "SUFFIX").pattern)
    org = [(w, t) for w, t in _words("org") if t in ("NATIONAL", "SUFFIX")]
    return rx, frozenset(w for w, t in org if t == "NATIONAL"), frozenset(w[0] for w, _ in org)


@dataclass
class OrgItem:
    kind: str        # body | partial | lead
    start: int
    end: int


class OrgTransformer(Transformer):
    """Tree of grammar/org.lark -> OrgItems (offsets in the line)."""

    @staticmethod
    def _span(kind, children):
        toks = []
        for c in children:
            toks.extend(c if isinstance(c, list) else [c])
        toks = [t.value for t in toks if hasattr(t, "value") and isinstance(t.value, Tok) and t.type != "GAP"]
        return OrgItem(kind, toks[0].start, toks[-1].end)

    def head(self, children):
        return list(children)

    def tail(self, children):
        return list(children)

    def body(self, children):
        return self._span("body", children)

    def partial(self, children):
        return self._span("partial", children)

    def lead(self, children):
        return self._span("lead", [c for c in children if isinstance(c, list)])

    def items(self, children):
        return [c for c in children if isinstance(c, OrgItem)]

    def start(self, children):
        out: list[OrgItem] = []
        for c in children:
            if isinstance(c, OrgItem):
                out.append(c)
            elif isinstance(c, list):
                out.extend(c)
        return out


_ORG = OrgTransformer()
_REGION_OR_GAP = frozenset({"REGION", "GAP"})
_NOT_ORG = re.compile(r"[，。；：、《》“”（）()\d]")
_TWO_COMMAS = re.compile(r"，.*，")
_UNITS = "省市县区州盟旗"          # the last character of every region name in regions.tsv
_UNIT_AT = re.compile(f"[{_UNITS}]")


@lru_cache(maxsize=None)
def _org_ends() -> frozenset[str]:
    """Last characters of a line of issuers: of an organ suffix, or of a region (a broken name)."""
    return frozenset(w[-1] for w, t in _words("org") if t == "SUFFIX") | frozenset(_UNITS)


def parse_orgs(text: str) -> list[OrgItem] | None:
    """The issuing bodies of a line, or None if the line is something else."""
    s = text.strip()
    if not s or len(s) > 90 or (s[-1] not in _org_ends() and len(s) > 16) or _NOT_ORG.search(s):
        return None
    if not _starts_orgs(text):
        return None
    toks = org_tokens(text)
    types = tuple(map(TOK_TYPE, toks))
    if _REGION_OR_GAP.issuperset(types):
        return None           # bare region names (a table of districts) are no issuers
    shape = _org_shape(types)
    if not shape:
        return None
    return [OrgItem(kind, toks[a].start, toks[b - 1].end) for kind, a, b in shape]


def _starts_orgs(text: str) -> bool:
    """False if the first chunk of `text` (up to a space) cannot open a line of issuers.

    Under grammar/org.lark a line opens with a head (NATIONAL or REGION) or with
    the tail of a broken name (TEXT and SUFFIX ending on a SUFFIX before any GAP).
    A chunk without a suffix word that starts with neither kind of head is first
    a TEXT token that no SUFFIX closes (a name and post: 王胜利  县民政局局长), and
    is known to fail without tokenizing the line."""
    i = len(text) - len(text.lstrip(" "))
    chunk = text[i:].split(" ", 1)[0]
    if _alternation("org", "SUFFIX").search(chunk) or _alternation("org", "NATIONAL").match(chunk):
        return True
    ends = [m.start() for m in _UNIT_AT.finditer(chunk)]
    return chunk[:1] in regions.full_name_starts() and _region_at(chunk, 0, None, ends) > 0


@lru_cache(maxsize=512)
def _org_shape(types: tuple[str, ...]) -> tuple[tuple[str, int, int], ...] | None:
    """The items of a line of issuers as (kind, first token, last token + 1).

    The parse depends on the token types only, so lines of one layout
    (REGION TEXT SUFFIX GAP REGION TEXT SUFFIX) are parsed once."""
    items = parse("org", [Tok(t, t, i, i + 1) for i, t in enumerate(types)], using=_ORG)
    if items is None:
        return None
    return tuple((it.kind, it.start, it.end) for it in items)


# ---------------------------------------------------------------- layout

@dataclass
class Row:
    index: int
    line: object                      # normalize.Line
    kind: str                         # title | docno | orgs | date | head | text
    title: Title | None = None
    span: int = 1                     # lines a title takes
    docno: str | None = None
    orgs: list[OrgItem] | None = None
    date: object = None               # values.Value of a full or partial date


@dataclass
class Doc:
    row: Row
    docno: tuple[str, Row] | None = None
    issuers: list[tuple[str, Row, int]] = field(default_factory=list)
    date: tuple[str | None, Row] | None = None
    end: int = 0                      # index of the first row after the document's letter part


def _date_of(text: str):
    """The date of a date line (2024年9月5日, 二〇二四年八月二十二日, 2024年9月  日), else None."""
    s = text.strip()
    if not s or len(s) > 24 or not (s[0].isdigit() or s[0] in "二〇一"):
        return None
    if "年" not in s or "月" not in s:
        return None           # values.SCAN reads a year only before 年, a month only before 月
    vals = scan(s)
    if not vals or vals[0].kind != "date" or vals[0].start != 0:
        return None
    d = vals[0].value
    rest = s[vals[0].end:].replace(" ", "")
    if d.year is None or d.month is None or rest not in ("", "日"):
        return None
    return vals[0]


def _iso(value) -> str | None:
    d = value.value
    if d.year and d.month and d.day:
        return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
    return None


def _classify(lines, front_end: int) -> list[Row]:
    rows: list[Row] = []
    head_mark = tuple(vocab()["layout"]["HEAD_MARK"])
    skip = 0
    for i, line in enumerate(lines):
        if skip:
            skip -= 1
            rows.append(Row(i, line, "cont"))
            continue
        text = line.text
        if line.cells is not None or not text:
            rows.append(Row(i, line, "text"))
            continue
        row = Row(i, line, "text")
        if len(text) > 150 or _is_sentence(text):
            rows.append(row)      # a sentence of the body
            continue
        compact = squeeze(text)
        if len(compact) <= 40:
            dn = doc_number(compact) if compact.endswith("号") else None
            if dn is None and compact.endswith(head_mark):
                row.kind = "head"
            elif dn:
                row.kind, row.docno = "docno", dn
            elif compact[0].isdigit() or compact[0] in _CN_YEAR:
                date = _date_of(text)
                if date is not None:
                    row.kind, row.date = "date", date
        if row.kind == "text":
            orgs = parse_orgs(text)
            if orgs:
                row.kind, row.orgs = "orgs", orgs
            elif compact.endswith(head_mark):
                mark = next(m for m in head_mark if compact.endswith(m))
                if parse_orgs(compact[: -len(mark)]):
                    row.kind = "head"
        if row.kind == "text" and i < front_end and heading_level(text) is None:
            title, span = _title_at(lines, i)
            if title:
                row.kind, row.title, row.span = "title", title, span
                skip = span - 1
        rows.append(row)
    return rows


_CN_YEAR = "二〇一○零"


def _is_sentence(text: str) -> bool:
    """A line holding 。；！？ or two commas: substring tests (a regex opening with a class is tried at every character)."""
    return ("。" in text or "；" in text or "！" in text or "？" in text
            or ("，" in text and _TWO_COMMAS.search(text) is not None))


@lru_cache(maxsize=None)
def _title_ends() -> frozenset[str]:
    """Last characters of a title: of its KIND, or of its DRAFT mark."""
    return frozenset(w[-1] for w, t in _words("title") if t in ("KIND", "DRAFT"))


def _title_at(lines, i: int) -> tuple[Title | None, int]:
    """A title starting at line i, joined over up to three lines (Word breaks long titles)."""
    text = ""
    for span in range(1, 4):
        if i + span - 1 >= len(lines):
            break
        nxt = lines[i + span - 1]
        if nxt.cells is not None or (span > 1 and heading_level(nxt.text)):
            break
        text += nxt.text
        if len(text) > 150 or any(c in text for c in "。，；！？"):
            break
        if text.rstrip(" ）)")[-1:] not in _title_ends():
            continue
        t = parse_title(text)
        if t:
            # a title followed by its draft mark on a line of its own
            if i + span < len(lines) and not t.draft:
                more = parse_title(text + lines[i + span].text)
                if more and more.draft and len(clean(lines[i + span].text)) <= 10:
                    return more, span + 1
            return t, span
    return None, 1


def _front_end(lines) -> int:
    """Index of the first level-1 heading (一、): the chain of letters stands before it."""
    for i, line in enumerate(lines):
        hl = heading_level(line.text) if line.cells is None else None
        if hl and hl[0] == 1:
            return i
    return min(len(lines), 40)


def _issuers(rows: list[Row]) -> list[tuple[str, Row, int]]:
    """Issuing bodies of consecutive issuer rows, in signing order, broken names joined.

    A body broken at the end of a column (国家税务总局合肥市) continues on the next
    line when that line holds a single item (瑶海区税务局) or a tail (委员会)."""
    out: list[tuple[str, Row, int]] = []
    pending: int | None = None        # index in out of a partial body awaiting its rest
    for r in rows:
        items = r.orgs or []
        for k, it in enumerate(items):
            text = clean(r.line.text[it.start:it.end])
            if k == 0:
                if pending is not None and (it.kind == "lead" or len(items) == 1):
                    name, row, off = out[pending]
                    out[pending] = (name + text, row, off)
                    pending = None
                    continue
                pending = None
            if it.kind == "partial":
                pending = len(out)
            out.append((text, r, it.start))
    return out


def _read_doc(rows: list[Row], t: int, stop: int, prev_end: int, last: bool) -> Doc:
    """The parts of the document whose title is rows[t]: head (prev_end..t), letter (t..stop)."""
    doc = Doc(rows[t], end=stop)
    header = rows[prev_end:t]
    for r in header:
        if r.kind == "docno":
            doc.docno = (r.docno, r)
    after = t + rows[t].span
    for r in rows[after:min(stop, after + 3)]:
        if r.kind == "docno" and doc.docno is None:
            doc.docno = (r.docno, r)
    # the signature: issuer rows ending at a date line
    for j in range(after, stop):
        r = rows[j]
        if r.kind != "date":
            continue
        k = j
        while k > after and rows[k - 1].kind in ("orgs", "cont"):
            k -= 1
        sig = [x for x in rows[k:j] if x.kind == "orgs"]
        if sig or not last:
            doc.issuers = _issuers(sig)
            doc.date = (_iso(r.date), r)
            doc.end = j + 1
            break
    if not doc.issuers:
        head = [r for r in header if r.kind == "orgs"]
        doc.issuers = _issuers(head)
    return doc


# ---------------------------------------------------------------- facts

def _sentence_at(doc, line, offset: int):
    best = None
    for s in _sentences_of(doc).get(id(line), ()):
        if s.start <= offset:
            best = s
    return best


def _sentences_of(doc) -> dict:
    cache = getattr(doc, "_notice_sentences", None)
    if cache is None:
        cache = {}
        for s in doc.sentences:
            cache.setdefault(id(s.line), []).append(s)
        doc._notice_sentences = cache
    return cache


def _ev(doc, row: Row, offset: int = 0, **flags) -> Evidence:
    sent = _sentence_at(doc, row.line, offset)
    if sent is not None:
        return evidence(sent, max(0, offset - sent.start), **flags)
    return Evidence(row.line.line_at(offset), row.line.text.strip(), loc=row.line.loc, **flags)


def _use_figures(doc, rs, line, start: int, end: int) -> None:
    """Mark the figures of line.text[start:end] (a title, a date line) as accounted for."""
    for sent in _sentences_of(doc).get(id(line), ()):
        s0, s1 = sent.start, sent.start + len(sent.text)
        if s1 <= start or s0 >= end:
            continue
        for v in sent.values:          # scan(sent.text), computed once per sentence
            if start <= s0 + v.start < end:
                use(rs, sent, v)


def apply(doc, rs) -> None:
    lines = doc.norm.lines
    front_end = _front_end(lines)
    rows = _classify(lines, front_end)
    titles = [i for i, r in enumerate(rows) if r.kind == "title"]

    docs: list[Doc] = []
    prev_end = 0
    for n, t in enumerate(titles):
        last = n == len(titles) - 1
        stop = titles[n + 1] if not last else len(rows)
        d = _read_doc(rows, t, stop, prev_end, last)
        docs.append(d)
        prev_end = d.end if d.date else t + rows[t].span

    forwarders = []
    while docs and docs[0].row.title.kind == "forward":
        forwarders.append(docs.pop(0))
    carrier = docs[0] if docs else None
    plan = next((d for d in docs[1:] if d.row.title.kind in ("plan", "letter")), None) if carrier else None

    # ------------------------------------------------ title and status
    title, title_ev = None, None
    if carrier is not None and carrier.row.title.kind == "issue":
        if plan is not None:
            title, title_ev = plan.row.title.text, _ev(doc, plan.row)
        else:
            title, title_ev = carrier.row.title.inner, _ev(doc, carrier.row)
    elif carrier is not None:
        title, title_ev = carrier.row.title.text, _ev(doc, carrier.row)
    elif forwarders:
        inner = parse_title(forwarders[-1].row.title.inner or "")
        title = inner.inner if inner and inner.kind == "issue" else forwarders[-1].row.title.inner
        title_ev = _ev(doc, forwarders[-1].row)
    if title is None:
        title, title_ev = _headline(doc, rows, front_end)
    if title is None and doc.hints.get("title"):
        title, title_ev = clean(doc.hints["title"]), Evidence(1, str(doc.hints["title"]))
    if title:
        rs.put("/notice/title", title, title_ev)
        for d in ([plan] if plan else []) + ([carrier] if carrier else []) + forwarders:
            _use_figures(doc, rs, d.row.line, 0, len(d.row.line.text))
    chain_titles = [d.row.title for d in forwarders + docs]
    draft_words = _alternation("title", "DRAFT")
    if any(t.draft for t in chain_titles[-2:]) or (title and draft_words.search(title)):
        rs.put("/notice/status", "draft", title_ev)

    # ------------------------------------------------ the carrying letter
    own_docno = None
    if carrier is not None:
        own_docno = _put_letter(doc, rs, "/notice", carrier)
        if own_docno is None:
            own_docno = _cited_docno(doc, rows, forwarders, carrier, plan, rs)
    else:
        for r in rows[:front_end]:
            if r.kind == "docno" and not forwarders:
                own_docno = r.docno
                rs.put("/notice/doc_number", r.docno, _ev(doc, r))
                break
        if forwarders:
            own_docno = _cited_docno(doc, rows, forwarders, None, None, rs)
        if not rs.get("/notice/issuers"):
            _put_end_signature(doc, rs, rows)
    # A web page's PubDate is when the page went up, not when the notice was issued:
    # it is not taken for issued_on (a value not stated is null, never guessed).

    # ------------------------------------------------ forwarding letters
    chain_docnos = {own_docno}
    for f in forwarders:
        item = {"issuers": [x[0] for x in f.issuers],
                "issued_on": f.date[0] if f.date else None,
                "doc_number": f.docno[0] if f.docno else None,
                "title": f.row.title.text}
        evs = {"": _ev(doc, f.row), "title": _ev(doc, f.row)}
        if f.date:
            evs["issued_on"] = _ev(doc, f.date[1])
            _use_figures(doc, rs, f.date[1].line, 0, len(f.date[1].line.text))
        if f.docno:
            evs["doc_number"] = _ev(doc, f.docno[1])
            chain_docnos.add(f.docno[0])
        if f.issuers:
            evs["issuers"] = _ev(doc, f.issuers[0][1], f.issuers[0][2])
        rs.append("/notice/forwarded_by", item, evs)

    _references(doc, rs, chain_docnos, [t.text for t in chain_titles] + [t.inner for t in chain_titles] + [title])
    _strip_issuers_from_title(rs)


def _strip_issuers_from_title(rs) -> None:
    """常德市医疗保障局常德市财政局…关于做好…的通知: issuers on the title's first line are not the title."""
    title = rs.get("/notice/title")
    names = sorted(set(rs.get("/notice/issuers") or []), key=len, reverse=True)
    if not title or not names:
        return
    rest = title
    changed = True
    while changed:
        changed = False
        for name in names:
            if rest.startswith(name):
                rest, changed = rest[len(name):], True
    if rest != title and len(rest) >= 8:
        rs.put("/notice/title", rest, rs.evidence_for("/notice/title"))


def _put_letter(doc, rs, base: str, d: Doc) -> str | None:
    if d.issuers:
        for name, row, off in d.issuers:
            rs.append(f"{base}/issuers", name, _ev(doc, row, off))
    if d.date and d.date[0]:
        rs.put(f"{base}/issued_on", d.date[0], _ev(doc, d.date[1]))
        _use_figures(doc, rs, d.date[1].line, 0, len(d.date[1].line.text))
    if d.docno:
        rs.put(f"{base}/doc_number", d.docno[0], _ev(doc, d.docno[1]))
        return d.docno[0]
    return None


def _put_end_signature(doc, rs, rows: list[Row]) -> None:
    """A document without a title line: its last signature block (issuers, then a date line)."""
    for j in range(len(rows) - 1, -1, -1):
        if rows[j].kind != "date":
            continue
        k = j
        while k > 0 and rows[k - 1].kind in ("orgs", "cont"):
            k -= 1
        sig = [x for x in rows[k:j] if x.kind == "orgs"]
        if not sig:
            continue
        for name, row, off in _issuers(sig):
            rs.append("/notice/issuers", name, _ev(doc, row, off))
        iso = _iso(rows[j].date)
        if iso:
            rs.put("/notice/issued_on", iso, _ev(doc, rows[j]))
            _use_figures(doc, rs, rows[j].line, 0, len(rows[j].line.text))
        return


def _cited_docno(doc, rows, forwarders, carrier, plan, rs) -> str | None:
    """The 文号 a forwarding letter gives for the document it forwards: 《X》（合医保发〔2024〕15号）."""
    if not forwarders:
        return None
    f = forwarders[-1]
    names = [t for t in (carrier and carrier.row.title.text, carrier and carrier.row.title.inner,
                         plan and plan.row.title.text, f.row.title.inner) if t]
    first = None
    for r in rows[f.row.index:f.end]:
        for cite in _citations(r.line.text):
            if not cite.docno:
                continue
            hit = (r, cite)
            if first is None:
                first = hit
            if any(_same_title(cite.title, n) for n in names) or (
                    cite.title and any(_same_title(cite.title, parse_title(n).inner if parse_title(n) else None)
                                       for n in names)):
                first = hit
                break
        else:
            continue
        break
    if first is None:
        return None
    r, cite = first
    rs.put("/notice/doc_number", cite.docno, _ev(doc, r, cite.docno_start))
    return cite.docno


# ---------------------------------------------------------------- references

@dataclass
class Citation:
    title: str | None
    docno: str | None
    start: int
    end: int
    docno_start: int = 0
    self_mark: bool = False


_PAREN_OPEN = re.compile(r" ?[（(]")      # matched at an offset: no slice of the text is built
_PAREN_CLOSE = re.compile(r" ?[）)]")


def _citations(text: str) -> list[Citation]:
    """《title》（文号）, 《title》 and bare 文号 of a text, in order."""
    out: list[Citation] = []
    numbers = find_doc_numbers(text)  # its anchor search fails at once on a text without 文号
    taken: set[int] = set()
    marks = _alternation("reference", "SELF_MARKS")
    for m in _QUOTE.finditer(text):
        title = squeeze(m.group()[1:-1]) or None
        cite = Citation(title, None, m.start(), m.end())
        rest = m.end()
        follow = _PAREN_OPEN.match(text, m.end())
        if follow:
            for k, (s, e, dn) in enumerate(numbers):
                if m.end() < s <= m.end() + 3:
                    close = _PAREN_CLOSE.match(text, e)
                    cite.docno, cite.docno_start, cite.end = dn, s, close.end() if close else e
                    rest = cite.end
                    taken.add(k)
                    break
        cite.self_mark = bool(marks.match(text, rest))
        out.append(cite)
    for k, (s, e, dn) in enumerate(numbers):
        if k not in taken and not any(c.start <= s < c.end for c in out):
            out.append(Citation(None, dn, s, e, s))
    return sorted(out, key=lambda c: c.start)


def _references(doc, rs, own: set, chain_titles: list) -> None:
    kinds = tuple(vocab()["reference"]["DOC_KINDS"])
    seen_title: dict[str, int] = {}
    seen_no: dict[str, int] = {}
    chain = {_title_key(t) for t in chain_titles if t}
    for sent in doc.sentences:
        text = sent.text
        if "《" not in text and "号" not in text:
            continue
        for cite in _citations(text):
            if cite.self_mark or (cite.docno and cite.docno in own):
                continue
            if cite.title and _title_key(cite.title) in chain:
                continue
            if cite.docno is None and not (cite.title or "").endswith(kinds):
                continue
            _use_figures(doc, rs, sent.line, sent.start + cite.start, sent.start + cite.end)
            idx = seen_no.get(cite.docno) if cite.docno else None
            if idx is None and cite.title:
                idx = seen_title.get(cite.title)
            ev = evidence(sent, cite.start)
            if idx is not None:
                item = rs.get("/notice/references")[idx]
                if item["doc_number"] is None and cite.docno:
                    item["doc_number"] = cite.docno
                    seen_no[cite.docno] = idx
                if item["title"] is None and cite.title:
                    item["title"] = cite.title
                    seen_title[cite.title] = idx
                continue
            idx = rs.append("/notice/references", {"doc_number": cite.docno, "title": cite.title}, ev)
            if cite.docno:
                seen_no[cite.docno] = idx
            if cite.title:
                seen_title[cite.title] = idx


# ---------------------------------------------------------------- no title line

def _headline(doc, rows: list[Row], front_end: int):
    """A document without a title of known shape (a news page): its first short line without
    punctuation that is no breadcrumb, date, 文号 or issuer line."""
    for r in rows[:max(front_end, 1)]:
        text = r.line.text
        if r.line.breaks:                 # a headline ends its own line (a subtitle may follow)
            text = text[:r.line.breaks[0][0]]
        text = text.strip()
        if r.kind != "text" or r.line.cells is not None or not text:
            continue
        if len(text) > 40 or any(c in text for c in "。，；：！？>|/"):
            continue
        if not regions.find(text):
            continue
        return clean(text), _ev(doc, r)
    return None, None
