"""CSV and Excel downloads."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from pipeline.downloads import csv_bytes, xlsx_bytes

FRAME = pd.DataFrame({"指标": ["5G基站", "=HYPERLINK(\"http://x\")"], "gap": [-0.3, 54000]})


def test_csv_is_utf8_with_bom_and_defused() -> None:
    data = csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines() == [
        "指标,gap", "5G基站,-0.3", "\"'=HYPERLINK(\"\"http://x\"\")\",54000.0"]


def test_xlsx_opens_and_keeps_text_as_text() -> None:
    sheet = load_workbook(io.BytesIO(xlsx_bytes(FRAME, "2025"))).active
    assert sheet.title == "2025"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("指标", "gap")
    assert rows[1] == ("5G基站", -0.3)
    assert rows[2][0] == "'=HYPERLINK(\"http://x\")"
