"""Shared fixtures: a tiny, valid project written into a temporary folder."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SOURCES_PACK = PROJECT_ROOT.parent / "shared" / "sources"

INDICATORS = """\
indicators:
  - id: industrial_va_growth
    zh: 规模以上工业增加值增长
    en: Industrial value added growth
    unit: percent
    category: industry
    better: higher
    measure: rate
    tolerance: {abs: 0.3}
    aliases: [工业增加值增长]
  - id: energy_intensity_change
    zh: 单位工业增加值能耗变化
    en: Energy use per unit of industrial value added, change
    unit: percent
    category: environment
    better: lower
    measure: rate
    tolerance: {abs: 0.3}
  - id: fiveg_base_stations_total
    zh: 5G基站总数
    en: 5G base stations (cumulative)
    unit: count
    category: telecom
    better: higher
    measure: stock
  - id: fiveg_base_stations_new
    zh: 新建5G基站
    en: 5G base stations built in the year
    unit: count
    category: telecom
    better: higher
    measure: flow
  - id: fiveg_city_coverage
    zh: 地级市5G全覆盖
    en: 5G in every prefecture-level city
    unit: milestone
    category: telecom
    better: higher
    measure: stock
"""

SOURCES = """\
sources:
  - id: conf-2018
    title: 全国工业和信息化工作会议 2018
    publisher: 工业和信息化部
    published: "2018-12-27"
    kind: work_conference
    url: https://www.miit.gov.cn/a.html
  - id: conf-2019
    title: 全国工业和信息化工作会议 2019
    publisher: 工业和信息化部
    published: "2019-12-23"
    kind: work_conference
  - id: spun-2019
    title: 改写的会议稿
    publisher: 镜像站
    published: "2019-12-24"
    kind: news_report
    reliability: unreliable
  - id: scio-2020
    title: 国新办发布会 2020-01-20
    publisher: 国务院新闻办公室
    published: "2020-01-20"
    kind: press_conference
  - id: nbs-2020
    title: 2019年统计公报
    publisher: 国家统计局
    published: "2020-02-28"
    kind: statistical_communique
"""

ProjectMaker = Callable[..., Path]


def entry(**fields: object) -> str:
    """One year-file entry as YAML text, with sensible defaults."""
    values: dict[str, object] = {
        "role": "target", "indicator": "industrial_va_growth", "period": 2019, "value": 6,
        "qualifier": "about", "unit": "percent", "source": "conf-2018",
        "quote": "工业增加值增长6%左右", "note": "About 6% growth.",
    }
    values.update(fields)
    lines = []
    for key, value in values.items():
        if value is None:
            continue
        lines.append(f"{key}: {value}")
    return "  - " + "\n    ".join(lines) + "\n"


def year_file(year: int, *entries: str) -> str:
    return f"year: {year}\nentries:\n" + "".join(entries)


@pytest.fixture
def make_project(tmp_path: Path) -> ProjectMaker:
    """Write a project with the registries above and the given year files; return its root."""

    def make(files: dict[str, str | bytes] | None = None, *, indicators: str = INDICATORS,
             sources: str = SOURCES) -> Path:
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "targets").mkdir(exist_ok=True)
        (tmp_path / "data" / "indicators.yaml").write_text(indicators, encoding="utf-8")
        (tmp_path / "data" / "sources.yaml").write_text(sources, encoding="utf-8")
        for name, content in (files or {}).items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), encoding="utf-8")
        return tmp_path

    return make


def grid_of(markup: str) -> tuple[list[str], dict[str, list[str]], list[str]]:
    """The status grid's HTML read back: its header, each row's cell texts by row label, and
    every link in order (what a reader sees and can click)."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list[list[str]] = []
            self.links: list[str] = []
            self.cell: list[str] | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.cell = []
            elif tag == "a":
                self.links.append(dict(attrs)["href"] or "")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("td", "th") and self.cell is not None:
                self.rows[-1].append("".join(self.cell).strip())
                self.cell = None

        def handle_data(self, data: str) -> None:
            if self.cell is not None:
                self.cell.append(data)

    reader = Reader()
    reader.feed(markup)
    header, *body = reader.rows
    return header, {row[0]: row[1:] for row in body}, reader.links
