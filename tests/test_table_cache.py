"""The dashboard's Parquet table cache."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd
from conftest import ProjectMaker, entry, year_file

from pipeline.dataset import load_project
from pipeline.serving import DataServer
from pipeline.table_cache import KEEP, read_tables, write_tables
from pipeline.tables import build_tables, problem_table


def test_tables_round_trip_and_old_keys_are_pruned(make_project: ProjectMaker,
                                                   tmp_path: Path) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry(), entry(
        role="commitment", indicator="fiveg_city_coverage", unit="milestone", value=None,
        qualifier=None))})
    dataset = load_project(root)
    tables, problems = build_tables(dataset), problem_table(dataset)
    folder = tmp_path / "cache"
    assert read_tables(folder, "k0") is None
    write_tables(folder, "k0", tables, problems)
    stored, stored_problems = read_tables(folder, "k0")  # type: ignore[misc]
    pd.testing.assert_frame_equal(stored.verdicts, tables.verdicts, check_dtype=False)
    pd.testing.assert_frame_equal(stored.records, tables.records, check_dtype=False)
    assert stored_problems.empty
    for n in range(1, KEEP + 2):
        write_tables(folder, f"k{n}", tables, problems)
    assert len([p for p in (folder / "tables").iterdir() if p.is_dir()]) == KEEP


def test_a_table_edited_or_missing_a_column_is_not_used(make_project: ProjectMaker,
                                                         tmp_path: Path) -> None:
    dataset = load_project(make_project({"targets/2018.yaml": year_file(2018, entry())}))
    tables, problems = build_tables(dataset), problem_table(dataset)
    folder = tmp_path / "cache"
    write_tables(folder, "k", tables, problems)
    stored = folder / "tables" / "k"
    tables.verdicts.drop(columns=["status"]).to_parquet(stored / "verdicts.parquet")
    assert read_tables(folder, "k") is None  # the digest no longer fits
    manifest = json.loads((stored / "manifest.json").read_text(encoding="utf-8"))
    manifest["verdicts"] = {"digest": hashlib.blake2b((stored / "verdicts.parquet").read_bytes(),
                                                      digest_size=16).hexdigest(),
                            "columns": [c for c in tables.verdicts.columns if c != "status"]}
    (stored / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert read_tables(folder, "k") is None  # consistent, but a column is missing
    (stored / "manifest.json").write_text("[]", encoding="utf-8")
    assert read_tables(folder, "k") is None
    write_tables(folder, "k", tables, problems)  # a rebuild replaces the damaged copy
    assert read_tables(folder, "k") is not None


def test_the_dashboard_server_rebuilds_a_damaged_table(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry())})
    server = DataServer(root)
    key = server.key()
    server.tables(key)
    for path in (root / ".goalpost-cache" / "tables").rglob("verdicts.parquet"):
        pd.read_parquet(path).drop(columns=["status", "year"]).to_parquet(path)
    tables, _ = DataServer(root).tables(key)
    assert {"status", "year"} <= set(tables.verdicts.columns)
