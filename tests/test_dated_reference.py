"""The dated families' faster pieces against what they replace.

- dates.resolve: the last day of a month memoized by (year, month), the anchor's floor worked out
  once per YearContext; ref_resolve below is the original, kept verbatim.
- schedule._figures_within: the figures of a piece of a text cut at schedule.FIGURE_CUTS, taken
  from the whole text's figures instead of scanning the piece again, must be what scan gives.
"""
from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import HealthCheck, example, given, settings, strategies as st

from extractor import values
from extractor.dates import YearContext, resolve
from extractor.transform import schedule
from extractor.values import DatePart

SET = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------- dates.resolve
_ANCHOR_SLACK_DAYS = 62
_XUN = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, None), "初": (1, 10)}


def _ref_day(year, dp, role):
    if dp.month is None:
        if dp.year_end or role == "end":
            return dt.date(year, 12, 31)
        return dt.date(year, 1, 1)
    last = calendar.monthrange(year, dp.month)[1]
    if dp.day is not None:
        if dp.day > last:
            return None
        return dt.date(year, dp.month, dp.day)
    if dp.month_end:
        return dt.date(year, dp.month, last)
    if dp.xun:
        lo, hi = _XUN[dp.xun]
        return dt.date(year, dp.month, lo if role == "start" else (hi or last))
    return dt.date(year, dp.month, 1 if role == "start" else last)


def ref_resolve(dp, anchor, role="start", not_before=None):
    """The original dates.resolve (its context reduced to the anchor)."""
    if dp.year is not None:
        d = _ref_day(dp.year, dp, role)
        return (d.isoformat() if d else None), False
    if dp.month is None:
        return None, False
    floor = None
    if anchor:
        floor = anchor - dt.timedelta(days=_ANCHOR_SLACK_DAYS)
    if not_before and (floor is None or not_before > floor):
        floor = not_before
    if floor is None:
        return None, False
    for year in (floor.year, floor.year + 1):
        d = _ref_day(year, dp, role)
        if d and d >= floor:
            return d.isoformat(), True
    return None, False


_DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
DATE_PARTS = st.builds(DatePart, year=st.none() | st.integers(1990, 2100), month=st.none() | st.integers(1, 12),
                       day=st.none() | st.integers(1, 31), month_end=st.booleans(),
                       xun=st.none() | st.sampled_from(sorted(_XUN)), year_end=st.booleans())


@SET
@given(DATE_PARTS, st.none() | _DAYS, st.sampled_from(["start", "end"]), st.none() | _DAYS)
@example(DatePart(None, 2, 29), dt.date(2024, 3, 1), "start", None)       # a leap day, the next year has none
@example(DatePart(None, 2, 30), dt.date(2024, 1, 1), "end", None)         # no such day
@example(DatePart(None, 1, None, month_end=True), dt.date(2024, 8, 31), "end", dt.date(2024, 9, 1))
@example(DatePart(2025, None, None, year_end=True), None, "start", None)
def test_resolve_equals_the_original(dp, anchor, role, not_before):
    assert resolve(dp, YearContext(anchor), role, not_before) == ref_resolve(dp, anchor, role, not_before)


def test_year_context_from_year_keeps_its_anchor():
    assert YearContext.from_year(2024) == YearContext(dt.date(2024, 6, 1))
    assert YearContext.from_year(None).floor is None


# ---------------------------------------------------------------- schedule._figures_within
# figures of every kind, their pieces and neighbours (digits, bound words, units), and the cuts
_BITS = st.sampled_from(["2024年", "9月1日", "12月31日", "9月底", "下旬", "至", "—", "-", "前", "每月", "1日", "25日",
                         "400元", "每人每年", "不低于", "30%", "90天", "3个月", "1:2", "1：2", "0551", "-6", "1234567",
                         "13812345678", "以上", "年度", "一", "十", "二〇二四年", "参保", "，", "。", "；", "（", "）",
                         "1", "0", "5", ".", "日", "月", "年", "元"])
TEXT = st.lists(_BITS, max_size=16).map("".join)


def _cut_points(text):
    """0, the end, and every offset next to a character of FIGURE_CUTS."""
    points = {0, len(text)}
    for i, ch in enumerate(text):
        if ch in schedule.FIGURE_CUTS:
            points.update((i, i + 1))
    return sorted(points)


@SET
@given(TEXT, st.data())
@example("准备阶段（8月31日前）", None)
@example("9月1日至12月31日，每月1日至25日；2024年度", None)
def test_figures_within_equals_scanning_the_piece(text, data):
    points = _cut_points(text)
    pairs = [(a, b) for a in points for b in points if a <= b]
    if data is not None:
        pairs = [data.draw(st.sampled_from(pairs))]
    whole = values.scan(text)
    for a, b in pairs:
        assert schedule._figures_within(whole, a, b) == values.scan(text[a:b]), (text, a, b)
