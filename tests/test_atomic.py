"""Atomic writes that never overwrite silently."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from pipeline import atomic
from pipeline.atomic import (
    KEEP_BACKUPS,
    WouldOverwrite,
    write_all,
    write_atomic,
    write_keeping_backup,
)


def test_writes_utf8_and_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "a.csv"
    write_atomic(path, "指标\n")
    assert path.read_bytes() == "指标\n".encode()
    with pytest.raises(WouldOverwrite):
        write_atomic(path, "other")
    assert path.read_text(encoding="utf-8") == "指标\n"
    write_atomic(path, "new", replace=True)
    assert path.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.csv"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(path, "\udcff", replace=True)
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


def test_write_keeping_backup_refuses_then_backs_up(tmp_path: Path) -> None:
    path = tmp_path / "2026.yaml"
    assert write_keeping_backup(path, "first") is None
    with pytest.raises(WouldOverwrite):
        write_keeping_backup(path, "second")
    assert path.read_text(encoding="utf-8") == "first"
    backup = write_keeping_backup(path, "second", force=True)
    assert backup is not None and backup.read_text(encoding="utf-8") == "first"
    assert backup.name.startswith("2026.yaml.") and backup.suffix == ".bak"
    assert path.read_text(encoding="utf-8") == "second"
    again = write_keeping_backup(path, "third", force=True)
    assert again != backup and again.read_text(encoding="utf-8") == "second"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_new_files_get_the_usual_mode_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    new = tmp_path / "new.csv"
    write_atomic(new, "x")
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~_umask()
    kept = tmp_path / "kept.yaml"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    backup = write_keeping_backup(kept, "new", force=True)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert backup is not None and stat.S_IMODE(backup.stat().st_mode) == 0o640


def test_refusing_to_overwrite_is_race_free(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "2026.yaml"
    real = atomic._temporary

    def racing(target: Path, data: bytes, mode: int | None) -> Path:
        temporary = real(target, data, mode)
        if target == path:
            path.write_text("the other writer's", encoding="utf-8")  # lands in between
        return temporary

    monkeypatch.setattr(atomic, "_temporary", racing)
    with pytest.raises(WouldOverwrite):
        write_keeping_backup(path, "mine")
    assert path.read_text(encoding="utf-8") == "the other writer's"
    assert [p.name for p in tmp_path.iterdir()] == ["2026.yaml"]


def test_a_kill_during_the_backup_leaves_no_half_backup(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "2026.yaml"
    path.write_text("precious", encoding="utf-8")

    def killed(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "link", killed)  # the step that names the backup
    with pytest.raises(KeyboardInterrupt):
        write_keeping_backup(path, "new", force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["2026.yaml"]
    assert path.read_text(encoding="utf-8") == "precious"


def test_several_files_appear_together_or_not_at_all(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    records, verdicts = tmp_path / "records.csv", tmp_path / "verdicts.csv"
    write_all({records: "r1", verdicts: "v1"})
    real = atomic._publish

    def failing(temporary: Path, path: Path, *, replace: bool) -> None:
        if path == verdicts:
            raise OSError(28, "No space left on device", str(path))
        real(temporary, path, replace=replace)

    monkeypatch.setattr(atomic, "_publish", failing)
    with pytest.raises(OSError):
        write_all({records: "r2", verdicts: "v2"}, force=True)
    assert (records.read_text(encoding="utf-8"), verdicts.read_text(encoding="utf-8")) == (
        "r1", "v1")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_only_the_newest_backups_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "2026.yaml"
    path.write_text("0", encoding="utf-8")
    for n in range(1, KEEP_BACKUPS + 3):
        write_keeping_backup(path, str(n), force=True)
    backups = sorted(tmp_path.glob("2026.yaml.*.bak"))
    assert len(backups) == KEEP_BACKUPS
    assert [b.read_text(encoding="utf-8") for b in backups] == ["2", "3", "4", "5", "6"]


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        write_keeping_backup(tmp_path, "x", force=True)
