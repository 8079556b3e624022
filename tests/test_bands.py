"""Bands in decimal, limits, and the band in words."""

from __future__ import annotations

from decimal import Decimal

from pipeline.bands import INFINITY, acceptable, band_words, compare, dec, judge, tolerance
from pipeline.models import Entry, Indicator, Tolerance

RATE = Indicator(id="u", zh="失业率", en="Unemployment", unit="percent", category="macro",
                 better="lower", measure="rate", tolerance=Tolerance(abs=0.3))
COUNT = Indicator(id="n", zh="新建", en="New", unit="count", category="telecom",
                  better="higher", measure="flow")


def target(indicator: Indicator = RATE, **fields: object) -> Entry:
    return Entry(role="target", indicator=indicator.id, period="2023", unit=indicator.unit,
                 source="s", quote="q", note="n", **fields)


def test_figures_are_read_as_the_decimals_they_were_written_as() -> None:
    assert dec(5.2) == Decimal("5.2")
    assert dec(5.5) - tolerance(RATE, 5.5) == Decimal("5.2")
    assert tolerance(COUNT, 600_000) == Decimal("30000.00")


def test_about_floor_and_limit_bands() -> None:
    assert acceptable(target(value=5.5, qualifier="about"), RATE) == (Decimal("5.2"),
                                                                      Decimal("5.8"))
    assert acceptable(target(COUNT, value=600_000, qualifier="at_least"), COUNT) == (
        Decimal("600000.0"), Decimal("630000.00"))
    limit = target(value=5.5, qualifier="about", limit="控制在5.5%左右")
    assert acceptable(limit, RATE) == (-INFINITY, Decimal("5.8"))


def test_judge_has_no_knife_edge() -> None:
    about = target(value=5.5, qualifier="about")
    assert judge(Decimal("5.2"), about, RATE) == "met"
    assert judge(Decimal("5.19"), about, RATE) == "exceeded"
    limit = target(value=5.5, qualifier="about", limit="控制在")
    assert judge(Decimal("0.1"), limit, RATE) == "met"
    assert judge(Decimal("5.81"), limit, RATE) == "missed"


def test_compare_uses_the_worst_case_of_a_bound() -> None:
    floor = target(COUNT, value=600_000, qualifier="at_least")
    over = Entry(role="outcome", indicator="n", period="2023", unit="count", source="s",
                 quote="q", note="n", value=500_000, qualifier="at_least")
    assert compare(floor, over, COUNT) == "unratable"


def test_band_words() -> None:
    assert band_words(target(value=5.5, qualifier="about"), RATE) == (
        "met from 5.2% to 5.8%; beaten below 5.2%")
    assert band_words(target(COUNT, value=130_000), COUNT) == (
        "met at exactly 130,000; beaten above it")
    assert band_words(target(value=4.5, qualifier="at_most", limit="4.5%以内"), RATE) == (
        "a limit (4.5%以内): met at or below 4.5%; a limit is never beaten")


def test_a_two_sided_target_is_missed_on_either_side() -> None:
    point = target(value=2, qualifier="about", two_sided="低于政府目标")
    assert judge(Decimal("0.0"), point, RATE) == "missed"
    assert judge(Decimal("2.3"), point, RATE) == "met"
    assert judge(Decimal("2.4"), point, RATE) == "missed"
    assert band_words(point, RATE) == ("a level to hit (低于政府目标): met from 1.7% to 2.3%, "
                                       "missed on either side")
