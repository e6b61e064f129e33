"""normalize: fold widths, canonical punctuation, remove conversion artifacts,
re-join lines broken by Word/PDF conversion, and keep a map back to the
original line numbers.

Canonical punctuation (what every grammar is written against):
  ，。；：！？（）、《》〈〉“”  full width;  digits, letters, % . - ~ / half width.
Table cells stay cells: a line that starts with TAB is a table line and is
never joined with its neighbours.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from itertools import count, repeat

from . import limits
from .lazy_re import lazy_compile

# ---------------------------------------------------------------- characters
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
                                    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                                 "\u2008\u2009\u200a\u202f\u205f"), " ")
_SPACES[0x3000] = "  "  # an ideographic space is a wide gap
_PUNCT = {
    ",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
    "<": "〈", ">": "〉", "＜": "〈", "＞": "〉", "「": "“", "」": "”",
    "．": ".", "－": "-", "～": "~", "‐": "-", "‑": "-", "–": "-", "﹣": "-",
    "［": "[", "］": "]", "｛": "{", "｝": "}", "﹐": "，", "﹔": "；", "﹕": "：",
}


def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        ch = chr(code)
        table[code] = unicodedata.normalize("NFKC", ch)
    for code in range(0, 0x20):
        if chr(code) not in "\t\n":
            table[code] = None
    table[0x7F] = None
    for k in ("，", "；", "：", "？", "！", "（", "）"):  # keep canonical full-width ones
        table.pop(ord(k), None)
    table.update(_ZERO_WIDTH)
    table.update(_SPACES)
    for k, v in _PUNCT.items():
        table[ord(k)] = v
    return table


FOLD = _fold_table()
_SURROGATE = lazy_compile("[\ud800-\udfff]")

# ---------------------------------------------------------------- artifacts
_BOOKMARK = re.compile(r"\[bookmark:[^\]\[\n]*\]")  # no [ inside: linear on "[bookmark:" runs; one line
_PAGE_FOOTER = re.compile(r"^\s*(?:[—\-－–]+\s*\d{1,3}\s*[—\-－–]+|第\s*\d{1,3}\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3}\s*/\s*\d{1,3})\s*$")
_MD_BULLET = lazy_compile(r"^\s*(?:[-*•·]\s+)+(?=\S)")  # all leading bullets: "- - x" -> "x" (idempotent)
_FOOTER_FIRST = "—-－–第"  # with a digit, what _PAGE_FOOTER can open with after its spaces
_BULLETS = "-*•·"  # what _MD_BULLET can open with after its spaces
_COMMA_THOUSANDS = re.compile(r"，(?<=\d，)(?=\d{3}(?!\d))")  # 1,070: after folding every comma is ，
_SPACE_THOUSANDS = re.compile(r" (\d{3})(?=[ ]*(?:万元|元))")  # 1 100元 (PDF); see _join_thousands
_PIPE_RULE = lazy_compile(r":?-{2,}:?")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.]|（[一二三四五六七八九十]{1,3}）|[（(]\d{1,2}[）)]"
    r"|\d{1,2}[.、](?!\d)|附件|附：|第[一二三四五六七八九十]+[章条节部分])")
_DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$|^[二〇一二三四五六七八九零○]{4}年.{1,3}月.{1,3}日$")
_LABEL_LINE = r"^[\u4e00-\u9fff ]{1,8}："  # a pattern, read only as a part of _OPENS_OWN_LINE
_TERMINAL = "。；！？：:"
_CONTINUES = "，、（《“—-"
_CONT_START = re.compile(r"^[\d年月日号元%）》〉”，。、；：]")
_TITLE_END = re.compile(r"(?:通知|方案|意见|办法|决定|通告|公告|细则|规定)(?:（[^）]{0,8}稿）)?$")
_TITLE_LAST = frozenset("知案见法定告则）")  # the last characters _TITLE_END can match
WRAP_WIDTH = 16


def fold(text: str) -> str:
    """Character-level normalization (no joining); never adds or removes a line break."""
    if not _encodable(text):
        text = _SURROGATE.sub("", text)
    if "[bookmark:" in text:  # the literal _BOOKMARK opens with: a substring search is far cheaper than sub
        text = _BOOKMARK.sub("", text)
    text = _FOLDABLE.sub(_fold_char, text)
    text = _COMMA_THOUSANDS.sub("", text)
    text = _SPACE_THOUSANDS.sub(_join_thousands, text)
    text = _SPACE_RUN.sub("", text)
    return text


# The folds below find their place by a literal or a character class first: a
# pattern that opens with a lookbehind is tried at every character of the text.
_FOLD_STR = {chr(k): v or "" for k, v in FOLD.items()}
_FOLDABLE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_FOLD_STR)) + "]")
# A run of spaces between a number and its unit, or between a number and the words around it, goes:
# after a digit or a point before a unit, after a digit before words, after words before a digit.
# A literal space first ("[ ]+" is tried at every character); the lookbehinds then read the character
# before that space (so only the first space of a run can match: a space is in none of their classes),
# and each run is taken whole or not at all (possessive).  A plain "" replacement runs in C, with no
# Python callback per run.
_UNIT_AFTER_NUMBER = "年月日元号%万千百角分周岁个天时人名户家倍"
_DIGIT_AFTER = "〕），、：（"   # words a digit may follow
_AFTER_DIGIT = "〔（，。；、"   # words that may follow a digit
_CJK = "\u3400-\u9fff"
_SPACE_RUN = re.compile(
    " (?:(?<=[\\d.] )[ ]*+(?=[" + _UNIT_AFTER_NUMBER + "])"
    "|(?<=\\d )[ ]*+(?=[" + _CJK + _AFTER_DIGIT + "])"
    "|(?<=[" + _CJK + _DIGIT_AFTER + "] )[ ]*+(?=\\d))")


def _encodable(text: str) -> bool:
    """No lone surrogates (the common case, tested in C before the regex runs).  UTF-16 refuses
    every surrogate code point as UTF-8 does, and encodes CJK text in half the time."""
    try:
        text.encode("utf-16-le")
    except UnicodeEncodeError:
        return False
    return True


def _fold_char(m: re.Match) -> str:
    return _FOLD_STR[m.group()]


def _join_thousands(m: re.Match) -> str:
    """' 100' of '1 100元': the space goes when one to three digits, not after a digit or a point, precede it."""
    text, s = m.string, m.start()
    j = s
    while j > 0 and s - j < 3 and text[j - 1].isdecimal():
        j -= 1
    if j == s or (j > 0 and (text[j - 1].isdecimal() or text[j - 1] == ".")):
        return m.group()
    return m.group(1)


@dataclass
class Line:
    """A logical line: a paragraph, a heading, or a table row."""
    text: str                     # normalized text
    origin: int                   # original line number (1-based) of its first character
    breaks: list[tuple[int, int]] = field(default_factory=list)  # (offset, original line) where joined lines start
    cells: list[str] | None = None  # table lines: the cells
    loc: str | None = None

    def line_at(self, offset: int) -> int:
        """Original line number of the character at `offset`."""
        line = self.origin
        for off, orig in self.breaks:
            if off <= offset:
                line = orig
            else:
                break
        return line


@dataclass
class Normalized:
    lines: list[Line]
    raw: list[str]  # the original lines, for quotes

    def quote(self, line_no: int) -> str:
        if 1 <= line_no <= len(self.raw):
            return self.raw[line_no - 1].strip()
        return ""


def is_heading(text: str) -> bool:
    return bool(_HEADING.match(text))


# what ends a wrapped line before `nxt`, in one call: a heading, a date line or a label opens it
_OPENS_OWN_LINE = re.compile("|".join((_HEADING.pattern, _DATE_LINE.pattern, _LABEL_LINE)))
_DATE_MAX = 14  # no line longer than this is a _DATE_LINE (13 characters and a final newline)


def _joins(prev: str, nxt: str) -> bool:
    """Whether `nxt` continues `prev`; both are stripped lines (a _view of one is stripped too)."""
    if not prev or not nxt:
        return False
    if prev[-1] in _TERMINAL:
        return False
    if _OPENS_OWN_LINE.match(nxt) or (len(prev) <= _DATE_MAX and _DATE_LINE.match(prev)):
        return False
    if "  " in prev or "  " in nxt:  # a layout gap of two spaces or more (both are stripped)
        return False
    if prev[-1] in _TITLE_LAST and _TITLE_END.search(prev):
        return False  # a document title ends its own line
    if len(prev) < WRAP_WIDTH and prev[-1] not in _CONTINUES and is_heading(prev):
        return False
    if prev[-1] in _CONTINUES or _CONT_START.match(nxt) or len(prev) >= WRAP_WIDTH or _word_across(prev, nxt):
        # two lines that would join into what reads as a page footer (- | 0-) or as a pipe table
        # row (| | 0|) stay apart: a second pass would drop the joined line as a footer or cut
        # it into cells, and normalize is a fixed point
        if prev[0] == "|" and nxt[-1] == "|":
            return False
        return not ((prev[0] in _FOOTER_FIRST or prev[0].isdecimal()) and _PAGE_FOOTER.match(prev + nxt))
    return False


_WORDS: list = []  # the vocabulary's word pattern, loaded on first use (lexicon loads the vocabulary)


def _word_across(prev: str, nxt: str) -> bool:
    """A vocabulary word broken by the line end (低保边缘家庭成 | 员) means the line was wrapped."""
    if not _WORDS:
        from .lexicon import word_pattern
        _WORDS.append(word_pattern())
    head, tail = prev[-8:], nxt[:8]
    joined = head + tail
    for m in _WORDS[0].finditer(joined):
        if m.start() < len(head) < m.end() and len(m.group()) >= 3:
            return True
    return False


def _cut(text: str, size: int) -> list[str]:
    """`text` in pieces of at most `size` characters, each ending after a 。；， near its end when there is one."""
    pieces = []
    while len(text) > size:
        end = max(text.rfind(p, max(0, size - 1000), size) for p in "。；，") + 1 or size
        pieces.append(text[:end])
        text = text[end:]
    pieces.append(text)
    return pieces


def _view(parts: list[str], total: int) -> str:
    """What _joins needs of a pending line (its start, its end, and its gaps) without copying it whole:
    joining line after line stays linear however long the paragraph grows."""
    if total <= 64 or len(parts) == 1:
        return "".join(parts)
    tail: list[str] = []
    n = 0
    for part in reversed(parts):
        tail.append(part)
        n += len(part)
        if n >= 32:
            break
    # a joined line has no layout gap (each piece was checked), and "…" makes none
    return parts[0][:32] + "…" + "".join(reversed(tail))[-32:]


def _table_row(f: str, g: str, number: int, loc: str | None) -> Line:
    """The Line of a table row: `f` starts with TAB, or `g` (f stripped) is a pipe row | a | b |."""
    if not f.startswith("\t"):  # a pipe table row written in plain text: | 区 | 医保 | 税务 |
        cells = [x.strip() for x in g[1:-1].split("|")]
        if all(_PIPE_RULE.fullmatch(c) for c in cells if c):
            cells = []  # the |---|---| rule under the header
    else:
        cells = [x.strip() for x in f.split("\t")][1:]
    if len([c for c in cells if c]) <= 1:
        cells = [c for c in cells if c]  # one cell per line: a flattened table
    if any(cells):
        return Line("\t" + "\t".join(cells), number, [], cells, loc)
    return Line("", number, [], [], loc)  # keeps the row break of a flattened table


def normalize(raw_lines: list[str], locs: list[str | None] | None = None) -> Normalized:
    """Normalize the loaded lines into logical lines with an origin map.

    A line longer than limits.MAX_LINE_CHARS is cut into pieces (each a Line with the
    same origin), and lines are joined only while the result stays within that limit."""
    out: list[Line] = []
    pending: Line | None = None  # the last paragraph of `out` while the next line may continue it
    parts: list[str] = []   # the texts joined into `pending`
    total = 0               # their length
    joined: list[tuple[Line, list[str]]] = []  # paragraphs of more than one line: their texts join at the end

    # fold the whole text at once (far fewer calls than line by line); it keeps the line count
    whole = fold("\n".join(raw_lines))
    folded = whole.split("\n")
    if len(folded) != len(raw_lines):  # pragma: no cover - fold never touches line breaks
        folded = [fold(r) for r in raw_lines]
    # A table row starts with TAB or "|" (after folding): with neither anywhere, no line is tested.
    tables = "\t" in whole or "|" in whole
    limit = limits.MAX_LINE_CHARS
    # (the lines stripped in one C-level map: g is f without its surrounding whitespace)
    for number, f, g, loc in zip(count(1), folded, map(str.strip, folded), locs or repeat(None)):
        # structure is read on the folded line, so a second pass sees the same; a pipe row may be
        # indented (its text is read stripped, so must its structure be)
        if tables and (f.startswith("\t") or (g.startswith("|") and g.endswith("|") and len(g) > 1)):
            pending = None
            out.append(_table_row(f, g, number, loc))
            continue
        if not g:  # blank lines carry no meaning once wrapped lines are joined
            # (fold keeps a blank line blank, so a line blank as read is blank here too), except a row
            # break inside a flattened table: after a table row, before a paragraph still open
            if tables and not raw_lines[number - 1].strip():
                at = len(out) - (pending is not None)
                if at and out[at - 1].cells:
                    out.insert(at, Line("", number, [], [], loc))
            continue
        # footers and bullets are rare: their regexes run only when the first character can open one
        # (their patterns skip the surrounding whitespace with \s*)
        first = g[0]
        if (first in _FOOTER_FIRST or first.isdecimal()) and _PAGE_FOOTER.match(g):
            continue
        text = _MD_BULLET.sub("", f).strip() if first in _BULLETS else g  # (never empty: see (?=\S))
        if len(text) > limit:  # cut for parsing: pieces of one original line
            pieces = _cut(text, limit)
            out.extend(Line(piece, number, [], None, loc) for piece in pieces[:-1])
            text = pieces[-1]
        # (a line ending a sentence ends its paragraph: tested before _joins, which would say the same)
        elif pending and parts[-1][-1] not in _TERMINAL and total + len(text) <= limit and \
                _joins(parts[0] if len(parts) == 1 else _view(parts, total), text):
            if len(parts) == 1:
                joined.append((pending, parts))
            pending.breaks.append((total, number))
            parts.append(text)
            total += len(text)
            continue
        pending, parts, total = Line(text, number, [], None, loc), [text], len(text)
        out.append(pending)
    for line, texts in joined:
        line.text = "".join(texts)
    return Normalized(out, list(raw_lines))
