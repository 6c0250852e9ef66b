"""Builders for the spreadsheet files clerks really send: title rows, merged headers,
formulas with and without a saved result, dates where text belongs, GBK CSV, and big files.

Files are real .xlsx written by openpyxl. openpyxl never calculates formulas, so
``set_cached_values`` writes the result Excel would have saved next to a formula."""
from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile
from pathlib import Path
from typing import Iterable, Sequence

import openpyxl
from openpyxl.utils.cell import coordinate_from_string


def write_xlsx(path: Path, rows: Sequence[Sequence], *, merges: Iterable[str] = (),
               sheet_title: str = "客户", extra_sheets: Iterable[str] = (),
               text_columns: Iterable[str] = ()) -> Path:
    """rows[0] is Excel row 1. Strings starting with '=' become formulas."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet_title
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        # merge_cells blanks the covered cells, as Excel does.
        ws.merge_cells(ref)
    for col in text_columns:
        for cell in ws[col]:
            cell.number_format = "@"
    for name in extra_sheets:
        wb.create_sheet(name).append(["说明", "这张表不是客户"])
    wb.save(path)
    return path


def set_cached_values(path: Path, values: dict[str, object], *, sheet: int = 1) -> None:
    """Store ``values`` ({'B5': '021-62345678'}) as the saved results of the formula cells
    at those coordinates, as Excel does when it saves a workbook."""
    member = f"xl/worksheets/sheet{sheet}.xml"
    tmp = path.with_suffix(".tmp.xlsx")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == member:
                xml = data.decode("utf-8")
                for ref, value in values.items():
                    coordinate_from_string(ref)  # validates the reference
                    is_text = isinstance(value, str)
                    pattern = re.compile(rf'<c r="{ref}"([^>]*)>(<f>.*?</f>)<v\s*/>|'
                                         rf'<c r="{ref}"([^>]*)>(<f>.*?</f>)<v></v>')
                    m = pattern.search(xml)
                    if m is None:
                        raise AssertionError(f"no formula cell {ref} in {path.name}")
                    attrs = (m.group(1) if m.group(1) is not None else m.group(3)) or ""
                    formula = m.group(2) or m.group(4)
                    attrs = re.sub(r'\s+t="[^"]*"', "", attrs)
                    if is_text:
                        attrs += ' t="str"'
                    esc = (str(value).replace("&", "&amp;").replace("<", "&lt;")
                           .replace(">", "&gt;"))
                    xml = xml[:m.start()] + f'<c r="{ref}"{attrs}>{formula}<v>{esc}</v></c>' \
                        + xml[m.end():].removeprefix("</c>")
                data = xml.encode("utf-8")
            dst.writestr(item, data)
    shutil.move(tmp, path)


def write_csv(path: Path, rows: Sequence[Sequence], *, encoding: str = "utf-8",
              delimiter: str = ",") -> Path:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def read_rows(path: Path, sheet: str | None = None) -> list[list]:
    """Every row of a sheet as lists of values (for reading back reports and exports)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet] if sheet else wb.active
    return [list(r) for r in ws.iter_rows(values_only=True)]


def big_customer_file(path: Path, n: int, *, bad_every: int = 0, start: int = 1,
                      with_code: bool = False) -> Path:
    """``n`` distinct customers (write-only, so it is quick); every ``bad_every``-th row has
    a phone with too few digits."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    header = ["客户名称", "电话", "邮箱", "级别", "地区", "联系人"]
    if with_code:
        header.insert(0, "客户编码")
    ws.append(header)
    for i in range(start, start + n):
        phone = f"139{i:08d}"
        if bad_every and i % bad_every == 0:
            phone = "12345"
        row = [f"测试客户{i:05d}号贸易有限公司", phone, f"buyer{i}@example.com",
               "ABCD"[i % 4], ("华东", "华南", "华北", "西南")[i % 4], f"联系人{i}"]
        if with_code:
            row.insert(0, f"T-{i:06d}")
        ws.append(row)
    wb.save(path)
    return path
