"""The dashboard's Parquet table cache."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from conftest import ProjectMaker, entry, year_file

from pipeline.dataset import load_project
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
