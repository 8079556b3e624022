"""Property-based: whatever an analyst types, validate ends with located problems, never a
traceback or a hang; the dashboard stays up on the same files."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import INDICATORS, PROJECT_ROOT, SOURCES, ProjectMaker, entry, year_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import dataset as dataset_module
from pipeline import files as files_module
from pipeline.cli import main
from pipeline.dataset import load_project
from pipeline.goal_cards import RESPONSIVE_CSS
from pipeline.quotes import verify_quotes

VALID = year_file(
    2018,
    entry(),
    entry(indicator="fiveg_base_stations_new", unit="count", value=600000, qualifier="at_least",
          quote="新建5G基站60万个以上", note="600k."),
    entry(role="outcome", period=2018, value=6.2, qualifier="exact", estimate="true",
          quote="增长6.2%", note="Estimate."),
)
FRAGMENTS = [
    "\t", ":", ": :", "- ", "-", "[", "]", "{", "}", "'", '"', "#", "&a ", "*a",
    "!!python/object:os.system", "!custom", "<<: *a", "? ", "|", ">", "%YAML 1.1\n",
    "---\n", "...\n", "\x00", "\ufeff", "\r",
    "1e400", "-999999999999999999999", "nan", ".inf", "0x1F", "1:30", "2020-12-31", "yes",
    "null", "~", "<script>alert(1)</script>", "x" * 5000, "[" * 200, "{a: " * 60,
    "value: abc", "role: goal", "period: end-2019", "indicator: nope", "unit: 万个",
    "source: nope", "qualifier: approx", "estimate: maybe", "extra_key: 1", "low: 7\n    high: 1",
    "entries: 5", "year: twenty", "业(yè)务", "🎯",
]
SETTINGS = settings(max_examples=150, deadline=5000, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    text = VALID
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["insert", "replace", "delete_line", "duplicate_line",
                                     "random_text"]))
        lines = text.splitlines(keepends=True)
        at = draw(st.integers(0, max(0, len(text) - 1)))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[at:]
        elif kind == "replace":
            end = at + draw(st.integers(1, 12))
            text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[end:]
        elif kind == "delete_line" and lines:
            del lines[draw(st.integers(0, len(lines) - 1))]
            text = "".join(lines)
        elif kind == "duplicate_line" and lines:
            index = draw(st.integers(0, len(lines) - 1))
            lines.insert(index, lines[index])
            text = "".join(lines)
        else:
            text = text[:at] + draw(st.text(max_size=30)) + text[at:]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "gbk", "utf-16"]))
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return text.encode("utf-8", errors="surrogatepass")


def _project(content: bytes) -> Path:
    root = Path(tempfile.mkdtemp(prefix="goalpost-hostile-"))
    (root / "data").mkdir()
    (root / "targets").mkdir()
    (root / "data" / "indicators.yaml").write_text(INDICATORS, encoding="utf-8")
    (root / "data" / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (root / "targets" / "2018.yaml").write_bytes(content)
    (root / "targets" / "2019.yaml").write_text(
        year_file(2019, entry(source="conf-2019", period=2020)), encoding="utf-8")
    return root


@SETTINGS
@given(mutated())
def test_validate_always_ends_with_located_problems(content: bytes) -> None:
    root = _project(content)
    try:
        dataset = load_project(root)  # must not raise, must not hang (deadline)
        for problem in dataset.problems:
            assert problem.file == "targets/2018.yaml"
            assert problem.line >= 1 and problem.column >= 1
            assert problem.message
            line = problem.format()
            assert line.startswith(f"targets/2018.yaml:{problem.line}:{problem.column}: ")
            assert "\n" not in line[:200]
        assert any(r.file == "targets/2019.yaml" for r in dataset.records)  # others survive
    finally:
        shutil.rmtree(root, ignore_errors=True)


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_dashboard_stays_up_on_the_same_files(content: bytes) -> None:
    from streamlit.testing.v1 import AppTest

    root = _project(content)
    try:
        shutil.copy(PROJECT_ROOT / "dashboard.py", root / "dashboard.py")
        at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=60).run()
        assert not at.exception
        assert at.title[0].value == "goalpost — were the goals met?"
        if load_project(root).problems:
            assert at.expander and "problems" in at.expander[0].label
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_record_text_with_html_or_script_is_shown_as_text(tmp_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    root = _project(year_file(2018, entry(quote=f"'{hostile}'", note=f"'{hostile}'")).encode())
    try:
        shutil.copy(PROJECT_ROOT / "dashboard.py", root / "dashboard.py")
        at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=60)
        at.query_params["view"] = "scorecard"
        at.query_params["year"] = "2019"
        at.run()
        assert not at.exception
        card = at.dataframe[0].value
        assert hostile in card["Target as printed"].tolist()
        assert [html.proto.body for html in at.get("html")] == [RESPONSIVE_CSS]  # ours alone
        assert all(hostile not in m.value for m in at.markdown)
    finally:
        shutil.rmtree(root, ignore_errors=True)


# --- Issue 13: each case as a user meets it, with the exact line they read. ---------------

OK_2018 = year_file(2018, entry())


def validate(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["--root", str(root), *(args or ("validate",))])
    return code, capsys.readouterr().out.splitlines()


def test_a_number_of_5000_digits_is_one_located_problem(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry(value="1" * 5000))})
    assert validate(root, capsys) == (1, [
        "targets/2018.yaml:6:12: entries[0].value: expected a number of at most 40 "
        "characters, found one of 5,000 (hint: write the figure in base units, e.g. 126000)"])


def test_every_file_under_targets_is_read_or_reported(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2018.yaml": OK_2018, "targets/2019.yml": OK_2018,
                         "targets/2019.YAML": OK_2018, "targets/2019.yaml.txt": OK_2018,
                         "targets/guangdong/old/2019.yaml": OK_2018,
                         "targets/２０１９.yaml": OK_2018})
    assert validate(root, capsys) == (1, [
        "targets/2019.YAML:1:1: expected a year file named YYYY.yaml, found '2019.YAML'; it is "
        "not read (hint: rename it to targets/2019.yaml)",
        "targets/2019.yaml.txt:1:1: expected a year file named YYYY.yaml, found "
        "'2019.yaml.txt'; it is not read (hint: rename it to targets/2019.yaml)",
        "targets/2019.yml:1:1: expected a year file named YYYY.yaml, found '2019.yml'; it is "
        "not read (hint: rename it to targets/2019.yaml)",
        "targets/guangdong/old/2019.yaml:1:1: expected year files in targets/ or "
        "targets/<province>/, found one in a folder below that; it is not read (hint: move it "
        "up into targets/guangdong/)",
        "targets/２０１９.yaml:1:1: expected a year file named YYYY.yaml, found '２０１９.yaml'; "
        "it is not read (hint: rename it to targets/2019.yaml (with the digits 0-9))"])
    assert validate(root, capsys, "validate", str(root / "targets")) == validate(root, capsys)


def test_a_missing_or_unreadable_targets_folder_is_a_problem(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project()
    shutil.rmtree(root / "targets")
    assert validate(root, capsys) == (1, [
        "targets/:1:1: expected the folder of year files, found none (hint: run goalpost in "
        "the project folder, or pass --root the folder that holds data/ and targets/)"])
    (root / "targets").mkdir()

    def denied(path: object) -> list[str]:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(dataset_module.os, "listdir", denied)
    assert validate(root, capsys) == (1, [
        "targets:1:1: cannot read folder: Permission denied (hint: check its permissions)"])


def test_special_files_and_links_out_are_reported_never_read(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    root = make_project({"targets/2018.yaml": OK_2018})
    os.mkfifo(root / "targets" / "2019.yaml")
    (root / "targets" / "2020.yaml").symlink_to("/dev/zero")
    secret = tmp_path.parent / f"{tmp_path.name}-secret.yaml"
    secret.write_text("password: hunter2\n", encoding="utf-8")
    (root / "targets" / "2021.yaml").symlink_to(secret)
    (root / "targets" / "2022.yaml").symlink_to(root / "targets" / "2018.yaml")  # inside: read
    code, out = validate(root, capsys)  # must not hang on the FIFO or read /dev/zero
    assert (code, out) == (1, [
        "targets/2019.yaml:1:1: expected a year file, found a named pipe (FIFO); it is not "
        "read (hint: only YYYY.yaml text files belong in targets/)",
        "targets/2020.yaml:1:1: expected a file inside the project, found a link to outside "
        "it; it is not read (hint: copy the file into the project instead of linking to it)",
        "targets/2021.yaml:1:1: expected a file inside the project, found a link to outside "
        "it; it is not read (hint: copy the file into the project instead of linking to it)",
        "targets/2022.yaml:1:7: year: file is 2022.yaml but says year 2018 (hint: write "
        "'year: 2022' or rename the file)"])
    assert "hunter2" not in "\n".join(out)
    assert validate(root, capsys, "validate", str(root / "targets" / "2019.yaml")) == (1, [
        "targets/2019.yaml:1:1: expected a text file, found a named pipe "
        "(FIFO); it is not read (hint: year files and registries are plain UTF-8 text files)"])


def test_archive_paths_out_of_the_pack_and_blank_quotes_are_refused(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    escaping = SOURCES.replace("    url: https://www.miit.gov.cn/a.html",
                               "    archive: ../../../etc/passwd").replace(
        "    kind: press_conference", "    kind: press_conference\n    archive: /etc/passwd")
    root = make_project({"targets/2018.yaml": year_file(2018, entry(quote='"   "'))},
                        sources=escaping)
    assert validate(root, capsys) == (1, [
        "data/sources.yaml:7:14: sources[0].archive: expected a path inside the source pack, "
        "got '../../../etc/passwd' (hint: write it relative to the pack, e.g. "
        "seeds/003_771a7e8552942085.txt, without '..'; entries that cite source 'conf-2018' "
        "are checked once this is fixed)",
        "data/sources.yaml:24:14: sources[3].archive: expected a path inside the source pack, "
        "got '/etc/passwd' (hint: write it relative to the pack, e.g. "
        "seeds/003_771a7e8552942085.txt, without '..'; entries that cite source 'scio-2020' "
        "are checked once this is fixed)",
        "targets/2018.yaml:10:12: entries[0].quote: expected text, found only spaces (hint: "
        "write the text as printed, or remove the field if it is optional)"])


def test_verify_quotes_never_reads_outside_the_archive(make_project: ProjectMaker,
                                                       tmp_path: Path) -> None:
    root = make_project({"targets/2018.yaml": OK_2018})
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "conf.txt").symlink_to("/etc/passwd")
    dataset = load_project(root)
    for archive, reason in (("../../../etc/passwd", "archived copy ../../../etc/passwd is "
                             "outside the archive folder; not read"),
                            ("/etc/passwd", "archived copy /etc/passwd is outside the archive "
                             "folder; not read"),
                            ("conf.txt", "archived copy conf.txt is outside the archive "
                             "folder; not read")):
        source = dataset.sources["conf-2018"]  # as if it had passed validation
        dataset.sources["conf-2018"] = source.model_copy(update={"archive": archive})
        assert [m.reason for m in verify_quotes(dataset, pack)] == [reason]


@pytest.mark.parametrize(("facts", "reason"), [
    ("facts: [\n", "archived copy f.yaml is not a readable facts file (line 2, column 1: "
     "YAML syntax: did not find expected node content (while parsing a flow node))"),
    ("facts: !!python/object:os.system {}\n", "archived copy f.yaml is not a readable facts "
     "file (line 1, column 8: YAML tag '!!python/object:os.system' is not allowed)"),
    ("- phrase: 增长6%\n", "archived copy f.yaml is not a readable facts file (expected a "
     "mapping with a 'facts:' list at the top)"),
])
def test_verify_quotes_reports_a_malformed_facts_file(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        facts: str, reason: str) -> None:
    sources = SOURCES.replace("    url: https://www.miit.gov.cn/a.html",
                              "    archive: f.yaml")
    root = make_project({"targets/2018.yaml": OK_2018}, sources=sources)
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "f.yaml").write_text(facts, encoding="utf-8")
    code, out = validate(root, capsys, "verify-quotes", "--archive", str(tmp_path / "pack"))
    assert (code, out) == (1, [f"targets/2018.yaml:3: conf-2018: {reason}: '工业增加值增长6%左右'"])


def test_digits_that_are_not_ascii_are_refused_with_a_hint(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({
        "targets/2018.yaml": year_file(2018, entry(), entry(period="２０１９"),
                                       entry(period=2020, value="٢٠١٩")),
        "targets/2019.yaml": "year: ２０１９\nentries:\n"})
    assert validate(root, capsys) == (1, [
        "targets/2018.yaml:14:13: entries[1].period: expected a period, got '２０１９': digits "
        "must be ASCII 0-9, found '２' (FULLWIDTH DIGIT TWO) (hint: write one of YYYY, "
        "YYYY-MM, YYYY-MM/MM, YYYY-Qn, YYYY-Qn/Qn, YYYY-H1, YYYY-H2 or YYYY-YYYY)",
        "targets/2018.yaml:24:12: entries[2].value: expected a number, got '٢٠١٩' (hint: "
        "write the digits as ASCII 0-9, without quotes: 2019)",
        "targets/2019.yaml:1:7: year: expected a whole number, got '２０１９' (hint: write the "
        "digits as ASCII 0-9, without quotes: 2019)"])


def test_errors_are_located_where_they_are(make_project: ProjectMaker,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    control = "year: 2018\nentries:\n  - role: target\n    quote: 中文中文中文中文中文中文\n" \
        "    note: ok\x07\n"
    separator = year_file(2018, entry(quote='"中文\u2028中文"'), entry(period=2020, value="abc"))
    unclosed = year_file(2018, entry(quote="'中文"), entry(period=2020), entry(period=2021))
    for content, line in ((control, "targets/2018.yaml:5:13: character U+0007 is not allowed "
                           "in YAML (hint: delete it; it often comes from copying text out of "
                           "a web page or PDF)"),
                          (separator, "targets/2018.yaml:15:12: entries[1].value: expected a "
                           "number, got 'abc' (hint: write digits in base units without "
                           "quotes, e.g. 126000 or 6.5)"),
                          (unclosed, "targets/2018.yaml:10:12: YAML syntax: expected the "
                           "quoted text that starts here to be closed, found it still open "
                           "where the file ends (hint: add the closing quote where the text "
                           "ends)")):
        root = make_project({"targets/2018.yaml": content})
        assert validate(root, capsys) == (1, [line])


def test_figures_and_tolerances_have_limits(make_project: ProjectMaker,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2018.yaml": year_file(
        2018, entry(indicator="fiveg_base_stations_new", unit="count", value="1e308",
                    qualifier="exact", quote="新建5G基站"),
        entry(period=2020, value="1e-400"))},
        indicators=INDICATORS.replace("unit: count\n    category: telecom\n    better: higher\n"
                                      "    measure: stock",
                                      "unit: count\n    category: telecom\n    better: higher\n"
                                      "    measure: stock\n    tolerance: {abs: 1e308}", 1))
    assert validate(root, capsys) == (1, [
        "data/indicators.yaml:26:22: indicators[2].tolerance.abs: must be at most 1e+13, got "
        "1e+308 (hint: check the sign and the size of the number; entries that cite indicator "
        "'fiveg_base_stations_total' are checked once this is fixed)",
        "targets/2018.yaml:6:12: entries[0].value: expected a count figure of at most "
        "10,000,000,000,000, found 1e+308 (hint: write the figure in base units (12.6万 is "
        "126000); one this large is a typo)",
        "targets/2018.yaml:15:12: entries[1].value: expected a number that can be stored, found "
        "1e-400, which is so small it would become 0 (hint: write 0, or the figure in base "
        "units)"])


def test_huge_files_are_refused_with_the_limit(make_project: ProjectMaker,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry(), entry(period=2020),
                                                        entry(period=2021))})
    monkeypatch.setattr(dataset_module, "MAX_ENTRIES", 2)
    assert validate(root, capsys) == (1, [
        "targets/2018.yaml:2:1: entries: expected at most 2 entries in one year file, found 3 "
        "(hint: a year file holds one year's statements; is this the right file?)"])
    monkeypatch.setattr(files_module, "MAX_FILE_BYTES", 2 * 2**20)
    (root / "targets" / "2018.yaml").write_bytes(b"year: 2018\n" + b"#" * 3 * 2**20)
    assert validate(root, capsys) == (1, [
        "targets/2018.yaml:1:1: expected a file of at most 2.0 MB, found a larger one; it is "
        "not read (hint: is this the right file? a year file holds one year's statements)"])


def test_registry_checks(make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    alias_is_id = INDICATORS.replace("aliases: [工业增加值增长]",
                                     "aliases: [工业增加值增长, energy_intensity_change]")
    userinfo = SOURCES.replace("https://www.miit.gov.cn/a.html", "http://gov.cn@evil.example/")
    root = make_project({"targets/2018.yaml": OK_2018}, indicators=alias_is_id,
                        sources=userinfo)
    assert validate(root, capsys) == (1, [
        "data/indicators.yaml:10:24: indicators[0].aliases[1]: expected an alias that is no "
        "indicator's id, found 'energy_intensity_change', the id of another indicator (hint: "
        "an alias must name exactly one indicator; remove it or rename one)",
        "data/sources.yaml:7:10: sources[0].url: expected a link without a user name, got "
        "'http://gov.cn@evil.example/' (hint: whatever comes before '@' is not the site; the "
        "link goes to the host after it; entries that cite source 'conf-2018' are checked "
        "once this is fixed)"])


def test_one_syntax_error_in_a_registry_is_one_root_cause(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    broken = INDICATORS.replace("    unit: percent\n    category: industry",
                                "    unit: percent\n  category: industry", 1)
    many = year_file(2018, *(entry(period=2019 + n) for n in range(30)))
    root = make_project({"targets/2018.yaml": many}, indicators=broken)
    assert validate(root, capsys) == (1, [
        "data/indicators.yaml:6:3: YAML syntax: this line is indented 2 spaces less than the "
        "line above (line 5) (hint: indent it 4 spaces, like line 5, so that it belongs to the "
        "same entry; a new entry starts with '- ')"])


def test_the_dashboard_survives_hostile_urls_and_numbers(tmp_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    root = _project(year_file(2018, entry(value="9" * 5000)).encode())
    try:
        shutil.copy(PROJECT_ROOT / "dashboard.py", root / "dashboard.py")
        for view in ("scorecard", "overview"):
            at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=60)
            at.query_params.update({"view": view, "year": "²⁰¹⁹", "years": "٢٠١٩,２０２０"})
            at.run()
            assert not at.exception
            assert "1 problem" in at.expander[0].label
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_names_are_shown_as_text_never_as_markdown(tmp_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    image = "![x](http://127.0.0.1:9/track.png) **bold** :red[red] $x$"
    root = _project(VALID.encode())
    try:
        indicators = INDICATORS.replace("en: Industrial value added growth", f"en: '{image}'")
        (root / "data" / "indicators.yaml").write_text(indicators, encoding="utf-8")
        shutil.copy(PROJECT_ROOT / "dashboard.py", root / "dashboard.py")
        at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=60)
        at.query_params.update({"view": "indicator_view", "indicator": "industrial_va_growth"})
        at.run()
        assert not at.exception
        assert image in at.text[0].value
        shown = [m.value for m in (*at.markdown, *at.caption)]
        assert not [text for text in shown if "track.png" in text]
    finally:
        shutil.rmtree(root, ignore_errors=True)
