"""Excel number formats → printed text (the common part of the format language).

Covers what print templates use: General, fixed decimals, thousands separators, currency
prefixes and suffixes, percentages, scientific notation, text sections, up to four
``;``-separated sections, colours/conditions/locale tags (ignored), and date/time formats
(yyyy, m, mm, mmm, d, dd, ddd, h, hh, mm minutes, ss, AM/PM, 年月日 literals).
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

__all__ = ["format_value", "is_date_format", "general"]

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_CN_DAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]


def general(value: Any) -> str:
    """Excel's General format: integers as they are, up to 11 significant characters."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        d = Decimal(repr(value)) if isinstance(value, float) else value
        if not d.is_finite():
            return "#NUM!"
        if d == d.to_integral_value() and abs(d) < Decimal("1e11"):
            return str(int(d))
        if Decimal("1e-9") <= abs(d) < Decimal("1e11"):
            digits = 10 - max(0, d.adjusted())
            text = format(d.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP), "f")
            return text.rstrip("0").rstrip(".") if "." in text else text
        return f"{float(d):.5E}".replace("E+0", "E+").replace("E-0", "E-")
    if isinstance(value, _dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else \
            value.strftime("%Y-%m-%d")
    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M:%S")
    return str(value)


_DATE_CODES = re.compile(r"(?i)(yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am/pm|a/p|"
                         r"e|\.0+)")


@lru_cache(maxsize=1024)
def _strip_brackets(section: str) -> tuple[str, tuple[str, ...]]:
    # [$¥-804] is a currency symbol with a locale: keep the symbol as literal text
    section = re.sub(r"\[\$([^-\]]*)[^\]]*\]", lambda m: '"' + m.group(1) + '"', section)
    tags = tuple(re.findall(r"\[([^\]]*)\]", section))
    return re.sub(r"\[[^\]]*\]", "", section), tags


@lru_cache(maxsize=1024)
def _tokenize(section: str) -> tuple[tuple[str, str], ...]:
    """Split a format section into ('lit', text) and ('code', text) pieces."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = len(section) if j < 0 else j
            out.append(("lit", section[i + 1:j]))
            i = j + 1
        elif ch == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch == "_" and i + 1 < len(section):
            out.append(("lit", " "))
            i += 2
        elif ch == "*" and i + 1 < len(section):
            i += 2  # fill character: no room to repeat it in print
        else:
            out.append(("code", ch))
            i += 1
    return tuple(out)


@lru_cache(maxsize=512)
def is_date_format(fmt: str) -> bool:
    if not fmt or fmt.lower() == "general":
        return False
    section = fmt.split(";")[0]
    section, _ = _strip_brackets(section)
    codes = "".join(t for k, t in _tokenize(section) if k == "code")
    return bool(re.search(r"(?i)[ymdhs]", codes)) and not re.search(r"[0#?]", codes)


def _format_date(value: Any, section: str) -> str:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        from openpyxl.utils.datetime import from_excel
        value = from_excel(float(value))
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        value = _dt.datetime(value.year, value.month, value.day)
    if isinstance(value, _dt.time):
        value = _dt.datetime(1900, 1, 1, value.hour, value.minute, value.second)
    if not isinstance(value, _dt.datetime):
        return str(value)
    ampm = re.search(r"(?i)am/pm", section) is not None
    section = re.sub(r"(?i)am/pm", "\x01", section)
    tokens: list[tuple[str, str]] = []
    for k, t in _tokenize(section):
        if k == "code" and tokens and tokens[-1][0] == "code" and \
                tokens[-1][1][-1].lower() == t.lower() and t.lower() in "ymdhs":
            tokens[-1] = ("code", tokens[-1][1] + t)
        else:
            tokens.append((k, t))
    codes = [i for i, (k, t) in enumerate(tokens) if k == "code" and t[0].lower() in "ymdhs"]
    out: list[str] = []
    for i, (k, t) in enumerate(tokens):
        low = t.lower()
        if k == "lit":
            out.append(t)
        elif t == "\x01":
            out.append("AM" if value.hour < 12 else "PM")
        elif low[0] == "y":
            out.append(f"{value.year:04d}" if len(low) > 2 else f"{value.year % 100:02d}")
        elif low[0] == "m":
            pos = codes.index(i)
            before = tokens[codes[pos - 1]][1].lower() if pos > 0 else ""
            after = tokens[codes[pos + 1]][1].lower() if pos + 1 < len(codes) else ""
            if len(low) <= 2 and (before.startswith("h") or after.startswith("s")):
                out.append(f"{value.minute:02d}" if len(low) == 2 else str(value.minute))
            elif len(low) == 1:
                out.append(str(value.month))
            elif len(low) == 2:
                out.append(f"{value.month:02d}")
            elif len(low) == 3:
                out.append(_MONTHS[value.month - 1][:3])
            elif len(low) == 4:
                out.append(_MONTHS[value.month - 1])
            else:
                out.append(_MONTHS[value.month - 1][0])
        elif low[0] == "d":
            if len(low) <= 2:
                out.append(f"{value.day:0{len(low)}d}")
            elif len(low) == 3:
                out.append(_DAYS[value.weekday()][:3])
            else:
                out.append(_DAYS[value.weekday()])
        elif low[0] == "h":
            hour = (value.hour % 12 or 12) if ampm else value.hour
            out.append(f"{hour:0{min(len(low), 2)}d}")
        elif low[0] == "s":
            out.append(f"{value.second:0{min(len(low), 2)}d}")
        else:
            out.append(t)
    return "".join(out)


def _format_number(value: Decimal, section: str) -> str:
    pieces = _tokenize(section)
    codes = "".join(t if k == "code" else "" for k, t in pieces)
    if "%" in codes:
        value = value * 100 * (100 ** (codes.count("%") - 1))
    # the number pattern: from the first to the last digit placeholder
    positions = [i for i, (k, t) in enumerate(pieces) if k == "code" and t in "0#?"]
    if not positions:
        return "".join(t for k, t in pieces if k == "lit" or t not in "%@")
    first, last = positions[0], positions[-1]
    # a placeholder run may include separators ',' and '.' and 'E+'
    pattern = "".join(t for k, t in pieces[first:last + 1] if k == "code")
    prefix = "".join(t for k, t in pieces[:first])
    suffix = "".join(t for k, t in pieces[last + 1:])
    # trailing commas after the pattern scale by 1000
    while suffix.startswith(","):
        value /= 1000
        suffix = suffix[1:]
    if re.search(r"[eE][+-]", pattern):
        mant, exp = re.split(r"[eE][+-]", pattern, maxsplit=1)
        decimals = len(mant.split(".")[1]) if "." in mant else 0
        text = f"{float(value):.{decimals}E}"
        m, e = text.split("E")
        e_int = int(e)
        sign = "+" if e_int >= 0 else "-"
        body = f"{m}E{sign}{abs(e_int):0{max(1, len(exp))}d}"
        return prefix.replace("%", "") + body + suffix
    int_pat, _, frac_pat = pattern.partition(".")
    grouping = "," in int_pat
    int_pat = int_pat.replace(",", "")
    frac_places = sum(1 for ch in frac_pat if ch in "0#?")
    min_frac = sum(1 for ch in frac_pat if ch == "0")
    q = value.quantize(Decimal(1).scaleb(-frac_places), rounding=ROUND_HALF_UP)
    negative = q < 0
    q = abs(q)
    int_part, _, frac_part = format(q, "f").partition(".")
    frac_part = frac_part.ljust(frac_places, "0")[:frac_places]
    while len(frac_part) > min_frac and frac_part.endswith("0"):
        frac_part = frac_part[:-1]
    min_int = sum(1 for ch in int_pat if ch == "0")
    if int_part == "0" and min_int == 0:
        int_part = ""
    int_part = int_part.rjust(min_int, "0")
    if grouping and int_part:
        int_part = f"{int(int_part):,}".rjust(len(int_part), "0") if len(int_part) > 3 \
            else int_part
    body = int_part + ("." + frac_part if frac_places and (frac_part or "." in pattern) else "")
    if frac_places and not frac_part and min_frac == 0:
        body = int_part + "."
    return ("-" if negative else "") + prefix + body + suffix


def format_value(value: Any, fmt: str | None) -> str:
    """The text Excel shows for ``value`` under number format ``fmt``."""
    if value is None:
        return ""
    if isinstance(value, str):
        if fmt and ";" in fmt:
            sections = _split_sections(fmt)
            if len(sections) >= 4:
                section, _ = _strip_brackets(sections[3])
                return "".join(value if (k, t) == ("code", "@") else t
                               for k, t in _tokenize(section))
        if fmt and "@" in fmt and ";" not in fmt:
            section, _ = _strip_brackets(fmt)
            return "".join(value if (k, t) == ("code", "@") else t
                           for k, t in _tokenize(section))
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if not fmt or fmt.strip().lower() == "general":
        return general(value)
    if isinstance(value, (_dt.date, _dt.time)):
        if is_date_format(fmt):
            section, _ = _strip_brackets(_split_sections(fmt)[0])
            return _format_date(value, section)
        return general(value)
    if not isinstance(value, (int, float, Decimal)):
        return str(value)
    try:
        number = value if isinstance(value, Decimal) else Decimal(repr(value)) \
            if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        return str(value)
    if is_date_format(fmt):
        section, _ = _strip_brackets(_split_sections(fmt)[0])
        return _format_date(number, section)
    sections = _split_sections(fmt)
    chosen, explicit_negative = _choose_section(sections, number)
    section, _tags = _strip_brackets(chosen)
    if section.strip().lower() == "general":
        return general(abs(number) if explicit_negative else number)
    return _format_number(abs(number) if explicit_negative else number, section)


@lru_cache(maxsize=1024)
def _split_sections(fmt: str) -> tuple[str, ...]:
    sections, current, quoted = [], [], False
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '"':
            quoted = not quoted
        if ch == "\\" and i + 1 < len(fmt):
            current.append(fmt[i:i + 2])
            i += 2
            continue
        if ch == ";" and not quoted:
            sections.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    sections.append("".join(current))
    return tuple(sections)


def _choose_section(sections: tuple[str, ...], number: Decimal) -> tuple[str, bool]:
    conditions = [re.search(r"\[(<=|>=|<>|<|>|=)(-?[\d.]+)\]", s) for s in sections]
    if any(conditions):
        for s, cond in zip(sections, conditions):
            if cond is None:
                return s, False
            op, limit = cond.group(1), Decimal(cond.group(2))
            if {"<": number < limit, "<=": number <= limit, ">": number > limit,
                    ">=": number >= limit, "=": number == limit, "<>": number != limit}[op]:
                return s, number < 0
        return sections[-1], False
    if number < 0 and len(sections) >= 2 and sections[1] != "":
        return sections[1], True
    if number == 0 and len(sections) >= 3:
        return sections[2], True
    return sections[0], False
