"""The command line: exact text a user sees, and exit codes."""

from __future__ import annotations

import errno
import os
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
    assert out == ("ok: 4 files, 3 records (1 targets, 2 outcomes), 5 indicators, "
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
    assert out.startswith("ok: 3 files, 2 records")


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


def test_extract_writes_drafts_and_validate_counts_them(
        make_project: ProjectMaker, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    root = make_project()
    report = tmp_path / "report.txt"
    report.write_text("首頁(yè)|必讀|視頻|專(zhuān)訪\n"
                      "預(yù)計(jì)2019年，全國(guó)規(guī)模以上工業(yè)增加值增長(zhǎng)5.6%左右，"
                      "新建5G基站13萬(wàn)個。\n", encoding="utf-8")
    out = root / "targets" / "2019.yaml"
    code, printed, _ = run(root, "extract", str(report), "--year", "2019", "--source",
                           "conf-2019", "--out", str(out), capsys=capsys)
    assert code == 0
    assert printed.splitlines()[0] == (f"wrote {out}: 2 draft entries (2 with an indicator, "
                                       "0 to match)")
    code, _, err = run(root, "validate", capsys=capsys)
    assert code == 1
    assert err == "2 problems in 1 file; 2 draft entries to confirm\n"
    text = out.read_text(encoding="utf-8")
    assert 'indicator: "industrial_va_growth"' in text and "value: 130000" in text
    code, _, err = run(root, "extract", str(report), "--year", "2019", "--out", str(out),
                       capsys=capsys)
    assert code == 1 and "already exists" in err


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
