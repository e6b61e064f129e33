"""segment: logical lines -> outline sections, sentences, clauses, tables.

A sentence ends at 。！？ or ；, outside brackets.  A clause is a part of a
sentence between ，(outside brackets).  Headings (一、 /（一） / 1. /（1）)
open sections; a heading that runs on into its body (（一）筹资标准。2024年…)
gives its title to the section and its body to the sentences.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from .normalize import Line, Normalized
from .tables import table_rows
from .lexicon import tokens
from .values import scan

_LEVELS = [  # (level, the pattern of its marker)
    (1, r"^[一二三四五六七八九十]{1,3}、"),
    (2, r"^（[一二三四五六七八九十]{1,3}）"),
    (3, r"^\d{1,2}[.、](?!\d)"),
    (4, r"^[（(]\d{1,2}[）)]"),
]
# the four markers in one pattern, in level order: the group that matched is the level
_MARKER = re.compile("|".join(f"({rx[1:]})" for _, rx in _LEVELS))
assert all(level == n for n, (level, _) in enumerate(_LEVELS, 1))
_OPEN = "（《“〈[【〔"
_CLOSE = "）》”〉]】〕"
SENTENCE_END = "。！？；"  # sentence_pieces writes them out
# greedy: the same match as a lazy {1,40}? (the title cannot hold an end), without trying an end
# after each character
_INLINE_TITLE = re.compile(r"([^。；：]{1,40})[。；：]")


_MARK_FIRST = frozenset("一二三四五六七八九十（(")  # every outline marker starts with one, or with a digit


def heading_level(text: str) -> tuple[int, int] | None:
    """(level, length of the marker) if `text` starts with an outline marker."""
    if not text or (text[0] not in _MARK_FIRST and not text[0].isdecimal()):
        return None
    m = _MARKER.match(text)
    if m:
        return m.lastindex, m.end()
    return None


@lru_cache(maxsize=None)
def _marks(seps: str) -> re.Pattern:
    # captured, so that re.split hands back the marks between the pieces
    return re.compile("([" + re.escape(_OPEN + _CLOSE + seps) + "])")


def split_outside(text: str, seps: str) -> list[str]:
    """Split text at any of `seps` that stand outside brackets, like str.split: the pieces
    without the seps, each starting one character after the one before ends.
    Only brackets and separators are visited: re.split cuts the text at them in one call
    (bits alternate: text, mark, text, ...), cheaper than a match object per mark."""
    bits = _marks(seps).split(text)
    parts: list[str] = []
    depth = 0
    start = 0
    i = len(bits[0])  # offset of the current mark
    for k in range(1, len(bits), 2):
        ch = bits[k]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth:
                depth -= 1
        elif not depth:
            parts.append(text[start:i])
            start = i + 1
        i += 1 + len(bits[k + 1])
    parts.append(text[start:])
    return parts


# a bracket opened and, before any bracket closes, another one opened or a sentence end
_OPEN_THEN_END = re.compile("[{0}][^{1}]*[{0}{2}]".format(*map(re.escape, (_OPEN, _CLOSE, SENTENCE_END))))


def sentence_pieces(text: str) -> list[str]:
    """split_outside(text, SENTENCE_END): the pieces of text between its sentence ends."""
    if _OPEN_THEN_END.search(text) is not None:
        return split_outside(text, SENTENCE_END)
    # Exact shortcut for the other texts (most lines): after each opening bracket the next
    # bracket or sentence end is a closing bracket, so the depth goes 0 -> 1 -> 0 around it and
    # every sentence end stands at depth 0 and cuts.  str.split finds the same pieces in C, far
    # cheaper than split_outside's re.split and walk over every mark, once the other ends are
    # made 。 (one character for one: the offsets stay); the replaces are written out, as a loop
    # over the ends costs more than they do.
    return text.replace("！", "。").replace("？", "。").replace("；", "。").split("。")


_NO_KINDS: frozenset = frozenset()


@dataclass(init=False)
class Sentence:
    text: str
    line: Line
    start: int                      # offset of the sentence in line.text
    section: tuple[str, ...]        # titles of the enclosing headings, outermost first
    index: int = 0
    heading: str | None = None      # the title, when the sentence opens with an inline heading
    # its figures (extractor.values.scan) and their kinds, made with the sentence: every
    # family reads them, and unexplained needs every sentence's
    values: list = field(default=None, repr=False)
    kinds: frozenset = field(default=None, repr=False)

    # written out rather than generated with a __post_init__: one call less for each of the
    # hundred sentences of a notice
    def __init__(self, text: str, line: Line, start: int, section: tuple[str, ...], index: int = 0,
                 heading: str | None = None, values: list | None = None, kinds: frozenset | None = None):
        self.text = text
        self.line = line
        self.start = start
        self.section = section
        self.index = index
        self.heading = heading
        self.values = values = scan(text) if values is None else values
        if kinds is None:
            # most sentences hold no figure: they share one empty set (no generator to run)
            kinds = frozenset([v.kind for v in values]) if values else _NO_KINDS
        self.kinds = kinds

    @property
    def origin(self) -> int:
        return self.line.line_at(self.start)

    def origin_of(self, offset: int) -> int:
        """Original line of the character at `offset` within this sentence."""
        return self.line.line_at(self.start + offset)

    def has(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)

    @property
    def tokens(self):
        """The lexer's tokens of this sentence, computed once (every family reads them)."""
        toks = self.__dict__.get("_tokens")
        if toks is None:
            toks = self.__dict__["_tokens"] = tokens(self.text, self.values)
        return toks


@dataclass
class Cell:
    text: str
    line: int
    loc: str | None = None


@dataclass
class Table:
    rows: list[list[Cell]]
    section: tuple[str, ...]
    caption: str | None             # the text just before the table
    index: int = 0


@dataclass
class Document:
    norm: Normalized
    sentences: list[Sentence]
    tables: list[Table]
    hints: dict = field(default_factory=dict)


def segment(norm: Normalized, hints: dict | None = None) -> Document:
    sentences: list[Sentence] = []
    tables: list[Table] = []
    # the open headings, outermost first: their levels and their titles (two lists, so that
    # the section is a copy of one, not a tuple built by a generator)
    levels: list[int] = []
    titles: list[str] = []
    section: tuple[str, ...] = ()  # `titles`, rebuilt only when a heading line changes them
    lines = norm.lines
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.cells is not None:
            j = i
            while j < len(lines) and lines[j].cells is not None:
                j += 1
            rows = table_rows(lines[i:j])
            if rows:
                caption = sentences[-1].text if sentences else None
                tables.append(Table(rows, section, caption, len(tables)))
            i = j
            continue
        text = line.text
        body_start = 0
        hl = heading_level(text)
        if hl:
            level, mlen = hl
            rest = text[mlen:].strip()
            title_start = len(text) - len(rest)  # the marker and the spaces around the rest
            heading = None
            # title: up to the first 。 (inline heading) or the whole short line
            m = _INLINE_TITLE.match(rest)
            if m:
                heading = m.group(1)
                body_start = title_start + m.end()
            elif len(rest) <= 40:
                heading = rest
                body_start = len(text)
            else:
                body_start = title_start
            while levels and levels[-1] >= level:
                levels.pop()
                titles.pop()
            if heading:
                levels.append(level)
                titles.append(heading)
            section = tuple(titles)
            if heading:
                # the heading itself is a sentence too (it may hold a date: 准备阶段（8月31日前）)
                sentences.append(Sentence(heading, line, title_start, section, len(sentences), heading))
        if body_start == len(text):  # a heading line with no body: nothing to split
            i += 1
            continue
        off = body_start  # of the piece
        for piece in sentence_pieces(text[body_start:]):
            stripped = piece.strip()
            # nothing to strip in most pieces, and str.strip then hands the piece itself back: an
            # identity test spares counting the leading spaces (the other branch gives the same)
            if stripped is piece:
                if piece:
                    sentences.append(Sentence(piece, line, off, section, len(sentences)))
            elif stripped:
                lead = len(piece) - len(piece.lstrip())  # leading spaces
                sentences.append(Sentence(stripped, line, off + lead, section, len(sentences)))
            off += len(piece) + 1  # the piece and the sentence end after it
        i += 1
    return Document(norm, sentences, tables, hints or {})
