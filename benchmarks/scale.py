"""goalpost at tracker scale: 31 provinces × 30 years × 50 indicators ≈ 46,500 records.

    python benchmarks/scale.py           # the full corpus (a few minutes)
    python benchmarks/scale.py --quick   # 8 provinces × 10 years (under a minute)

Reports, in one run on one machine: bare LibYAML parsing of the year files next to goalpost's
full load + validate + verdicts (no cache), their ratio; revalidation after one file changes
(build cache warm); peak memory; and the dashboard's cold start from the on-disk cache and
its warm rerun, both through Streamlit's AppTest. Each timing is the best of a few repeats.
The last line is ``full/parse ratio: X.XX``.

Targets: ratio <= 1.3, one-file revalidation <= 5% of a full run, dashboard cold start from
the cache <= 1 s, warm rerun <= 0.1 s.
"""

from __future__ import annotations

import argparse
import gc
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import yaml  # noqa: E402
from corpus import write_corpus  # noqa: E402

from pipeline.build_cache import BuildCache  # noqa: E402
from pipeline.dataset import load_project, year_files  # noqa: E402
from pipeline.table_cache import write_tables  # noqa: E402
from pipeline.tables import build_tables, problem_table  # noqa: E402
from pipeline.verdicts import rate_all  # noqa: E402


def best(run: Callable[[], object], repeats: int) -> float:
    """Fastest of ``repeats`` runs, in seconds (garbage collected between runs)."""
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def parse_only(root: Path) -> None:
    for path in year_files(root):
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)  # the safe C loader


def full_build(root: Path) -> None:
    dataset = load_project(root)
    rate_all(dataset.records, dataset.indicators, dataset.sources)
    assert not dataset.problems, dataset.problems[:3]


def incremental(root: Path, repeats: int) -> float:
    cache = BuildCache(root)
    cache.load()
    target = sorted(year_files(root))[len(year_files(root)) // 2]
    times = []
    for n in range(repeats):
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace("note: Indicator 1,", f"note: Indicator 1 (edit {n}),"),
                          encoding="utf-8")
        gc.collect()
        start = time.perf_counter()
        dataset = cache.load()
        times.append(time.perf_counter() - start)
        assert cache.rebuilt == [target.relative_to(root).as_posix()], cache.rebuilt
        assert not dataset.problems
    return min(times)


def dashboard(root: Path, repeats: int) -> tuple[float, float]:
    """Cold start (empty in-process caches, warm on-disk cache) and warm rerun, via AppTest."""
    import logging

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)

    shutil.copy(ROOT / "dashboard.py", root / "dashboard.py")
    cache = BuildCache(root)
    dataset = cache.load()
    write_tables(root / ".goalpost-cache", cache.content_key(), build_tables(dataset),
                 problem_table(dataset))
    colds, warms = [], []
    for _ in range(repeats):
        st.cache_resource.clear()
        st.cache_data.clear()
        app = AppTest.from_file(str(root / "dashboard.py"), default_timeout=300)
        start = time.perf_counter()
        app.run()
        colds.append(time.perf_counter() - start)
        assert not app.exception, app.exception
        for _ in range(3):
            start = time.perf_counter()
            app.run()
            warms.append(time.perf_counter() - start)
    return min(colds), min(warms)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller corpus, under a minute")
    args = parser.parse_args()
    provinces, years, repeats = (8, 10, 3) if args.quick else (31, 30, 3)
    with tempfile.TemporaryDirectory(prefix="goalpost-scale-") as folder:
        root = Path(folder)
        records = write_corpus(root, provinces=provinces, years=years)
        files = len(year_files(root))
        print(f"corpus: {records:,} records in {files} year files "
              f"({provinces} provinces × {years} years × 50 indicators)")
        parse = best(lambda: parse_only(root), repeats)
        full = best(lambda: full_build(root), repeats)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"bare LibYAML parse (CSafeLoader):       {parse:7.3f} s")
        print(f"goalpost load + validate + verdicts:    {full:7.3f} s")
        one = incremental(root, repeats)
        print(f"one file changed, revalidated (cached): {one:7.3f} s "
              f"= {one / full:.1%} of a full run")
        print(f"peak memory (RSS):                      {peak:7.0f} MiB")
        cold, warm = dashboard(root, 2)
        print(f"dashboard cold start from the cache:    {cold:7.3f} s")
        print(f"dashboard warm rerun:                   {warm:7.3f} s")
        print(f"full/parse ratio: {full / parse:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
