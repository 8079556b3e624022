"""A real browser: ``streamlit run`` on loopback, headless Chromium through Playwright.

Skips only where Chromium is not installed, unless GOALPOST_REQUIRE_BROWSER=1 (CI sets it,
after installing Debian's chromium and fonts-wqy-microhei).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import CHROMIUM, IDLE, browser_page, open_idle, served

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and os.environ.get("GOALPOST_REQUIRE_BROWSER") != "1",
    reason=f"no Chromium at {CHROMIUM} (CI installs it)")

SCREENSHOTS = Path(__file__).resolve().parent.parent / "build" / "screenshots"


@pytest.mark.parametrize(("query", "charts"), [("", 1), ("?view=indicator_view&lang=zh", 1),
                                               ("?view=ambition", 1)])
def test_dashboard_renders_in_a_real_browser(query: str, charts: int) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with served() as url, browser_page() as page:
        open_idle(page, url + query)
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg", timeout=30_000)
        assert page.locator("[data-testid='stPlotlyChart']").count() == charts
        assert page.locator("[data-testid='stPlotlyChart'] .main-svg .point, "
                            "[data-testid='stPlotlyChart'] .main-svg .trace").count() > 0
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.locator("[data-testid='stDataFrame'], .gp-grid, [data-testid='stMarkdown'] "
                            "blockquote").count() >= 1  # a table, the grid or cards quoting
        name = query.strip("?").replace("&", "_").replace("=", "-") or "overview"
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000


PHONE, DESKTOP = 390, 1440


def _visible(page: object, text: str, within_ms: int = 30_000) -> bool:
    """True once some element showing ``text`` is visible, waiting up to ``within_ms`` for
    a rerun to draw it (a busy machine may start the rerun after the idle check)."""
    found = page.get_by_text(text, exact=False)  # type: ignore[attr-defined]
    for _ in range(max(1, within_ms // 100)):
        if any(found.nth(i).is_visible() for i in range(found.count())):
            return True
        page.wait_for_timeout(100)  # type: ignore[attr-defined]
    return False


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_three_manager_questions_in_two_clicks_with_the_evidence(width: int) -> None:
    """Were the 2019 goals met? Which were missed? Did 5G reach every prefecture-level city
    by end-2020? — each from the landing page in at most two clicks, quotes on screen."""
    with served() as url, browser_page(width, 900 if width > 640 else 844) as page:
        open_idle(page, url)
        assert page.locator("[data-testid='stException']").count() == 0
        # 1. the year bars give the 2019 count; one click lists its goals with their quotes
        page.get_by_text("2019 (18)", exact=True).click()
        page.wait_for_timeout(150)
        page.wait_for_selector(IDLE, timeout=30_000)
        assert _visible(page, "Of 18 goals due by the end of 2019: ")
        assert _visible(page, "Target as printed: 城镇新增就业1100万人以上")
        # 2. one click lists every goal missed, each with its quotes
        page.get_by_text("✗ missed (9)", exact=True).click()
        page.wait_for_timeout(150)
        page.wait_for_selector(IDLE, timeout=30_000)
        assert _visible(page, "Goal: about 5.5% · GDP, real growth")
        assert _visible(page, "Result as printed: 全年国内生产总值增长3%")
        # 3. one click for the answer and its quotes, a second for the goal page
        page.get_by_text("2020 (11)", exact=True).click()
        page.wait_for_timeout(150)
        page.wait_for_selector(IDLE, timeout=30_000)
        assert _visible(page, "5G coverage of every prefecture-level city · 2020 · result "
                              "achieved · met it")
        assert _visible(page, "Target as printed: 力争2020年底实现全国所有地级市覆盖5G网络")
        link = page.locator("a[href='?goal=fiveg_prefecture_city_coverage:2020:done']")
        with page.expect_popup() as opened:  # type: ignore[attr-defined]
            link.click()
        goal = opened.value
        goal.wait_for_selector(IDLE, timeout=60_000)
        assert _visible(goal, "Every statement of this goal")
        assert _visible(goal, "力争2020年底实现全国所有地级市覆盖5G网络")  # quotes in full
        assert _visible(goal, "⚠ unreliable source")


def test_the_grid_shows_every_year_and_a_symbol_opens_its_goal() -> None:
    with served() as url, browser_page(DESKTOP, 900) as page:
        open_idle(page, url)
        grid = page.locator(".gp-grid").first
        years = grid.locator("thead th").all_inner_texts()[1:]
        assert years[0] == "2017" and len(years) >= 11
        last = grid.locator("thead th").last.bounding_box()
        assert last["x"] + last["width"] <= DESKTOP  # every year fits, none scrolled away
        row = grid.locator("tbody tr").filter(has_text="GDP, real growth").first
        row.locator("td.gp-missed a").first.click()  # the 2022 GDP miss
        page.get_by_role("button", name="← All goals").wait_for(timeout=60_000)
        page.wait_for_selector(IDLE, timeout=30_000)
        assert _visible(page, "Every statement of this goal")
        assert "goal=gdp_growth" in page.url and "2022" in page.url
        assert len(page.context.pages) == 1  # the same tab


def test_phone_views_are_lists_of_goal_cards() -> None:
    with served() as url, browser_page(PHONE, 844) as page:
        open_idle(page, url)
        assert not page.locator(".gp-grid").first.is_visible()  # the grid gives way on a phone
        page.goto(url + "?view=scorecard&year=2023")
        page.wait_for_selector(IDLE, timeout=30_000)
        assert not page.locator("[data-testid='stDataFrame']").first.is_visible()
        assert _visible(page, "Goal: 600,000 · 5G base stations built in the year")
        assert _visible(page, "Result as printed:")
        page.locator("[data-testid='stSelectbox']").filter(has_text="Open a goal").click()
        page.get_by_role("option", name="★ Goal: 600,000 · 5G base stations built").click()
        assert _visible(page, "Every statement of this goal")  # the goal page, same tab
        assert "goal=fiveg_base_stations_new" in page.url
    with served() as url, browser_page(DESKTOP, 900) as page:
        open_idle(page, url + "?view=scorecard&year=2023")
        assert page.locator("[data-testid='stDataFrame']").first.is_visible()
        assert not _visible(page, "Result as printed:", within_ms=0)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_y_axis_fits_the_margin_set_for_it(width: int) -> None:
    """The left margin is set, not measured in the browser (charts.fixed_left_margin): the
    tick labels of the widest kinds (1.1M, −60) and the axis title stay inside the chart."""
    with served() as url, browser_page(width, 900) as page:
        for goal in ("fiveg_base_stations_new:2023:600000",
                     "mobile_data_tariff_change:2019:le-20"):
            open_idle(page, f"{url}?goal={goal}")
            chart = page.locator("[data-testid='stPlotlyChart']").first
            chart.locator(".main-svg").first.wait_for(timeout=30_000)
            left = chart.bounding_box()["x"]
            labels = chart.locator(".ytick text, .g-ytitle text")
            assert labels.count() >= 3
            for index in range(labels.count()):
                box = labels.nth(index).bounding_box()
                assert box is not None and box["x"] >= left, labels.nth(index).text_content()
