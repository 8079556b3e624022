"""Plotly figures for the dashboard. Record text shown in hovers is HTML-escaped first."""

from __future__ import annotations

import html
import re
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from pipeline.i18n import Language, t
from pipeline.units import UNITS
from pipeline.verdicts import STATUSES
from pipeline.views import STATUS_COLOURS, localised, mark_years, status_label

PNG_CONFIG = {"displaylogo": False,
              "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "goalpost"}}
TARGET_MARKERS = {"exact": "diamond", "at_least": "triangle-up", "at_most": "triangle-down"}
BAND_WIDTH = 0.45  # years
MAX_LABELS = 40  # verdict words written above the goals of an indicator chart, at most
BOTTOM_MARGIN = 84  # px: the x axis, its title and a one-row legend with its title
LEFT_MARGIN = 68  # px: a five-character tick label (−1.5B, 0.035), the axis title and its gap
TITLE_GAP = 12  # px between the y tick labels and the y axis title


def png_config(name: str) -> dict[str, object]:
    """Plotly config whose camera button saves the chart as ``goalpost-<name>.png``."""
    options = dict(PNG_CONFIG["toImageButtonOptions"])  # type: ignore[call-overload]
    options["filename"] = "goalpost-" + re.sub(r"[^\w.-]+", "-", name).strip("-")
    return {**PNG_CONFIG, "toImageButtonOptions": options}


def titled(figure: go.Figure, title: str, source: str) -> go.Figure:
    """The chart's title and its source line with the date inside the figure (a line per
    `` · `` part), so that a saved PNG says what it shows and where it comes from; the legend
    below the plot, where plotly grows the margin to fit it rather than cut it. The bottom
    margin already holds the axis and a one-row legend (a wide screen), so there plotly has
    nothing to grow and draws the chart once, not twice."""
    lines = "<br>".join(safe(line) for line in source.split(" · "))  # narrow screens too
    figure.update_layout(title={"text": safe(title), "x": 0, "xanchor": "left",
                                "subtitle": {"text": lines}},
                         margin={"t": 96, "b": BOTTOM_MARGIN},
                         legend={"orientation": "h", "y": -0.18, "yanchor": "top", "x": 0})
    return figure


def fixed_left_margin(figure: go.Figure) -> go.Figure:
    """The y axis's room set here instead of measured in the browser: plotly's automargin
    (on in Streamlit's theme, with no left margin) draws the chart once, measures the tick
    labels, then draws it all again, about twice the work on every view switch."""
    figure.update_layout(margin={"l": LEFT_MARGIN})
    figure.update_yaxes(automargin=False, title_standoff=TITLE_GAP)
    return figure


def safe(text: object) -> str:
    """Record text made inert for plotly's HTML-like hover labels."""
    return html.escape(str(text), quote=True)


def year_bars(counts: pd.DataFrame, language: Language,
              affected: set[int] = frozenset()) -> go.Figure:  # type: ignore[assignment]
    """Goals per year, stacked by verdict, each segment labelled with its count; the years a
    broken file may have left incomplete marked ⚠."""
    figure = go.Figure()
    years = mark_years(counts["year"].astype(str).tolist(), affected)
    for status in STATUSES:
        if status not in counts or not counts[status].any():
            continue
        figure.add_bar(x=years, y=counts[status], textangle=0,
                       name=status_label(status, language), marker_color=STATUS_COLOURS[status],
                       marker_line_color="#333333", marker_line_width=0.5,
                       text=counts[status].where(counts[status] > 0, None),
                       textposition="inside", hovertemplate="%{x}: %{y}<extra>%{fullData.name}"
                       "</extra>")
    figure.update_layout(barmode="stack", height=360, margin={"t": 30, "b": 30},
                         xaxis_type="category", uniformtext={"minsize": 9, "mode": "hide"},
                         legend_title_text=t("status", language),
                         yaxis_title=t("goals", language), xaxis_title=t("year", language))
    return fixed_left_margin(figure)


def _label_place(goal: pd.Series) -> dict[str, float]:
    """Where a goal's verdict word goes: above the goal, or below it when the result lies
    above (so the word never sits on the result's marker)."""
    points = [v for v in (goal["band_low"], goal["band_high"], goal["value"], goal["high"])
              if pd.notna(v)]
    if pd.notna(goal["result_value"]) and goal["result_value"] > max(points):
        return {"y": min(points), "yshift": -16}
    return {"y": max(points), "yshift": 16}


def _when(period_end: str) -> float:
    """Position on a year axis: a period ending in December sits on its year, one ending in
    November 2023 at 2022 + 11/12, just before 2023."""
    end = date.fromisoformat(period_end)
    return end.year - 1 + end.month / 12


def indicator_figure(verdicts: pd.DataFrame, records: pd.DataFrame, unit: str,
                     language: Language, highlight: str = "") -> go.Figure:
    """Every goal against every reported result for one indicator, over time.

    Bands for "about" goals and ranges, diamonds for exact goals, up/down triangles for
    floors and ceilings; filled circles for final results, open circles for estimates, grey
    crosses for figures set aside (``set_aside:``, kept but never deciding); the
    verdict written above each goal; the goal ``highlight`` (a goal id) ringed and named.
    """
    figure = go.Figure()
    unit_label = UNITS[unit].zh if language == "zh" else UNITS[unit].en
    targets = records[records["role"] == "target"].merge(
        verdicts[["target_id", "status", "band_low", "band_high", "derived", "result_value",
                  localised("result_text", language)]], left_on="record_id",
        right_on="target_id", how="inner", suffixes=("", "_verdict"))
    bands = targets[targets["qualifier"].isin(["about", "range"])]
    if not bands.empty:
        figure.add_bar(
            x=[_when(d) for d in bands["period_end"]], base=bands["band_low"],
            y=bands["band_high"] - bands["band_low"], width=BAND_WIDTH,
            marker_color="rgba(0,114,178,0.25)", marker_line_color="#0072B2",
            marker_line_width=1, name=t("band", language),
            customdata=_hover(bands, language),
            hovertemplate=_hover_template(language, "goal"))
    for qualifier, symbol in TARGET_MARKERS.items():
        points = targets[targets["qualifier"] == qualifier]
        if points.empty:
            continue
        name = {"exact": "exact_goal", "at_least": "floor", "at_most": "ceiling"}[qualifier]
        figure.add_scatter(
            x=[_when(d) for d in points["period_end"]], y=points["value"], mode="markers",
            marker={"symbol": symbol, "size": 14, "color": "#0072B2",
                    "line": {"color": "#000000", "width": 1}},
            name=t(name, language), customdata=_hover(points, language),
            hovertemplate=_hover_template(language, "goal"))
    results = records[(records["role"] == "outcome") & records["reference"].notna()
                      & records["target_id"].ne("")]
    aside, estimate = results["set_aside"].astype(bool), results["estimate"].astype(bool)
    for points, label, symbol, fill in (
            (results[~aside & ~estimate], "final", "circle", "#000000"),
            (results[~aside & estimate], "estimate", "circle", "#FFFFFF"),
            (results[aside], "set_aside", "x-thin-open", "#888888")):
        if points.empty:
            continue
        figure.add_scatter(
            x=[_when(d) for d in points["period_end"]], y=points["reference"], mode="markers",
            marker={"symbol": symbol, "size": 10, "color": fill,
                    "line": {"color": fill if symbol != "circle" else "#000000", "width": 2}},
            name=f"{t('result', language)} ({t(label, language)})",
            customdata=_hover(points, language),
            hovertemplate=_hover_template(language, "result"))
    derived = targets[targets["derived"].astype(bool)].drop_duplicates("target_id")
    if not derived.empty:
        figure.add_scatter(
            x=[_when(d) for d in derived["period_end"]], y=derived["result_value"],
            mode="markers", name=f"{t('result', language)} ({t('derived', language)})",
            marker={"symbol": "circle-dot", "size": 11, "color": "#FFFFFF",
                    "line": {"color": "#000000", "width": 2}},
            customdata=[[safe(r["period"]), safe(r[localised("result_text", language)])]
                        for _, r in derived.iterrows()],
            hovertemplate=f"<b>{t('result', language)}</b> %{{customdata[0]}}: "
                          "%{customdata[1]}<extra></extra>")
    if len(targets) <= MAX_LABELS:  # past that the labels overlap; hover and cards say it
        figure.update_layout(annotations=[  # one assignment: add_annotation revalidates all
            {**_label_place(row), "x": _when(row["period_end"]), "showarrow": False,
             "text": safe(status_label(row["status"], language)), "font": {"size": 11}}
            for _, row in targets.iterrows()])
    if highlight:
        _ring(figure, targets[targets["goal_id"] == highlight], language)
    figure.update_layout(height=460, margin={"t": 40, "b": 30}, yaxis_title=unit_label,
                         xaxis={"title": t("period", language), "dtick": 1,
                                "tickformat": "d"}, hovermode="closest",
                         legend={"orientation": "h", "y": -0.2})
    return fixed_left_margin(figure)


def indicator_chart(verdicts: pd.DataFrame, records: pd.DataFrame, unit: str, name: str,
                    language: Language, source: str, highlight: str = "") -> go.Figure:
    """:func:`indicator_figure` with its title (the indicator's name) and source line."""
    return titled(indicator_figure(verdicts, records, unit, language, highlight),
                  t("indicator_chart", language, name=name), source)


def _ring(figure: go.Figure, statements: pd.DataFrame, language: Language) -> None:
    """A ring around one goal's statements and its name, so the goal page's goal stands out
    among the indicator's other years."""
    points = [(_when(row["period_end"]), height) for _, row in statements.iterrows()
              for height in [next((v for v in (row["value"], row["band_high"], row["high"])
                                   if pd.notna(v)), None)] if height is not None]
    if not points:
        return
    figure.add_scatter(x=[x for x, _ in points], y=[y for _, y in points],
                       mode="markers", name=t("this_goal", language), hoverinfo="skip",
                       marker={"symbol": "circle-open", "size": 30, "color": "#D55E00",
                               "line": {"width": 3}})


def _hover(frame: pd.DataFrame, language: Language) -> list[list[str]]:
    text = localised("text", language)
    return [[safe(r["period"]), safe(r[text]), safe(r["quote"]), safe(r["note"]),
             safe(r["source_title"]), safe(r["source_published"])]
            for _, r in frame.iterrows()]


def _hover_template(language: Language, side: str) -> str:
    return (f"<b>{t(side, language)}</b> %{{customdata[0]}}: %{{customdata[1]}}<br>"
            "%{customdata[2]}<br>%{customdata[3]}<br>"
            f"{t('source', language)}: %{{customdata[4]}} (%{{customdata[5]}})<extra></extra>")


def ambition_figure(verdicts: pd.DataFrame, language: Language) -> go.Figure:
    """Relative margin of each rated goal by year: above zero the result beat the goal."""
    rated = verdicts[verdicts["relative_margin"].notna()]
    figure = go.Figure()
    for category, group in rated.groupby("category"):
        names = group["indicator_zh"] if language == "zh" else group["indicator_en"]
        figure.add_scatter(
            x=group["year"], y=group["relative_margin"] * 100, mode="markers",
            name=t(str(category), language), marker={"size": 10, "opacity": 0.8},
            customdata=[[safe(n), safe(tt), safe(rt), safe(status_label(s, language))]
                        for n, tt, rt, s in zip(names,
                                                group[localised("target_text", language)],
                                                group[localised("result_text", language)],
                                                group["status"], strict=True)],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]} → %{customdata[2]}<br>"
                          "%{customdata[3]}: %{y:+.1f}%<extra></extra>")
    figure.add_hline(y=0, line_color="#333333", line_dash="dot")
    figure.update_layout(height=420, margin={"t": 30, "b": 30},
                         yaxis_title=f"{t('relative_margin', language)} (%)",
                         xaxis_title=t("year", language))
    return fixed_left_margin(figure)
