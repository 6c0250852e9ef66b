"""Read a spreadsheet file (.xlsx or .csv) row by row, the way a clerk's files really are.

- .xlsx is read with openpyxl in read-only mode with ``data_only=True``, so a formula gives
  the value Excel saved with it. A formula saved without a value (a file written by a
  program, never opened in Excel) comes back as :class:`FormulaWithoutValue` so the caller
  can say so instead of importing an empty cell.
- Merged cell ranges are read from the sheet XML (read-only mode does not expose them).
- .csv encodings are detected: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
  "Unicode text") and GBK/GB18030 (what Chinese Excel writes by default). The delimiter is
  sniffed among comma, semicolon, tab and bar.

Nothing here knows about customers; services.customer_import builds on it.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from openpyxl.utils import get_column_letter, range_boundaries

from services.errors import ValidationError

XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")


@dataclass(frozen=True)
class FormulaWithoutValue:
    """A formula cell whose file holds no calculated result."""

    formula: str

    def __str__(self) -> str:
        return self.formula


@dataclass(frozen=True)
class MergedRange:
    min_row: int
    min_col: int
    max_row: int
    max_col: int

    @property
    def ref(self) -> str:
        return (f"{get_column_letter(self.min_col)}{self.min_row}:"
                f"{get_column_letter(self.max_col)}{self.max_row}")

    def contains(self, row: int, col: int) -> bool:
        return self.min_row <= row <= self.max_row and self.min_col <= col <= self.max_col


@dataclass
class Table:
    """An open sheet: call :meth:`rows` once (or again: it re-reads from the start)."""

    path: Path
    kind: str                              # 'xlsx' | 'csv'
    sheet_name: str | None = None
    other_sheets: tuple[str, ...] = ()
    encoding: str | None = None            # csv only
    delimiter: str | None = None           # csv only
    merged: tuple[MergedRange, ...] = ()
    has_formulas: bool = False
    _wb: object = None
    _wb_formulas: object = None
    _text: str | None = None

    def rows(self) -> Iterator[tuple[int, tuple]]:
        """Yield ``(row number as Excel shows it, values)``; values are str/int/float/
        datetime/bool/None or FormulaWithoutValue. Blank rows are yielded too (as all None)."""
        if self.kind == "csv":
            yield from self._csv_rows()
        else:
            yield from self._xlsx_rows()

    def _csv_rows(self) -> Iterator[tuple[int, tuple]]:
        reader = csv.reader(io.StringIO(self._text, newline=""), delimiter=self.delimiter)
        try:
            for n, row in enumerate(reader, start=1):
                yield n, tuple(v if v != "" else None for v in row)
        except csv.Error as exc:
            raise ValidationError("file", f"{self.path.name}: line {reader.line_num} "
                                          f"is not valid CSV ({exc}).") from None

    def _xlsx_rows(self) -> Iterator[tuple[int, tuple]]:
        ws = self._wb[self.sheet_name]
        values = ws.iter_rows(values_only=True)
        if not self.has_formulas:
            for n, row in enumerate(values, start=1):
                yield n, row
            return
        # Read the formulas alongside the cached values (the same rows, in step) to tell
        # "blank" from "formula with no saved result".
        formulas = self._wb_formulas[self.sheet_name].iter_rows(values_only=True)
        for n, row in enumerate(values, start=1):
            frow = next(formulas, ())
            if any(v is None and isinstance(f, str) and f.startswith("=")
                   for v, f in zip(row, frow)):
                row = tuple(FormulaWithoutValue(f) if v is None and isinstance(f, str)
                            and f.startswith("=") else v
                            for v, f in zip(row, frow)) + tuple(row[len(frow):])
            yield n, row


@contextmanager
def open_table(path: str | Path, *, sheet: str | None = None) -> Iterator[Table]:
    """Open an .xlsx or .csv file for reading; errors are ValidationError('file', ...)."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("file", f"File not found: {path}")
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        with _open_xlsx(path, sheet) as table:
            yield table
    elif suffix in CSV_SUFFIXES:
        yield _open_csv(path)
    elif suffix == ".xls":
        raise ValidationError("file", f"{path.name}: the old Excel 97-2003 format (.xls) "
                                      "cannot be read; open it in Excel and save as .xlsx.")
    else:
        raise ValidationError("file", f"{path.name}: unsupported file type {suffix or '(none)'}; "
                                      "use .xlsx or .csv.")


@contextmanager
def _open_xlsx(path: Path, sheet: str | None) -> Iterator[Table]:
    import zipfile

    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        hint = ""
        with open(path, "rb") as f:
            magic = f.read(8)
        if magic == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            # An OLE container with an .xlsx name: Excel saves password-protected files so.
            hint = " It looks password-protected: remove the password in Excel and save again."
        raise ValidationError("file", f"{path.name} is not a readable .xlsx file ({exc})."
                                      + hint) from None
    wb_f = None
    try:
        names = [ws.title for ws in wb.worksheets]
        if not names:
            raise ValidationError("file", f"{path.name} has no worksheet.")
        if sheet is None:
            visible = [ws.title for ws in wb.worksheets
                       if getattr(ws, "sheet_state", "visible") == "visible"]
            sheet = (visible or names)[0]
        elif sheet not in names:
            raise ValidationError("file", f"{path.name} has no sheet {sheet!r} "
                                          f"(sheets: {', '.join(names)}).")
        ws = wb[sheet]
        # The <dimension> tag is wrong in files from some generators; read what is there.
        ws.reset_dimensions()
        merged, has_formulas = _scan_sheet_xml(ws)
        if has_formulas:
            wb_f = load_workbook(path, read_only=True, data_only=False)
            wb_f[sheet].reset_dimensions()
        yield Table(path=path, kind="xlsx", sheet_name=sheet,
                    other_sheets=tuple(n for n in names if n != sheet), merged=merged,
                    has_formulas=has_formulas, _wb=wb, _wb_formulas=wb_f)
    finally:
        wb.close()
        if wb_f is not None:
            wb_f.close()


_MERGE_RE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Za-z]+\d+:[A-Za-z]+\d+)"')
_FORMULA_RE = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _scan_sheet_xml(ws) -> tuple[tuple[MergedRange, ...], bool]:
    """Merged ranges and whether any formula exists, from one streaming pass over the raw
    sheet XML (read-only worksheets expose neither)."""
    get_source = getattr(ws, "_get_source", None)
    if get_source is None:  # not a read-only sheet: openpyxl knows the merges itself
        return (tuple(MergedRange(r.min_row, r.min_col, r.max_row, r.max_col)
                      for r in ws.merged_cells.ranges), True)
    merged: list[MergedRange] = []
    has_formulas = False
    tail = b""
    with get_source() as src:
        while True:
            chunk = src.read(1 << 20)
            if not chunk:
                break
            buf = tail + chunk
            if not has_formulas and _FORMULA_RE.search(buf):
                has_formulas = True
            # A tag cut at the chunk end is completed by the next chunk: keep the tail
            # from the last '<' and scan it again.
            cut = buf.rfind(b"<")
            scan, tail = (buf[:cut], buf[cut:]) if cut >= 0 else (buf, b"")
            for m in _MERGE_RE.finditer(scan):
                c1, r1, c2, r2 = range_boundaries(m.group(1).decode().upper())
                merged.append(MergedRange(r1, c1, r2, c2))
        for m in _MERGE_RE.finditer(tail):
            c1, r1, c2, r2 = range_boundaries(m.group(1).decode().upper())
            merged.append(MergedRange(r1, c1, r2, c2))
    return tuple(merged), has_formulas


def _open_csv(path: Path) -> Table:
    raw = path.read_bytes()
    text, encoding = decode_text(raw, path.name)
    sample = text[:20000]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    return Table(path=path, kind="csv", encoding=encoding, delimiter=delimiter, _text=text)


def decode_text(raw: bytes, name: str = "file") -> tuple[str, str]:
    """Decode a text file: BOMs first, then strict UTF-8, then GB18030 (a superset of GBK,
    which Chinese Excel uses for "CSV (comma delimited)")."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "file", f"{name}: cannot tell the text encoding (not UTF-8 and not GBK; "
                    f"first bad byte at position {exc.start}). Save it from Excel as "
                    "\"CSV UTF-8\" or as .xlsx.") from None
