"""Excel number formats as printed, and the formulas the renderer computes."""
import datetime as dt
from decimal import Decimal

import openpyxl
import pytest

from printing.formula import FormulaEvaluator, translate_formula, unsupported_functions
from printing.numfmt import format_value


@pytest.mark.parametrize("value, fmt, text", [
    (Decimal("1234.5"), "#,##0.00", "1,234.50"),
    (Decimal("-1234.5"), "#,##0.00", "-1,234.50"),
    (Decimal("-1234.5"), "#,##0.00_);(#,##0.00)", "(1,234.50)"),
    (Decimal("1234.5"), "[$¥-804]#,##0.00", "¥1,234.50"),
    (Decimal("1234.5"), '"¥"#,##0.00', "¥1,234.50"),
    (0.125, "0.0%", "12.5%"),
    (Decimal("0.5"), "0%", "50%"),
    (12345678, "#,##0", "12,345,678"),
    (1234567.891, "0.00E+00", "1.23E+06"),
    (Decimal("1.005"), "0.00", "1.01"),
    (0, '#,##0.00;-#,##0.00;"-"', "-"),
    (Decimal("1234"), "General", "1234"),
    (1 / 3, "General", "0.3333333333"),
    (Decimal("5"), '0" 件"', "5 件"),
    (1500000, "#,##0.0,,\"M\"", "1.5M"),
    ("abc", "@", "abc"),
    (dt.date(2026, 3, 5), "yyyy-mm-dd", "2026-03-05"),
    (dt.date(2026, 3, 5), 'yyyy"年"m"月"d"日"', "2026年3月5日"),
    (dt.datetime(2026, 3, 5, 14, 7), "yyyy/m/d h:mm", "2026/3/5 14:07"),
    (dt.datetime(2026, 3, 5, 14, 7, 9), "h:mm:ss AM/PM", "2:07:09 PM"),
    (dt.date(2026, 3, 5), "mmm d, yyyy", "Mar 5, 2026"),
    (Decimal("44927"), "yyyy-mm-dd", "2023-01-01"),
    (dt.date(2026, 3, 5), "General", "2026-03-05"),
])
def test_number_formats(value, fmt, text):
    assert format_value(value, fmt) == text


def wb_with(cells):
    wb = openpyxl.Workbook()
    ws = wb.active
    for coord, value in cells.items():
        ws[coord] = value
    return wb


@pytest.mark.parametrize("formula, expected", [
    ("=SUM(A1:A3)", Decimal("6.5")),
    ("=A1+A2*A3", Decimal("8")),
    ("=(A1+A2)*A3", Decimal("10.5")),
    ("=-A1^2", Decimal("1")),
    ("=ROUND(A3/3,2)", Decimal("1.17")),
    ("=ROUNDDOWN(A3*10/3,0)", Decimal("11")),
    ("=SUMPRODUCT(A1:A3,B1:B3)", Decimal("1") * 2 + 2 * 3 + Decimal("3.5") * 4),
    ("=IF(A1>0,\"yes\",1/0)", "yes"),
    ("=IFERROR(1/0,\"none\")", "none"),
    ("=1/0", "#DIV/0!"),
    ("=A1&\"-\"&C1", "1-text"),
    ("=MAX(A1:B3)-MIN(A1:B3)", Decimal("3")),
    ("=AVERAGE(A1:A3)", Decimal("6.5") / 3),
    ("=COUNT(A1:C3)", Decimal(6)),
    ("=COUNTA(C1:C3)", Decimal(1)),
    ("=SUMIF(B1:B3,\">2\",A1:A3)", Decimal("5.5")),
    ("=TEXT(A3,\"0.00\")", "3.50"),
    ("=50%*A2", Decimal("1")),
    ("=D1", "#REF!"),
    ("=Other!A1*2", Decimal(20)),
])
def test_formulas(formula, expected):
    wb = wb_with({"A1": 1, "A2": 2, "A3": Decimal("3.5"), "B1": 2, "B2": 3, "B3": 4,
                  "C1": "text", "E1": formula, "D1": "=E1"})
    wb.create_sheet("Other")["A1"] = 10
    # (for "=D1": D1 refers to E1, which refers back to D1 — a cycle)
    assert FormulaEvaluator(wb).value("Sheet", 1, 5) == expected


def test_translate_moves_rows_through_the_mapper():
    def mapper(sheet, first, last, single):
        if last < 5:
            return first, last
        if first == last == 6:
            return None
        return first + 10, last + 20

    assert translate_formula("=SUM(A1:A4)+B9", mapper) == "=SUM(A1:A4)+B19"
    assert translate_formula("=SUM($F$5:$F$7)", mapper) == "=SUM($F$15:$F$27)"
    assert translate_formula("=A6*2", mapper) == "=#REF!*2"
    assert translate_formula("=SUM(A6:A6)", mapper) == "=SUM(0)"
    assert translate_formula("=SUM(A:A)", mapper) == "=SUM(A:A)"
    assert translate_formula('="A5"&Other!C9', mapper) == '="A5"&Other!C19'


def test_unsupported_functions_are_named():
    assert unsupported_functions("=SUM(A1)+VLOOKUP(1,A:B,2)+_xlfn.XLOOKUP(1,A:A,B:B)") == \
        ["VLOOKUP", "XLOOKUP"]
    assert unsupported_functions("=ROUND(SUM(A1:A9),2)") == []
