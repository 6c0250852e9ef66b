"""How the columns and rows of a customer file become customer fields (no database here).

- Headers are recognised in Chinese or English (FIELD_HEADERS), ignoring case, width,
  spaces, punctuation and remarks in brackets; the header row may sit below title rows and
  may contain merged cells; unknown columns are reported and ignored. The import wizard can
  instead pass an explicit mapping.
- Each row is cleaned the way Excel files really come: phones saved as numbers
  (13800138000.0), shortened to scientific notation, typed full-width, or turned into dates;
  stray spaces; levels written "A级"; kinds written 公司/个人 or company/person. What cannot
  be understood is reported with the row, the column letter and header, and the reason.

services.customer_import adds the database side (duplicates, writing).
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from services import normalize
from services.customers import FIELD_LIMITS
from services.errors import DuplicateMatch, ValidationError
from services.sheet_reader import FormulaWithoutValue, MergedRange, Table

# --------------------------------------------------------------------------- headers

#: Import field → accepted headers (Chinese and English). Matching ignores case, width
#: (全角/半角), spaces, punctuation and bracketed remarks such as "（必填）".
FIELD_HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("客户名称", "名称", "公司名称", "客户名", "客户", "企业名称", "单位名称", "姓名",
             "Name", "Customer name", "Customer", "Company", "Company name"),
    "code": ("编码", "客户编码", "客户编号", "客户代码", "Code", "Customer code", "Customer no"),
    "kind": ("类型", "客户类型", "Kind", "Type", "Customer type"),
    "level": ("级别", "客户级别", "等级", "客户等级", "Level", "Grade"),
    "industry": ("行业", "所属行业", "Industry"),
    "source": ("来源", "客户来源", "渠道", "Source", "Lead source"),
    "region": ("地区", "区域", "所在地区", "省市", "城市", "省份", "Region", "Area", "City",
               "Province"),
    "address": ("地址", "详细地址", "公司地址", "联系地址", "Address"),
    "phone": ("电话", "手机", "联系电话", "手机号", "手机号码", "电话号码", "座机",
              "Phone", "Mobile", "Tel", "Telephone", "Phone number"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "邮件", "Email", "E-mail", "Mail"),
    "tax_id": ("税号", "统一社会信用代码", "纳税人识别号", "信用代码", "Tax ID", "Tax no",
               "Tax number", "USCC"),
    "notes": ("备注", "说明", "Notes", "Note", "Remark", "Remarks", "Comment", "Comments"),
    "contact": ("联系人", "联系人姓名", "主要联系人", "Contact", "Contact name",
                "Contact person"),
    "contact_title": ("职务", "职位", "联系人职务", "Title", "Job title", "Position"),
}

#: Column titles (zh, en) used in reports and exports; they import back unchanged.
FIELD_TITLES: dict[str, tuple[str, str]] = {
    "code": ("编码", "Code"), "name": ("客户名称", "Name"), "kind": ("类型", "Kind"),
    "level": ("级别", "Level"), "industry": ("行业", "Industry"), "source": ("来源", "Source"),
    "region": ("地区", "Region"), "address": ("地址", "Address"), "phone": ("电话", "Phone"),
    "email": ("邮箱", "Email"), "tax_id": ("税号", "Tax ID"), "notes": ("备注", "Notes"),
    "contact": ("联系人", "Contact"), "contact_title": ("职务", "Title"),
}

#: Columns an export writes (or clerks add) that are information, not customer fields:
#: recognised so they are reported as such rather than as unknown.
INFO_HEADERS = ("负责人", "Owner", "最后跟进", "Last follow-up", "创建时间", "Created",
                "序号", "行号", "No", "#")

KIND_WORDS = {
    "company": ("公司", "企业", "单位", "公司客户", "企业客户", "法人", "company", "business",
                "organization", "organisation", "corporate", "b2b"),
    "person": ("个人", "个人客户", "自然人", "person", "individual", "personal", "private",
               "b2c"),
}
LEVELS = ("A", "B", "C", "D")

# Longest accepted values: the customer service's limits plus the contact's.
MAX_LENGTH = {**FIELD_LIMITS, "contact": 100, "contact_title": 100}

HEADER_SCAN_ROWS = 30


def header_key(text: object) -> str:
    """The form a header is compared in: width- and case-folded, without spaces,
    punctuation and bracketed remarks (客户名称（必填） → 客户名称)."""
    t = unicodedata.normalize("NFKC", str(text)).casefold()
    t = re.sub(r"[(\[【<].*?[)\]】>]", "", t)
    return re.sub(r"[\s*:_\-./#·•'\"]+", "", t)


_HEADER_INDEX = {header_key(h): f for f, hs in FIELD_HEADERS.items() for h in hs}


_INFO_KEYS = {header_key(h) for h in INFO_HEADERS} | {""}


def field_for_header(text: object) -> str | None:
    if text is None or isinstance(text, FormulaWithoutValue):
        return None
    return _HEADER_INDEX.get(header_key(text))


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class ColumnMapping:
    """What one column of the file was understood as."""

    index: int                 # 0-based
    letter: str                # 'C'
    header: str                # as written in the file ('' when none)
    field: str | None          # import field, None = ignored
    note: str = ""             # e.g. "unknown header, ignored", "merged header B2:C2"


@dataclass(frozen=True)
class CellIssue:
    row: int                   # Excel row number
    column: str                # column letter ('' when the problem is the whole row)
    header: str
    field: str
    value: str
    reason: str

    @property
    def message(self) -> str:
        where = f"Row {self.row}" + (f", column {self.column} ({self.header})"
                                     if self.column else "")
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class RowResult:
    row: int                                 # Excel row number
    status: str                              # 'ok' | 'error' | 'duplicate'
    values: tuple[str, ...]                  # the row as text, one per file column
    fields: dict = field(default_factory=dict, compare=False)   # field → cleaned text
    issues: tuple[CellIssue, ...] = ()
    warnings: tuple[str, ...] = ()
    duplicate_of: DuplicateMatch | None = None   # an existing customer
    duplicate_of_row: int | None = None          # an earlier row of this file

    @property
    def reason(self) -> str:
        if self.issues:
            return "; ".join(i.message for i in self.issues)
        if self.duplicate_of is not None:
            d = self.duplicate_of
            return (f"Row {self.row}: duplicate of existing customer {d.code} {d.name} "
                    f"(same {', '.join(_REASON_WORDS.get(r, r) for r in d.reasons)})")
        if self.duplicate_of_row is not None:
            return f"Row {self.row}: duplicate of row {self.duplicate_of_row} in this file"
        return ""


_REASON_WORDS = {"name": "name", "phone": "phone", "tax_id": "tax id", "code": "code"}


# --------------------------------------------------------------------------- reading


def plain_text(value: object) -> str | None:
    """A cell as the text a user would read in it."""
    if value is None:
        return None
    if isinstance(value, str):
        t = value.strip(" \t\r\n\u3000\u00a0\u200b\ufeff")
        return t or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, FormulaWithoutValue):
        return value.formula
    return str(value).strip() or None


def _display(value: object) -> str:
    return plain_text(value) or ""


@dataclass
class Layout:
    header_row: int
    data_start: int
    columns: list[ColumnMapping]
    notes: list[str]


def _header_candidates(table: Table, head: list[tuple[int, tuple]]):
    """Header texts per scanned row, with merged cells filled in: a cell inside a merged
    range takes the range's value when it is in the range's first column (a value merged
    across columns belongs to the first of them; one merged down belongs to every row)."""
    by_row = {n: list(vals) for n, vals in head}
    out = []
    for n, vals in head:
        cells = list(vals)
        for m in table.merged:
            if m.min_row <= n <= m.max_row and m.min_row != n and m.min_row in by_row:
                top = by_row[m.min_row]
                if m.min_col - 1 < len(top) and top[m.min_col - 1] is not None:
                    while len(cells) < m.min_col:
                        cells.append(None)
                    if cells[m.min_col - 1] is None:
                        cells[m.min_col - 1] = top[m.min_col - 1]
        out.append((n, cells))
    return out


def _explicit_field(mapping: dict, index: int, header: str) -> tuple[bool, str | None]:
    letter = get_column_letter(index + 1)
    for key in (letter, letter.lower(), index, header):
        if key in mapping:
            return True, mapping[key] or None
    hk = header_key(header) if header else None
    for key, value in mapping.items():
        if isinstance(key, str) and hk and header_key(key) == hk:
            return True, value or None
    return False, None


def detect_layout(table: Table, head: list[tuple[int, tuple]], mapping: dict | None,
            header_row: int | None) -> Layout:
    if mapping:
        bad = {v for v in mapping.values() if v and v not in FIELD_HEADERS}
        if bad:
            names = ", ".join(sorted(map(str, bad)))
            raise ValidationError("mapping", f"Unknown import field(s): {names}; "
                                             f"known: {', '.join(FIELD_HEADERS)}.")
    candidates = _header_candidates(table, head)
    if not candidates:
        raise ValidationError("file", f"{table.path.name} is empty.")

    def field_of(index: int, text: object) -> str | None:
        if mapping:
            found, f = _explicit_field(mapping, index, plain_text(text) or "")
            return f if found else None
        return field_for_header(text)

    def score(cells) -> tuple[int, int]:
        fields = {field_of(i, c) for i, c in enumerate(cells) if c is not None} - {None}
        return (("name" in fields) + len(fields), 0)

    notes: list[str] = []
    if header_row is not None:
        chosen = next(((n, c) for n, c in candidates if n == header_row), None)
        if chosen is None:
            raise ValidationError("header_row", f"Row {header_row} is not among the first "
                                                f"{HEADER_SCAN_ROWS} rows of {table.path.name}.")
    else:
        best = max(candidates, key=lambda nc: (score(nc[1]), -nc[0]))
        if score(best[1])[0] == 0:
            expected = "客户名称 / Name, 电话 / Phone, …"
            raise ValidationError(
                "file", f"{table.path.name}: no header row found in the first "
                        f"{HEADER_SCAN_ROWS} rows; expected column titles such as {expected}")
        chosen = best
    n, cells = chosen
    # Rows above the header that share a merged cell with it are the header's upper part
    # (a two-row header); the others are titles.
    upper = {r for m in table.merged if m.min_row < n <= m.max_row
             for r in range(m.min_row, n)}
    title_rows = [r for r, vals in head if r < n and r not in upper
                  and any(v is not None for v in vals)]
    if title_rows:
        notes.append(f"Header row is row {n}; row(s) {', '.join(map(str, title_rows))} "
                     "above it were taken as titles and skipped.")
    if upper:
        notes.append(f"The header spans rows {min(upper)}–{n} (merged cells); the titles in "
                     f"row {n} are used, with merged titles from above where row {n} is empty.")
    data_start = n + 1
    for m in table.merged:
        if m.min_row <= n <= m.max_row:
            data_start = max(data_start, m.max_row + 1)

    columns: list[ColumnMapping] = []
    used: dict[str, str] = {}
    # Columns covered by a header merged across several columns: the value is in the first.
    merged_tail: dict[int, MergedRange] = {}
    for m in table.merged:
        if m.min_row <= n <= m.max_row and m.max_col > m.min_col:
            for c in range(m.min_col + 1, m.max_col + 1):
                merged_tail[c - 1] = m
    for i, raw in enumerate(cells):
        letter = get_column_letter(i + 1)
        header = plain_text(raw) or ""
        f = field_of(i, raw) if header else None
        if mapping:
            found, explicit = _explicit_field(mapping, i, header)
            f = explicit if found else None
        note = ""
        if i in merged_tail:
            m = merged_tail[i]
            first = get_column_letter(m.min_col)
            note = f"part of the header merged over {m.ref}; the title belongs to column {first}"
        elif f is None and header and header_key(header) in _INFO_KEYS and not mapping:
            note = "information only, not imported"
        elif f is None and header:
            note = "not an import field, ignored" if mapping else "unknown header, ignored"
        elif f is None:
            note = "no header, ignored"
        elif f in used:
            note = f"second {FIELD_TITLES[f][1]} column; only column {used[f]} is imported"
            f = None
        if f is not None:
            used[f] = letter
            merged_here = next((m for m in table.merged if m.min_row <= n <= m.max_row
                                and m.min_col == i + 1 and (m.max_col > m.min_col
                                                            or m.min_row != m.max_row)), None)
            if merged_here is not None:
                note = f"merged header {merged_here.ref}"
        columns.append(ColumnMapping(i, letter, header, f, note))
    for c in columns:
        if c.note and (c.field is None or "merged" in c.note) \
                and (c.header or c.index in merged_tail):
            notes.append(f"Column {c.letter}" + (f" ({c.header})" if c.header else "")
                         + f": {c.note}.")
    if "name" not in used:
        raise ValidationError(
            "file", f"{table.path.name}: no column for the customer name; the header row "
                    f"{n} should have a column titled 客户名称 or Name.")
    understood = ", ".join(f"{c.letter} {c.header or '(merged)'} → {c.field}"
                           for c in columns if c.field)
    notes.insert(0, f"Columns understood: {understood}.")
    return Layout(n, data_start, columns, notes)


# --------------------------------------------------------------------------- cleaning

_SCIENTIFIC = re.compile(r"^[+-]?(\d+)(?:\.(\d+))?[eE]\+?(\d+)$")
_PHONE_SPLIT = re.compile(r"\s*[,，;；、/]\s*|\s{2,}")


def _phone_text(value: object) -> tuple[str | None, str | None, str | None]:
    """(phone text, extra phones for the notes, error) for a phone cell."""
    if isinstance(value, (dt.datetime, dt.date)):
        return None, None, (f"is a date ({plain_text(value)}), not a phone number: Excel "
                            "turned what was typed into a date; format the column as Text "
                            "and type the number again.")
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 1e15:
            return None, None, f"{value!r} is not a phone number."
        return str(int(value)), None, None
    text = plain_text(value)
    if text is None:
        return None, None, None
    text = normalize.fold_width(text).strip()
    m = _SCIENTIFIC.match(text)
    if m:
        # 1.3800138000E+10 holds every digit; 1.38001E+10 is what Excel shows after it
        # rounded the number, so the last digits are gone.
        whole, frac, exp = m.group(1), m.group(2) or "", int(m.group(3))
        if len(frac) != exp:
            return None, None, (f"{text!r} is a number Excel shortened to scientific "
                                "notation, so digits are lost; format the column as Text in "
                                "Excel and type the number again.")
        return (whole + frac).lstrip("0") or "0", None, None
    if re.fullmatch(r"\d+\.0+", text):            # a CSV written from number cells
        text = text.split(".")[0]
    parts = [p for p in _PHONE_SPLIT.split(text) if p]
    if len(parts) > 1 and all(len(re.sub(r"\D", "", p)) >= normalize.MIN_PHONE_DIGITS
                              for p in parts):
        return parts[0], ", ".join(parts[1:]), None
    return text, None, None


def _level_text(text: str) -> tuple[str | None, str | None]:
    t = normalize.fold_width(text).strip().upper()
    t = re.sub(r"(级|类)?(客户)?$", "", t).strip()
    if t.endswith("CLASS") or t.endswith("LEVEL"):
        t = t.rsplit(None, 1)[0] if " " in t else t
    if t in LEVELS:
        return t, None
    return None, f"level must be A, B, C or D (got {text!r})."


def _kind_text(text: str) -> tuple[str | None, str | None]:
    t = header_key(text)
    for kind, words in KIND_WORDS.items():
        if t in {header_key(w) for w in words}:
            return kind, None
    return None, f"type must be 公司/个人 or company/person (got {text!r})."


# The reasons below are matched by ui/errors.MESSAGE_PATTERNS to show them translated: a
# changed wording needs the pattern and the .ts entry changed with it.
def clean_row(row_no: int, values: tuple, layout: Layout) -> RowResult:
    fields: dict[str, str] = {}
    issues: list[CellIssue] = []
    warnings: list[str] = []
    display = tuple(_display(values[c.index]) if c.index < len(values) else ""
                    for c in layout.columns)

    def issue(col: ColumnMapping | None, f: str, value: str, reason: str) -> None:
        issues.append(CellIssue(row_no, col.letter if col else "", col.header if col else "",
                                f, value, reason))

    by_field = {c.field: c for c in layout.columns if c.field}
    for f, col in by_field.items():
        raw = values[col.index] if col.index < len(values) else None
        shown = display[col.index]
        if isinstance(raw, FormulaWithoutValue):
            issue(col, f, shown, f"the formula {raw.formula} has no saved result (the file "
                                 "was not saved by Excel after calculating); open it in Excel "
                                 "and save it, or paste the values.")
            continue
        if f == "phone":
            text, extra, err = _phone_text(raw)
            if err:
                issue(col, f, shown, err)
                continue
            if extra:
                fields["_other_phones"] = extra
                warnings.append(f"More than one phone: {text} is imported as the phone, "
                                f"{extra} is kept in the notes.")
        elif isinstance(raw, (dt.datetime, dt.date)) and f in ("code", "tax_id", "email"):
            issue(col, f, shown, f"is a date ({shown}); expected text.")
            continue
        else:
            text = plain_text(raw)
        if text is None:
            continue
        if f == "name":
            text = re.sub(r"\s+", " ", text)
        elif f in ("code", "tax_id", "email"):
            text = normalize.fold_width(text).strip()
        elif f == "level":
            text, err = _level_text(text)
            if err:
                issue(col, f, shown, err)
                continue
        elif f == "kind":
            text, err = _kind_text(text)
            if err:
                issue(col, f, shown, err)
                continue
        limit = MAX_LENGTH.get(f)
        if limit and len(text) > limit:
            issue(col, f, shown, f"is {len(text)} characters long; at most {limit}.")
            continue
        fields[f] = text

    if "_other_phones" in fields:
        extra = fields.pop("_other_phones")
        note = f"Other phones: {extra}"
        fields["notes"] = f"{fields['notes']}\n{note}" if fields.get("notes") else note

    name_col = by_field.get("name")
    if not fields.get("name") and not any(i.field == "name" for i in issues):
        issue(name_col, "name", "", "the customer name is empty; every customer needs one.")
    for f, check in (("phone", normalize.validate_phone), ("email", normalize.validate_email)):
        if f in fields:
            msg = check(fields[f])
            if msg:
                issue(by_field[f], f, fields.pop(f), msg)
    if "tax_id" in fields:
        msg = normalize.validate_tax_id(fields["tax_id"], kind=fields.get("kind", "company"))
        if msg:
            issue(by_field["tax_id"], "tax_id", fields.pop("tax_id"), msg)
    return RowResult(row=row_no, status="error" if issues else "ok", values=display,
                     fields=fields, issues=tuple(issues), warnings=tuple(warnings))


