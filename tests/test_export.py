"""The export contract other tools rely on."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import ProjectMaker, entry, year_file

from pipeline.atomic import WouldOverwrite
from pipeline.dataset import load_project
from pipeline.export import RECORD_COLUMNS, VERDICT_COLUMNS, export

PROMISED_RECORD_COLUMNS = (
    "record_id", "stated_in", "source_id", "source_title", "source_published", "source_url",
    "indicator_id", "indicator_en", "indicator_zh", "unit", "role", "period", "value", "low",
    "high", "qualifier", "estimate", "quote", "note")
PROMISED_VERDICT_COLUMNS = (
    "indicator_id", "period", "target_value", "target_low", "target_high", "qualifier",
    "outcome_value", "outcome_source_id", "status", "gap")


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture
def exported(make_project: ProjectMaker, tmp_path: Path) -> Path:
    root = make_project({
        "targets/2018.yaml": year_file(
            2018,
            entry(indicator="fiveg_base_stations_new", unit="count", value=600000,
                  qualifier="at_least", quote="新建5G基站60万个以上", note="At least 600,000."),
            entry(qualifier="range", value=None, low=5.5, high=6),
        ),
        "targets/2020.yaml": year_file(
            2020,
            entry(role="outcome", indicator="fiveg_base_stations_new", unit="count", period=2019,
                  value=654000, qualifier="exact", source="scio-2020", quote="新建5G基站65.4万个",
                  note="654,000 built."),
        ),
    })
    out = tmp_path / "out"
    export(load_project(root), out)
    return out


def test_columns_keep_their_promised_names(exported: Path) -> None:
    records = (exported / "records.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    verdicts = (exported / "verdicts.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert set(PROMISED_RECORD_COLUMNS) <= set(records) == set(RECORD_COLUMNS)
    assert set(PROMISED_VERDICT_COLUMNS) <= set(verdicts) == set(VERDICT_COLUMNS)


def test_records_are_in_base_units_with_their_evidence(exported: Path) -> None:
    rows = read_csv(exported / "records.csv")
    assert [(r["role"], r["period"], r["value"], r["low"], r["high"]) for r in rows] == [
        ("target", "2019", "600000", "", ""), ("target", "2019", "", "5.5", "6"),
        ("outcome", "2019", "654000", "", "")]
    first = rows[0]
    assert first["record_id"] == "2018:target:fiveg_base_stations_new:2019:conf-2018"
    assert first["source_url"] == "https://www.miit.gov.cn/a.html"
    assert first["source_published"] == "2018-12-27"
    assert first["indicator_zh"] == "新建5G基站"
    assert first["quote"] == "新建5G基站60万个以上"
    assert first["estimate"] == "false"
    assert all(r["period"][:4].isdigit() for r in rows)


def test_one_verdict_row_per_goal(exported: Path) -> None:
    rows = read_csv(exported / "verdicts.csv")
    assert [(r["goal_id"], r["status"], r["gap"], r["outcome_source_id"]) for r in rows] == [
        ("fiveg_base_stations_new:2019:ge600000", "exceeded", "54000", "scio-2020"),
        ("industrial_va_growth:2019:5.5to6", "no_result", "", "")]
    assert (rows[0]["statements"], rows[0]["statement_source_ids"]) == ("1", "conf-2018")
    assert rows[0]["evidence"] == "official"
    assert rows[0]["band"] == "met from 600,000 to 630,000; beaten above 630,000"
    assert rows[1]["reason"].startswith("due by 2020-03, no result recorded")
    assert rows[0]["target_value"] == "600000"
    assert rows[0]["outcome_value"] == "654000"
    assert rows[1]["target_low"] == "5.5"


def test_export_refuses_to_overwrite(exported: Path, make_project: ProjectMaker) -> None:
    with pytest.raises(WouldOverwrite):
        export(load_project(make_project()), exported)


def test_records_say_which_figures_are_set_aside_or_short_of_their_bound(tmp_path: Path) -> None:
    from conftest import PROJECT_ROOT
    export(load_project(PROJECT_ROOT), tmp_path)
    rows = read_csv(tmp_path / "records.csv")
    aside = [r for r in rows if r["set_aside"]]
    assert {(r["indicator_id"], r["period"], r["value"]) for r in aside} == {
        ("registered_unemployment_rate", "2020", "3.62")}
    assert len(aside) == 2
    short = [r for r in rows if r["short_of"]]
    assert [(r["indicator_id"], r["qualifier"], r["value"], r["short_of"][:6]) for r in short] == [
        ("fiveg_traffic_share", "at_most", "50", "接近50%:")]
