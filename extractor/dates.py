"""Dates: a DatePart (possibly without year, 月底, 上旬…) to an ISO date.

A date written without a year takes it from the document: the first year
that puts it no earlier than ANCHOR_SLACK_DAYS before the anchor, and, for
the end of a range, not before its start.  The anchor is the issue date or,
without one, 1 June of the collection year (so that a plan's phases from
April to December fall in that year and January-March deadlines in the
next).  Such dates are marked year_inferred.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from .values import DatePart

ANCHOR_SLACK_DAYS = 62
_SLACK = dt.timedelta(days=ANCHOR_SLACK_DAYS)
_XUN = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, None), "初": (1, 10)}


@dataclass
class YearContext:
    anchor: dt.date | None = None       # issue date, or 1 June of the collection year
    # the earliest date a yearless date may fall on (worked out once, not for every date resolved)
    floor: dt.date | None = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        self.floor = self.anchor - _SLACK if self.anchor else None

    @classmethod
    def from_year(cls, year: int | None) -> "YearContext":
        return cls(dt.date(year, 6, 1) if year else None)


@lru_cache(maxsize=None)
def _last_day(year: int, month: int) -> int:
    """The last day of a month: calendar.monthrange, memoized by (year, month) (it works out the
    weekday of the 1st too, and every date of a phase or a period is resolved)."""
    return calendar.monthrange(year, month)[1]


def _day(year: int, dp: DatePart, role: str) -> dt.date | None:
    if dp.month is None:
        if dp.year_end or role == "end":
            return dt.date(year, 12, 31)
        return dt.date(year, 1, 1)
    last = _last_day(year, dp.month)
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


def resolve(dp: DatePart, ctx: YearContext, role: str = "start",
            not_before: dt.date | None = None) -> tuple[str | None, bool]:
    """(ISO date or None, year_inferred)."""
    if dp.year is not None:
        d = _day(dp.year, dp, role)
        return (d.isoformat() if d else None), False
    if dp.month is None:
        return None, False
    floor = ctx.floor
    if not_before and (floor is None or not_before > floor):
        floor = not_before
    if floor is None:
        return None, False
    for year in (floor.year, floor.year + 1):
        d = _day(year, dp, role)
        if d and d >= floor:
            return d.isoformat(), True
    return None, False
