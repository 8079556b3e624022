"""Quotes are found in archived copies of their sources, whatever the script or glosses."""

from __future__ import annotations

from pathlib import Path

from conftest import SOURCES, ProjectMaker, entry, year_file

from pipeline.dataset import load_project
from pipeline.quotes import verify_quotes

ARCHIVED_SOURCES = SOURCES.replace(
    "    url: https://www.miit.gov.cn/a.html\n",
    "    url: https://www.miit.gov.cn/a.html\n    archive: seeds/conf.txt\n").replace(
    "    kind: press_conference\n", "    kind: press_conference\n    archive: facts/scio.yaml\n")


def make_archive(root: Path) -> Path:
    archive = root / "pack"
    (archive / "seeds").mkdir(parents=True)
    (archive / "facts").mkdir()
    (archive / "seeds" / "conf.txt").write_text(
        "預(yù)計(jì)全年工業(yè)增加值增長(zhǎng)6%左右。", encoding="utf-8")
    (archive / "facts" / "scio.yaml").write_text(
        "source: {title: t}\nfacts:\n  - phrase: 新建5G基站超60万个\n", encoding="utf-8")
    return archive


def test_found_quotes_and_misses_with_their_lines(make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(
            2018, entry(quote="工业增加值增长6%左右"),
            entry(quote="工业增加值增长7%左右", period=2020)),
        "targets/2020.yaml": year_file(
            2020,
            entry(role="outcome", indicator="fiveg_base_stations_new", unit="count", period=2019,
                  value=600000, qualifier="at_least", source="scio-2020",
                  quote="新建5G基站超60万个"),
            entry(role="outcome", period=2019, value=6, source="nbs-2020", quote="增长6%")),
    }, sources=ARCHIVED_SOURCES)
    misses = verify_quotes(load_project(root), make_archive(root))
    assert [m.format() for m in misses] == [
        "targets/2018.yaml:12: conf-2018: quote not found in seeds/conf.txt: "
        "'工业增加值增长7%左右'",
        "targets/2020.yaml:12: nbs-2020: source has no archived copy to check against: '增长6%'",
    ]


def test_a_missing_archive_file_is_reported(make_project: ProjectMaker, tmp_path: Path) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry())},
                        sources=ARCHIVED_SOURCES)
    misses = verify_quotes(load_project(root), tmp_path / "empty")
    assert [m.reason for m in misses] == ["archived copy seeds/conf.txt not found"]


def test_pages_found_by_a_search_are_archived_in_the_project(make_project: ProjectMaker) -> None:
    sources = ARCHIVED_SOURCES.replace("archive: seeds/conf.txt",
                                       "archive: project:data/pages/2018-12-27_conf.yaml")
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry(quote="工业增加值增长6%左右")),
        "data/pages/2018-12-27_conf.yaml": "source: {title: t}\nfacts:\n"
                                           "  - phrase: 全年工业增加值增长6%左右\n",
    }, sources=sources)
    pack = make_archive(root)
    assert verify_quotes(load_project(root), pack, root) == []
    outside = sources.replace("project:data/pages/2018-12-27_conf.yaml",
                              "project:targets/2018.yaml")
    root = make_project(sources=outside)
    assert [m.reason for m in verify_quotes(load_project(root), pack, root)] == [
        "archived copy targets/2018.yaml is outside the archive folder; not read"]


def test_an_official_judgement_must_be_printed_in_its_source(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2020.yaml": year_file(2020, entry(
        role="outcome", indicator="fiveg_base_stations_new", unit="count", period=2019,
        value=600000, qualifier="at_least", source="scio-2020", quote="新建5G基站超60万个",
        judgement="超额完成"))}, sources=ARCHIVED_SOURCES)
    assert [m.format() for m in verify_quotes(load_project(root), make_archive(root))] == [
        "targets/2020.yaml:3: scio-2020: judgement not found in facts/scio.yaml: '超额完成'"]


def test_a_new_reports_text_is_archived_in_data_reports(make_project: ProjectMaker) -> None:
    """A new report's text, as pasted (GB18030 too), under its source id."""
    sources = ARCHIVED_SOURCES.replace("archive: seeds/conf.txt",
                                       "archive: project:data/reports/conf-2018.txt")
    root = make_project({"targets/2018.yaml": year_file(2018, entry(quote="工业增加值增长6%左右"))},
                        sources=sources)
    (root / "data" / "reports").mkdir()
    (root / "data" / "reports" / "conf-2018.txt").write_bytes(
        "首頁|預(yù)計(jì)全年工業(yè)增加值增長(zhǎng)6%左右。".encode("gb18030"))
    pack = make_archive(root)
    assert verify_quotes(load_project(root), pack, root) == []
    (root / "data" / "reports" / "conf-2018.txt").write_text("另一份报告", encoding="utf-8")
    assert [m.reason for m in verify_quotes(load_project(root), pack, root)] == [
        "quote not found in project:data/reports/conf-2018.txt"]
