"""The lexer must give exactly the tokens of its first, plain implementation (kept below as the
reference) on random clauses built from vocabulary words, particles, brackets, figures, spaces
and other text."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings, strategies as st

from extractor import lexicon
from extractor.lexicon import Tok
from extractor.values import scan

# ------------------------------------------------------------------ the reference lexer
_OPEN, _CLOSE = "（〔[【", "）〕]】"
_BRACKET = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")
# the keyword regex as a plain alternation, longest words first (the lexer's is a trie, its
# branches in an order of its own: both find the longest word at the leftmost position)
_REF_RE = re.compile("|".join(map(re.escape, sorted(lexicon._words(), key=len, reverse=True))))


def _ref_paren_spans(text):
    spans, depth, start = [], 0, 0
    for m in _BRACKET.finditer(text):
        i, ch = m.start(), m.group()
        if ch in _OPEN:
            if depth == 0:
                start = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def ref_tokens(text, values=None, keep_skip=False):
    if values is None:
        values = scan(text)
    marks = []
    taken = bytearray(len(text))
    for s, e in _ref_paren_spans(text):
        marks.append(Tok("PAREN", text[s + 1:e - 1], s, e))
        taken[s:e] = b"\x01" * (e - s)
    for v in values:
        if taken.find(1, v.start, v.end) >= 0:
            continue
        marks.append(Tok(v.kind.upper(), v.text, v.start, v.end, v))
        taken[v.start:v.end] = b"\x01" * (v.end - v.start)
    kw = lexicon._words()
    for m in _REF_RE.finditer(text):
        if taken.find(1, m.start(), m.end()) >= 0:
            continue
        marks.append(Tok(kw[m.group()], m.group(), m.start(), m.end()))
    marks.sort(key=lambda t: t.start)
    out, pos = [], 0
    for t in marks:
        if t.start > pos:
            _ref_text(text, pos, t.start, out)
        if t.type != "SKIP" or keep_skip:
            out.append(t)
        pos = t.end
    if pos < len(text):
        _ref_text(text, pos, len(text), out)
    return out


def _ref_text(text, s, e, out):
    whole, parts = lexicon._whole(), lexicon._particles()
    while s < e and text[s] == " ":
        s += 1
    while e > s and text[e - 1] == " ":
        e -= 1
    if s >= e:
        return
    chunk = text[s:e]
    if chunk in whole:
        _ref_emit(Tok(whole[chunk], chunk, s, e), out)
        return
    tail = None
    if text[s] in parts:
        _ref_emit(Tok(parts[text[s]], text[s], s, s + 1), out)
        s += 1
    if e > s and text[e - 1] in parts:
        tail = Tok(parts[text[e - 1]], text[e - 1], e - 1, e)
        e -= 1
    chunk = text[s:e]
    if chunk in whole:
        _ref_emit(Tok(whole[chunk], chunk, s, e), out)
    elif chunk.strip(" 。；.·"):
        _ref_emit(Tok("TEXT", chunk, s, e), out)
    if tail is not None:
        _ref_emit(tail, out)


def _ref_emit(t, out):
    if t.type == "SKIP":
        return
    if t.type == "TEXT" and out and out[-1].type == "TEXT" and out[-1].end >= t.start - 1:
        prev = out[-1]
        out[-1] = Tok("TEXT", prev.text + t.text, prev.start, t.end)
        return
    out.append(t)


# ------------------------------------------------------------------ random clauses
_WORDS = sorted(lexicon._words())
_ONE = sorted(set(lexicon._whole()) | set(lexicon._particles()))
_FIGURES = ["2024年", "2024年9月1日", "12月底", "1070元", "每人每年400元", "60%", "百分之五十", "3个月",
            "不低于90日", "二〇二四年", "0551-12345678", "13812345678", "1：1", "30人", "2倍"]
_OTHER = list("参保居民医疗保险工作方案通知我市城乡标准年月日元一二十百") + ["办理", "有关事项", "基本医疗"]
_PIECE = (st.sampled_from(_WORDS) | st.sampled_from(_ONE) | st.sampled_from(_FIGURES)
          | st.sampled_from(list(_OPEN + _CLOSE + " 。；.·，、：《》“”")) | st.sampled_from(_OTHER)
          | st.sampled_from(list("0123456789")))
CLAUSE = st.lists(_PIECE, max_size=30).map("".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CLAUSE, st.booleans())
@example("对低保对象给予资助", False)
@example("县按（市级（含2024年）财政）补助 的", True)
@example(" 为县 ", False)
@example("", True)
@example("每人400元整由个人缴纳", True)  # a word (元整) across a figure's end, a particle after it
@example("补助30人均筹资标准的", False)
@example("（含2024年度）为县 市 ", True)
@example("按1070元整，对低保对象（一档）给予全额资助。", False)
def test_tokens_equal_the_reference(text, keep_skip):
    assert lexicon.tokens(text, keep_skip=keep_skip) == ref_tokens(text, keep_skip=keep_skip)
    vals = scan(text)
    assert lexicon.tokens(text, vals, keep_skip) == ref_tokens(text, vals, keep_skip)


@settings(max_examples=500, deadline=None)
@given(CLAUSE)
def test_trie_pattern_finds_what_the_plain_alternation_finds(text):
    assert re.findall(lexicon.trie_pattern(_WORDS), text) == _REF_RE.findall(text)
