"""The plain-figure reader of extractor.values gives exactly what the value grammar gives."""
from __future__ import annotations

from hypothesis import example, given, settings, strategies as st

from extractor.values import _NOT_PLAIN, _grammar_value, _plain_value, parse_value

DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=6)
NUMBER = st.one_of(DIGITS, st.tuples(DIGITS, DIGITS).map(".".join), st.text(alphabet="0123456789", min_size=20, max_size=400))
YEAR = st.one_of(st.integers(1890, 2210).map(str), st.text(alphabet="0123456789", min_size=4, max_size=4))
MD = st.one_of(st.integers(0, 40).map(str), st.integers(0, 9).map(lambda n: f"0{n}"))
AMOUNT = st.tuples(NUMBER, st.sampled_from(["元", "%"])).map("".join)
DATE = st.one_of(
    st.tuples(st.one_of(st.just(""), YEAR.map(lambda y: y + "年")), MD, st.one_of(st.just(""), MD.map(lambda d: d + "日"), MD.map(lambda d: d + "号"))).map(
        lambda t: f"{t[0]}{t[1]}月{t[2]}"),
    YEAR.map(lambda y: y + "年"), YEAR.map(lambda y: y + "年度"))
OTHER = st.text(alphabet="0123456789.元%年月日号度万不低于以上", max_size=12)


@settings(max_examples=1500, deadline=None)
@given(st.one_of(AMOUNT, DATE, OTHER), st.sampled_from(["money", "percent", "date", "count"]))
@example("1.50元", "money")
@example("007元", "money")
@example("2024年13月1日", "date")
@example("1899年", "date")
@example("9" * 400 + "元", "money")
def test_plain_reading_is_the_grammars(text, kind):
    plain = _plain_value(text, kind)
    if plain is _NOT_PLAIN:
        return
    assert plain == _grammar_value(text, kind), text


def test_plain_reading_covers_the_common_figures():
    for text, kind in [("380元", "money"), ("87.5元", "money"), ("90%", "percent"), ("2024年9月1日", "date"),
                       ("12月31日", "date"), ("2024年", "date"), ("2023年度", "date"), ("9月", "date")]:
        assert _plain_value(text, kind) is not _NOT_PLAIN
        assert parse_value(text, kind) == _grammar_value(text, kind)


FIGURE_TEXT = st.text(alphabet="0123456789.%元万亿年月日号度底末初上中下旬个周天人名户岁倍次：百分之零〇一二两三四五六七八九十千不低于超过至少最高以上内下每/·-—",
                      max_size=30)


@settings(max_examples=1500, deadline=None)
@given(FIGURE_TEXT)
@example("2024年2月底")
@example("百分之九十以上")
@example("三百八十元")
def test_every_figure_carries_its_mark(text):
    # schedule tokenizes only pieces of text holding 月 or 年, to find their dates:
    # a date is written with 月 or 年, money with 元, a percent with % or 百分之
    from extractor.values import scan
    marks = {"date": ("月", "年"), "money": ("元",), "percent": ("%", "百分之")}
    for v in scan(text):
        if v.kind in marks:
            assert any(m in v.text for m in marks[v.kind]), (v.kind, v.text)
