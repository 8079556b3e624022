"""The dashboard's data server: memoised by content key, refreshed by file changes."""

from __future__ import annotations

from conftest import ProjectMaker, entry, year_file

from pipeline.serving import DataServer
from pipeline.view_state import ViewState


def test_key_tables_and_views_are_memoised_until_a_file_changes(
        make_project: ProjectMaker) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry())})
    server = DataServer(root)
    key = server.key()
    tables, problems = server.tables(key)
    assert server.tables(key)[0] is tables
    assert len(tables.verdicts) == 1 and problems.empty
    counts = server.year_counts(key, ViewState())
    assert server.year_counts(key, ViewState()) is counts
    assert counts["year"].tolist() == [2019] and counts["no_result"].tolist() == [1]
    assert DataServer(root).key() == key  # a new process reads the same key from stamps

    path = root / "targets" / "2018.yaml"
    path.write_text(path.read_text(encoding="utf-8") + entry(period=2020, value=7),
                    encoding="utf-8")
    new_key = server.key()
    assert new_key != key
    assert len(server.tables(new_key)[0].verdicts) == 2
    assert server.cache.rebuilt == ["targets/2018.yaml"]


def test_an_empty_selection_gives_empty_views(make_project: ProjectMaker) -> None:
    server = DataServer(make_project({"targets/2018.yaml": year_file(2018, entry())}))
    assert server.year_counts(server.key(), ViewState(statuses=("missed",))).empty


def test_parts_are_built_once_per_key_and_state(make_project: ProjectMaker) -> None:
    server = DataServer(make_project({"targets/2018.yaml": year_file(2018, entry())}))
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [len(calls)]

    first = server.part("chart", "k", ViewState(), build)
    assert server.part("chart", "k", ViewState(), build) is first
    assert server.part("chart", "k", ViewState(language="zh"), build) == [2]
    assert server.part("chart", "k2", ViewState(), build) == [3]
    assert server.part("table", "k", ViewState(), build) == [4]
    assert len(calls) == 4
