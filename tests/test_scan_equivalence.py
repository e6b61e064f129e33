"""values.scan must find exactly what the original scanner found.

The scanner was made faster (a pre-test for sentences that cannot hold a figure, a pattern
that backtracks less); REF_SCAN below is the original pattern, kept verbatim, and ref_scan
the original loop over REF_SCAN.finditer.  On random strings of digits, Chinese numerals,
units, bound words, punctuation and other text, the new scanner must give the same values
and the new pattern the same matches (spans and group names).
"""
from __future__ import annotations

import re
import sys

from hypothesis import HealthCheck, example, given, settings, strategies as st

from extractor import values

_CN = "零〇○一二两三四五六七八九十百千"
_NUM = rf"(?:(?<!\d)\d+(?:\.\d+)?|(?<![{_CN}])[{_CN}]+(?:点[{_CN}]+)?)"
_PRE = r"(?:不低于|不少于|至少|不得低于|最低|不超过|不高于|最高|不得超过|最多)?"
_POST = r"(?:及以上|以上|以内|及以下|以下)?"
_YEAR = r"(?:\d{4}|[一二三四五六七八九〇零○]{4})年度?"
_MD = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
REF_SCAN = re.compile(
    rf"(?=[\d零〇○一二两三四五六七八九十百千不至最])"
    rf"(?:(?P<date>(?:{_YEAR})?{_MD}月份?(?:{_MD}[日号]|底|末|上旬|中旬|下旬|初)?|{_YEAR}(?:底|末)?)"
    rf"|(?P<phone>(?<![\d.])(?:0\d{{2,3}}[-—]?)?[1-9]\d{{6,7}}(?![\d.%元万年月日])|(?<!\d)1[3-9]\d{{9}}(?!\d))"
    rf"|(?P<money>(?:{_PRE}(?:每人每年|每人|每年)?)?{_NUM}(?:亿元|万元|元)(?:/人(?:·年)?|/年|每人)?{_POST})"
    rf"|(?P<percent>{_PRE}(?:{_NUM}%|百分之{_NUM}){_POST})"
    rf"|(?P<ratio>\d{{1,3}}(?:\.\d{{1,2}})?(?:：\d{{1,3}}(?:\.\d{{1,2}})?){{1,5}}(?![\d：]))"
    rf"|(?P<count>{_PRE}{_NUM}(?:个月|周岁|天|日|人|名|户|岁|倍|次|个|年){_POST}))"
)


def ref_scan(text: str) -> list[values.Value]:
    """The original values.scan."""
    out = []
    for m in REF_SCAN.finditer(text):
        kind = m.lastgroup
        span = m.group()
        if kind == "phone":
            out.append(values.Value("phone", span, text=span, start=m.start(), end=m.end()))
            continue
        v = values.parse_value(span, kind)
        if v is None:
            continue
        out.append(values.Value(v.kind, v.value, v.bound, v.unit, span, m.start(), m.end()))
    return out


def matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.lastgroup, m.groupdict()) for m in pattern.finditer(text)]


TOKENS = (
    list("0123456789") + ["１", "٣", "0551", "2024", "13912345678", "64490236", "1.5", "3.25"]
    + list("零〇○一二两三四五六七八九十百千点") + ["二〇二四", "三百八十", "百分之"]
    + ["元", "万元", "亿元", "万", "亿", "%", "年", "年度", "月", "月份", "日", "号", "个月", "个", "周岁",
       "天", "人", "名", "户", "岁", "倍", "次", "底", "末", "初", "上旬", "中旬", "下旬", "旬", "分", "之"]
    + ["不低于", "不少于", "至少", "不得低于", "最低", "不超过", "不高于", "最高", "不得超过", "最多",
       "不", "至", "最", "得", "低于", "每人每年", "每人", "每年", "每", "/人", "·年", "/年", "/", "·",
       "及以上", "以上", "以内", "及以下", "以下", "及", "以"]
    + list("。，、.-—：:;（）〔〕 ") + ["的", "是", "进", "步", "参保", "缴费", "标准为", "x"]
)
TEXT = st.lists(st.sampled_from(TOKENS), max_size=30).map("".join)
SET = settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SET
@given(TEXT)
@example("国办发〔2024〕38号，2024年9月1日至12月31日1070元90%0551-64490236")
@example("每人每年不低于640元，至少3个月，最高不超过百分之九十以上，1：2：3")
@example("12024年，一二三四五月，不得超过5.5%及以下，进一步")
@example("电话1000000，١٢٣٤٥٦٧８٩")
@example("不低于每人每年640元，最高每人3000元，十分重要，统一")
@example("一二三四五六七八九十一元，不得低于一二三四五六七八九年，12345678901元，0551—6449023")
def test_scan_is_the_original_scan(text):
    assert values.scan(text) == ref_scan(text)


@SET
@given(TEXT)
@example("不低于每人每年640元")
@example("一二三四五六七八九十一元")
@example("0551—6449023，0551-64490236")
def test_start_finds_every_place_a_figure_opens(text):
    """scan tries SCAN only where values._START matches: SCAN must match nowhere else."""
    for at in range(len(text)):
        if REF_SCAN.match(text, at):
            assert values._START.match(text, at), (text, at)


@SET
@given(TEXT)
def test_pattern_gives_the_original_matches(text):
    assert matches(values.SCAN, text) == matches(REF_SCAN, text)


def test_digit_ranges_hold_every_digit():
    """values._DIGITS stands for \\d in _START's first character set: it must hold every digit."""
    ranges = re.compile(f"[{values._DIGITS}]")
    digit = re.compile(r"\d")
    missing = [hex(c) for c in range(sys.maxunicode + 1) if digit.match(chr(c)) and not ranges.match(chr(c))]
    assert not missing
