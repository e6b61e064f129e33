"""Property tests (hypothesis) of the normalizer, the line map, the scanner, the lexer and the front door.

Idempotence, precisely: let N = normalize(lines).  Every non-table logical line L of N is a
fixed point: normalize([L.text]) gives exactly one line, whose text is L.text; and
fold(fold(x)) == fold(x) for any x.  (Feeding all of N's texts back as consecutive lines is
not a fixed point by design: N's line boundaries came from context -- table rows, blank
lines -- that the texts alone no longer carry, so wrapped-line joining may apply again.)
"""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from extractor import api, lexicon, parse, values
from extractor.errors import NrcError
from extractor.normalize import fold, normalize

SET = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ALPHABET = st.sampled_from(list("0123456789.%元万年月日号底末旬初上中下个月周岁天人名户次倍以上下内不低于超过至少最高多每人"
                                "一二三四五六七八九十百千零〇○两点之分，。；：、（）〔〕【】[]《》“”-—~/ \t|#*_>")
                           + ["\u200b", "\u200e", "\u202e", "\ufeff", "\ud83d", "\udc80", "\u3000", "\x00", "\x7f", "\r", "１", "，", "（",
                              "低保对象", "特困人员", "城乡居民", "参保缴费", "个人缴费", "财政补助", "资助", "标准为"])
TEXT = st.lists(ALPHABET, max_size=80).map("".join) | st.text(max_size=60)
LINES = st.lists(TEXT, max_size=12)


@SET
@given(TEXT)
def test_fold_is_idempotent(s):
    assert fold(fold(s)) == fold(s)


@SET
@given(LINES)
@example(["\n||"])
@example([" ||"])  # an indented pipe row is a pipe row (it read as the text "||", a row once re-read)
@example(["-", "0-"])  # joined, the two read as the page footer -0- (dropped when re-read)
@example(["|", "0|"])  # joined, the two read as the pipe row |0| (cut into cells when re-read)
def test_normalize_is_a_fixed_point_on_its_output(lines):
    for ln in normalize(lines).lines:
        if ln.cells is None and ln.text:
            assert [x.text for x in normalize([ln.text]).lines] == [ln.text]


@pytest.mark.parametrize("text", ["- - x", "• · 参保", "- 1070元", "１，０７０元", "2024 年 9 月", "\u200b- - 400元"])
def test_normalize_fixed_point_examples(text):
    once = [ln.text for ln in normalize([text]).lines]
    assert [x.text for x in normalize(once).lines] == once


@pytest.mark.parametrize("lines", [["-", "0-"], ["—", "7 —"], ["第", "3页"], ["3", "/10"], ["|", "0|"], ["| 区", "2024年|"]])
def test_lines_that_join_into_a_page_footer_or_pipe_row_stay_apart(lines):
    once = [ln.text for ln in normalize(lines).lines]
    assert once == lines  # neither a footer or row alone, nor joined into one
    assert [x.text for x in normalize(once).lines] == once


@SET
@given(LINES)
def test_line_map_points_inside_the_original(lines):
    norm = normalize(lines)
    n = len(lines)
    for ln in norm.lines:
        assert 1 <= ln.origin <= n
        offsets = [0, len(ln.text) // 2, max(len(ln.text) - 1, 0), len(ln.text)]
        offsets += [off for off, _ in ln.breaks] + [off - 1 for off, _ in ln.breaks]
        for off in offsets:
            assert 1 <= ln.line_at(off) <= n
        assert [o for _, o in ln.breaks] == sorted(o for _, o in ln.breaks)
        assert all(ln.origin < o for _, o in ln.breaks)
    assert norm.raw == list(lines)


@SET
@given(TEXT, st.sampled_from(values.KINDS))
def test_scan_and_parse_value_raise_nothing(s, kind):
    for v in values.scan(s):
        assert 0 <= v.start < v.end <= len(s) and s[v.start:v.end] == v.text
    values.parse_value(s, kind)


@SET
@given(TEXT)
def test_tokens_and_parse_raise_nothing_but_nrc_errors(s):
    try:
        toks = lexicon.tokens(s)
        for t in toks:
            assert 0 <= t.start <= t.end <= len(s)
        for family in ("funding", "subsidy", "period"):
            parse.parse(family, toks)
    except NrcError:
        pass


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, max_size=8).map("\n".join))
def test_extract_text_raises_nothing_but_nrc_errors(s):
    from extractor.check import schema_errors
    try:
        rules = api.extract_text("关于2025年度城乡居民医保参保缴费工作的通知\n" + s)
    except NrcError:
        return
    assert schema_errors(rules) == []


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2 ** 70), max_value=2 ** 70)
    | st.floats(min_value=1e-4, max_value=1e15) | st.floats(min_value=-1e15, max_value=-1e-4) | st.just(0.0)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30)


@SET
@given(st.dictionaries(st.text(max_size=6), JSONISH, max_size=6))
def test_emit_writes_the_canonical_json_of_the_standard_library(rules):
    # floats in the range of figures; beyond it the exponent is written 1e-7, not 1e-07
    from extractor.emit import _standard, to_bytes
    assert to_bytes(rules) == _standard(rules).encode("utf-8")


# The folds as first written, one regex each (slow: they open with lookbehinds); fold must agree.
_REF = [
    (re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))"), ""),
    (re.compile(r"(?<![\d.])(\d{1,3}) (\d{3})(?=[ ]*(?:万元|元))"), r"\1\2"),
    (re.compile(r"(?<=[\d.])[ ]+(?=[年月日元号%万千百角分周岁个天时人名户家倍])"
                r"|(?<=[\u3400-\u9fff〕）]|[，、：（])[ ]+(?=\d)"
                r"|(?<=\d)[ ]+(?=[\u3400-\u9fff〔（，。；、])"), ""),
]
DIGITS_AND_SPACES = st.lists(st.sampled_from(list("0123456789 .,，元万年月日号%、（）〔〕：。；个人x\n") + ["١", "  "]),
                             max_size=40).map("".join)


@SET
@given(DIGITS_AND_SPACES | TEXT)
@example("年，123元")
@example("1，234元")
@example("x 1 234元")
@example("２０２４ 年 9 月")
@example("0. 5 万元，3. 元")   # a point before a run, a unit after it
@example("x.，123元")          # no digit before the comma
@example("〕 1 〔 2 ： 3 年 4 x")
def test_fold_agrees_with_the_lookbehind_regexes_it_replaced(s):
    from extractor.normalize import FOLD, _BOOKMARK, _SURROGATE
    ref = _BOOKMARK.sub("", _SURROGATE.sub("", s)).translate(FOLD)
    for pattern, repl in _REF:
        ref = pattern.sub(repl, ref)
    assert fold(s) == ref
