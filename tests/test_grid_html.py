"""The status grid as HTML: what it shows, where its symbols lead, and that no text in the
data can become markup."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import ProjectMaker, grid_of
from test_views import three_goals

from pipeline.grid_html import grid_html
from pipeline.tables import Tables


@pytest.fixture
def tables(make_project: ProjectMaker) -> Tables:
    return three_goals(make_project)


def link(goal: str) -> str:
    return f"?goal={goal}&lang=en"


def test_each_goal_is_a_symbol_in_its_year_linking_to_its_page(tables: Tables) -> None:
    markup = grid_html(tables.verdicts, "en", set(), link)
    header, rows, links = grid_of(markup)
    assert header == ["Indicator", "2019", "2020"]
    assert rows == {"5G base stations built in the year": ["✗", ""],
                    "Industrial value added growth": ["✓", "∅"]}
    assert sorted(links) == sorted(link(goal) for goal in tables.verdicts["goal_id"])
    missed = tables.verdicts.loc[tables.verdicts["status"] == "missed", "goal_id"].iloc[0]
    assert f'<td class="gp-missed"><a href="?goal={missed}&amp;lang=en">✗</a></td>' in markup


def test_years_a_broken_file_touches_are_marked(tables: Tables) -> None:
    header, _, _ = grid_of(grid_html(tables.verdicts, "zh", {2019}, link))
    assert header == ["指标", "2019 ⚠", "2020"]


def test_several_goals_in_one_cell_each_get_their_link(tables: Tables) -> None:
    verdicts = tables.verdicts
    twin = verdicts[verdicts["status"] == "missed"].assign(goal_id="twin", status="met")
    _, rows, links = grid_of(grid_html(pd.concat([verdicts, twin]), "en", set(), link))
    assert rows["5G base stations built in the year"][0] == "✓ ✗"  # most settled first
    assert link("twin") in links


def test_several_scopes_show_counts_without_links(tables: Tables) -> None:
    province = tables.verdicts.assign(scope="hebei", goal_id=tables.verdicts["goal_id"] + "-h")
    _, rows, links = grid_of(grid_html(pd.concat([tables.verdicts, province]), "zh", set(),
                                       link))
    assert set(rows) == {"全国", "河北"}
    assert links == []


def test_text_in_the_data_never_becomes_markup(tables: Tables) -> None:
    hostile = tables.verdicts.assign(indicator_en='<img src=x onerror="alert(1)">')
    markup = grid_html(hostile, "en", set(), lambda goal: f'"><script>{goal}')
    assert "<img" not in markup and "<script" not in markup
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in markup
    _, rows, links = grid_of(markup)
    assert list(rows) == ['<img src=x onerror="alert(1)">']  # shown as the text it is
    assert all(href.startswith('"><script>') for href in links)  # an attribute, not a tag


def test_nothing_selected_draws_nothing(tables: Tables) -> None:
    assert grid_html(tables.verdicts.head(0), "en", set(), link) == ""
