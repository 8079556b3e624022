"""File downloads of what the dashboard shows: CSV and Excel."""

from __future__ import annotations

import io
from collections.abc import Callable

import pandas as pd

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so spreadsheet programs read Chinese correctly."""
    safe = frame.map(_defuse) if not frame.empty else frame
    return safe.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "goalpost") -> bytes:
    """An Excel workbook with one sheet; text stays text (no formulas are evaluated)."""
    return workbook_bytes({sheet: frame})


def workbook_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An Excel workbook with a sheet per frame; numbers stay numbers, text stays text."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            safe = frame.map(_defuse) if not frame.empty else frame
            safe.to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def all_data(goals: pd.DataFrame, records: pd.DataFrame) -> bytes:
    """Everything behind the dashboard in one workbook: a sheet of goals (one row per goal,
    with its verdict, flags and evidence) and a sheet of records (every statement and result
    with its source)."""
    return workbook_bytes({"goals": goals.drop(columns=["search_text"], errors="ignore"),
                           "records": records})


def _defuse(value: object) -> object:
    """Text starting with = or @ would run as a formula in a spreadsheet: prefix a quote.

    (Figures like ``-4%`` are left alone: a spreadsheet reads them as numbers, harmlessly.)
    """
    if isinstance(value, str) and value[:1] in ("=", "@"):
        return "'" + value
    return value


def scorecard_files(sheet: pd.DataFrame, year: int, goals: pd.DataFrame,
                    records: pd.DataFrame) -> list[tuple[str, str, Callable[[], bytes], str]]:
    """The scorecard's downloads: (label key, file name, how to build it, MIME type)."""
    return [("download_csv", f"goalpost-{year}.csv", lambda: csv_bytes(sheet), "text/csv"),
            ("download_xlsx", f"goalpost-{year}.xlsx", lambda: xlsx_bytes(sheet, str(year)),
             XLSX_MIME),
            ("download_all", "goalpost-all-data.xlsx", lambda: all_data(goals, records),
             XLSX_MIME)]
