"""The dashboard under Streamlit's AppTest: it renders, and it survives broken files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PROJECT_ROOT, ProjectMaker, entry, year_file
from streamlit.testing.v1 import AppTest


def app_for(root: Path) -> AppTest:
    shutil.copy(PROJECT_ROOT / "dashboard.py", root / "dashboard.py")
    return AppTest.from_file(str(root / "dashboard.py"), default_timeout=60)


def test_bundled_data_renders_without_exception() -> None:
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    assert at.title[0].value == "goalpost — were the goals met?"
    verdicts = at.dataframe[-1].value
    assert len(verdicts) > 0
    assert set(verdicts["status"].str.split(" ").str[1]) <= {
        "met", "exceeded", "missed", "pending", "unratable"}


def test_verdicts_and_counts_are_on_screen(make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry()),
        "targets/2020.yaml": year_file(2020, entry(role="outcome", period=2019, value=5.2,
                                                   qualifier="exact", source="scio-2020")),
    })
    at = app_for(root).run()
    assert not at.exception
    counts, verdicts = at.dataframe[0].value, at.dataframe[1].value
    assert counts.values.tolist() == [["2019", 0, 0, 1, 0, 0]]
    assert verdicts[["target", "result", "status"]].values.tolist() == [
        ["about 6%", "5.2%", "✗ missed"]]
    assert not at.expander


@pytest.mark.parametrize("broken", [
    "year: 2018\nentries:\n\t- x\n",
    "year: 2018\nentries:\n  - !!python/object/apply:os.system [echo]\n",
    b"\xff\xfe",
])
def test_a_broken_file_does_not_take_the_dashboard_down(make_project: ProjectMaker,
                                                        broken: str | bytes) -> None:
    root = make_project({
        "targets/2018.yaml": broken,
        "targets/2019.yaml": year_file(2019, entry(source="conf-2019", period=2020)),
    })
    at = app_for(root).run()
    assert not at.exception
    assert "problems" in at.expander[0].label
    panel = at.expander[0].dataframe[0].value
    assert panel["where"].tolist() == [panel["where"][0]]
    assert panel["where"][0].startswith("targets/2018.yaml:")
    assert at.dataframe[-1].value["year"].tolist() == ["2020"]
