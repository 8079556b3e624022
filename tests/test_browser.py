"""A real browser: ``streamlit run`` on loopback, headless Chromium through Playwright.

Skips only where Chromium is not installed, unless GOALPOST_REQUIRE_BROWSER=1 (CI sets it,
after installing Debian's chromium and fonts-wqy-microhei).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser import CHROMIUM, browser_page, open_idle, served

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
        assert page.locator("[data-testid='stDataFrame']").count() >= 1
        name = query.strip("?").replace("&", "_").replace("=", "-") or "overview"
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000


@pytest.mark.parametrize("width", [1440, 390])
def test_a_goal_page_answers_with_its_evidence_at_desktop_and_phone_width(width: int) -> None:
    """"Did 5G reach every prefecture-level city by end-2020?" — one link, the answer first."""
    with served() as url, browser_page(width, 900 if width > 640 else 844) as page:
        open_idle(page, url + "?goal=fiveg_prefecture_city_coverage:2020:done")
        page.wait_for_selector("[data-testid='stDataFrame']", timeout=30_000)
        text = page.inner_text("body")
        assert "5G coverage of every prefecture-level city · 2020 · result achieved · met it" \
            in " ".join(text.split())
        assert page.locator("[data-testid='stDataFrame']").count() == 2
        assert page.locator("[data-testid='stException']").count() == 0
