"""Filters usable in placeholders (``{{ value | money }}``) and the 大写金额 conversion.

A filter receives the value and its literal arguments. Formatting filters that have an Excel
equivalent (``money``, ``number``) return :class:`Formatted`: a cell holding only that
expression stays a number with the matching number format; inside text it becomes the
formatted string. ``barcode``/``qrcode`` return :class:`CodeImage`, which the filler turns
into a picture over the cell.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Callable

__all__ = ["Formatted", "CodeImage", "FILTERS", "FilterSpec", "FilterError", "apply_filter",
           "cn_amount", "to_decimal", "to_text"]


class FilterError(ValueError):
    """A filter could not handle its value (message names the filter and the value)."""


@dataclass(frozen=True)
class Formatted:
    """A number that carries its Excel number format and its printed text."""
    value: Any
    number_format: str
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class CodeImage:
    """A barcode (code128) or QR code of ``data``, drawn over the cell that holds it."""
    kind: str  # 'barcode' | 'qrcode'
    data: str

    def __str__(self) -> str:
        return self.data


def to_decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Formatted):
        value = value.value
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        raise FilterError(f"not a number: {value!r}") from None


def to_text(value: Any) -> str:
    """How a value reads inside a text cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else \
            value.strftime("%Y-%m-%d")
    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


def _money(value: Any) -> Any:
    d = to_decimal(value)
    if d is None:
        return None
    d = d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Formatted(d, "#,##0.00", f"{d:,.2f}")


def _number(value: Any, digits: int = 2) -> Any:
    d = to_decimal(value)
    if d is None:
        return None
    q = Decimal(1).scaleb(-digits)
    d = d.quantize(q, rounding=ROUND_HALF_UP)
    fmt = "0" + ("." + "0" * digits if digits else "")
    return Formatted(d, fmt, f"{d:.{digits}f}")


def _date(value: Any, fmt: str = "%Y-%m-%d") -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise FilterError(f"not a date: {value!r}") from None
    if not isinstance(value, (_dt.date, _dt.datetime)):
        raise FilterError(f"not a date: {value!r}")
    return value.strftime(fmt)


def _upper(value: Any) -> Any:
    return None if value is None else to_text(value).upper()


def _lower(value: Any) -> Any:
    return None if value is None else to_text(value).lower()


def _default(value: Any, fallback: Any = "") -> Any:
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return fallback
    return value


def _barcode(value: Any) -> Any:
    text = to_text(value)
    if not text:
        return None
    if any(ord(ch) > 126 or ord(ch) < 32 for ch in text):
        raise FilterError(f"code128 holds printable ASCII only, not {text!r}")
    return CodeImage("barcode", text)


def _qrcode(value: Any) -> Any:
    text = to_text(value)
    return CodeImage("qrcode", text) if text else None


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿", "万亿")


def cn_amount(value: Any) -> str:
    """An amount in capital Chinese numerals, as written on cheques and invoices.

    Rounded half-up to the fen. Zeros between non-zero digits are written as one 零
    (also across 万/亿 groups and between 元 and 角/分); an amount without 分 ends in 整;
    the leading 1 of 拾 is written (壹拾); negatives get 负; 0 is 零元整. Supports
    amounts below 1 0000 0000 0000 0000 (万亿).
    """
    d = to_decimal(value)
    if d is None:
        return ""
    d = d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    negative = d < 0
    d = abs(d)
    fen_total = int(d * 100)
    yuan, cents = divmod(fen_total, 100)
    jiao, fen = divmod(cents, 10)
    if yuan >= 10 ** 16:
        raise FilterError(f"amount too large for 大写金额: {value}")
    if fen_total == 0:
        return "零元整"

    out: list[str] = []
    zero_pending = False
    digits = str(yuan) if yuan else ""
    n = len(digits)
    for i, ch in enumerate(digits):
        pos = n - 1 - i  # power of ten
        digit = int(ch)
        group, small = divmod(pos, 4)
        if digit == 0:
            zero_pending = True
        else:
            if zero_pending:
                out.append("零")
                zero_pending = False
            out.append(_DIGITS[digit] + _SMALL_UNITS[small])
        if small == 0 and group > 0:
            group_digits = digits[max(0, i - 3):i + 1]
            if int(group_digits):
                out.append(_GROUP_UNITS[group])
    if yuan:
        out.append("元")
    for digit, unit in ((jiao, "角"), (fen, "分")):
        if digit == 0:
            if out:
                zero_pending = True
        else:
            if zero_pending:
                out.append("零")
                zero_pending = False
            out.append(_DIGITS[digit] + unit)
    if fen == 0:
        out.append("整")
    return ("负" if negative else "") + "".join(out)


def _cn_amount(value: Any) -> Any:
    return None if value is None or value == "" else cn_amount(value)


@dataclass(frozen=True)
class FilterSpec:
    func: Callable[..., Any]
    min_args: int
    max_args: int
    arg_types: tuple[type | tuple[type, ...], ...] = ()
    usage: str = ""
    alone: bool = False  # must be the whole cell (pictures)


FILTERS: dict[str, FilterSpec] = {
    "money": FilterSpec(_money, 0, 0, usage="money"),
    "number": FilterSpec(_number, 0, 1, (int,), usage="number(2)"),
    "date": FilterSpec(_date, 0, 1, (str,), usage="date('%Y-%m-%d')"),
    "upper": FilterSpec(_upper, 0, 0, usage="upper"),
    "lower": FilterSpec(_lower, 0, 0, usage="lower"),
    "cn_amount": FilterSpec(_cn_amount, 0, 0, usage="cn_amount"),
    "default": FilterSpec(_default, 1, 1, ((str, int, Decimal),), usage="default('—')"),
    "barcode": FilterSpec(_barcode, 0, 0, usage="barcode", alone=True),
    "qrcode": FilterSpec(_qrcode, 0, 0, usage="qrcode", alone=True),
}


def check_filter_call(name: str, args: tuple) -> str | None:
    """Why this filter call is wrong, or None. Unknown names are reported by the caller."""
    spec = FILTERS[name]
    if not spec.min_args <= len(args) <= spec.max_args:
        if spec.max_args == 0:
            return f"filter '{name}' takes no arguments"
        return f"filter '{name}' takes {spec.min_args}–{spec.max_args} argument(s), " \
               f"e.g. {spec.usage}"
    for arg, kind in zip(args, spec.arg_types):
        if not isinstance(arg, kind) or isinstance(arg, bool):
            return f"filter '{name}' got {arg!r}; write it like {spec.usage}"
    if name == "number" and args and not 0 <= args[0] <= 10:
        return "filter 'number' takes 0–10 decimal places"
    return None


def apply_filter(name: str, value: Any, args: tuple) -> Any:
    spec = FILTERS[name]
    if isinstance(value, Formatted) and name not in ("default",):
        value = value.value
    try:
        return spec.func(value, *args)
    except FilterError as exc:
        raise FilterError(f"filter '{name}': {exc}") from None
