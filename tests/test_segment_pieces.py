"""segment's sentence cutting against the walk it replaced (kept here as the reference).

A line is now cut at its sentence ends by sentence_pieces: str.split when no bracket can
hold a sentence end (after each opening bracket the next mark is a closing one), the walk
over the marks (split_outside) otherwise.  split_outside hands back the pieces only, like
str.split (each piece starts one character after the one before ends).  The inline title
pattern is greedy rather than lazy.  Pieces, offsets, sentences and titles must stay the same.
"""
from __future__ import annotations

import re

from hypothesis import example, given, settings, strategies as st

from extractor.normalize import Line, Normalized
from extractor.segment import (
    _CLOSE, _INLINE_TITLE, _OPEN, SENTENCE_END, segment, sentence_pieces, split_outside)


def reference_split_outside(text: str, seps: str) -> list[tuple[int, str]]:
    """The walk before: (offset, piece) of each piece, no empty piece after the last cut."""
    parts = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth:
                depth -= 1
        elif ch in seps and not depth:
            parts.append((start, text[start:i]))
            start = i + 1
    if start < len(text):
        parts.append((start, text[start:]))
    return parts


def with_offsets(pieces: list[str]) -> list[tuple[int, str]]:
    """The pieces at their offsets, in the reference's form."""
    out, off = [], 0
    for piece in pieces:
        out.append((off, piece))
        off += len(piece) + 1
    if out and not out[-1][1]:
        out.pop()  # the reference keeps no empty piece after the last cut
    return out


_REFERENCE_TITLE = re.compile(r"([^。；：]{1,40}?)[。；：]")

CASES = [
    "",
    "。",
    "。。",
    "甲",
    "甲。乙；丙！丁？戊",
    "甲。乙。",
    "  甲 。 乙  ",
    "甲（乙。丙）丁。戊",
    "甲（乙（丙。丁）戊。己）庚。辛",   # nested: the end inside stays
    "甲（乙。丙",                        # unclosed: no cut after it
    "甲）乙。丙（丁）戊。",              # a closing bracket at depth 0 is ignored
    "《关于〈甲。乙〉的通知》。丙",
    "“甲；乙”；丙",
    "（甲）（乙）。（丙。",
    "〔2024〕1号。甲【乙。】丙[丁；]戊",
    "（（甲）乙。",
    "（甲））乙。丙",
    "甲（乙）。丙（丁",
]

_ALPHABET = st.sampled_from(list("甲乙 \t，：" + _OPEN + _CLOSE + SENTENCE_END))
TEXTS = st.text(_ALPHABET, max_size=40)


def test_cases_against_the_reference():
    for text in CASES:
        assert with_offsets(sentence_pieces(text)) == reference_split_outside(text, SENTENCE_END), text
        assert with_offsets(split_outside(text, SENTENCE_END)) == reference_split_outside(text, SENTENCE_END), text


@settings(max_examples=800, deadline=None)
@given(TEXTS)
@example("甲（乙。丙")
@example("（（甲）乙。丙")
def test_sentence_pieces_is_the_walk(text):
    assert with_offsets(sentence_pieces(text)) == reference_split_outside(text, SENTENCE_END)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from([SENTENCE_END, "，", "，。"]))
def test_split_outside_is_the_walk(text, seps):
    assert with_offsets(split_outside(text, seps)) == reference_split_outside(text, seps)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_sentences_of_plain_lines(texts):
    lines = [Line("甲" + t, n) for n, t in enumerate(texts, 1)]  # 甲: no heading marker
    doc = segment(Normalized(lines, [ln.text for ln in lines]))
    expected = [(ln.text, off + len(piece) - len(piece.lstrip()), piece.strip())
                for ln in lines for off, piece in reference_split_outside(ln.text, SENTENCE_END) if piece.strip()]
    assert [(s.line.text, s.start, s.text) for s in doc.sentences] == expected


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("甲乙 。；：，")), max_size=50))
@example("甲" * 40 + "。乙")
@example("甲" * 41 + "。乙")
@example("。甲")
def test_inline_title_greedy_is_the_lazy_one(text):
    got, ref = _INLINE_TITLE.match(text), _REFERENCE_TITLE.match(text)
    assert (got and (got.group(1), got.end())) == (ref and (ref.group(1), ref.end()))
