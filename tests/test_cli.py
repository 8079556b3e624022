"""The command line: exact text a user sees, and exit codes."""

from __future__ import annotations

import errno
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SOURCES, ProjectMaker, entry, year_file

from pipeline.cli import COMMANDS, build_parser, main


def run(root: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--root", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


GOOD_2018 = year_file(
    2018,
    entry(),
    entry(role="outcome", period=2018, value=6.2, qualifier="exact", estimate="true",
          quote="预计全年工业增加值增长6.2%", note="Estimated 2018 growth."),
)
GOOD_2019 = year_file(
    2019,
    entry(role="outcome", period=2019, value=5.7, qualifier="exact", estimate="true",
          source="conf-2019", quote="工业增加值增长5.7%", note="Estimated 2019 growth."),
)


def test_validate_prints_a_one_line_summary_on_valid_data(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2018.yaml": GOOD_2018, "targets/2019.yaml": GOOD_2019})
    code, out, err = run(root, "validate", capsys=capsys)
    assert code == 0
    assert out == ("ok: 4 files, 3 records (1 target, 2 outcomes), 5 indicators, "
                   "5 sources\n")
    assert err == ""


def test_validate_lists_every_problem_in_one_pass(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    broken = year_file(
        2018,
        entry(value="abc"),
        entry(indicator="industrial_va_grwth"),
        entry(qualifier="approx", period=2020),
        entry(source="conf-218", period=2021),
    )
    tab_indented = "year: 2019\nentries:\n\t- x\n"
    root = make_project({"targets/2018.yaml": broken, "targets/2019.yaml": tab_indented})
    code, out, err = run(root, "validate", capsys=capsys)
    assert code == 1
    assert out.splitlines() == [
        "targets/2018.yaml:6:12: entries[0].value: expected a number, got 'abc' "
        "(hint: write digits in base units without quotes, e.g. 126000 or 6.5)",
        "targets/2018.yaml:13:16: entries[1].indicator: unknown indicator "
        "'industrial_va_grwth' (hint: did you mean 'industrial_va_growth'?)",
        "targets/2018.yaml:25:16: entries[2].qualifier: expected one of exact, about, "
        "at_least, at_most, range; got 'approx' (hint: write one of the values listed, "
        "exactly as shown)",
        "targets/2018.yaml:36:13: entries[3].source: unknown source 'conf-218' "
        "(hint: did you mean 'conf-2018' or 'conf-2019'?)",
        "targets/2019.yaml:3:1: YAML syntax: tab character in indentation "
        "(hint: YAML indents with spaces only)",
    ]
    assert err == "5 problems in 2 files\n"


def test_validate_can_check_one_file(make_project: ProjectMaker,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2018.yaml": GOOD_2018, "targets/2019.yaml": "oops: [\n"})
    code, out, _ = run(root, "validate", str(root / "targets" / "2018.yaml"), capsys=capsys)
    assert code == 0
    assert out == ("ok: targets/2018.yaml: 2 records (1 target, 1 outcome), checked against "
                   "5 indicators, 5 sources\n")


def test_validate_names_a_missing_path(make_project: ProjectMaker,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project()
    code, out, err = run(root, "validate", "targets/1999.yaml", capsys=capsys)
    assert (code, out) == (1, "")
    assert err == "error: no such file or folder: targets/1999.yaml\n"


def test_verdicts_prints_a_table(make_project: ProjectMaker,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2018.yaml": GOOD_2018, "targets/2019.yaml": GOOD_2019})
    code, out, _ = run(root, "verdicts", capsys=capsys)
    assert code == 0
    assert out.splitlines() == [
        "period  indicator             target    result       gap   status",
        "2019    industrial_va_growth  about 6%  5.7% (est.)  -0.3  ✓ met",
        "1 goals",
    ]


def test_verdicts_filters_by_status(make_project: ProjectMaker,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2018.yaml": GOOD_2018, "targets/2019.yaml": GOOD_2019})
    _, out, _ = run(root, "verdicts", "--status", "missed", capsys=capsys)
    assert out.splitlines()[-1] == "0 goals"


def test_export_writes_both_files_and_never_overwrites_silently(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = make_project({"targets/2018.yaml": GOOD_2018, "targets/2019.yaml": GOOD_2019})
    out_dir = tmp_path / "out"
    code, out, _ = run(root, "export", "--out", str(out_dir), capsys=capsys)
    assert code == 0
    assert out == f"wrote {out_dir / 'records.csv'}\nwrote {out_dir / 'verdicts.csv'}\n"
    before = (out_dir / "records.csv").read_text(encoding="utf-8")
    code, _, err = run(root, "export", "--out", str(out_dir), capsys=capsys)
    assert code == 1
    assert "would overwrite" in err and "--force" in err
    assert (out_dir / "records.csv").read_text(encoding="utf-8") == before
    code, _, _ = run(root, "export", "--out", str(out_dir), "--force", capsys=capsys)
    assert code == 0
    backups = sorted(p.name.split(".")[0] for p in out_dir.glob("*.bak"))
    assert backups == ["records", "verdicts"]


def test_export_refuses_invalid_data(make_project: ProjectMaker,
                                     capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = make_project({"targets/2018.yaml": year_file(2018, entry(value="abc"))})
    code, out, err = run(root, "export", "--out", str(tmp_path / "out"), capsys=capsys)
    assert code == 1
    assert out.startswith("targets/2018.yaml:6:12: entries[0].value:")
    assert "nothing exported" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_an_example(name: str) -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    command = sub.choices[name]  # type: ignore[index]
    assert command.description
    assert command.epilog.startswith("Example: goalpost ")


def test_module_and_console_script_are_the_same_cli() -> None:
    module = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True,
                            text=True, check=True)
    script = Path(sys.executable).with_name("goalpost")
    console = subprocess.run([str(script), "--help"], capture_output=True, text=True, check=True)
    assert module.stdout == console.stdout
    assert "validate" in module.stdout and "export" in module.stdout


def test_unknown_command_is_a_usage_error_not_a_traceback() -> None:
    result = subprocess.run([sys.executable, "-m", "pipeline", "frobnicate"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "invalid choice" in result.stderr


def test_coverage_prints_per_year_counts(make_project: ProjectMaker,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2018.yaml": GOOD_2018, "targets/2019.yaml": GOOD_2019})
    code, out, _ = run(root, "coverage", capsys=capsys)
    assert code == 0
    assert out.splitlines()[0].split() == [
        "year", "goals", "rated", "met", "exceeded", "missed", "claimed", "unratable",
        "no_result", "not_due", "commitments", "unanswered", "outcomes"]
    assert out.splitlines()[1].split() == ["2018"] + ["0"] * 10 + ["1"]
    assert out.splitlines()[2].split() == ["2019", "1", "1", "1"] + ["0"] * 8
    assert out.splitlines()[-1] == "1 goals rated across 1 years"


def test_verify_quotes_reports_misses_and_exit_code(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    sources = SOURCES.replace("    kind: work_conference\n    url:",
                              "    kind: work_conference\n    archive: conf.txt\n    url:", 1)
    root = make_project({"targets/2018.yaml": year_file(2018, entry(), entry(
        period=2020, quote="工业增加值增长9%"))}, sources=sources)
    (root / "pack").mkdir()
    (root / "pack" / "conf.txt").write_text("預(yù)計(jì)工業(yè)增加值增長(zhǎng)6%左右",
                                            encoding="utf-8")
    code, out, err = run(root, "verify-quotes", "--archive", str(root / "pack"), capsys=capsys)
    assert code == 1
    assert out == ("targets/2018.yaml:12: conf-2018: quote not found in conf.txt: "
                   "'工业增加值增长9%'\n")
    assert err == "1 of 2 quotes not found\n"


def test_verify_quotes_needs_an_archive(make_project: ProjectMaker,
                                        capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    code, _, err = run(make_project(), "verify-quotes", "--archive", str(tmp_path / "nope"),
                       capsys=capsys)
    assert code == 1
    assert err.startswith("error: no archive folder at ")


def test_new_year_writes_a_valid_template_and_never_overwrites(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project()
    code, out, _ = run(root, "new-year", "2026", capsys=capsys)
    path = root / "targets" / "2026.yaml"
    assert code == 0
    assert out == (f"wrote {path}\n"
                   "next: fill it in, then run 'goalpost validate targets/2026.yaml'\n")
    assert run(root, "validate", capsys=capsys)[0] == 0
    path.write_text(path.read_text(encoding="utf-8") + "# my work\n", encoding="utf-8")
    code, _, err = run(root, "new-year", "2026", capsys=capsys)
    assert code == 1
    assert err == (f"error: {path} already exists; nothing written (use --force to replace "
                   "it; the old file is kept as a .bak copy)\n")
    code, out, _ = run(root, "new-year", "2026", "--force", capsys=capsys)
    backups = list((root / "targets").glob("2026.yaml.*.bak"))
    assert code == 0 and len(backups) == 1
    assert backups[0].read_text(encoding="utf-8").endswith("# my work\n")
    assert run(root, "validate", capsys=capsys)[0] == 0  # backups are not year files


REPORT = ("首頁(yè)|必讀|視頻|專(zhuān)訪\n"
          "預(yù)計(jì)2019年，全國(guó)規(guī)模以上工業(yè)增加值增長(zhǎng)5.6%左右，"
          "新建5G基站13萬(wàn)個。\n")


def test_extract_writes_drafts_and_validate_counts_them(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = make_project()
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    out = root / "targets" / "2019.yaml"
    code, printed, _ = run(root, "extract", str(report), "--year", "2019", "--source",
                           "conf-2019", "--out", str(out), capsys=capsys)
    assert code == 0
    assert printed.splitlines()[0] == (f"wrote {out}: 2 draft entries (2 with an indicator, "
                                       "0 to match)")
    code, printed, err = run(root, "validate", capsys=capsys)
    assert code == 1
    assert printed == ("2 drafts left to confirm (check each against the report, write its "
                       "English note, delete 'draft: true'): targets/2019.yaml:8, "
                       "targets/2019.yaml:21\n")
    assert err == "not ok: 2 drafts left to confirm\n"
    text = out.read_text(encoding="utf-8")
    assert 'indicator: "industrial_va_growth"' in text and "value: 130000" in text
    code, _, err = run(root, "extract", str(report), "--year", "2019", "--out", str(out),
                       capsys=capsys)
    assert code == 1 and "already exists" in err


def confirm(text: str) -> str:
    """What the analyst does to a draft that is right: delete 'draft: true', write the note."""
    return text.replace("  - draft: true\n    role:", "  - role:").replace(
        "TODO: an English label for this figure", "Confirmed.")


@pytest.mark.parametrize("where", ["drafts/2019.yaml", "outside/my draft.yaml"])
def test_a_draft_is_checked_wherever_it_is_and_the_next_command_works(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
        where: str) -> None:
    """Extract's own 'next:' command, typed as printed, validates the draft: inside the
    project or outside it, under any name."""
    root = make_project()
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    base = root if where.startswith("drafts") else tmp_path_factory.mktemp("elsewhere")
    (base / where).parent.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(base)
    flags = [] if base == root else ["--root", str(root)]
    code, printed, _ = main_run(*flags, "extract", str(report), "--year", "2019", "--source",
                                "conf-2019", "--out", where, capsys=capsys)
    command = printed.splitlines()[-1]
    assert command == ("next: confirm each entry, then run: "
                       + shlex.join(["goalpost", *flags, "validate", where]))
    args = shlex.split(command.split("then run: ", 1)[1])[1:]
    code, printed, err = main_run(*args, capsys=capsys)
    assert code == 1
    assert printed == ("2 drafts left to confirm (check each against the report, write its "
                       f"English note, delete 'draft: true'): {where}:8, {where}:21\n")
    draft = base / where
    draft.write_text(confirm(draft.read_text(encoding="utf-8")), encoding="utf-8")
    code, printed, err = main_run(*args, capsys=capsys)
    assert (code, err) == (0, "")
    assert printed == (f"ok: {where}: 2 records (0 targets, 2 outcomes), checked against "
                       "5 indicators, 5 sources\n")


def main_run(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_draft_takes_its_year_from_its_sources_or_the_flags(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str],
        tmp_path_factory: pytest.TempPathFactory) -> None:
    root = make_project()
    tmp_path = tmp_path_factory.mktemp("elsewhere")
    no_year = tmp_path / "draft.yaml"
    no_year.write_text(GOOD_2019.replace("year: 2019\n", ""), encoding="utf-8")
    code, out, _ = run(root, "validate", str(no_year), capsys=capsys)
    assert code == 0 and out.startswith(f"ok: {no_year}: 1 record (0 targets, 1 outcome)")
    code, out, _ = run(root, "validate", str(no_year), "--year", "2018", capsys=capsys)
    assert code == 1
    assert out == (f"{no_year}:8:13: entries[0].source: source 'conf-2019' was published on "
                   "2019-12-23, not in 2018 (hint: move this entry to targets/2019.yaml)\n")
    with_year = tmp_path / "other.yaml"
    with_year.write_text(GOOD_2019, encoding="utf-8")
    code, out, _ = run(root, "validate", str(with_year), "--year", "2020", capsys=capsys)
    assert code == 1
    assert out == (f"{with_year}:1:7: year: the file says year 2019, the command says --year "
                   "2020 (hint: drop --year, or correct 'year:' in the file)\n")
    code, out, _ = run(root, "validate", str(with_year), "--scope", "guangdong", capsys=capsys)
    assert code == 0 and out.startswith(f"ok: {with_year}: 1 record")
    mixed = GOOD_2019.replace("conf-2019", "conf-2018", 1).replace(
        "year: 2019\n", "") + GOOD_2019.split("entries:\n")[1]
    no_year.write_text(mixed, encoding="utf-8")
    code, out, _ = run(root, "validate", str(no_year), capsys=capsys)
    assert out == (f"{no_year}:1:1: year: cannot tell which year's file this draft belongs "
                   "in (hint: write 'year: YYYY' at the top (the year its sources were "
                   "published), or pass --year)\n")


def test_a_confirmed_draft_already_in_targets_is_a_duplicate(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2019.yaml": GOOD_2019})
    draft = root / "drafts" / "again.yaml"
    draft.parent.mkdir()
    draft.write_text(GOOD_2019, encoding="utf-8")
    code, out, _ = run(root, "validate", str(draft), capsys=capsys)
    assert code == 1
    assert out == ("drafts/again.yaml:3:1: entries[0]: duplicate record: outcome for "
                   "industrial_va_growth 2019 from conf-2019 is already at targets/2019.yaml:3 "
                   "(hint: keep one; a differing figure needs its own source)\n")


def test_validate_flags_are_for_drafts_only(make_project: ProjectMaker,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"targets/2019.yaml": GOOD_2019})
    code, _, err = run(root, "validate", str(root / "targets" / "2019.yaml"), "--year", "2019",
                       capsys=capsys)
    assert code == 1
    assert err == ("error: --year and --scope are for a draft outside targets/; a year file "
                   "in targets/ is placed by its name and folder\n")


def test_a_todo_note_and_a_sign_error_stop_validate_and_export(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cut = entry(indicator="energy_intensity_change", value=4, quote="单位工业增加值能耗下降4%",
                note='"TODO: an English label for this figure"')
    root = make_project({"targets/2018.yaml": year_file(2018, cut)})
    code, out, err = run(root, "validate", capsys=capsys)
    assert code == 1
    assert out == (
        "targets/2018.yaml:6:12: entries[0].value: the quote says 下降4%, so expected a "
        "negative change, found 4 (hint: write value: -4 (a fall is negative); a cut 'by at "
        "least' is a negative value with 'qualifier: at_most')\n"
        "1 draft left to confirm (check each against the report, write its English note, "
        "delete 'draft: true'): targets/2018.yaml:11\n")
    assert err == "1 problem in 1 file; 1 draft left to confirm\n"
    code, _, err = run(root, "export", "--out", str(tmp_path / "out"), capsys=capsys)
    assert code == 1 and err.endswith("error: nothing exported; fix the problems above first\n")
    assert not (tmp_path / "out").exists()


def test_extract_without_a_source_says_to_register_it(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    root = make_project()
    code, out, _ = run(root, "extract", str(report), "--year", "2019", "--out",
                       str(tmp_path / "d.yaml"), capsys=capsys)
    assert code == 0
    assert out.splitlines()[-1] == (
        "next: register the report in data/sources.yaml, write its id as each entry's "
        f"source:, and confirm each entry, then run: goalpost --root {root} validate "
        f"{tmp_path / 'd.yaml'}")


def test_extract_names_an_unknown_source(make_project: ProjectMaker,
                                         capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("增长5%。", encoding="utf-8")
    code, _, err = run(make_project(), "extract", str(report), "--year", "2019", "--source",
                       "conf-219", "--out", str(tmp_path / "d.yaml"), capsys=capsys)
    assert code == 1
    assert err == "error: unknown source 'conf-219' (did you mean 'conf-2019' or 'conf-2018'?)\n"


def test_writers_say_what_failed_in_one_line_and_change_nothing(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_project({"targets/2018.yaml": GOOD_2018})
    a_file = tmp_path / "out.csv"
    a_file.write_text("mine", encoding="utf-8")
    code, _, err = run(root, "export", "--out", str(a_file), capsys=capsys)
    assert (code, err) == (1, f"error: cannot write {a_file}: Not a directory; nothing was "
                           "changed (hint: give the path of a folder: export writes "
                           "records.csv and verdicts.csv into it)\n")
    report = tmp_path / "r.txt"
    report.write_text("增长5%。", encoding="utf-8")
    code, _, err = run(root, "extract", str(report), "--year", "2019", "--out", str(tmp_path),
                       capsys=capsys)
    assert (code, err) == (1, f"error: cannot write {tmp_path}: Is a directory; nothing was "
                           "changed (hint: give the path of a file, e.g. drafts/2025.yaml)\n")
    code, _, err = run(tmp_path / "typo", "new-year", "2026", capsys=capsys)
    assert (code, err) == (1, f"error: no targets/ folder in {tmp_path / 'typo'} (hint: run "
                           "it in the project folder, or pass --root the folder that holds "
                           "data/ and targets/)\n")
    assert not (tmp_path / "typo").exists()

    def full(handle: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    code, _, err = run(root, "new-year", "2026", capsys=capsys)
    path = root / "targets" / "2026.yaml"
    assert (code, err) == (1, f"error: cannot write {path}: No space left on device; nothing "
                           "was changed (hint: the disk is full; free some space and run it "
                           "again)\n")
    monkeypatch.undo()
    real_open = os.open

    def read_only(name: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(name))
        return real_open(name, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    code, _, err = run(root, "export", "--out", str(tmp_path / "exp"), capsys=capsys)
    assert (code, err) == (1, f"error: cannot write {tmp_path / 'exp' / 'records.csv'}: "
                           "Read-only file system; nothing was changed (hint: that file system "
                           "is read-only; write somewhere else)\n")
    assert sorted(p.name for p in (root / "targets").iterdir()) == ["2018.yaml"]
    assert a_file.read_text(encoding="utf-8") == "mine"


def test_a_report_name_with_line_breaks_stays_in_its_comment(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = make_project()
    report = tmp_path / "r\nyear: 1999\nentries: []\n#.txt"
    report.write_text("预计2019年,全国规模以上工业增加值增长5.6%左右。", encoding="utf-8")
    out = tmp_path / "2019.yaml"
    code, _, _ = run(root, "extract", str(report), "--year", "2019", "--out", str(out),
                     capsys=capsys)
    text = out.read_text(encoding="utf-8")
    assert code == 0
    assert text.splitlines()[0] == ("# DRAFT year file written by 'goalpost extract' from "
                                    "r\\nyear: 1999\\nentries: []\\n#.txt.")
    assert [line for line in text.splitlines() if not line.lstrip().startswith("#")][:2] == [
        "year: 2019", "entries:"]


def test_extract_never_waits_on_a_pipe(make_project: ProjectMaker,
                                       capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    code, _, err = run(make_project(), "extract", str(fifo), "--year", "2019", "--out",
                       str(tmp_path / "d.yaml"), capsys=capsys)
    assert (code, err) == (1, f"error: cannot read {fifo}: expected a text file, found a "
                           "named pipe (FIFO); it is not read\n")


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "verdicts"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like `goalpost verdicts | head -1`
    assert process.wait(timeout=60) == 0
    assert "Traceback" not in process.stderr.read().decode()


def test_a_draft_that_is_not_a_year_file_gets_a_clear_line(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project({"drafts/empty.yaml": "", "drafts/quoted.yaml": 'year: "2019"\n',
                         "drafts/list.yaml": "- a\n"})
    expected = {
        "empty": "drafts/empty.yaml:1:1: expected a year file: 'year:', then 'entries:' with "
                 "a list of entries (hint: start from 'goalpost new-year' or 'goalpost "
                 "extract')\n",
        "list": "drafts/list.yaml:1:1: expected a year file: 'year:', then 'entries:' with "
                "a list of entries (hint: start from 'goalpost new-year' or 'goalpost "
                "extract')\n",
        "quoted": "drafts/quoted.yaml:1:7: year: expected a year such as 2019, got '2019' "
                  "(hint: write 'year: YYYY' without quotes)\n"}
    for name, line in expected.items():
        assert run(root, "validate", str(root / "drafts" / f"{name}.yaml"),
                   capsys=capsys)[:2] == (1, line)
    code, _, err = run(root, "validate", str(root / "drafts"), capsys=capsys)
    assert (code, err) == (1, "error: a folder outside targets/ is not read as year files; "
                           "validate one draft at a time, e.g. goalpost validate "
                           "drafts/2019.yaml\n")
