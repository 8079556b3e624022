"""The dashboard under Streamlit's AppTest: every view, widgets, URL state, broken files."""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from conftest import PROJECT_ROOT, ProjectMaker, entry, grid_of, year_file
from streamlit.testing.v1 import AppTest

from pipeline.goal_cards import RESPONSIVE_CSS
from pipeline.i18n import LABELS

TIMEOUT = 60


def app_for(root: Path, **query: str) -> AppTest:
    shutil.copy(PROJECT_ROOT / "dashboard.py", root / "dashboard.py")
    at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=TIMEOUT)
    at.query_params.update(query)
    return at


@pytest.fixture
def small(make_project: ProjectMaker) -> Path:
    return make_project({
        "targets/2018.yaml": year_file(
            2018,
            entry(),
            entry(indicator="fiveg_base_stations_new", unit="count", value=600000,
                  qualifier="at_least", quote="新建5G基站60万个以上", note="600k new stations."),
            entry(period=2020, value=7, quote="增长7%左右", note="About 7%."),
        ),
        "targets/2020.yaml": year_file(
            2020,
            entry(role="outcome", period=2019, value=5.2, qualifier="exact", source="scio-2020",
                  quote="增长5.2%", note="Final."),
            entry(role="outcome", indicator="fiveg_base_stations_new", unit="count", period=2019,
                  value=654000, qualifier="exact", source="scio-2020", quote="新建65.4万个",
                  note="654k.")),
    })


def band_lows(trace: dict) -> list[float]:
    """A bar trace's ``base`` values, which plotly may send as typed binary arrays."""
    base = trace["base"]
    if isinstance(base, dict):
        return np.frombuffer(base64.b64decode(base["bdata"]), dtype=base["dtype"]).tolist()
    return list(base)


def cards_text(at: AppTest) -> str:
    """The goal cards on the page (Markdown blocks that lead with a verdict), joined."""
    return "\n".join(m.value for m in at.markdown if m.value.startswith("**")
                     and "[" in m.value)


def headline(at: AppTest) -> str:
    """The overview's headline sentence, or "" when nothing is selected."""
    bold = [m.value.strip("*") for m in at.markdown if m.value.startswith("**")]
    return bold[0] if bold else ""


def shown_grid(at: AppTest) -> str:
    """The overview's status grid as drawn (HTML), or "" when there is none."""
    return next((h.value for h in at.html if "gp-grid" in h.value), "")


def goals(at: AppTest) -> int:
    """How many goals the headline counts: those due plus those not yet due."""
    due = re.search(r"Of (\d+) goals", headline(at))
    later = re.search(r"; (\d+) not yet due", headline(at))
    return (int(due[1]) if due else 0) + (int(later[1]) if later else 0)


def test_overview_shows_counts_chart_and_grid(small: Path) -> None:
    at = app_for(small).run()
    assert not at.exception
    assert headline(at) == (
        "Of 3 goals due by the end of 2020: 1 met or beaten, 1 missed, 1 with no public result.")
    assert len(at.get("plotly_chart")) == 1
    _, rows, links = grid_of(shown_grid(at))
    assert rows["Industrial value added growth"] == ["✗", "∅"]
    assert len(links) == 3 and all(link.startswith("?goal=") for link in links)


def test_filters_change_what_is_shown_and_land_in_the_url(small: Path) -> None:
    at = app_for(small).run()
    at.pills(key="cat").select("telecom").run()
    assert goals(at) == 1
    assert at.query_params["cat"] == "telecom"
    at.text_input(key="q").input("增加值").run()
    assert goals(at) == 0
    assert at.info[0].value == "No goals match these filters."


def test_state_is_read_back_from_a_shared_link(small: Path) -> None:
    at = app_for(small, view="scorecard", lang="zh", status="missed").run()
    assert not at.exception
    assert at.title[0].value == "goalpost — 目标完成了吗?"
    card = at.dataframe[0].value
    assert card["结论"].tolist() == ["✗ 未达成"]
    assert card["目标原文"].tolist() == ["工业增加值增长6%左右"]
    assert [b.label for b in at.get("download_button")] == ["下载 CSV", "下载 Excel",
                                                        "全部数据(Excel:目标、记录)"]
    assert at.query_params["view"] == "scorecard"


def test_language_switch_changes_every_label(small: Path) -> None:
    at = app_for(small).run()
    at.selectbox(key="lang").select("zh").run()
    assert at.title[0].value == "goalpost — 目标完成了吗?"
    assert headline(at).startswith("截至2020年底到期的3个目标中")
    assert at.query_params["lang"] == "zh"


ENGLISH = sorted({en for en, zh in LABELS.values() if en != zh and len(en) >= 5
                  and re.search("[a-z]{3}", en)}, key=len, reverse=True)


def shown_text(at: AppTest) -> list[str]:
    """Every label, option, chip, heading, caption and column name on the page, but the
    language picker's, which reads in both languages so that either reader finds it."""
    texts: list[str] = []
    for kind in ("selectbox", "multiselect", "pills", "slider", "text_input", "button",
                 "segmented_control", "download_button"):
        for widget in at.get(kind):
            if widget.key == "lang":
                continue
            texts.append(widget.label)
            texts.extend(str(o) for o in getattr(widget, "options", []) or [])
            texts.append(getattr(widget.proto, "placeholder", ""))
    for kind in ("subheader", "caption", "info", "expander", "header", "title"):
        texts.extend(str(getattr(element, "label", None) or element.value)
                     for element in at.get(kind))
    for frame in at.dataframe:
        texts.extend(str(c) for c in frame.value.columns)
    return [text for text in texts if text]


@pytest.mark.parametrize("view", ["overview", "indicator_view", "scorecard", "ambition",
                                  "evidence", "goal"])
def test_after_a_language_switch_nothing_is_left_in_english(small: Path, view: str) -> None:
    query = {"goal": "industrial_va_growth:2018:about6"} if view == "goal" else {"view": view}
    at = app_for(small, **query).run()
    at.pills(key="status").select("missed").run()  # a chip, chosen in English
    assert any(en in text for text in shown_text(at) for en in ENGLISH)  # the check sees them
    at.selectbox(key="lang").select("zh").run()
    assert not at.exception
    assert at.pills(key="status").formatted_values == ["✗ 未达成"]
    left = [(text, en) for text in shown_text(at) for en in ENGLISH if en in text]
    assert left == []


def test_indicator_view_plots_goals_against_results(small: Path) -> None:
    at = app_for(small, view="indicator_view", indicator="fiveg_base_stations_new").run()
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = {trace["name"] for trace in spec["data"]}
    assert names == {"floor (at least)", "Result (final)"}
    cards = cards_text(at)
    assert cards.startswith("**★ beat the goal** · 2019")
    assert "Goal: ≥ 600,000 · " in cards and "result 654,000" in cards
    at.selectbox(key="indicator").select("industrial_va_growth").run()
    assert at.query_params["indicator"] == "industrial_va_growth"
    assert re.findall(r"\*\*(. [a-z ]+)\*\*", cards_text(at)) == ["∅ no result found", "✗ missed"]


def test_the_indicator_view_charts_one_scope_at_a_time(make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry()),
        "targets/beijing/2018.yaml": "scope: beijing\n" + year_file(2018, entry(value=7, quote=
                                                                        "工业增加值增长7%左右"))})
    at = app_for(root, view="indicator_view").run()
    assert not at.exception
    picker = at.selectbox(key="indicator_scope")
    assert picker.options == ["National", "Beijing"] and picker.value == "national"
    assert "Goal: about 6% · " in cards_text(at) and "7%" not in cards_text(at)
    picker.select("beijing").run()
    assert "Goal: about 7% · " in cards_text(at) and "Goal: about 6%" not in cards_text(at)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    bands = [trace for trace in spec["data"] if trace["name"] == "about / range"]
    assert [band_lows(trace) for trace in bands] == [[6.7]]  # about 7%'s band: Beijing's alone


def test_scorecard_year_picker_and_downloads(small: Path) -> None:
    at = app_for(small, view="scorecard").run()
    assert at.selectbox(key="year").value == 2019
    assert len(at.dataframe[0].value) == 2
    at.selectbox(key="year").select(2020).run()
    assert at.dataframe[0].value["Verdict"].tolist() == ["∅ no result found"]
    assert at.query_params["year"] == "2020"


def test_the_scorecard_picker_opens_a_goal(small: Path) -> None:
    at = app_for(small, view="scorecard").run()
    picker = at.selectbox(key="card_open")
    assert picker.value is None and picker.placeholder == "Choose or type to search…"
    assert picker.options == ["✗ Goal: about 6% · Industrial value added growth · 2019 · result "
                              "5.2% · missed it by 0.8 pp", "★ Goal: ≥ 600,000 · 5G base "
                              "stations built in the year · 2019 · result 654,000 · beat it by 9%"]
    picker.set_value("fiveg_base_stations_new:2019:ge600000").run()
    assert at.query_params["goal"] == "fiveg_base_stations_new:2019:ge600000"
    assert at.button(key="back").label == "← All goals"


def test_the_status_rules_open_from_the_sidebar() -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=TIMEOUT).run()
    assert not any(m.value.startswith("# How a goal") for m in at.markdown)  # not drawn yet
    at.button(key="rules").click().run()
    assert any(m.value.startswith("# How a goal gets its verdict") for m in at.markdown)


def test_ambition_view(small: Path) -> None:
    at = app_for(small, view="ambition").run()
    assert not at.exception
    assert len(at.get("plotly_chart")) == 1
    by_indicator = at.dataframe[0].value
    assert by_indicator["Rated"].tolist() == [1, 1]


def test_evidence_view_lists_commitments(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry(
        role="commitment", indicator="fiveg_city_coverage", unit="milestone", value=None,
        qualifier=None, quote="推进5G<b>建设</b>", note="Push 5G."))})
    at = app_for(root, view="evidence").run()
    assert not at.exception
    assert at.dataframe[-1].value["As printed"].tolist() == ["推进5G<b>建设</b>"]
    assert [html.proto.body for html in at.get("html")] == [RESPONSIVE_CSS]  # ours alone


@pytest.mark.parametrize("broken", [
    "year: 2018\nentries:\n\t- x\n",
    "year: 2018\nentries:\n  - !!python/object/apply:os.system [echo]\n",
    b"\xff\xfe",
])
def test_a_broken_file_does_not_take_the_dashboard_down(make_project: ProjectMaker,
                                                        broken: str | bytes) -> None:
    root = make_project({
        "targets/2018.yaml": broken,
        "targets/2019.yaml": year_file(2019, entry(source="conf-2019", period=2020),
                                       entry(source="conf-2019", period=2019, value=7)),
    })
    at = app_for(root).run()
    assert not at.exception
    assert at.expander[0].label == "1 problems: some records were left out"
    assert grid_of(shown_grid(at))[0] == ["Indicator", "2019 ⚠", "2020"]  # the grid marks it
    banner = at.error[0].value.replace("\\", "")
    assert banner.startswith("targets/2018.yaml: 1 problem(s), first at targets/2018.yaml:")
    assert banner.endswith("the whole file is left out, so verdicts for 2017–2019 may be "
                           "incomplete")
    panel = at.expander[0].dataframe[0].value
    assert panel["Where"].tolist()[0].startswith("targets/2018.yaml:")
    assert goals(at) == 2


@pytest.mark.parametrize("view", ["overview", "indicator_view", "scorecard", "ambition",
                                  "evidence"])
def test_every_view_renders_the_bundled_data(view: str) -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.query_params["view"] = view
    at.run()
    assert not at.exception
    assert at.dataframe or cards_text(at) or shown_grid(at)  # a table, cards or the grid


def test_changing_a_file_refreshes_the_cached_data(small: Path) -> None:
    at = app_for(small).run()
    assert goals(at) == 3
    path = small / "targets" / "2020.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 5.2", "value: 6.1"),
                    encoding="utf-8")
    at.run()
    assert "2 met or beaten" in headline(at)


def test_the_goal_page_from_its_link() -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    at.query_params["goal"] = "fiveg_base_stations_new:2021:ge600000"
    at.run()
    assert not at.exception
    texts = [t.value for t in at.text]
    assert any(t.startswith("Goal: ≥ 600,000 · ") and t.endswith("beat it by 9%") for t in texts)
    statements, results = [m.value for m in at.markdown if m.value.startswith("**")][-2:]
    assert statements.count("\n\n---\n\n") == 4  # five statements, most reliable first
    assert "> " in results and "Value: " in results
    assert len(at.get("plotly_chart")) == 1  # the indicator's chart, this goal ringed
    assert at.query_params["goal"] == "fiveg_base_stations_new:2021:ge600000"
    at.button(key="back").click().run()
    assert "goal" not in at.query_params


def test_a_broken_registry_says_nothing_could_be_rated(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry())},
                        indicators="indicators:\n  - id: [unclosed\n")
    at = app_for(root).run()
    assert not at.exception
    banner = at.error[0].value.replace("\\", "")
    assert banner.startswith("data/indicators.yaml: 1 problem(s)")
    assert banner.endswith("a registry is broken: goals that depend on it cannot be rated")
    assert at.info[0].value == ("Nothing could be rated: fix the problems above first.")
