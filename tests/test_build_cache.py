"""The build cache: same results as a full load, and only changed files rebuilt."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ProjectMaker, entry, year_file

from pipeline import build_cache
from pipeline.build_cache import BuildCache
from pipeline.dataset import load_project


def project(make_project: ProjectMaker) -> Path:
    return make_project({
        "targets/2018.yaml": year_file(2018, entry(), entry(period=2020, value="x")),
        "targets/2019.yaml": year_file(2019, entry(source="conf-2019", period=2020, value=7)),
        "targets/2020.yaml": year_file(2020, entry(
            role="outcome", period=2019, value=6.1, qualifier="exact", source="scio-2020")),
    })


def summary(dataset) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    return ([r.record_id + str(r.entry.value) for r in dataset.records],
            [p.format() for p in dataset.problems])


def test_cached_load_equals_a_full_load(make_project: ProjectMaker) -> None:
    root = project(make_project)
    cache = BuildCache(root)
    assert summary(cache.load()) == summary(load_project(root))
    assert sorted(cache.rebuilt) == ["targets/2018.yaml", "targets/2019.yaml",
                                     "targets/2020.yaml"]
    fresh = BuildCache(root)  # a new process: everything comes from disk
    assert summary(fresh.load()) == summary(load_project(root))
    assert fresh.rebuilt == []


def test_only_a_changed_file_is_rebuilt(make_project: ProjectMaker) -> None:
    root = project(make_project)
    cache = BuildCache(root)
    cache.load()
    key = cache.content_key()
    path = root / "targets" / "2019.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 7", "value: 8"),
                    encoding="utf-8")
    dataset = cache.load()
    assert cache.rebuilt == ["targets/2019.yaml"]
    assert cache.content_key() != key
    assert summary(dataset) == summary(load_project(root))


def test_stamped_key_needs_no_records_and_notices_changes(
        make_project: ProjectMaker, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_cache, "RACY_NS", -1)  # files just written count as settled
    root = project(make_project)
    cache = BuildCache(root)
    cache.load()
    assert BuildCache(root).stamped_key() == cache.content_key()
    (root / "targets" / "2021.yaml").write_text("year: 2021\nentries:\n", encoding="utf-8")
    assert BuildCache(root).stamped_key() is None


def test_registry_changes_rebuild_everything(make_project: ProjectMaker) -> None:
    root = project(make_project)
    cache = BuildCache(root)
    cache.load()
    sources = root / "data" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8").replace("id: scio-2020",
                                                                   "id: scio-2020b"),
                       encoding="utf-8")
    dataset = cache.load()
    assert len(cache.rebuilt) == 3
    assert any("unknown source 'scio-2020'" in p.message for p in dataset.problems)


def test_a_damaged_or_unwritable_cache_is_only_slower(make_project: ProjectMaker) -> None:
    root = project(make_project)
    BuildCache(root).load()
    for stored in (root / ".goalpost-cache").rglob("*.json"):
        stored.write_text("{not json", encoding="utf-8")
    assert summary(BuildCache(root).load()) == summary(load_project(root))
    blocked = BuildCache(root, root / "targets" / "2018.yaml" / "cannot-be-a-folder")
    assert summary(blocked.load()) == summary(load_project(root))


def test_a_byte_identical_copy_does_not_poison_the_cache(make_project: ProjectMaker) -> None:
    root = project(make_project)
    cache = BuildCache(root)
    before = summary(cache.load())
    copy = root / "targets" / "2019 copy.yaml"
    shutil.copy(root / "targets" / "2019.yaml", copy)
    records, problems = summary(BuildCache(root).load())
    assert records == before[0]  # 2019's records are all still there
    assert problems == [*before[1], "targets/2019 copy.yaml:1:1: expected a year file named "
                        "YYYY.yaml, found '2019 copy.yaml'; it is not read (hint: rename it "
                        "to targets/YYYY.yaml, or move it out of targets/)"]
    copy.unlink()
    assert summary(cache.load()) == summary(BuildCache(root).load()) == before
    province = root / "targets" / "guangdong" / "2019.yaml"  # same bytes, another path
    province.parent.mkdir()
    shutil.copy(root / "targets" / "2019.yaml", province)
    assert summary(BuildCache(root).load()) == summary(cache.load()) == summary(
        load_project(root))
    assert summary(cache.load())[0] == before[0]


def test_an_edit_that_keeps_size_and_mtime_is_read(make_project: ProjectMaker,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_cache, "RACY_NS", -1)  # trust stats as soon as they are taken
    root = project(make_project)
    cache = BuildCache(root)
    cache.load()
    key = cache.content_key()
    path = root / "targets" / "2019.yaml"
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("value: 7", "value: 8"),
                    encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size and path.stat().st_mtime_ns == stat.st_mtime_ns
    assert BuildCache(root).stamped_key() is None  # its ctime moved: not trusted
    dataset = cache.load()
    assert cache.content_key() != key
    assert summary(dataset) == summary(load_project(root))
    assert summary(BuildCache(root).load()) == summary(load_project(root))


def test_an_edited_cache_file_is_never_shown_as_data(make_project: ProjectMaker) -> None:
    root = project(make_project)
    BuildCache(root).load()
    stored = [p for p in (root / ".goalpost-cache").rglob("*.json") if p.name != "stamps.json"]
    for path in stored:  # same digest line, altered records: the digest no longer fits
        path.write_text(path.read_text(encoding="utf-8").replace('"value":7', '"value":9'),
                        encoding="utf-8")
    assert summary(BuildCache(root).load()) == summary(load_project(root))
    cache = BuildCache(root)
    cache.load()
    for path in stored:  # a consistent digest over a record that does not validate
        body = path.read_bytes().partition(b"\n")[2].replace(b'"unit":"percent"',
                                                             b'"unit":"furlongs"')
        path.write_bytes(f"{cache._digest(body)}\n".encode() + body)
    assert summary(BuildCache(root).load()) == summary(load_project(root))


@pytest.mark.parametrize("stamps", [
    "[]", "null", "{", '{"format": 2, "context": "x"}', "\x00\xff",
    '{"format": 2, "context": "CONTEXT", "files": {"targets/2018.yaml": 5}, "strays": ""}',
    '{"format": 2, "context": "CONTEXT", "files": [], "strays": ""}',
    '{"format": 2, "context": "CONTEXT", "files": {"targets/2018.yaml": [[1, 2], "x"]}, '
    '"strays": ""}',
])
def test_a_malformed_stamps_file_means_a_rebuild(make_project: ProjectMaker,
                                                 stamps: str) -> None:
    root = project(make_project)
    cache = BuildCache(root)
    cache.load()
    cache.stamps_file.write_text(stamps.replace("CONTEXT", cache.context), encoding="utf-8")
    fresh = BuildCache(root)
    assert fresh.stamped_key() is None
    assert summary(fresh.load()) == summary(load_project(root))
