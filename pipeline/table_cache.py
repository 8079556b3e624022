"""The dashboard's tables stored as Parquet, keyed on the content they were built from.

A cold start then reads four Parquet files instead of parsing thousands of YAML entries.
A manifest beside them holds each file's digest and columns: a table that was edited,
truncated or lacks a column is not used (the tables are built again), never shown.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from pipeline.files import FileRefused, read_regular
from pipeline.tables import RECORD_COLUMNS, VERDICT_COLUMNS, Tables

NAMES = ("verdicts", "records", "indicators", "problems")
KEEP = 3
MANIFEST = "manifest.json"
MAX_TABLE_BYTES = 512 * 2**20
EXPECTED = {"verdicts": VERDICT_COLUMNS, "records": RECORD_COLUMNS}


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_tables(folder: Path, key: str) -> tuple[Tables, pd.DataFrame] | None:
    """The tables stored for ``key``, or ``None`` when there are none (or they are damaged,
    edited or incomplete)."""
    target = folder / "tables" / key
    try:
        manifest = json.loads(read_regular(target / MANIFEST))
        frames = {}
        for name in NAMES:
            data = read_regular(target / f"{name}.parquet", MAX_TABLE_BYTES)
            if _digest(data) != manifest[name]["digest"]:
                return None
            frame = pd.read_parquet(io.BytesIO(data))
            if list(frame.columns) != manifest[name]["columns"] or \
                    not set(EXPECTED.get(name, ())) <= set(frame.columns):
                return None
            frames[name] = frame
    except (OSError, FileRefused, ValueError, KeyError, TypeError, ImportError):
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
        manifest = {}
        for name, frame in frames.items():
            path = scratch / f"{name}.parquet"
            frame.to_parquet(path, index=False)
            manifest[name] = {"digest": _digest(path.read_bytes()),
                              "columns": [str(c) for c in frame.columns]}
        (scratch / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
        target = base / key
        if target.exists():  # only written when the stored copy could not be used: replace it
            old = Path(tempfile.mkdtemp(dir=base, prefix=".old-"))
            target.rename(old / key)
            shutil.rmtree(old, ignore_errors=True)
        scratch.rename(target)
        _prune(base)


def _prune(base: Path) -> None:
    stored = sorted((p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in stored[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)
