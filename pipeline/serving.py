"""What the dashboard reads, kept warm: the current data version and its tables.

One :class:`DataServer` per project and server process. A rerun asks for :meth:`key` (a
stat of every file, no parsing), then for tables and view results by that key; all are
memoised, so a rerun with nothing changed recomputes nothing, and a changed file is
revalidated on its own through the build cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd

from pipeline import views
from pipeline.build_cache import BuildCache
from pipeline.table_cache import read_tables, write_tables
from pipeline.tables import Tables, build_tables, problem_table
from pipeline.view_state import ViewState

KEEP_VIEWS = 64
T = TypeVar("T")
KEEP_PARTS = 512


class DataServer:
    """Tables and view results for one project, memoised by content key."""

    def __init__(self, root: Path) -> None:
        self.cache = BuildCache(root)
        self._lock = threading.RLock()
        self._tables: dict[str, tuple[Tables, pd.DataFrame]] = {}
        self._views: OrderedDict[tuple[str, ViewState], pd.DataFrame] = OrderedDict()
        self._parts: OrderedDict[tuple[str, str, ViewState], object] = OrderedDict()

    def key(self) -> str:
        """The content key of the files as they are now."""
        with self._lock:
            key = self.cache.stamped_key()
            if key is None:
                self.cache.load()
                key = self.cache.content_key()
            return key

    def tables(self, key: str) -> tuple[Tables, pd.DataFrame]:
        """Tables and problems for ``key``: from memory, from Parquet, or built and stored."""
        with self._lock:
            if key in self._tables:
                return self._tables[key]
            built = read_tables(self.cache.folder, key)
            if built is None:
                dataset = self.cache.load()
                built = build_tables(dataset), problem_table(dataset)
                write_tables(self.cache.folder, self.cache.content_key(), *built)
            self._tables = {key: built}  # the newest version only
            return built

    def year_counts(self, key: str, state: ViewState) -> pd.DataFrame:
        """Goals per year by verdict for one data version and view state (empty when the
        state selects nothing)."""
        with self._lock:
            memo = (key, state)
            if memo not in self._views:
                selected = views.filter_verdicts(self.tables(key)[0].verdicts, state)
                self._views[memo] = views.year_counts(selected) if not selected.empty \
                    else pd.DataFrame()
                while len(self._views) > KEEP_VIEWS:
                    self._views.popitem(last=False)
            return self._views[memo]

    def part(self, name: str, key: str, state: ViewState, build: Callable[[], T]) -> T:
        """What ``build`` makes for one part of the page (a chart, a table, a download), made
        once per data version and view state and shared by every session: the common rerun,
        nothing changed, then costs only sending the page. ``build`` must depend on nothing
        but the tables for ``key`` and ``state``; what it returns is shared, never changed."""
        memo = (name, key, state)
        with self._lock:
            if memo in self._parts:
                self._parts.move_to_end(memo)
                return self._parts[memo]  # type: ignore[return-value]
        made = build()  # outside the lock: other sessions keep being served meanwhile
        with self._lock:
            self._parts[memo] = made
            while len(self._parts) > KEEP_PARTS:
                self._parts.popitem(last=False)
        return made
