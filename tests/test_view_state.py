"""The view state round-trips through the URL and ignores anything unknown."""

from __future__ import annotations

from pipeline.view_state import (
    FILTER_LABELS,
    ViewState,
    filter_choices,
    from_query,
    goal_address,
    to_query,
    year_span,
)

INDICATORS = ["gdp_growth", "fiveg_base_stations_new"]
YEARS = [2017, 2018, 2019, 2020, 2021]


def test_round_trip() -> None:
    state = ViewState(view="scorecard", language="zh", categories=("telecom", "macro"),
                      kinds=("work_conference",), statuses=("missed",), years=(2018, 2020),
                      query="5G 基站", indicator="gdp_growth", year=2019)
    params = to_query(state)
    assert params == {"view": "scorecard", "lang": "zh", "cat": "telecom,macro",
                      "kind": "work_conference", "status": "missed", "years": "2018,2020",
                      "q": "5G 基站", "indicator": "gdp_growth", "year": "2019"}
    assert from_query(params, indicators=INDICATORS, years=YEARS) == state


def test_defaults_make_an_empty_query() -> None:
    assert to_query(ViewState()) == {}
    assert from_query({}, indicators=INDICATORS, years=YEARS) == ViewState()


def test_unknown_or_hostile_values_are_dropped() -> None:
    state = from_query({"view": "<script>", "lang": "fr", "cat": "telecom,evil",
                        "status": ["met", "bogus"], "years": "1990,2050", "q": "x" * 500,
                        "indicator": "javascript:alert(1)", "year": "20x9"},
                       indicators=INDICATORS, years=YEARS)
    assert state.view == "overview" and state.language == "en"
    assert state.categories == ("telecom",)
    assert state.statuses == ("met",)
    assert state.years == (2017, 2021)  # clamped to the data
    assert len(state.query) == 100
    assert state.indicator == "" and state.year is None


def test_repeated_values_are_kept_once() -> None:
    state = from_query({"status": "met,met,missed"}, indicators=INDICATORS, years=YEARS)
    assert state.statuses == ("met", "missed")


def test_digits_that_are_not_ascii_are_ignored_not_a_crash() -> None:
    for year in ("²⁰¹⁹", "٢٠١٩", "２０１９", "1" * 5000):
        state = from_query({"year": year, "years": f"{year},{year}"}, indicators=INDICATORS,
                           years=YEARS)
        assert (state.year, state.years) == (None, None)


def test_a_year_span_over_every_year_is_no_filter() -> None:
    assert year_span((2017, 2030), [2017, 2020, 2030]) is None
    assert year_span(None, [2017, 2030]) is None
    assert year_span((2018, 2020), [2017, 2030]) == (2018, 2020)


def test_filter_choices_put_national_first_and_keep_only_what_is_on_offer() -> None:
    url = ViewState(scopes=("hebei", "tibet"), statuses=("missed",))
    choices = filter_choices(url, ["hebei", "national", "anhui", "hebei"])
    assert choices["scope"] == (["national", "anhui", "hebei"], ["hebei"])
    assert choices["status"][1] == ["missed"] and choices["cat"][1] == []
    assert list(choices) == list(FILTER_LABELS)


def test_a_goal_address_keeps_the_rest_of_the_view() -> None:
    state = ViewState(language="zh", statuses=("missed",))
    assert goal_address(state, "gdp_growth:2022:about5.5") == \
        "?lang=zh&status=missed&goal=gdp_growth%3A2022%3Aabout5.5"
