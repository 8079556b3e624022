"""National and provincial records: files, validation and pairing by scope."""

from __future__ import annotations

from conftest import ProjectMaker, entry, grid_of, year_file
from test_dashboard import shown_grid

from pipeline.dataset import load_project
from pipeline.scopes import PROVINCES, scope_name
from pipeline.verdicts import rate_all


def provincial(scope: str, year: int, *entries: str) -> str:
    return f"year: {year}\nscope: {scope}\nentries:\n" + "".join(entries)


def test_there_are_31_provinces_with_names() -> None:
    assert len(PROVINCES) == 31
    assert scope_name("guangdong", "zh") == "广东"
    assert scope_name("national") == "National"


def test_targets_pair_only_with_outcomes_of_the_same_scope(make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry()),
        "targets/hebei/2018.yaml": provincial("hebei", 2018, entry(value=7)),
        "targets/hebei/2020.yaml": provincial("hebei", 2020, entry(
            role="outcome", period=2019, value=7.1, qualifier="exact", source="scio-2020")),
    })
    dataset = load_project(root)
    assert dataset.problems == []
    verdicts = {v.target.scope: v.status for v in rate_all(
        dataset.records, dataset.indicators, dataset.sources)}
    assert verdicts == {"national": "no_result", "hebei": "met"}


def test_the_same_statement_for_two_scopes_is_not_a_duplicate(make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry()),
        "targets/hebei/2018.yaml": provincial("hebei", 2018, entry()),
    })
    assert load_project(root).problems == []


def test_scope_and_folder_must_agree(make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/hebei/2018.yaml": provincial("hubei", 2018, entry()),
        "targets/2019.yaml": provincial("hebie", 2019),
        "targets/2020.yaml": provincial("hebei", 2020),
    })
    assert [p.format() for p in load_project(root).problems] == [
        "targets/2019.yaml:2:8: scope: unknown scope 'hebie' (hint: did you mean 'hebei' or "
        "'hubei'?)",
        "targets/2020.yaml:2:8: scope: scope 'hebei' does not fit the file's folder 'targets' "
        "(hint: move the file to targets/hebei/)",
        "targets/hebei/2018.yaml:2:8: scope: scope 'hubei' does not fit the file's folder "
        "'hebei' (hint: move the file to targets/hubei/)",
    ]


def test_the_dashboard_filters_and_compares_by_scope(make_project: ProjectMaker) -> None:
    import shutil

    from conftest import PROJECT_ROOT
    from streamlit.testing.v1 import AppTest

    root = make_project({
        "targets/2018.yaml": year_file(2018, entry()),
        "targets/hebei/2018.yaml": provincial("hebei", 2018, entry(value=7)),
    })
    shutil.copy(PROJECT_ROOT / "dashboard.py", root / "dashboard.py")
    at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=60).run()
    assert not at.exception
    header, rows, links = grid_of(shown_grid(at))
    assert (header, rows, links) == (["Scope", "2019"], {"National": ["∅1"], "Hebei": ["∅1"]}, [])
    at.multiselect(key="scope").select("hebei").run()
    assert at.query_params["scope"] == "hebei"
    assert at.markdown[0].value.startswith("**Of 1 goals due")
    assert list(grid_of(shown_grid(at))[1]) == ["Industrial value added growth"]
