"""values: find the figures in a text and parse each with grammar/common.lark.

A figure is money (元, 万元), a percentage, a date (possibly without year,
月底, 上旬…), a count (3个月, 90日, 784人) or a phone number.  The scanner
finds candidate spans with one regular expression; the grammar decides what
each span means, and the transformer below turns the tree into a Value.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from lark import Transformer, v_args
from lark.exceptions import LarkError

from .grammars import parser

_CN = "零〇○一二两三四五六七八九十百千"
# A number starts where a run of digits (or of Chinese numerals) starts: no match can end
# with a digit followed by a digit, so this changes no result, and it keeps a long run of
# digits from costing a backtracking scan at every position (quadratic).
# An optional group is written `(?:X|)`, not `(?:X)?`: the same tries in the same order,
# but re runs an alternation far faster than a repeat of a group (which SCAN, tried at
# every candidate character, pays many times).  Alternatives that cannot both match at one
# place are merged by their common first character (不…, 最…, 以…).
# A money's optional (bound, per-person) pair is written as the two optional parts: the
# pair left out and both parts left out are the same try.
_NUM = rf"(?:(?<!\d)\d+(?:\.\d+|)|(?<![{_CN}])[{_CN}]+(?:点[{_CN}]+|))"
_PRE = r"(?:不(?:低于|少于|得低于|超过|高于|得超过)|至少|最[低高多]|)"
_POST = r"(?:及以[上下]|以[上内下]|)"
_YEAR = r"(?:\d{4}|[一二三四五六七八九〇零○]{4})年度?"
_MD = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
SCAN = re.compile(
    rf"(?=[\d零〇○一二两三四五六七八九十百千不至最])"
    rf"(?:(?P<date>(?:{_YEAR}|){_MD}月份?(?:{_MD}[日号]|[底末初]|[上中下]旬|)|{_YEAR}[底末]?)"
    rf"|(?P<phone>(?<![\d.])(?:0\d{{2,3}}[-—]?|)[1-9]\d{{6,7}}(?![\d.%元万年月日])|(?<!\d)1[3-9]\d{{9}}(?!\d))"
    rf"|(?P<money>{_PRE}(?:每人每年|每人|每年|){_NUM}(?:亿元|万元|元)(?:/人(?:·年|)|/年|每人|){_POST})"
    rf"|(?P<percent>{_PRE}(?:{_NUM}%|百分之{_NUM}){_POST})"
    rf"|(?P<ratio>\d{{1,3}}(?:\.\d{{1,2}}|)(?:：\d{{1,3}}(?:\.\d{{1,2}}|)){{1,5}}(?![\d：]))"
    rf"|(?P<count>{_PRE}{_NUM}(?:个月|个|周岁|[天日人名户岁倍次年]){_POST}))"
)
# Every match of SCAN holds a numeral directly followed by what ends its number: 年 or 月
# (date), 亿/万/元 (money), % or the 分 of 百分之 (percent), a count unit, the ： of a ratio;
# or, for a phone, a digit 1-9 and six more digits.  Most sentences hold none: _HINT rules
# them out before SCAN is tried (see _matches).
# _HINT opens with a plain character set (which re skips through quickly; \d, a Unicode
# category, would cost a lookup at every character), the numeral is checked behind it.
_ENDS = "年月亿万元%分个周天日人名户岁倍次："
_HINT = re.compile(rf"[{_ENDS}1-9](?:(?<=[\d{_CN}][{_ENDS}])|\d{{6}})")

# Where SCAN can match, and a cheap test for it.  Every match of SCAN but a phone opens with
# a run of the characters of numbers, bound words and 每 (_RUN) that goes on to what ends a
# number (_ENDS); a phone opens with a digit and six more digits or dashes.  _START finds
# the places that open such a run (or a phone) with a character of SCAN's first lookahead:
# re skips to them quickly, since _START opens with a plain character set (SCAN opens with a
# lookahead, which re cannot skip by: finditer runs the whole of SCAN at every character,
# some 250 instructions each), and _START rules out most numerals that open no
# figure (the 2024 of 〔2024〕, the 一 of 统一) at a fraction of the cost of SCAN's six kinds.
# A run is followed for at most 10 characters, so each place costs a bounded time (a longer
# run passes the test: SCAN decides).  _RUN and _ENDS share no character, so the run, taken
# possessively, cannot give back the end it is looking for.
# _START's first character set takes the decimal digits of every script (all that \d
# matches: tests/test_scan_equivalence.py checks them) as a few ranges, which re tests by a
# table, while \d costs a Unicode lookup at every character.  The ranges hold some other
# characters of those scripts too: a place found there is one where SCAN does not match.
_DIGITS = "0-9\u0660-\u1c59\ua620-\uabf9\uff10-\uff19\U000104a0-\U0001fbf9"
_RUN = rf"[\d.{_CN}点不低于少得超过高至最多每]"
assert not set(_ENDS) & set(_RUN)
_START = re.compile(rf"[{_DIGITS}{_CN}不至最](?:{_RUN}{{0,9}}+[{_ENDS}]|{_RUN}{{10}}|(?<=\d)[\d\-—]{{6}})")


@dataclass(frozen=True)
class DatePart:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    month_end: bool = False
    xun: str | None = None      # 上旬 / 中旬 / 下旬 / 初
    year_end: bool = False


class Value(NamedTuple):
    """One figure (a tuple: every sentence's figures are built on each scan, and tuples cost least)."""
    kind: str                   # money | percent | date | count | phone | number
    value: object               # float/int for numbers, DatePart for dates, str for phones
    bound: str | None = None    # "min" | "max"
    unit: str | None = None     # count unit (个月, 日, 人…) or per-unit of money
    text: str = ""              # the span as it stands in the text
    start: int = 0              # offset in the scanned text
    end: int = 0


# new_value(Value, fields): a Value made without NamedTuple's Python-level __new__ (some 1000
# instructions more a figure); scan makes hundreds
new_value = tuple.__new__

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_number(chars: str) -> int:
    """三百八十 -> 380, 十五 -> 15, 一千零五十 -> 1050, 二〇二四 -> 2024 (digit by digit)."""
    if chars and all(c in CN_DIGITS for c in chars) and len(chars) > 1:
        return int("".join(str(CN_DIGITS[c]) for c in chars))
    if "万" in chars:
        high, _, low = chars.partition("万")
        return (cn_to_number(high) if high else 1) * 10000 + (cn_to_number(low) if low else 0)
    total, digit = 0, None
    for c in chars:
        if c in CN_DIGITS:
            digit = CN_DIGITS[c]
        elif c in CN_UNITS:
            total += (1 if digit is None else digit) * CN_UNITS[c]
            digit = None
    return total + (digit or 0)


def _num(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(float(x), 4)


@v_args(inline=True)
class ValueTransformer(Transformer):
    """Tree of grammar/common.lark -> Value (without text/offsets)."""

    def arabic(self, *parts):
        return float(".".join(str(p) for p in parts))

    def chinese(self, *parts):
        toks = [str(p) for p in parts]
        if "点" in toks:
            i = toks.index("点")
            whole = cn_to_number("".join(toks[:i]))
            frac = "".join(str(CN_DIGITS[c]) for c in "".join(toks[i + 1:]))
            return float(f"{whole}.{frac}")
        return float(cn_to_number("".join(toks)))

    def bound_pre(self, tok):
        return "min" if tok.type.startswith("MIN") else "max"

    bound_post = bound_pre

    def unit(self, tok):
        return 1

    def wan_yuan(self, *_):
        return 10000

    def yi_yuan(self, *_):
        return 100000000

    def counter(self, tok):
        return str(tok)

    def per(self, *toks):
        return "/".join(str(t) for t in toks if str(t) not in "/每·")

    def money(self, *items):
        bound, num, mult, per = None, None, 1, None
        for it in items:
            if getattr(it, "type", None) == "PER_PREFIX":
                continue
            if isinstance(it, float) and num is None:
                num = it
            elif isinstance(it, int) and not isinstance(it, bool):
                mult = it
            elif it in ("min", "max"):
                bound = it
            elif isinstance(it, str):
                per = it
        return Value("money", _num(num * mult), bound, per)

    def percent(self, *items):
        bound = next((x for x in items if x in ("min", "max")), None)
        num = next(x for x in items if isinstance(x, float))
        return Value("percent", _num(num), bound)

    def ratio(self, *items):
        return Value("ratio", tuple(_num(x) for x in items if isinstance(x, float)))

    def count(self, *items):
        bound = next((x for x in items if x in ("min", "max")), None)
        num = next(x for x in items if isinstance(x, float))
        unit = next(x for x in items if isinstance(x, str) and x not in ("min", "max"))
        return Value("count", _num(num), bound, unit)

    # dates
    def cn_year(self, tok):
        return cn_to_number(str(tok))

    def year(self, y, _nian):
        y = int(str(y)) if not isinstance(y, int) else y
        if not 1900 <= y <= 2200:
            raise ValueError(f"year {y}")
        return ("year", y)

    def month(self, m, _yue):
        return ("month", int(m))

    def day(self, d, _mark):
        return ("day", int(d))

    def _parts(self, items):
        return {k: v for k, v in (x for x in items if isinstance(x, tuple))}

    def date_md(self, *items):
        p = self._parts(items)
        return Value("date", DatePart(p.get("year"), p.get("month"), p.get("day")))

    def date_month_end(self, *items):
        p = self._parts(items)
        return Value("date", DatePart(p.get("year"), p.get("month"), None, month_end=True))

    def date_xun(self, *items):
        p = self._parts(items)
        xun = next(str(x) for x in items if getattr(x, "type", None) == "XUN")
        return Value("date", DatePart(p.get("year"), p.get("month"), None, xun=xun))

    def date_year_end(self, *items):
        p = self._parts(items)
        return Value("date", DatePart(p.get("year"), year_end=True))

    def date_year(self, *items):
        p = self._parts(items)
        return Value("date", DatePart(p.get("year")))


_T = ValueTransformer()


KINDS = ("money", "percent", "date", "count", "ratio")


@lru_cache(maxsize=4096)
def parse_value(text: str, kind: str) -> Value | None:
    """Parse one figure of `kind` (`1070元`, `百分之九十`, `2024年2月底`, `不低于640元`) or None."""
    v = _plain_value(text, kind)
    if v is _NOT_PLAIN:
        v = _grammar_value(text, kind)
    if not isinstance(v, Value):
        return None
    if isinstance(v.value, float) and not math.isfinite(v.value):
        return None  # 9999…(400 digits)元 overflows to inf, which JSON cannot carry
    if v.kind == "date":
        d = v.value
        if (d.month is not None and not 1 <= d.month <= 12) or (d.day is not None and not 1 <= d.day <= 31):
            return None
    return v


def _grammar_value(text: str, kind: str) -> Value | None:
    """The figure as grammar/common.lark and ValueTransformer read it (None if they do not)."""
    try:
        tree = parser("common", start=KINDS).parse(text, start=kind)
    except LarkError:
        return None
    try:
        return _T.transform(tree)
    except (LarkError, ValueError, StopIteration, TypeError, KeyError):
        return None


# The plainest figures, about half of those in a notice (380元, 90%, 2024年9月1日, 12月31日,
# 2024年), read by a regex straight into the Value the grammar gives them: parsing a figure
# with Lark costs some 70 us, which a new notice pays for each figure it has not seen before.
# Anything else (bounds, 万元, Chinese numerals, 月底, 旬…) goes to the grammar.
# tests/test_values_plain.py holds the two readings equal.
_NOT_PLAIN = object()
_PLAIN_AMOUNT = re.compile(r"([0-9]+(?:\.[0-9]+)?)(元|%)")
_PLAIN_DATE = re.compile(r"(?:([0-9]{4})年)?([0-9]{1,2})月(?:([0-9]{1,2})[日号])?|([0-9]{4})年度?")


def _plain_value(text: str, kind: str):
    if kind in ("money", "percent"):
        m = _PLAIN_AMOUNT.fullmatch(text)
        if m is None or (m.group(2) == "元") != (kind == "money"):
            return _NOT_PLAIN
        return Value(kind, _num(float(m.group(1))))
    if kind == "date":
        m = _PLAIN_DATE.fullmatch(text)
        if m is None:
            return _NOT_PLAIN
        year = m.group(1) or m.group(4)
        if year is not None and not 1900 <= int(year) <= 2200:
            return None  # as the grammar's year refuses it
        month, day = m.group(2), m.group(3)
        return Value("date", DatePart(int(year) if year else None, int(month) if month else None,
                                      int(day) if day else None))
    return _NOT_PLAIN


def _matches(text: str):
    """The matches of SCAN.finditer(text), SCAN being tried only where _START finds a place.

    SCAN matches nowhere else (see _START), never an empty span, and match(text, start)
    sees the text before `start` (for its lookbehinds) as a search at `start` would: so the
    first place at or after `pos` where SCAN matches gives finditer's next match, and the
    search goes on from its end, as finditer's does.
    """
    place, match = _START.search, SCAN.match
    pos = 0
    while (c := place(text, pos)) is not None:
        start = c.start()
        m = match(text, start)
        if m is None:
            pos = start + 1
        else:
            yield m
            pos = m.end()


def scan(text: str) -> list[Value]:
    """Every figure in `text`, in order, with its offsets."""
    out: list[Value] = []
    if _HINT.search(text) is None:
        return out
    for m in _matches(text):
        kind = m.lastgroup
        span = m.group()
        if kind == "phone":
            out.append(Value("phone", span, text=span, start=m.start(), end=m.end()))
            continue
        v = parse_value(span, kind)
        if v is None:
            continue
        out.append(new_value(Value, v[:4] + (span, *m.span())))
    return out
