"""Plotly figures: the right marks for each kind of goal, and inert hover text."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import ProjectMaker, entry, year_file

from pipeline.charts import (
    BOTTOM_MARGIN,
    LEFT_MARGIN,
    ambition_figure,
    indicator_chart,
    indicator_figure,
    png_config,
    safe,
    titled,
    year_bars,
)
from pipeline.dataset import load_project
from pipeline.tables import Tables, build_tables
from pipeline.views import year_counts


@pytest.fixture
def tables(make_project: ProjectMaker) -> Tables:
    root = make_project({
        "targets/2018.yaml": year_file(
            2018,
            entry(quote="增长6%左右<script>alert(1)</script>"),
            entry(period=2020, qualifier="range", value=None, low=5.5, high=6),
            entry(period=2021, qualifier="at_least", value=6),
            entry(period=2022, qualifier="exact", value=6),
        ),
        "targets/2019.yaml": year_file(2019, entry(
            role="outcome", period=2019, value=5.6, qualifier="exact", estimate="true",
            source="conf-2019", quote="增长5.6%", note="Estimate.")),
        "targets/2020.yaml": year_file(2020, entry(
            role="outcome", period=2019, value=6.1, qualifier="exact", source="scio-2020",
            quote="增长6.1%", note="Final.")),
    })
    return build_tables(load_project(root))


def test_indicator_figure_marks_each_kind_of_goal_and_result(tables: Tables) -> None:
    figure = indicator_figure(tables.verdicts, tables.records, "percent", "en")
    traces = {trace.name: trace for trace in figure.data}
    assert set(traces) == {"about / range", "exact goal", "floor (at least)",
                           "Result (final)", "Result (estimate)"}
    bands = traces["about / range"]
    assert list(bands.base) == pytest.approx([5.7, 5.5])
    assert list(bands.y) == pytest.approx([0.6, 0.5])
    assert list(bands.x) == [2019, 2020]
    assert traces["floor (at least)"].marker.symbol == "triangle-up"
    assert traces["exact goal"].marker.symbol == "diamond"
    assert traces["Result (final)"].marker.color == "#000000"
    assert traces["Result (estimate)"].marker.color == "#FFFFFF"
    assert [a.text for a in figure.layout.annotations] == [
        "✓ met", "∅ no result found", "∅ no result found", "∅ no result found"]


def test_record_text_in_hovers_is_escaped(tables: Tables) -> None:
    figure = indicator_figure(tables.verdicts, tables.records, "percent", "zh")
    hover = str(figure.to_plotly_json())
    assert "<script>" not in hover
    assert "&lt;script&gt;" in hover
    assert safe('<a href="javascript:x">') == "&lt;a href=&quot;javascript:x&quot;&gt;"


def test_year_bars_stack_verdicts_with_words(tables: Tables) -> None:
    figure = year_bars(year_counts(tables.verdicts), "zh")
    assert [trace.name for trace in figure.data] == ["✓ 达成", "∅ 未找到结果"]
    assert figure.layout.barmode == "stack"


def test_ambition_figure_plots_relative_margins(tables: Tables) -> None:
    figure = ambition_figure(tables.verdicts, "en")
    assert [trace.name for trace in figure.data] == ["Industry"]
    assert list(figure.data[0].y) == pytest.approx([(6.1 - 6) / 6 * 100])


def test_charts_download_as_png() -> None:
    config = png_config("gdp_growth")
    assert config["toImageButtonOptions"] == {"format": "png", "scale": 2,
                                              "filename": "goalpost-gdp_growth"}


def test_a_saved_chart_carries_its_title_source_and_date(tables: Tables) -> None:
    figure = titled(year_bars(year_counts(tables.verdicts), "en"), "Goals <per> year",
                    "goalpost, from statements · data as of 2026-05-11")
    assert figure.layout.title.text == "Goals &lt;per&gt; year"
    assert figure.layout.title.subtitle.text == \
        "goalpost, from statements<br>data as of 2026-05-11"
    assert figure.layout.legend.orientation == "h" and figure.layout.legend.yanchor == "top"
    assert png_config("x:2020:done")["toImageButtonOptions"]["filename"] == \
        "goalpost-x-2020-done"


def test_the_goal_page_chart_rings_its_goal(tables: Tables) -> None:
    goal = tables.verdicts.loc[tables.verdicts["year"] == 2019, "goal_id"].iloc[0]
    figure = indicator_chart(tables.verdicts, tables.records, "percent", "Growth", "zh",
                             "来源 · 数据截至2026-05-11", highlight=goal)
    ring = next(trace for trace in figure.data if trace.name == "本目标")
    assert list(ring.y) == [6] and ring.marker.symbol == "circle-open"
    assert figure.layout.title.text == "Growth:目标与结果"
    plain = indicator_figure(tables.verdicts, tables.records, "percent", "en")
    assert "this goal" not in {trace.name for trace in plain.data}


def test_a_derived_result_is_drawn_where_no_record_holds_it() -> None:
    from conftest import PROJECT_ROOT

    from pipeline.goal_view import indicator_history
    bundled = build_tables(load_project(PROJECT_ROOT))
    goal = bundled.verdicts.set_index("goal_id").loc["fiveg_base_stations_new:2023:600000"]
    verdicts, records = indicator_history(bundled, goal)
    figure = indicator_figure(verdicts, records, "count", "en")
    derived = next(trace for trace in figure.data if trace.name == "Result (derived)")
    assert goal["result_value"] in list(derived.y)


def test_year_bars_mark_the_years_a_broken_file_touches(tables: Tables) -> None:
    figure = year_bars(year_counts(tables.verdicts), "en", affected={2019})
    assert list(figure.data[0].x) == ["2019 ⚠", "2020", "2021", "2022"]


def test_a_crowded_indicator_chart_leaves_the_verdict_words_to_the_hover(tables: Tables) -> None:
    from pipeline import charts
    figure = indicator_figure(tables.verdicts, tables.records, "percent", "en")
    assert figure.layout.annotations[0].text == "✓ met"
    crowded = pd.concat([tables.records] * (charts.MAX_LABELS + 1))
    crowded = indicator_figure(tables.verdicts, crowded, "percent", "en")
    assert not crowded.layout.annotations and crowded.data  # the marks stay


def test_a_verdict_word_never_sits_on_the_result_above_its_goal(
        make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry(
            indicator="fiveg_base_stations_new", unit="count", value=600000,
            qualifier="at_least", quote="新建5G基站60万个以上", note="600k."), entry()),
        "targets/2020.yaml": year_file(2020, entry(
            role="outcome", indicator="fiveg_base_stations_new", unit="count", period=2019,
            value=654000, qualifier="exact", source="scio-2020", quote="新建65.4万个",
            note="654k."), entry(role="outcome", period=2019, value=5.2, qualifier="exact",
                                 source="scio-2020", quote="增长5.2%", note="Final."))})
    tables = build_tables(load_project(root))
    records = tables.records.groupby("indicator_id")
    stations = indicator_figure(tables.verdicts, records.get_group("fiveg_base_stations_new"),
                                "count", "en")
    growth = indicator_figure(tables.verdicts, records.get_group("industrial_va_growth"),
                              "percent", "en")
    beaten, = stations.layout.annotations
    assert (beaten.text, beaten.y, beaten.yshift) == ("★ beat the goal", 600000, -16)  # below
    missed, = growth.layout.annotations
    assert (missed.text, missed.y, missed.yshift) == ("✗ missed", pytest.approx(6.3), 16)


def test_a_figure_set_aside_is_drawn_apart_from_the_results_that_decide() -> None:
    from conftest import PROJECT_ROOT

    from pipeline.goal_view import indicator_history
    bundled = build_tables(load_project(PROJECT_ROOT))
    goal = bundled.verdicts.set_index("goal_id").loc["registered_unemployment_rate:2020:about5.5"]
    verdicts, records = indicator_history(bundled, goal)
    traces = {trace.name: trace for trace in indicator_figure(verdicts, records, "percent",
                                                              "en").data}
    aside = traces["Result (set aside)"]
    assert list(aside.y) == [3.62, 3.62] and list(aside.x) == [2020, 2020]
    assert aside.marker.symbol == "x-thin-open"
    final = traces["Result (final)"]
    assert [y for x, y in zip(final.x, final.y, strict=True) if x == 2020] == [4.24]


def test_no_chart_leaves_its_y_axis_to_be_measured_in_the_browser(tables: Tables) -> None:
    """Automargin would draw each chart twice on every view switch; the margins are set."""
    figures = [titled(year_bars(year_counts(tables.verdicts), "en"), "Goals", "a · b"),
               indicator_chart(tables.verdicts, tables.records, "percent", "Growth", "en",
                               "a · b"), ambition_figure(tables.verdicts, "en")]
    for figure in figures:
        assert figure.layout.yaxis.automargin is False
        assert figure.layout.margin.l == LEFT_MARGIN
    assert figures[0].layout.margin.b == figures[1].layout.margin.b == BOTTOM_MARGIN
