"""How fast the dashboard is in a real browser, against the floor this stack allows.

Serves, on loopback, goalpost's dashboard and a one-chart Streamlit page (a title, a segmented
control and one plotly bar chart), and measures in Debian's Chromium, in the same run, the time
from navigation to the page fully drawn (script idle, chart drawn) and a view switch; for
goalpost also a filter and opening a goal (from the scorecard's picker, and by ticking its
row), on the same page, in fresh tabs that alternate between the two pages (a
round is one tab on each). Reported as medians of REPEATS rounds and as ratios to the floor
measured in the same rounds: the first draw to the floor's first draw, every interaction to
the floor's view switch. An interaction is timed from the click to the script idle again,
after a 150 ms pause for the rerun to begin, and each follows a reader's pause of PAUSE_MS
(both the same on both pages). View switches go there and back twice per tab.

    python benchmarks/browser.py            # bundled data
    python benchmarks/browser.py --corpus   # plus the 46,500-record corpus (several minutes)
    python benchmarks/browser.py --corpus-only
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "benchmarks")]

from browser import IDLE, browser_page, open_idle, served  # noqa: E402

REPEATS = 5
PAUSE_MS = 800
CHART = "[data-testid='stPlotlyChart'] .main-svg"
FLOOR_PAGE = '''
import plotly.graph_objects as go
import streamlit as st

st.title("floor")
view = st.segmented_control("View", ["one", "two"], default="one")
st.plotly_chart(go.Figure(go.Bar(x=[1, 2, 3], y=[3, 1, 2] if view == "one" else [1, 2, 3])))
'''


def _timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _settle(page: object) -> None:
    page.wait_for_timeout(150)  # type: ignore[attr-defined]  # let a rerun begin
    page.wait_for_selector(IDLE, timeout=120_000)  # type: ignore[attr-defined]


def _pause(page: object) -> None:
    """A reader's pause before the next click, so no interaction is timed while the page is
    still finishing the last one (lazy scripts, canvas painting): the same on both pages."""
    page.wait_for_timeout(PAUSE_MS)  # type: ignore[attr-defined]


def one_tab(url: str, switch_to: str, back_to: str,
            goalpost: bool = False) -> dict[str, list[float]]:
    """One fresh tab: the first full draw and view switches; for goalpost also a filter (a
    verdict picked in the sidebar) and opening a goal (a scorecard row), both on the same
    page, as a manager does them."""
    times: dict[str, list[float]] = {}
    with browser_page(1440, 900) as page:
        times["first draw"] = [_timed(lambda: (
            open_idle(page, url, 180_000), page.wait_for_selector(CHART)))]
        for view in (switch_to, back_to, switch_to, back_to):  # there and back, twice
            _pause(page)
            button = page.get_by_role("radio", name=view)  # type: ignore[attr-defined]
            times.setdefault("view switch", []).append(_timed(lambda b=button: (
                b.click(), _settle(page))))
        if goalpost:
            for name, seconds in _interactions(page).items():
                times[name] = [seconds]
    return times


def interleaved(floor_url: str, our_url: str) -> tuple[dict[str, float], dict[str, float]]:
    """Medians over REPEATS rounds, each a fresh tab on the floor page and then one on
    goalpost, so that whatever else the machine does in a round weighs on both alike. One
    tab on each first, not counted, warms both servers as a second visit would find them."""
    sites = ((floor_url, "two", "one", False), (our_url, "Indicator", "Overview", True))
    for url, there, back, _ in sites:
        one_tab(url, there, back)
    merged: list[dict[str, list[float]]] = [{}, {}]
    for _ in range(REPEATS):
        for times, site in zip(merged, sites, strict=True):
            for name, values in one_tab(*site).items():
                times.setdefault(name, []).extend(values)
    floor, ours = ({name: statistics.median(values) for name, values in times.items()}
                   for times in merged)
    return floor, ours


def _interactions(page: object) -> dict[str, float]:
    """From the overview: in the year scorecard, open the first goal from the picker (its goal
    page opens on the same page); back; tick the first goal's row; back; then pick a verdict
    in the sidebar filter (one chip)."""
    page.get_by_role("radio", name="Year scorecard").click()  # type: ignore[attr-defined]
    _settle(page)
    back = page.get_by_role("button", name="← All goals")  # type: ignore[attr-defined]
    page.locator("[data-testid='stSelectbox']").filter(  # type: ignore[attr-defined]
        has_text="Open a goal").click()
    option = page.get_by_role("option").first  # type: ignore[attr-defined]
    _pause(page)
    picked_goal = _timed(lambda: (option.click(), back.wait_for(timeout=120_000),
                                  _settle(page)))
    back.click()
    _settle(page)
    table = page.locator("[data-testid='stDataFrame']").first  # type: ignore[attr-defined]
    table.locator("th").nth(1).wait_for(state="attached", timeout=120_000)
    box = table.locator("canvas").first.bounding_box()
    _pause(page)
    ticked = _timed(lambda: (page.mouse.click(  # type: ignore[attr-defined]
        box["x"] + 18, box["y"] + 35 + 17),  # the first row's tick box (35 px rows)
        back.wait_for(timeout=120_000), _settle(page)))
    back.click()
    _settle(page)
    chip = page.locator("[data-testid='stSidebar']").get_by_role(  # type: ignore[attr-defined]
        "button", name="✗ missed")  # the verdict filter's chip
    _pause(page)
    picked = _timed(lambda: (chip.click(), _settle(page)))
    return {"filter": picked, "open a goal": picked_goal, "tick a row": ticked}


def report(label: str, floor: dict[str, float], ours: dict[str, float]) -> None:
    print(f"\n{label}")
    print(f"{'measure':<14}{'floor page':>12}{'goalpost':>12}{'ratio':>8}")
    for name, seconds in ours.items():
        base = floor["first draw" if name == "first draw" else "view switch"]
        print(f"{name:<14}{base:>11.2f}s{seconds:>11.2f}s{seconds / base:>7.2f}×")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="also the tracker-scale corpus")
    parser.add_argument("--corpus-only", action="store_true", help="the corpus alone")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        floor_root = Path(folder) / "floor"
        floor_root.mkdir()
        (floor_root / "dashboard.py").write_text(FLOOR_PAGE, encoding="utf-8")
        with served(floor_root) as floor_url:
            if not args.corpus_only:
                with served() as url:
                    report("bundled data (warm server)", *interleaved(floor_url, url))
            if args.corpus or args.corpus_only:
                from corpus import write_corpus
                corpus = Path(folder) / "corpus"
                corpus.mkdir()
                write_corpus(corpus)
                (corpus / "dashboard.py").write_text((ROOT / "dashboard.py").read_text())
                with served(corpus, timeout=600) as url:
                    report("46,500-record corpus (warm server)", *interleaved(floor_url, url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
