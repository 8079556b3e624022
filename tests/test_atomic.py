"""Atomic writes that never overwrite silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.atomic import WouldOverwrite, write_atomic, write_keeping_backup


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
