"""Coverage counts per year."""

from __future__ import annotations

from conftest import ProjectMaker, entry, year_file

from pipeline.coverage import coverage, coverage_table
from pipeline.dataset import load_project


def test_coverage_counts_goals_by_status_and_unanswered_outcomes(
        make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry(), entry(period=2020, value=7)),
        "targets/2020.yaml": year_file(
            2020,
            entry(role="outcome", period=2019, value=6.1, qualifier="exact", source="scio-2020"),
            entry(role="outcome", indicator="fiveg_base_stations_new", unit="count", period=2019,
                  value=600000, qualifier="exact", source="scio-2020")),
    })
    rows = coverage(load_project(root))
    assert [(r.year, r.goals, r.rated, r.statuses["no_result"], r.unanswered)
            for r in rows] == [(2019, 1, 1, 0, 1), (2020, 1, 0, 1, 0)]
    assert coverage_table(rows).splitlines() == [
        "year   goals  rated  met  exceeded  missed  claimed  unratable  no_result  not_due  "
        "commitments  unanswered outcomes",
        "2019       1      1    1         0       0        0          0          0        0"
        "            0                    1",
        "2020       1      0    0         0       0        0          0          1        0"
        "            0                    0",
        "total      2      1    1         0       0        0          0          1        0"
        "            0                    1",
        "1 goals rated across 1 years",
    ]


def test_restatements_count_once(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry()),
                         "targets/2019.yaml": year_file(2019, entry(source="conf-2019"))})
    rows = coverage(load_project(root))
    assert [(r.year, r.goals) for r in rows] == [(2019, 1)]
