"""File downloads of what the dashboard shows: CSV and Excel."""

from __future__ import annotations

import io

import pandas as pd

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so spreadsheet programs read Chinese correctly."""
    safe = frame.map(_defuse) if not frame.empty else frame
    return safe.to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "goalpost") -> bytes:
    """An Excel workbook with one sheet; text stays text (no formulas are evaluated)."""
    safe = frame.map(_defuse) if not frame.empty else frame
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, sheet_name=sheet[:31], index=False)
    return buffer.getvalue()


def _defuse(value: object) -> object:
    """Text starting with = or @ would run as a formula in a spreadsheet: prefix a quote.

    (Figures like ``-4%`` are left alone: a spreadsheet reads them as numbers, harmlessly.)
    """
    if isinstance(value, str) and value[:1] in ("=", "@"):
        return "'" + value
    return value
