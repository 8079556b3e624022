"""Did-you-mean suggestions."""

from __future__ import annotations

from pipeline.suggest import closest, did_you_mean


def test_close_spellings_are_suggested_best_first() -> None:
    assert closest("industrial_va_grwth", ["industrial_va_growth", "gdp_growth"]) == [
        "industrial_va_growth"]


def test_substrings_are_a_fallback() -> None:
    assert closest("5g", ["fiveg_base_stations", "5g_users_total"]) == ["5g_users_total"]


def test_did_you_mean_wording() -> None:
    assert did_you_mean("valeu", ["value", "note"]) == "did you mean 'value'?"
    assert did_you_mean("zzz", ["value"]) == ""
