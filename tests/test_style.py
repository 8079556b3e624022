"""ruff-clean, as part of the test suite so CI enforces it."""

from __future__ import annotations

import subprocess
import sys

from conftest import PROJECT_ROOT


def test_ruff_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=PROJECT_ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
