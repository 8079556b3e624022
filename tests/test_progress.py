"""Progress of goals not yet due."""

from __future__ import annotations

from datetime import date

from pipeline.models import Entry, Indicator
from pipeline.periods import parse_period
from pipeline.progress import months_between, progress
from pipeline.records import Record

STOCK = Indicator(id="total", zh="总数", en="Total", unit="count", category="telecom",
                  better="higher", measure="stock")


def figure(period: str, value: float, role: str = "outcome") -> Record:
    entry = Entry(role=role, indicator="total", period=period, unit="count", source="s",
                  quote="q", note="n", value=value,
                  qualifier="at_least" if role == "target" else "exact")
    return Record(entry, parse_period(period), 2026, "targets/2026.yaml", 1, 0)


def test_months_between() -> None:
    assert months_between(date(2025, 12, 31), date(2026, 6, 30)) == 6


def test_a_stock_is_paced_from_the_previous_year_end() -> None:
    goal = figure("2026", 5_000_000, "target")
    state, basis = progress(goal.entry, goal.period, STOCK, figure("2026-06", 4_950_000),
                            figure("2025", 4_838_000))
    assert state == "on_track"
    assert basis == ("level 4,950,000 by 2026-06; a straight path from 4,838,000 at 2025 "
                     "needs 4,919,000")
    behind, _ = progress(goal.entry, goal.period, STOCK, figure("2026-06", 4_850_000),
                         figure("2025", 4_838_000))
    assert behind == "off_track"


def test_a_stock_without_an_earlier_level_cannot_be_paced() -> None:
    goal = figure("2026", 5_000_000, "target")
    assert progress(goal.entry, goal.period, STOCK, figure("2026-06", 4_900_000)) == (
        "", "level 4,900,000 by 2026-06; no earlier level to pace against")
