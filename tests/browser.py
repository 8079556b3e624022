"""Serve the dashboard with ``streamlit run`` and open it in headless Chromium.

Used by ``test_browser.py``; run directly to refresh the README screenshot:
``python tests/browser.py docs/dashboard.png``.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import IO

CHROMIUM = Path(os.environ.get("GOALPOST_CHROMIUM", "/usr/bin/chromium"))
PROJECT_ROOT = Path(__file__).resolve().parent.parent
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def served(root: Path = PROJECT_ROOT, timeout: float = 60) -> Iterator[str]:
    """Run the dashboard on a free loopback port; yield its URL; stop it afterwards."""
    with server_process(root, timeout) as (url, _):
        yield url


@contextlib.contextmanager
def server_process(root: Path = PROJECT_ROOT, timeout: float = 60
                   ) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """:func:`served`, yielding the server process too (its CPU time and memory)."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(root / "dashboard.py"),
               "--server.headless=true", f"--server.port={port}", "--server.address=127.0.0.1",
               "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"]
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile() as log:  # not a pipe: a long run's log could fill it
        process = subprocess.Popen(command, cwd=root, stdout=subprocess.DEVNULL, stderr=log)
        try:
            _wait_healthy(url, process, log, timeout)
            yield url, process
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: IO[bytes],
                  timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError("streamlit did not start: "
                                   + log.read().decode()[-2000:]) from None
            time.sleep(0.3)


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 1000) -> Iterator[object]:
    """A Playwright page in Debian's Chromium (``playwright install`` can't run here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking", "--disable-gpu",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            yield browser.new_page(viewport={"width": width, "height": height})
        finally:
            browser.close()


def open_idle(page: object, url: str, timeout_ms: int = 60_000) -> None:
    """Load ``url`` and wait until the script has finished and charts are drawn."""
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_selector(IDLE, timeout=timeout_ms)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]


def main(out: str, query: str = "", width: int = 1400, click: str = "") -> None:
    with served() as url, browser_page(width, 1000 if width > 640 else 844) as page:
        open_idle(page, url + query)
        if click:  # e.g. a pill, to show one year's goal cards
            page.get_by_text(click, exact=True).click()  # type: ignore[attr-defined]
            page.wait_for_timeout(300)  # type: ignore[attr-defined]
            page.wait_for_selector(IDLE)  # type: ignore[attr-defined]
            page.mouse.move(width / 2, 400)  # type: ignore[attr-defined]
            page.mouse.wheel(0, 560)  # type: ignore[attr-defined]  # to what it shows
            page.wait_for_timeout(300)  # type: ignore[attr-defined]
        page.wait_for_selector("[data-testid='stPlotlyChart'] .main-svg, "  # type: ignore[attr-defined]
                               "[data-testid='stDataFrame']", state="attached")
        page.wait_for_timeout(1000)  # type: ignore[attr-defined]
        page.screenshot(path=out, full_page=False)  # type: ignore[attr-defined]
    print(f"wrote {out}")


if __name__ == "__main__":  # python tests/browser.py OUT.png [?QUERY] [WIDTH] [TEXT TO CLICK]
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/dashboard.png",
         sys.argv[2] if len(sys.argv) > 2 else "", int(sys.argv[3]) if len(sys.argv) > 3 else 1400,
         sys.argv[4] if len(sys.argv) > 4 else "")
