"""Excel formulas in templates: moving their references when rows repeat, and computing them.

openpyxl stores formulas as text and keeps no results for a workbook it has changed, so the
PDF renderer computes the formulas a print template needs (sums, products, rounding, simple
logic). A formula using anything else is reported when the template is loaded, not at print
time.
"""
from __future__ import annotations

import math
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, InvalidOperation
from typing import Any, Callable

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils.cell import column_index_from_string, get_column_letter

__all__ = ["FormulaError", "translate_formula", "FormulaEvaluator", "unsupported_functions",
           "SUPPORTED_FUNCTIONS", "parse_ref", "ExcelError"]


class FormulaError(ValueError):
    pass


class ExcelError(str):
    """An Excel error value such as #REF! or #DIV/0! (prints as itself)."""


REF_ERR = ExcelError("#REF!")
DIV0 = ExcelError("#DIV/0!")
VALUE_ERR = ExcelError("#VALUE!")
NAME_ERR = ExcelError("#NAME?")

_PART = r"\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+"
_REF_RE = re.compile(
    rf"^(?:(?P<sheet>'(?:[^']|'')+'|[^!:'\s]+)!)?(?P<a>{_PART})(?::(?P<b>{_PART}))?$")
_PART_RE = re.compile(r"^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$")


def _split_part(part: str) -> tuple[str, str, str, str]:
    m = _PART_RE.match(part)
    if not m:
        raise FormulaError(f"bad reference {part!r}")
    return m.groups()  # col_abs, col, row_abs, row


def parse_ref(text: str):
    """(sheet or None, (col1,row1), (col2,row2)) with None for whole-row/column parts; or None."""
    m = _REF_RE.match(text)
    if not m:
        return None
    sheet = m.group("sheet")
    if sheet and sheet.startswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    a = _split_part(m.group("a"))
    b = _split_part(m.group("b")) if m.group("b") else None
    if b is None and (not a[1] or not a[3]):
        return None  # a bare name such as TRUE or a defined name
    return sheet, a, b


def _join_part(col_abs, col, row_abs, row) -> str:
    return f"{col_abs}{col}{row_abs}{row}"


# mapper(sheet_title_or_None, first_row, last_row, single) -> (first, last) | None (gone)
RowMapper = Callable[[str | None, int, int, bool], tuple[int, int] | None]


_PIECES: dict[str, tuple] = {}


def _pieces(formula: str) -> tuple:
    """The formula as (text, parsed reference or None) pieces; tokenized once per text."""
    cached = _PIECES.get(formula)
    if cached is not None:
        return cached
    out = []
    for t in Tokenizer(formula).items:
        ref = parse_ref(t.value) if t.type == Token.OPERAND and t.subtype == Token.RANGE \
            else None
        prefix = t.value[:t.value.index("!") + 1] if ref is not None and "!" in t.value else ""
        out.append((t.value, ref, prefix))
    cached = tuple(out)
    if len(_PIECES) > 20_000:
        _PIECES.clear()
    _PIECES[formula] = cached
    return cached


def translate_formula(formula: str, mapper: RowMapper) -> str:
    """Rewrite the row numbers of every reference through ``mapper``.

    A range whose rows cover the repeated block grows to all generated rows; a reference to
    a row that no longer exists becomes #REF!, a range with no rows left becomes 0.
    """
    pieces = []
    changed = False
    for value, ref, prefix in _pieces(formula):
        if ref is None:
            pieces.append(value)
            continue
        sheet, a, b = ref
        if b is None:
            mapped = mapper(sheet, int(a[3]), int(a[3]), True)
            new = REF_ERR if mapped is None else prefix + _join_part(a[0], a[1], a[2], mapped[0])
        elif not a[3] or not b[3]:
            new = value  # whole columns: nothing to move
        else:
            r1, r2 = sorted((int(a[3]), int(b[3])))
            mapped = mapper(sheet, r1, r2, False)
            if mapped is None:
                new = "0"
            else:
                new = (prefix + _join_part(a[0], a[1], a[2], mapped[0]) + ":"
                       + _join_part(b[0], b[1], b[2], mapped[1]))
        changed = changed or new != value
        pieces.append(new)
    if not changed:
        return formula
    return "=" + "".join(pieces)


SUPPORTED_FUNCTIONS = {
    "SUM", "SUMPRODUCT", "PRODUCT", "ROUND", "ROUNDUP", "ROUNDDOWN", "INT", "ABS", "MAX", "MIN",
    "AVERAGE", "COUNT", "COUNTA", "IF", "IFERROR", "AND", "OR", "NOT", "CONCATENATE", "CONCAT",
    "TEXT", "LEN", "UPPER", "LOWER", "TRIM", "TODAY", "SUMIF", "COUNTIF",
}


def unsupported_functions(formula: str) -> list[str]:
    try:
        tok = Tokenizer(formula)
    except Exception as exc:  # openpyxl raises TokenizerError for unbalanced input
        raise FormulaError(f"formula {formula!r} does not parse: {exc}") from None
    names = []
    for t in tok.items:
        if t.type == Token.FUNC and t.subtype == Token.OPEN:
            name = t.value[:-1].upper()
            if name.startswith("_XLFN."):
                name = name[6:]
            if name not in SUPPORTED_FUNCTIONS:
                names.append(name)
    return names


# ---------------------------------------------------------------- evaluation
#
# Formulas are compiled once into small tuples with row numbers kept relative to the cell
# that holds them, so the 200 "=ROUND(F9*G9,2)", "=ROUND(F10*G10,2)", … of a filled
# delivery note share one compiled form.

_ROW_REF = re.compile(r"\"[^\"]*\"|'[^']*'|"
                      r"(?<![A-Za-z_\d.$])(\$?[A-Za-z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_!])")


def _relative_key(formula: str, host_row: int) -> str:
    """The formula with relative row numbers written as offsets (quoted text untouched)."""
    def sub(m):
        if m.group(1) is None or m.group(2):
            return m.group(0)
        return f"{m.group(1)}R[{int(m.group(3)) - host_row}]"
    return _ROW_REF.sub(sub, formula)


_PRECEDENCE = {"=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3,
               "*": 4, "/": 4, "^": 5}


class _Compiler:
    def __init__(self, formula: str, host_row: int):
        self.tokens = [t for t in Tokenizer(formula).items if t.type != Token.WSPACE]
        self.i = 0
        self.host_row = host_row

    def compile(self):
        node = self.expr(1)
        if self.i != len(self.tokens):
            raise FormulaError("unexpected text after the formula")
        return node

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def expr(self, min_prec: int):
        left = self.unary()
        while True:
            t = self.peek()
            if t is None or t.type != Token.OP_IN or t.value not in _PRECEDENCE:
                return left
            prec = _PRECEDENCE[t.value]
            if prec < min_prec:
                return left
            self.i += 1
            left = ("bin", t.value, left, self.expr(prec + 1))

    def unary(self):
        t = self.peek()
        if t is not None and t.type == Token.OP_PRE:
            self.i += 1
            operand = self.unary()
            return ("neg", operand) if t.value == "-" else ("pos", operand)
        node = self.primary()
        t = self.peek()
        while t is not None and t.type == Token.OP_POST and t.value == "%":
            self.i += 1
            node = ("pct", node)
            t = self.peek()
        return node

    def _row(self, part) -> tuple[int | None, bool]:
        if not part[3]:
            return None, True
        row = int(part[3])
        return (row, True) if part[2] else (row - self.host_row, False)

    def primary(self):
        t = self.peek()
        if t is None:
            raise FormulaError("unexpected end of formula")
        self.i += 1
        if t.type == Token.OPERAND:
            if t.subtype == Token.NUMBER:
                return ("lit", Decimal(t.value))
            if t.subtype == Token.TEXT:
                return ("lit", t.value[1:-1].replace('""', '"'))
            if t.subtype == Token.LOGICAL:
                return ("lit", t.value.upper() == "TRUE")
            if t.subtype == Token.ERROR:
                return ("lit", ExcelError(t.value))
            ref = parse_ref(t.value)
            if ref is None:
                return ("lit", NAME_ERR)
            sheet, a, b = ref
            b = b or a
            c1 = column_index_from_string(a[1]) if a[1] else None
            c2 = column_index_from_string(b[1]) if b[1] else None
            r1, abs1 = self._row(a)
            r2, abs2 = self._row(b)
            return ("ref", sheet, c1, r1, abs1, c2, r2, abs2)
        if t.type == Token.PAREN and t.subtype == Token.OPEN:
            node = self.expr(1)
            self.close()
            return node
        if t.type == Token.FUNC and t.subtype == Token.OPEN:
            name = t.value[:-1].upper()
            if name.startswith("_XLFN."):
                name = name[6:]
            args = []
            nxt = self.peek()
            if not (nxt is not None and nxt.type == Token.FUNC and nxt.subtype == Token.CLOSE):
                while True:
                    nxt = self.peek()
                    if nxt is not None and nxt.type == Token.SEP:
                        args.append(("lit", None))
                    else:
                        args.append(self.expr(1))
                    nxt = self.peek()
                    if nxt is not None and nxt.type == Token.SEP and nxt.subtype == Token.ARG:
                        self.i += 1
                        continue
                    break
            self.close()
            return ("call", name, tuple(args))
        raise FormulaError(f"unexpected {t.value!r}")

    def close(self):
        t = self.peek()
        if t is None or t.subtype != Token.CLOSE:
            raise FormulaError("missing )")
        self.i += 1


_COMPILED: dict[str, Any] = {}


def _compile(formula: str, host_row: int):
    key = _relative_key(formula, host_row)
    node = _COMPILED.get(key)
    if node is None:
        try:
            node = _Compiler(formula, host_row).compile()
        except Exception:  # anything unreadable prints as #VALUE!
            node = ("lit", VALUE_ERR)
        if len(_COMPILED) > 20_000:
            _COMPILED.clear()
        _COMPILED[key] = node
    return node


class _Range:
    __slots__ = ("sheet", "c1", "r1", "c2", "r2")

    def __init__(self, sheet, c1, r1, c2, r2):
        self.sheet, self.c1, self.r1, self.c2, self.r2 = sheet, c1, r1, c2, r2


def _num(v: Any) -> Decimal:
    if isinstance(v, ExcelError):
        raise _ErrorValue(v)
    if v is None or v == "":
        return Decimal(0)
    if isinstance(v, bool):
        return Decimal(int(v))
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return Decimal(v)
    if isinstance(v, float):
        return Decimal(repr(v))
    if hasattr(v, "toordinal"):  # dates count as serial numbers
        from openpyxl.utils.datetime import to_excel
        return Decimal(repr(to_excel(v)))
    try:
        return Decimal(str(v).replace(",", ""))
    except InvalidOperation:
        raise _ErrorValue(VALUE_ERR) from None


class _ErrorValue(Exception):
    def __init__(self, value: ExcelError):
        self.value = value


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, Decimal):
        return format(v.normalize(), "f") if v == v.to_integral() else format(v, "f")
    return str(v)


class FormulaEvaluator:
    """Computes the formulas of one workbook (results cached per cell, cycles → #REF!)."""

    def __init__(self, workbook):
        self.wb = workbook
        self.cache: dict[tuple[str, int, int], Any] = {}
        self.busy: set[tuple[str, int, int]] = set()

    def value(self, sheet: str, row: int, col: int) -> Any:
        key = (sheet, row, col)
        if key in self.cache:
            return self.cache[key]
        try:
            ws = self.wb[sheet]
        except KeyError:
            return REF_ERR
        cell = ws._cells.get((row, col))
        raw = None if cell is None else cell.value
        if cell is not None and cell.data_type == "f":
            text = raw if isinstance(raw, str) else getattr(raw, "text", None)
            if not text or len(text) < 2:
                result = None
            elif key in self.busy:
                return REF_ERR  # circular reference
            else:
                self.busy.add(key)
                try:
                    result = self.evaluate(text, sheet, row)
                finally:
                    self.busy.discard(key)
        else:
            result = raw
        self.cache[key] = result
        return result

    def evaluate(self, formula: str, sheet: str, row: int = 1) -> Any:
        node = _compile(formula, row)
        try:
            result = self._eval(node, sheet, row)
            if isinstance(result, _Range):
                result = self._scalar(result)
            return result
        except _ErrorValue as err:
            return err.value
        except (FormulaError, InvalidOperation, ValueError, IndexError, TypeError,
                OverflowError, ArithmeticError):
            return VALUE_ERR

    def _eval(self, node, sheet: str, row: int) -> Any:
        kind = node[0]
        if kind == "lit":
            return node[1]
        if kind == "ref":
            _k, ref_sheet, c1, r1, abs1, c2, r2, abs2 = node
            target = ref_sheet or sheet
            if r1 is not None and not abs1:
                r1 += row
            if r2 is not None and not abs2:
                r2 += row
            if c1 is None or c2 is None or r1 is None or r2 is None:
                try:
                    ws = self.wb[target]
                except KeyError:
                    return REF_ERR
                c1 = c1 or 1
                c2 = c2 or ws.max_column
                r1 = r1 or 1
                r2 = r2 or ws.max_row
            if r1 < 1 or r2 < 1:
                return REF_ERR
            return _Range(target, min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2))
        try:
            if kind == "bin":
                a = self._scalar(self._eval(node[2], sheet, row))
                b = self._scalar(self._eval(node[3], sheet, row))
                return self._binary(node[1], a, b)
            if kind == "neg":
                return -_num(self._scalar(self._eval(node[1], sheet, row)))
            if kind == "pos":
                return _num(self._scalar(self._eval(node[1], sheet, row)))
            if kind == "pct":
                return _num(self._scalar(self._eval(node[1], sheet, row))) / 100
            if kind == "call":
                args = [self._eval(a, sheet, row) for a in node[2]]
                return self._call(node[1], args)
        except _ErrorValue as err:
            return err.value
        return VALUE_ERR

    # values -------------------------------------------------------------
    def _cells(self, rng: _Range) -> list[Any]:
        return [self.value(rng.sheet, r, c) for r in range(rng.r1, rng.r2 + 1)
                for c in range(rng.c1, rng.c2 + 1)]

    def _scalar(self, v: Any) -> Any:
        if isinstance(v, _Range):
            if v.r1 == v.r2 and v.c1 == v.c2:
                return self.value(v.sheet, v.r1, v.c1)
            raise _ErrorValue(VALUE_ERR)
        return v

    def _flat(self, args: list[Any]) -> list[Any]:
        out: list[Any] = []
        for a in args:
            if isinstance(a, _Range):
                out.extend(self._cells(a))
            else:
                out.append(a)
        return out

    @staticmethod
    def _numbers(values: list[Any]) -> list[Decimal]:
        nums = []
        for v in values:
            if isinstance(v, ExcelError):
                raise _ErrorValue(v)
            if isinstance(v, bool) or v is None or isinstance(v, str):
                continue  # Excel's SUM skips text and logicals inside ranges
            nums.append(_num(v))
        return nums

    def _binary(self, op: str, a: Any, b: Any) -> Any:
        for v in (a, b):
            if isinstance(v, ExcelError):
                raise _ErrorValue(v)
        if op == "&":
            return _text(a) + _text(b)
        if op in ("=", "<>", "<", ">", "<=", ">="):
            if isinstance(a, str) or isinstance(b, str):
                x, y = _text(a).lower(), _text(b).lower()
            else:
                x, y = _num(a), _num(b)
            return {"=": x == y, "<>": x != y, "<": x < y, ">": x > y, "<=": x <= y,
                    ">=": x >= y}[op]
        x, y = _num(a), _num(b)
        if op == "+":
            return x + y
        if op == "-":
            return x - y
        if op == "*":
            return x * y
        if op == "/":
            if y == 0:
                raise _ErrorValue(DIV0)
            return x / y
        return Decimal(repr(math.pow(float(x), float(y))))

    def _call(self, name: str, args: list[Any]) -> Any:
        flat = self._flat
        if name == "SUM":
            return sum(self._numbers(flat(args)), Decimal(0))
        if name == "PRODUCT":
            result = Decimal(1)
            for n in self._numbers(flat(args)):
                result *= n
            return result
        if name == "SUMPRODUCT":
            arrays = [self._cells(a) if isinstance(a, _Range) else [a] for a in args]
            if len({len(x) for x in arrays}) != 1:
                raise _ErrorValue(VALUE_ERR)
            total = Decimal(0)
            for items in zip(*arrays):
                prod = Decimal(1)
                for v in items:
                    prod *= _num(v) if isinstance(v, (int, float, Decimal)) and \
                        not isinstance(v, bool) else Decimal(0)
                total += prod
            return total
        if name in ("ROUND", "ROUNDUP", "ROUNDDOWN"):
            value = _num(self._scalar(args[0]))
            digits = int(_num(self._scalar(args[1]))) if len(args) > 1 else 0
            mode = {"ROUND": ROUND_HALF_UP, "ROUNDUP": ROUND_UP, "ROUNDDOWN": ROUND_DOWN}[name]
            if digits >= 0:
                return value.quantize(Decimal(1).scaleb(-digits), rounding=mode)
            return value.scaleb(digits).quantize(Decimal(1), rounding=mode).scaleb(-digits)
        if name == "INT":
            return _num(self._scalar(args[0])).to_integral_value(rounding="ROUND_FLOOR")
        if name == "ABS":
            return abs(_num(self._scalar(args[0])))
        if name in ("MAX", "MIN"):
            nums = self._numbers(flat(args))
            return (max(nums) if name == "MAX" else min(nums)) if nums else Decimal(0)
        if name == "AVERAGE":
            nums = self._numbers(flat(args))
            if not nums:
                raise _ErrorValue(DIV0)
            return sum(nums, Decimal(0)) / len(nums)
        if name == "COUNT":
            return Decimal(len(self._numbers(flat(args))))
        if name == "COUNTA":
            return Decimal(sum(1 for v in flat(args) if v is not None and v != ""))
        if name == "IF":
            cond = self._scalar(args[0])
            chosen = args[1] if _truth(cond) else (args[2] if len(args) > 2 else False)
            return self._scalar(chosen)
        if name == "IFERROR":
            try:
                v = self._scalar(args[0])
            except _ErrorValue:
                return self._scalar(args[1])
            return self._scalar(args[1]) if isinstance(v, ExcelError) else v
        if name == "AND":
            return all(_truth(v) for v in flat(args))
        if name == "OR":
            return any(_truth(v) for v in flat(args))
        if name == "NOT":
            return not _truth(self._scalar(args[0]))
        if name in ("CONCATENATE", "CONCAT"):
            return "".join(_text(v) for v in flat(args))
        if name == "TEXT":
            from printing.numfmt import format_value
            return format_value(self._scalar(args[0]), _text(self._scalar(args[1])))
        if name == "LEN":
            return Decimal(len(_text(self._scalar(args[0]))))
        if name == "UPPER":
            return _text(self._scalar(args[0])).upper()
        if name == "LOWER":
            return _text(self._scalar(args[0])).lower()
        if name == "TRIM":
            return " ".join(_text(self._scalar(args[0])).split())
        if name == "TODAY":
            import datetime
            return datetime.date.today()
        if name in ("SUMIF", "COUNTIF"):
            crit_range = args[0]
            values = self._cells(crit_range) if isinstance(crit_range, _Range) else [crit_range]
            test = _criterion(self._scalar(args[1]))
            if name == "COUNTIF":
                return Decimal(sum(1 for v in values if test(v)))
            sums = args[2] if len(args) > 2 else crit_range
            targets = self._cells(sums) if isinstance(sums, _Range) else [sums]
            return sum((_num(t) for v, t in zip(values, targets)
                        if test(v) and isinstance(t, (int, float, Decimal))), Decimal(0))
        return NAME_ERR


def _truth(v: Any) -> bool:
    if isinstance(v, ExcelError):
        raise _ErrorValue(v)
    if isinstance(v, str):
        if v.upper() in ("TRUE", "FALSE"):
            return v.upper() == "TRUE"
        raise _ErrorValue(VALUE_ERR)
    return bool(v)


def _criterion(crit: Any) -> Callable[[Any], bool]:
    if isinstance(crit, str):
        m = re.match(r"^(<=|>=|<>|<|>|=)?(.*)$", crit)
        op, operand = m.group(1) or "=", m.group(2)
        try:
            target: Any = Decimal(operand)
        except InvalidOperation:
            target = operand.lower()
    else:
        op, target = "=", _num(crit)

    def test(v: Any) -> bool:
        if isinstance(target, Decimal):
            if not isinstance(v, (int, float, Decimal)) or isinstance(v, bool):
                return op == "<>"
            x = _num(v)
        else:
            x = _text(v).lower()
        return {"=": x == target, "<>": x != target, "<": x < target, ">": x > target,
                "<=": x <= target, ">=": x >= target}[op]
    return test


def column_letter(index: int) -> str:
    return get_column_letter(index)
