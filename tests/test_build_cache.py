"""The build cache: same results as a full load, and only changed files rebuilt."""

from __future__ import annotations

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
