"""Small builders for print-template tests: real .xlsx bytes made with openpyxl."""
from __future__ import annotations

import io
import re

import pypdf
from openpyxl import Workbook


def xlsx_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def sheet(cells: dict[str, object], title: str = "Sheet1", merges: tuple[str, ...] = ()):
    """A workbook with one sheet holding ``cells`` (coordinate → value) and merges."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for coord, value in cells.items():
        ws[coord] = value
    for rng in merges:
        ws.merge_cells(rng)
    return wb, ws


def pdf_pages(data: bytes) -> list[str]:
    """Text of each page of a PDF, read back with pypdf."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages]


def pdf_reader(data: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data))


def numbers_in(text: str) -> list[str]:
    return re.findall(r"-?[\d,]+\.\d\d", text)
