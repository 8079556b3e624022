"""Periods a record refers to: a year, a point in a year, part of a year, or a span of years.

Written forms (every one starts with its 4-digit year):

- ``2020``        the calendar year (a flow over the year; a stock at its end)
- ``2023-11``     up to the end of November 2023 (a stock then, or January–November)
- ``2021-01/10``  January to October 2021
- ``2019-Q1``     first quarter; ``2021-Q1/Q3`` first to third quarter
- ``2022-H1``     first half-year
- ``2021-2025``   a span of years, such as a five-year plan
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

PERIOD_FORMATS = "YYYY, YYYY-MM, YYYY-MM/MM, YYYY-Qn, YYYY-Qn/Qn, YYYY-H1, YYYY-H2 or YYYY-YYYY"

_YEAR = re.compile(r"^(\d{4})$", re.ASCII)
_MONTHS = re.compile(r"^(\d{4})-(\d{2})(?:/(\d{2}))?$", re.ASCII)
_QUARTERS = re.compile(r"^(\d{4})-Q([1-4])(?:/Q([1-4]))?$", re.ASCII)
_HALF = re.compile(r"^(\d{4})-H([12])$", re.ASCII)
_SPAN = re.compile(r"^(\d{4})-(\d{4})$", re.ASCII)


class PeriodError(ValueError):
    """A period string that does not follow :data:`PERIOD_FORMATS`."""


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A closed date interval with the text it was written as."""

    start: date
    end: date
    text: str

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def is_whole_years(self) -> bool:
        return self.start.month == 1 and self.start.day == 1 and self.end.month == 12 \
            and self.end.day == 31

    def end_point(self) -> str:
        """Where a stock would be read: ``2025`` for ``2021-2025``, ``2023-11`` for ``2023-11``."""
        if self.end.month == 12:
            return str(self.end.year)
        return f"{self.end.year}-{self.end.month:02d}"


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """Parse ``text`` into a :class:`Period`; raise :class:`PeriodError` if it is not one."""
    text = text.strip()
    if odd := next((c for c in text if c.isdigit() and not c.isascii()), None):
        raise PeriodError(f"digits must be ASCII 0-9, found {odd!r} "
                          f"({unicodedata.name(odd, 'a non-ASCII digit')})")
    if match := _YEAR.match(text):
        year = int(match[1])
        return _checked(date(year, 1, 1), date(year, 12, 31), text)
    if match := _MONTHS.match(text):
        year, first, last = int(match[1]), int(match[2]), match[3]
        if last is None:
            return _checked(date(year, 1, 1), _month_end(year, first), text)
        return _checked(_month_start(year, first), _month_end(year, int(last)), text)
    if match := _QUARTERS.match(text):
        year, first = int(match[1]), int(match[2])
        last = int(match[3]) if match[3] else first
        return _checked(_month_start(year, 3 * first - 2), _month_end(year, 3 * last), text)
    if match := _HALF.match(text):
        year, half = int(match[1]), int(match[2])
        return _checked(_month_start(year, 6 * half - 5), _month_end(year, 6 * half), text)
    if match := _SPAN.match(text):
        first, last = int(match[1]), int(match[2])
        if last <= first:
            raise PeriodError(f"span {text!r} must end after it starts")
        return _checked(date(first, 1, 1), date(last, 12, 31), text)
    raise PeriodError(f"{text!r} is not a period")


def _month_start(year: int, month: int) -> date:
    if not 1 <= month <= 12:
        raise PeriodError(f"month {month:02d} does not exist")
    return date(year, month, 1)


def _month_end(year: int, month: int) -> date:
    if not 1 <= month <= 12:
        raise PeriodError(f"month {month:02d} does not exist")
    return date(year, month, calendar.monthrange(year, month)[1])


def _checked(start: date, end: date, text: str) -> Period:
    if end < start:
        raise PeriodError(f"{text!r} ends before it starts")
    if not 1900 <= start.year <= 2200:
        raise PeriodError(f"year {start.year} is out of range")
    return Period(start, end, text)
