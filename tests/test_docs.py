"""docs/adding-a-year.md, run as written: one report from its text to verdicts.

Every ``$ `` line of the guide's ``console`` blocks is a command of :data:`STEPS`, in the
same order (so a command added to the guide without a test fails here). They run in a shell,
as typed, in a copy of the project without the worked example's report (its source and its
records), beside a link to the source pack. What the analyst does by hand between commands
(register the source, confirm the drafts, move them into targets/) is done by the helpers
below. Extract's draft counts are left free: the extractor improves.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import PROJECT_ROOT, SOURCES_PACK

from pipeline.dataset import load_project
from pipeline.yaml_reader import read_yaml

GUIDE = PROJECT_ROOT / "docs" / "adding-a-year.md"
SOURCE = "miit-conf-2019-12"
CONFIRM = "next: confirm each entry, then run: goalpost validate drafts/2019.yaml"


class Step(NamedTuple):
    command: str
    exit_code: int
    check: Callable[[Path, str], None]


def _printed(expected: str) -> Callable[[Path, str], None]:
    return lambda _, out: _contains(out, expected)


def _contains(out: str, expected: str) -> None:
    assert re.search(expected, out, re.MULTILINE), out


def _verdict_from_the_report(project: Path, _: str) -> None:
    with (project / "out" / "verdicts.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if SOURCE in r["statement_source_ids"]
                or r["outcome_source_id"] == SOURCE]
    assert rows and all(r["status"] for r in rows)


STEPS = [
    Step("goalpost extract ../shared/sources/seeds/004_cf486792c33a492e.txt --year 2019 "
         "--source miit-conf-2019-12 --out drafts/2019.yaml", 0,
         _printed(r"^wrote drafts/2019\.yaml: \d+ draft entries .*\n" + re.escape(CONFIRM))),
    Step("goalpost validate drafts/2019.yaml", 1,
         _printed(r"^\d+ drafts left to confirm \(.*\): drafts/2019\.yaml:\d+, ")),
    Step("goalpost validate drafts/2019.yaml", 0,
         _printed(r"^ok: drafts/2019\.yaml: \d+ records \(\d+ targets?, \d+ outcomes?\), "
                  r"checked against")),
    Step("goalpost validate", 0, _printed(r"^ok: 13 files, ")),
    Step("goalpost verify-quotes", 0, _printed(r"^ok: all \d+ quotes found")),
    Step("goalpost verdicts --year 2020", 0, _printed(r"^period +indicator +target")),
    Step("goalpost export --out out/", 0, _verdict_from_the_report),
]


def guide_commands() -> list[str]:
    """The ``$ `` lines of the guide's console blocks, in order."""
    blocks = re.findall(r"```console\n(.*?)```", GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    return [line[2:] for block in blocks for line in block.splitlines()
            if line.startswith("$ ")]


def test_every_command_in_the_guide_is_run_by_this_test() -> None:
    assert guide_commands() == [step.command for step in STEPS]
    assert "next: confirm each entry, then run: goalpost validate drafts/2019.yaml" in \
        GUIDE.read_text(encoding="utf-8")


def without_the_report(tmp_path: Path) -> Path:
    """A copy of the project as it was before the worked example's report arrived."""
    project = tmp_path / "project"
    for folder in ("data", "targets"):
        shutil.copytree(PROJECT_ROOT / folder, project / folder)
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "sources").symlink_to(SOURCES_PACK.resolve())
    _drop_items(project / "data" / "sources.yaml", "sources", lambda item: item["id"] == SOURCE)
    _drop_items(project / "targets" / "2019.yaml", "entries",
                lambda item: item["source"] == SOURCE)
    return project


def _drop_items(path: Path, key: str, drop: Callable[[dict[str, object]], bool]) -> None:
    """Delete the list items under ``key`` that ``drop`` picks, line by line."""
    document, _ = read_yaml(path)
    items = document.data[key]  # type: ignore[index]
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [document.where((key, i))[0] - 1 for i in range(len(items))] + [len(lines)]
    gone = {n for i, item in enumerate(items) if drop(item)
            for n in range(starts[i], starts[i + 1])}
    path.write_text("\n".join(line for n, line in enumerate(lines) if n not in gone),
                    encoding="utf-8")


def curated(tmp_path: Path) -> dict[tuple[object, ...], dict[str, object]]:
    """The report's records as the bundled data holds them: what confirming arrives at."""
    records = load_project(PROJECT_ROOT).records
    return {_key(r.entry.model_dump()): r.entry.model_dump(exclude_defaults=True)
            for r in records if r.entry.source == SOURCE}


def _key(entry: dict[str, object]) -> tuple[object, ...]:
    def plain(value: object) -> object:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if number else str(value)  # type: ignore[arg-type]

    return tuple(plain(entry.get(name)) for name in ("role", "indicator", "period", "value",
                                                     "low", "high", "qualifier", "unit"))


def register_the_source(project: Path) -> None:
    """Step 2 by hand: the guide's YAML block appended to data/sources.yaml."""
    block = re.search(r"```yaml\n(  - id: miit-conf-2019-12\n.*?)```",
                      GUIDE.read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    path = project / "data" / "sources.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + block[1],
                    encoding="utf-8")


def confirm_the_drafts(project: Path, records: dict[tuple[object, ...], dict[str, object]]
                       ) -> None:
    """Step 5 by hand: keep the drafts that are right (as the curated records show), write
    their notes, delete 'draft: true'; delete the rest."""
    draft = project / "drafts" / "2019.yaml"
    document, _ = read_yaml(draft)
    entries = [records[_key(e)] for e in document.data["entries"]  # type: ignore[index]
               if _key(e) in records]
    assert any(e["role"] == "target" for e in entries)
    assert any(e["role"] == "outcome" for e in entries)
    draft.write_text("year: 2019\nentries:\n" + "".join(_yaml_entry(e) for e in entries),
                     encoding="utf-8")


def _yaml_entry(entry: dict[str, object]) -> str:
    lines = [f"{name}: {json.dumps(value, ensure_ascii=False)}" for name, value in
             entry.items()]
    return "  - " + "\n    ".join(lines) + "\n"


def move_into_targets(project: Path) -> None:
    """Step 6 by hand: the confirmed entries at the end of targets/2019.yaml."""
    draft = project / "drafts" / "2019.yaml"
    entries = draft.read_text(encoding="utf-8").split("entries:\n", 1)[1]
    target = project / "targets" / "2019.yaml"
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + "\n" + entries,
                      encoding="utf-8")
    draft.unlink()


@pytest.mark.skipif(not SOURCES_PACK.is_dir(), reason="needs the source pack beside the project")
def test_the_guide_takes_a_report_from_its_text_to_verdicts(tmp_path: Path) -> None:
    records = curated(tmp_path)
    project = without_the_report(tmp_path)
    environment = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
                   f"{os.environ.get('PATH', '')}", "GOALPOST_NO_CACHE": "1"}
    by_hand = {0: lambda: register_the_source(project),
               2: lambda: confirm_the_drafts(project, records),
               3: lambda: move_into_targets(project)}
    for number, step in enumerate(STEPS):
        if number in by_hand:
            by_hand[number]()
        done = subprocess.run(step.command, shell=True, cwd=project, env=environment,
                              capture_output=True, text=True, timeout=120, check=False)
        output = done.stdout + done.stderr
        assert done.returncode == step.exit_code, (step.command, output)
        assert "Traceback" not in output
        step.check(project, output)
