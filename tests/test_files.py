"""Defensive reading: regular files only, bounded, never blocking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.files import FileRefused, inside, read_regular


def test_reads_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "2019.yaml"
    path.write_bytes(b"year: 2019\n")
    assert read_regular(path) == b"year: 2019\n"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "2019.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused) as refused:
        read_regular(fifo)
    assert refused.value.message == ("expected a text file, found a named pipe (FIFO); it is "
                                     "not read")
    assert refused.value.code == "not_a_file"


def test_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "2019.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(FileRefused) as refused:
        read_regular(link)
    assert refused.value.message == "expected a text file, found a device; it is not read"


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"x" * 2049)
    assert read_regular(path, limit=2049) == b"x" * 2049
    with pytest.raises(FileRefused) as refused:
        read_regular(path, limit=2048)
    assert refused.value.message == ("expected a file of at most 0.0 MB, found a larger one; "
                                     "it is not read")
    assert refused.value.code == "too_large"


def test_inside_follows_links(tmp_path: Path) -> None:
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "a").write_text("x", encoding="utf-8")
    (tmp_path / "project" / "in").symlink_to(tmp_path / "project" / "a")
    (tmp_path / "project" / "out").symlink_to("/etc/passwd")
    assert inside(tmp_path / "project" / "in", tmp_path / "project")
    assert not inside(tmp_path / "project" / "out", tmp_path / "project")
