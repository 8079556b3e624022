"""Goal cards (phones, short lists) from the bundled data, and their safety."""

from __future__ import annotations

from functools import cache

import pandas as pd
from conftest import PROJECT_ROOT

from pipeline.dataset import load_project
from pipeline.goal_cards import (
    MAX_CARDS,
    evidence_cards,
    goal_card,
    goal_cards,
    goal_link,
    pick_label,
    picked_cards,
    picks,
)
from pipeline.goal_view import goal_page
from pipeline.tables import Tables, build_tables


@cache
def tables() -> Tables:
    return build_tables(load_project(PROJECT_ROOT))


def verdict(goal: str) -> pd.Series:
    verdicts = tables().verdicts
    return verdicts[verdicts["goal_id"] == goal].iloc[0]


def test_a_card_leads_with_the_verdict_and_shows_both_quotes_and_the_link() -> None:
    card = goal_card(verdict("gdp_growth:2022:about5.5"), "en")
    lines = card.split("\n\n")
    assert lines[0] == "**✗ missed** · 2022"
    assert lines[1].startswith("Goal: about 5\\.5% · GDP, real growth")
    assert lines[1].endswith("missed it by 2\\.5 pp")
    assert lines[2].startswith("> Target as printed: ") and "5\\.5%左右" in lines[2]
    assert lines[3].startswith("> Result as printed: ")
    assert lines[-1] == "[Goal page →](?goal=gdp_growth:2022:about5.5)"


def test_cards_in_chinese() -> None:
    card = goal_card(verdict("gdp_growth:2022:about5.5"), "zh")
    assert card.startswith("**✗ 未达成** · 2022\n\n目标:约5\\.5% · 国内生产总值增长")
    assert "> 目标原文: " in card and "[目标详情 →]" in card


def test_cards_group_by_year_newest_first_and_stop_at_the_cap() -> None:
    verdicts = tables().verdicts
    years = [int(line[5:9]) for line in goal_cards(verdicts, "en").splitlines()
             if line.startswith("#### ")]
    assert years == sorted(years, reverse=True) and years[0] == verdicts["year"].max()
    long = pd.concat([verdicts] * (MAX_CARDS // len(verdicts) + 1))
    assert goal_cards(long, "en").endswith(
        f"{len(long) - MAX_CARDS} more goals: narrow the filters to see them.")
    assert goal_cards(verdicts.iloc[0:0], "en") == ""


def test_the_overview_lists_the_goals_missed_or_one_years_goals() -> None:
    verdicts = tables().verdicts
    choices = picks(verdicts)
    years = sorted({str(y) for y in verdicts["year"]}, reverse=True)
    assert choices == ["missed", *years]
    assert pick_label("missed", verdicts, "en") == "✗ missed (9)"
    assert pick_label("2019", verdicts, "zh") == "2019 (18)"
    year = picked_cards(verdicts, "2019", "en")
    assert year.startswith("**Of 18 goals due by the end of 2019: ")
    assert year.count("[Goal page →]") == 18 and "#### " not in year
    missed = picked_cards(verdicts, "missed", "en")
    assert missed.count("[Goal page →]") == 9 and missed.count("**✗ missed** · ") == 9
    assert picks(verdicts[verdicts["status"] != "missed"])[0] != "missed"


def test_record_text_cannot_become_a_link_or_markup() -> None:
    row = verdict("gdp_growth:2022:about5.5").copy()
    row["target_quote"] = "[click](javascript:alert(1)) <img src=x> **bold**"
    card = goal_card(row, "en")
    assert "\\[click\\]\\(javascript:alert\\(1\\)\\) \\<img src=x\\> \\*\\*bold\\*\\*" in card


def test_goal_links_keep_the_id_readable_and_quote_the_rest() -> None:
    assert goal_link("gdp_growth:2022:about5.5") == "?goal=gdp_growth:2022:about5.5"
    assert goal_link("x:2020:1:广东 a&b") == "?goal=x:2020:1:%E5%B9%BF%E4%B8%9C%20a%26b"


def test_evidence_cards_flag_an_unreliable_copy_and_link_only_to_the_web() -> None:
    page = goal_page(tables(), "fiveg_prefecture_city_coverage:2020:done", "en")
    assert page is not None
    cards = evidence_cards(page.statements, "en").split("\n\n---\n\n")
    assert len(cards) == len(page.statements)
    spun = next(c for c in cards if c.startswith("**⚠ unreliable source"))
    assert "> 力求2020年末完成全国一切地级市掩盖5G网络" in spun
    records = page.statements.assign(source_url="javascript:alert(1)")
    assert "](<" not in evidence_cards(records, "en")
    records = page.statements.assign(source_url="https://a.example/x y>z")
    assert "[Link ↗](<https://a.example/x%20y%3Ez>)" in evidence_cards(records, "en")


def test_an_estimate_says_so_on_its_card() -> None:
    page = goal_page(tables(), "industrial_va_growth:2017:about6", "en")
    assert page is not None
    assert "Value: about 6\\.5% \\(est\\.\\)" in evidence_cards(page.results, "en")


def test_a_figure_set_aside_says_why_on_its_card() -> None:
    page = goal_page(tables(), "registered_unemployment_rate:2020:about5.5", "zh")
    assert page is not None
    cards = evidence_cards(page.results, "zh").split("\n\n---\n\n")
    aside = [card for card in cards if "⊘ 未采用: " in card]
    assert len(aside) == 2 and all("> " in card and "3\\.62%" in card for card in aside)
    assert "⊘" not in cards[0]  # the deciding 4.24% comes first, not set aside
