"""The dashboard's tables stored as Parquet, keyed on the content they were built from.

A cold start then reads four Parquet files instead of parsing thousands of YAML entries.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from pipeline.tables import Tables

NAMES = ("verdicts", "records", "indicators", "problems")
KEEP = 3


def read_tables(folder: Path, key: str) -> tuple[Tables, pd.DataFrame] | None:
    """The tables stored for ``key``, or ``None`` when there are none (or they are damaged)."""
    target = folder / "tables" / key
    try:
        frames = {name: pd.read_parquet(target / f"{name}.parquet") for name in NAMES}
    except (OSError, ValueError, ImportError):
        return None
    return Tables(frames["verdicts"], frames["records"], frames["indicators"]), frames["problems"]


def write_tables(folder: Path, key: str, tables: Tables, problems: pd.DataFrame) -> None:
    """Store the tables for ``key`` (all four appear at once), keeping the newest few keys."""
    base = folder / "tables"
    with contextlib.suppress(OSError, ValueError, ImportError):
        base.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(dir=base, prefix=".new-"))
        frames = {"verdicts": tables.verdicts, "records": tables.records,
                  "indicators": tables.indicators, "problems": problems}
        for name, frame in frames.items():
            frame.to_parquet(scratch / f"{name}.parquet", index=False)
        target = base / key
        if target.exists():
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            scratch.rename(target)
        _prune(base)


def _prune(base: Path) -> None:
    stored = sorted((p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in stored[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
