"""How fast the dashboard is in a real browser, against the floor this stack allows.

Serves, on loopback, goalpost's dashboard and a one-chart Streamlit page (a title, a segmented
control and one plotly bar chart), and measures in Debian's Chromium, in the same run, the time
from navigation to the page fully drawn (script idle, chart drawn) and a view switch; for
goalpost also opening a goal page. Reported as medians of REPEATS and as ratios to the floor.

    python benchmarks/browser.py            # bundled data
    python benchmarks/browser.py --corpus   # plus the 46,500-record corpus (several minutes)
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

REPEATS = 3
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


def measure(url: str, switch_to: str, goal: str = "") -> dict[str, float]:
    """Medians over REPEATS fresh tabs: first full draw, a view switch, opening a goal."""
    draws, switches, goals = [], [], []
    for _ in range(REPEATS):
        with browser_page(1440, 900) as page:
            draws.append(_timed(lambda: (open_idle(page, url, 180_000),
                                         page.wait_for_selector(CHART))))
            button = page.get_by_role("radio", name=switch_to)  # type: ignore[attr-defined]
            switches.append(_timed(lambda b=button: (b.click(), _settle(page))))
            if goal:
                goals.append(_timed(lambda: open_idle(page, f"{url}/?goal={goal}", 180_000)))
    result = {"first draw": statistics.median(draws), "view switch": statistics.median(switches)}
    if goals:
        result["open a goal"] = statistics.median(goals)
    return result


def report(label: str, floor: dict[str, float], ours: dict[str, float]) -> None:
    print(f"\n{label}")
    print(f"{'measure':<14}{'floor page':>12}{'goalpost':>12}{'ratio':>8}")
    for name, seconds in ours.items():
        base = floor["first draw" if name == "open a goal" else name]
        print(f"{name:<14}{base:>11.2f}s{seconds:>11.2f}s{seconds / base:>7.2f}×")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="also the tracker-scale corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        floor_root = Path(folder)
        (floor_root / "dashboard.py").write_text(FLOOR_PAGE, encoding="utf-8")
        with served(floor_root) as url:
            floor = measure(url, "two")
        with served() as url:
            measure(url, "Indicator")  # warm the server, as a manager's second visit would
            ours = measure(url, "Indicator", "fiveg_base_stations_new:2023:600000")
        report("bundled data (warm server)", floor, ours)
        if args.corpus:
            from corpus import write_corpus
            corpus = Path(folder) / "corpus"
            (corpus / "dashboard.py").parent.mkdir()
            write_corpus(corpus)
            (corpus / "dashboard.py").write_text((ROOT / "dashboard.py").read_text())
            with served(corpus, timeout=600) as url:
                measure(url, "Indicator")
                report("46,500-record corpus (warm server)", floor,
                       measure(url, "Indicator"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
