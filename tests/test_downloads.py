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


def test_all_data_has_goals_and_records_with_numbers_as_numbers() -> None:
    from pipeline.downloads import all_data, scorecard_files
    goals = pd.DataFrame({"goal_id": ["g"], "target_value": [600000.0], "search_text": ["x"]})
    records = pd.DataFrame({"record_id": ["r"], "value": [654000.0]})
    book = load_workbook(io.BytesIO(all_data(goals, records)))
    assert book.sheetnames == ["goals", "records"]
    assert list(book["goals"].iter_rows(values_only=True)) == [("goal_id", "target_value"),
                                                               ("g", 600000)]
    files = scorecard_files(FRAME, 2025, goals, records)
    assert [(label, name) for label, name, _, _ in files] == [
        ("download_csv", "goalpost-2025.csv"), ("download_xlsx", "goalpost-2025.xlsx"),
        ("download_all", "goalpost-all-data.xlsx")]
    assert load_workbook(io.BytesIO(files[1][2]())).active.title == "2025"
