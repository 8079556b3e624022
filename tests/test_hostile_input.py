"""Property-based: whatever an analyst types, validate ends with located problems, never a
traceback or a hang; the dashboard stays up on the same files."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from conftest import INDICATORS, PROJECT_ROOT, SOURCES, entry, year_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.dataset import load_project

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
        assert not at.get("html")
        assert all(hostile not in m.value for m in at.markdown)
    finally:
        shutil.rmtree(root, ignore_errors=True)
