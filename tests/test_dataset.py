"""Validation of whole projects: every kind of breakage gets one located line per problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import INDICATORS, SOURCES, ProjectMaker, entry, year_file

from pipeline.dataset import find_root, load_project


def problems(root: Path) -> list[str]:
    return [p.format() for p in load_project(root).problems]


def check(make_project: ProjectMaker, content: str | bytes) -> list[str]:
    return problems(make_project({"targets/2018.yaml": content}))


CASES = {
    "text for a number": (
        year_file(2018, entry(value="abc")),
        ["targets/2018.yaml:6:12: entries[0].value: expected a number, got 'abc' "
         "(hint: write digits in base units without quotes, e.g. 126000 or 6.5)"]),
    "Chinese units in a number": (
        year_file(2018, entry(value="12.6万")),
        ["targets/2018.yaml:6:12: entries[0].value: expected a number, got '12.6万' "
         "(hint: write it in base units: 126000)"]),
    "a quoted number": (
        year_file(2018, entry(value="'6'")),
        ["targets/2018.yaml:6:12: entries[0].value: expected a number, got '6' "
         "(hint: write the number without quotes or units: 6)"]),
    "an infinite number": (
        year_file(2018, entry(value="1e999")),
        ["targets/2018.yaml:6:12: entries[0].value: expected a number below 1e308, found "
         "1e999 (hint: write the figure in base units, e.g. 126000)"]),
    "a misspelt key": (
        year_file(2018, entry(valeu=6, value=None)),
        ["targets/2018.yaml:11:5: entries[0].valeu: unknown field 'valeu' "
         "(hint: did you mean 'value'?)"]),
    "a missing field": (
        year_file(2018, entry(quote=None)),
        ["targets/2018.yaml:3:5: entries[0].quote: required field is missing "
         "(hint: add 'quote:' to this entry)"]),
    "an unknown qualifier": (
        year_file(2018, entry(qualifier="approx")),
        ["targets/2018.yaml:7:16: entries[0].qualifier: expected one of exact, about, "
         "at_least, at_most, range; got 'approx' (hint: write one of the values listed, "
         "exactly as shown)"]),
    "an unknown role": (
        year_file(2018, entry(role="goal")),
        ["targets/2018.yaml:3:11: entries[0].role: expected one of target, outcome, "
         "commitment; got 'goal' (hint: write one of the values listed, exactly as shown)"]),
    "yes for true": (
        year_file(2018, entry(estimate="yes")),
        ["targets/2018.yaml:12:15: entries[0].estimate: expected true or false, got 'yes' "
         "(hint: write true or false, unquoted)"]),
    "an unknown indicator": (
        year_file(2018, entry(indicator="industrial_va_grwth")),
        ["targets/2018.yaml:4:16: entries[0].indicator: unknown indicator "
         "'industrial_va_grwth' (hint: did you mean 'industrial_va_growth'?)"]),
    "an alias for an indicator id": (
        year_file(2018, entry(indicator="工业增加值增长")),
        ["targets/2018.yaml:4:16: entries[0].indicator: unknown indicator '工业增加值增长' "
         "(hint: that is an alias; write 'indicator: industrial_va_growth')"]),
    "an unknown source": (
        year_file(2018, entry(source="conf-218")),
        ["targets/2018.yaml:9:13: entries[0].source: unknown source 'conf-218' "
         "(hint: did you mean 'conf-2018' or 'conf-2019'?)"]),
    "a unit that does not fit": (
        year_file(2018, entry(unit="count")),
        ["targets/2018.yaml:8:11: entries[0].unit: indicator 'industrial_va_growth' is "
         "measured in 'percent', got 'count' (hint: write the value in % and 'unit: percent', "
         "or pick another indicator)"]),
    "an unknown unit": (
        year_file(2018, entry(unit="万个")),
        ["targets/2018.yaml:8:11: entries[0].unit: expected one of percent, count, people, users, "
         "households, connections, yuan, usd, tonnes, racks, vehicles, per_10k_people, "
         "per_100_people, gb_per_user_month, milestone; got '万个' (hint: write one of the "
         "values listed, exactly as shown)"]),
    "a negative count": (
        year_file(2018, entry(indicator="fiveg_base_stations_new", unit="count", value=-5,
                              qualifier="exact")),
        ["targets/2018.yaml:6:12: entries[0].value: a count figure cannot be negative, "
         "got -5 (hint: for a decline use a percent-change indicator)"]),
    "a malformed period": (
        year_file(2018, entry(period="end-2019")),
        ["targets/2018.yaml:5:13: entries[0].period: expected a period, got 'end-2019': "
         "'end-2019' is not a period (hint: write one of YYYY, YYYY-MM, YYYY-MM/MM, YYYY-Qn, "
         "YYYY-Qn/Qn, YYYY-H1, YYYY-H2 or YYYY-YYYY)"]),
    "a month that does not exist": (
        year_file(2018, entry(period="2019-13")),
        ["targets/2018.yaml:5:13: entries[0].period: expected a period, got '2019-13': "
         "month 13 does not exist (hint: write one of YYYY, YYYY-MM, YYYY-MM/MM, YYYY-Qn, "
         "YYYY-Qn/Qn, YYYY-H1, YYYY-H2 or YYYY-YYYY)"]),
    "a target after its period": (
        year_file(2018, entry(period=2017)),
        ["targets/2018.yaml:5:13: entries[0].period: a target for 2017 cannot be set on "
         "2018-12-27, after the period ended (hint: is this an outcome, or a later period? "
         "A review quoting the goal says 'restatement: true')"]),
    "an outcome before its period": (
        year_file(2018, entry(role="outcome", period=2019)),
        ["targets/2018.yaml:5:13: entries[0].period: an outcome for 2019 cannot be reported "
         "on 2018-12-27, before the period began (hint: is this a target, or an earlier "
         "period?)"]),
    "a final figure before the year closed": (
        year_file(2018, entry(role="outcome", period=2018)),
        ["targets/2018.yaml:5:13: entries[0].period: a final outcome for 2018 cannot be "
         "reported on 2018-12-27, before the period ended (hint: mark it 'estimate: true' "
         "(预计), or give the period it covers, e.g. 2018-11)"]),
    "a source from another year": (
        year_file(2018, entry(source="conf-2019", period=2020)),
        ["targets/2018.yaml:9:13: entries[0].source: source 'conf-2019' was published on "
         "2019-12-23, not in 2018 (hint: move this entry to targets/2019.yaml)"]),
    "a range without ends": (
        year_file(2018, entry(qualifier="range")),
        ["targets/2018.yaml:3:5: entries[0].low: required when qualifier is 'range' "
         "(hint: write the range as 'low:' and 'high:')",
         "targets/2018.yaml:3:5: entries[0].high: required when qualifier is 'range' "
         "(hint: write the range as 'low:' and 'high:')",
         "targets/2018.yaml:6:12: entries[0].value: a range has 'low:' and 'high:', not "
         "'value:' (hint: remove 'value:' or use another qualifier)"]),
    "a range upside down": (
        year_file(2018, entry(qualifier="range", value=None, low=6, high=5.5)),
        ["targets/2018.yaml:12:11: entries[0].high: range must rise: low 6 >= high 5.5 "
         "(hint: swap the two numbers)"]),
    "a low without a range": (
        year_file(2018, entry(low=5)),
        ["targets/2018.yaml:12:10: entries[0].low: only a range has 'low' (hint: use "
         "'qualifier: range', or give the figure as 'value:')"]),
    "a milestone with a figure": (
        year_file(2018, entry(indicator="fiveg_city_coverage", unit="milestone", value=1,
                              qualifier=None)),
        ["targets/2018.yaml:6:12: entries[0].value: a milestone has no figure "
         "(hint: state the milestone in 'quote:'/'note:')"]),
    "a milestone outcome without achieved": (
        year_file(2018, entry(role="outcome", indicator="fiveg_city_coverage",
                              unit="milestone", value=None, qualifier=None, period=2018,
                              estimate="true")),
        ["targets/2018.yaml:3:5: entries[0].achieved: required for a milestone outcome "
         "(hint: write 'achieved: true' or 'achieved: false')"]),
    "a commitment with a figure unit": (
        year_file(2018, entry(role="commitment")),
        ["targets/2018.yaml:8:11: entries[0].unit: a qualitative commitment has no figure, so "
         "its indicator must be a milestone, got unit 'percent' (hint: use a milestone "
         "indicator, or make it a target with a value)"]),
    "a floor on a lower-is-better indicator": (
        year_file(2018, entry(indicator="energy_intensity_change", value=-4,
                              qualifier="at_least")),
        ["targets/2018.yaml:7:16: entries[0].qualifier: 'at_least' contradicts indicator "
         "'energy_intensity_change', where lower is better (hint: a cut 'by at least 4%' on "
         "a change indicator is value: -4 with qualifier: at_most; check the sign and the "
         "qualifier)"]),
    "a duplicate record": (
        year_file(2018, entry(), entry(value=7)),
        ["targets/2018.yaml:12:1: entries[1]: duplicate record: target for "
         "industrial_va_growth 2019 from conf-2018 is already at targets/2018.yaml:3 "
         "(hint: keep one; a differing figure needs its own source)"]),
    "a duplicate key": (
        year_file(2018, entry(quote="'a'") + "    quote: b\n"),
        ["targets/2018.yaml:12:5: entries[0].quote: duplicate key 'quote' "
         "(hint: it is already set on line 10; keep one)"]),
    "a tab": (
        "year: 2018\nentries:\n\t- role: target\n",
        ["targets/2018.yaml:3:1: YAML syntax: tab character in indentation "
         "(hint: YAML indents with spaces only)"]),
    "broken syntax": (
        "year: 2018\nentries:\n  - role: [target\n",
        ["targets/2018.yaml:3:11: YAML syntax: expected the list '[' that starts here to be "
         "closed, found it still open where the file ends (hint: add the closing ']' where "
         "the list ends)"]),
    "a file in GBK": (
        "year: 2018\nentries:\n  - quote: 工业\n".encode("gbk"),
        ["targets/2018.yaml:3:12: not valid UTF-8 (byte 0xb9) (hint: save the file as UTF-8; "
         "GBK/GB2312 text must be re-encoded)"]),
    "a python tag": (
        "year: 2018\nentries:\n  - !!python/object/apply:os.system [ls]\n",
        ["targets/2018.yaml:3:5: entries[0]: YAML tag '!!python/object/apply:os.system' is "
         "not allowed (hint: remove the tag; write plain text, numbers, lists and mappings)"]),
    "an alias": (
        "year: 2018\nentries:\n  - &a {role: target}\n  - *a\n",
        ["targets/2018.yaml:4:5: YAML alias *a is not allowed (hint: anchors and aliases are "
         "not supported; write the value out in full)"]),
    "the wrong year inside": (
        year_file(2017),
        ["targets/2018.yaml:1:7: year: file is 2018.yaml but says year 2017 "
         "(hint: write 'year: 2018' or rename the file)"]),
    "entries as a mapping": (
        "year: 2018\nentries: {}\n",
        ["targets/2018.yaml:2:10: entries: expected a list, got a mapping "
         "(hint: start each item on its own line with '- ')"]),
    "a list at the top": (
        "- a\n",
        ["targets/2018.yaml:1:1: expected a mapping of 'key: value' lines, got a list "
         "(hint: see docs/record-format.md for the fields)"]),
    "an entry that is not a mapping": (
        "year: 2018\nentries:\n  - just text\n",
        ["targets/2018.yaml:3:5: entries[0]: expected a mapping of 'key: value' lines, "
         "got 'just text' (hint: see docs/record-format.md for the fields)"]),
    "no entries key": (
        "year: 2018\n",
        ["targets/2018.yaml:1:1: entries: required field is missing "
         "(hint: add 'entries:' at the top of the file)"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_kind_of_breakage_gets_located_lines(make_project: ProjectMaker,
                                                  case: str) -> None:
    content, expected = CASES[case]
    assert check(make_project, content) == expected


def test_problems_in_several_entries_and_files_come_in_one_pass(
        make_project: ProjectMaker) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry(value="x"), entry(unit="count", period=2020)),
        "targets/2019.yaml": "year: 2019\nentries:\n\t- x\n",
    })
    lines = problems(root)
    assert [line.split(":")[0:2] for line in lines] == [
        ["targets/2018.yaml", "6"], ["targets/2018.yaml", "17"], ["targets/2019.yaml", "3"]]


def test_valid_entries_survive_next_to_broken_ones(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry(value="x"),
                                                        entry(period=2020))})
    dataset = load_project(root)
    assert [r.period.text for r in dataset.records] == ["2020"]
    assert len(dataset.problems) == 1


def test_an_empty_year_file_is_valid(make_project: ProjectMaker) -> None:
    root = make_project({"targets/2018.yaml": "year: 2018\nentries:\n"})
    assert problems(root) == []


def test_a_file_not_named_after_its_year(make_project: ProjectMaker) -> None:
    root = make_project({"targets/draft.yaml": "year: 2018\nentries:\n"})
    assert problems(root) == ["targets/draft.yaml:1:1: expected a year file named YYYY.yaml, "
                              "found 'draft.yaml'; it is not read (hint: rename it to "
                              "targets/YYYY.yaml, or move it out of targets/)"]


REGISTRY_CASES = {
    "a link that is not http": (
        SOURCES.replace("https://www.miit.gov.cn/a.html", "javascript:alert(1)"),
        INDICATORS,
        ["data/sources.yaml:7:10: sources[0].url: expected an http:// or https:// link, got "
         "'javascript:alert(1)' (hint: links must be web addresses; leave the field out when "
         "there is none; entries that cite source 'conf-2018' are checked once this is fixed)"]),
    "an impossible date": (
        SOURCES.replace('"2018-12-27"', '"2018-02-30"'),
        INDICATORS,
        ["data/sources.yaml:5:16: sources[0].published: not a real date: day is out of range "
         "for month (hint: check the day and month; entries that cite source 'conf-2018' are "
         "checked once this is fixed)"]),
    "a date in another format": (
        SOURCES.replace('"2018-12-27"', '"27/12/2018"'),
        INDICATORS,
        ["data/sources.yaml:5:16: sources[0].published: expected a date YYYY-MM-DD, got "
         "'27/12/2018' (hint: for example 2019-12-23; entries that cite source 'conf-2018' "
         "are checked once this is fixed)"]),
    "an unknown source kind": (
        SOURCES.replace("kind: press_conference", "kind: presser"),
        INDICATORS,
        ["data/sources.yaml:23:11: sources[3].kind: expected one of work_conference, "
         "government_work_report, press_conference, statistical_communique, news_report, "
         "plan; got 'presser' (hint: did you mean 'press_conference'?; entries that cite "
         "source 'scio-2020' are checked once this is fixed)"]),
    "a duplicate source id": (
        SOURCES.replace("id: conf-2019", "id: conf-2018"),
        INDICATORS,
        ["data/sources.yaml:8:9: sources[1].id: duplicate id 'conf-2018' (hint: each id must "
         "be unique; rename one or merge them)"]),
    "an id with spaces": (
        SOURCES,
        INDICATORS.replace("id: fiveg_city_coverage", "id: 5G city coverage"),
        ["data/indicators.yaml:33:9: indicators[4].id: expected an id of lower-case letters, "
         "digits, '_', '.' or '-', got '5G city coverage' (hint: ids look like "
         "industrial_va_growth or miit-conf-2017-12; entries that cite indicator "
         "'5G city coverage' are checked once this is fixed)"]),
    "an alias claimed twice": (
        SOURCES,
        INDICATORS.replace("    tolerance: {abs: 0.3}\n  - id: fiveg",
                           "    tolerance: {abs: 0.3}\n    aliases: [工业增加值增长]\n"
                           "  - id: fiveg"),
        ["data/indicators.yaml:19:15: indicators[1].aliases[0]: alias '工业增加值增长' is "
         "also an alias of 'industrial_va_growth' (hint: an alias must name exactly one "
         "indicator)"]),
    "a negative tolerance": (
        SOURCES,
        INDICATORS.replace("{abs: 0.3}", "{abs: -1}", 1),
        ["data/indicators.yaml:9:22: indicators[0].tolerance.abs: must be at least 0, "
         "got -1 (hint: check the sign and the size of the number; entries that cite "
         "indicator 'industrial_va_growth' are checked once this is fixed)"]),
}


@pytest.mark.parametrize("case", sorted(REGISTRY_CASES))
def test_registry_breakage(make_project: ProjectMaker, case: str) -> None:
    sources, indicators, expected = REGISTRY_CASES[case]
    root = make_project(sources=sources, indicators=indicators)
    assert problems(root) == expected


def test_a_missing_registry_is_one_problem(make_project: ProjectMaker) -> None:
    root = make_project()
    (root / "data" / "sources.yaml").unlink()
    assert problems(root) == ["data/sources.yaml:1:1: cannot read file: No such file or "
                              "directory (hint: check the path and permissions)"]


def test_find_root_walks_up_to_the_project(make_project: ProjectMaker) -> None:
    root = make_project()
    assert find_root(root / "targets") == root.resolve()


def test_a_bad_field_in_a_new_source_is_one_problem_at_the_source(
        make_project: ProjectMaker) -> None:
    """One wrong date in a source is reported once, where it is; the eight entries citing it
    are not flagged 'unknown source … did you mean', which would invite re-pointing them."""
    sources = SOURCES.replace("\"2018-12-27\"", "\"2018/12/27\"")
    many = year_file(2018, *(entry(period=2019 + n) for n in range(8)))
    root = make_project({"targets/2018.yaml": many}, sources=sources)
    problems = [p.format() for p in load_project(root).problems]
    assert problems == [
        "data/sources.yaml:5:16: sources[0].published: expected a date YYYY-MM-DD, got "
        "'2018/12/27' (hint: for example 2019-12-23; entries that cite source 'conf-2018' "
        "are checked once this is fixed)"]


def test_a_draft_is_placed_by_its_content_or_the_command(make_project: ProjectMaker) -> None:
    from pipeline.dataset import Placement, load_draft

    root = make_project({"targets/2018.yaml": year_file(2018, entry())})
    draft = root / "anywhere.yaml"
    draft.write_text(year_file(2018, entry(period=2020)).replace("year: 2018\n", ""),
                     encoding="utf-8")
    project = load_project(root)
    placed = load_draft(draft, root, project)
    assert ([(r.stated_in, r.scope, r.file) for r in placed.records], placed.problems) == (
        [(2018, "national", "anywhere.yaml")], [])
    province = load_draft(draft, root, project, Placement(scope="guangdong"))
    assert [r.scope for r in province.records] == ["guangdong"]
    assert project.records[0].file == "targets/2018.yaml"  # the project is left as it was
