"""Flows derived from two levels."""

from __future__ import annotations

from pipeline.derived import derive_flow
from pipeline.models import Entry, Indicator
from pipeline.periods import parse_period
from pipeline.records import Record

FLOW = Indicator(id="new", zh="新建", en="New", unit="count", category="telecom",
                 better="higher", measure="flow", flow_of="total")


def level(period: str, value: float, qualifier: str = "exact") -> Record:
    entry = Entry(role="outcome", indicator="total", period=period, unit="count", source="s",
                  quote=f"{value:g}", note="n", value=value, qualifier=qualifier)
    return Record(entry, parse_period(period), int(period) + 1, "targets/x.yaml", 3, 0)


def test_exact_levels_give_an_exact_flow_naming_both() -> None:
    result = derive_flow(level("2023", 3_377_000), level("2022", 2_312_000), FLOW,
                         parse_period("2023"))
    assert result is not None
    assert (result.entry.value, result.entry.qualifier, result.entry.indicator) == (
        1_065_000, "exact", "new")
    assert result.entry.note == ("Derived: the level at 2023 minus the level at 2022 "
                                 "(2024:outcome:total:2023:s − 2023:outcome:total:2022:s).")


def test_bounds_combine_worst_and_best_cases() -> None:
    result = derive_flow(level("2023", 3_000_000, "at_least"), level("2022", 2_312_000), FLOW,
                         parse_period("2023"))
    assert result is not None
    assert (result.entry.value, result.entry.qualifier) == (688_000, "at_least")
    assert derive_flow(level("2023", 3_000_000, "at_least"),
                       level("2022", 2_000_000, "at_least"), FLOW, parse_period("2023")) is None
