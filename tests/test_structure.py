"""Small meta-tests that keep the layout honest."""

from __future__ import annotations

from conftest import PROJECT_ROOT


def test_every_pipeline_module_has_a_test_module() -> None:
    modules = {p.stem for p in (PROJECT_ROOT / "pipeline").glob("*.py")} - {"__init__",
                                                                            "__main__"}
    tests = {p.stem.removeprefix("test_") for p in (PROJECT_ROOT / "tests").glob("test_*.py")}
    assert sorted(modules - tests) == []


def test_the_dashboard_stays_thin() -> None:
    source = (PROJECT_ROOT / "dashboard.py").read_text(encoding="utf-8")
    # layout and widgets only; each view has two layouts (tables on desktops, cards on phones)
    assert len(source.splitlines()) < 240
    assert "unsafe_allow_html" not in source
