"""Printed precision and when two figures really conflict."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.models import Entry
from pipeline.precision import conflict, printed_step, stated_interval


def figure(value: float, quote: str, qualifier: str = "exact") -> Entry:
    return Entry(role="outcome", indicator="x", period="2022", value=value, unit="count",
                 qualifier=qualifier, source="s", quote=quote, note="n")


@pytest.mark.parametrize(("value", "quote", "step"), [
    (126_000, "全国注册5G基站12.6万个", Decimal(1000)), (2_300_000, "超过230万个", Decimal(10000)),
    (5.7, "增长5.7%", Decimal("0.1")), (30, "下降30%", Decimal(1)),
    (2_300_000, "over 2.3 million", Decimal(100000)), (3.62, "worded", Decimal("0.01")),
    (3000, "三千", Decimal(1))])
def test_the_last_printed_digit(value: float, quote: str, step: Decimal) -> None:
    assert printed_step(value, quote) == step


def test_stated_intervals() -> None:
    assert stated_interval(figure(2_312_000, "231.2万个")) == (
        Decimal("2311500.0"), Decimal("2312500.0"), True)
    assert stated_interval(figure(2_300_000, "超过230万个", "at_least"))[:2] == (
        Decimal("2300000.0"), Decimal("Infinity"))


def test_rounding_is_not_a_conflict_but_different_figures_are() -> None:
    exact, bound = figure(2_312_000, "231.2万个"), figure(2_300_000, "超过230万个", "at_least")
    assert not conflict(exact, bound)
    assert not conflict(figure(6.1, "6.1%"), figure(6, "6%"))
    assert conflict(figure(6.1, "6.1%"), figure(6.0, "6.0%"))
    assert conflict(figure(3.62, "3.62%"), figure(4.24, "4.24%"))
    assert conflict(exact, figure(2_300_000, "230万个"))
