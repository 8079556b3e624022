"""The tables the dashboard shows."""

from __future__ import annotations

from conftest import ProjectMaker, entry, year_file

from pipeline.dataset import load_project
from pipeline.frames import problem_frame, status_counts, verdict_frame


def test_verdict_frame_and_counts(make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry(), entry(period=2020, value=7)),
        "targets/2020.yaml": year_file(2020, entry(role="outcome", period=2019, value=6.1,
                                                   qualifier="exact", source="scio-2020")),
    })
    frame = verdict_frame(load_project(root))
    assert frame[["year", "target", "result", "status"]].values.tolist() == [
        ["2019", "about 6%", "6.1%", "✓ met"], ["2020", "about 7%", "—", "… pending"]]
    counts = status_counts(frame)
    assert counts.columns.tolist() == ["year", "met", "exceeded", "missed", "pending",
                                       "unratable"]
    assert counts.values.tolist() == [["2019", 1, 0, 0, 0, 0], ["2020", 0, 0, 0, 1, 0]]


def test_problem_frame_lists_file_and_line(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry(value="x"))})
    frame = problem_frame(load_project(root))
    assert frame.values.tolist() == [["targets/2018.yaml:6", "entries[0].value",
                                      "expected a number, got 'x'"]]


def test_empty_data_gives_empty_tables(make_project: ProjectMaker) -> None:
    frame = verdict_frame(load_project(make_project()))
    assert frame.empty
    assert status_counts(frame).empty
