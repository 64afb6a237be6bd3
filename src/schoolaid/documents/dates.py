"""Dates as official documents write them; kept apart from the workbook and PDF writers so that the
services that word a document's text load neither openpyxl nor reportlab."""

from __future__ import annotations

import datetime as dt


def chinese_date(day: dt.date) -> str:
    """2026年9月1日: official documents write dates without zero padding."""
    return f"{day.year}年{day.month}月{day.day}日"
