"""Export lists to .xlsx.

``export_rows`` streams any rows to a workbook with openpyxl's write-only mode (constant
memory whatever the row count): bold, frozen header row, readable column widths, dates in
local time (Excel has no time zones). ``export_customers`` exports the customers an actor may
see under a CustomerFilter, fetching them in keyset pages so a million customers never sit
in memory at once. The column titles are the import's own (编码, 客户名称, … or Code, Name,
…), so an exported file imports back unchanged.
"""
from __future__ import annotations

import datetime as dt
import os
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Callable, Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.org import User
from models.party import Contact, Customer
from services.customer_search import CustomerFilter, list_customers
from services.errors import ValidationError
from services.org import Actor

Progress = Callable[[int, int | None], "bool | None"]
PAGE = 1000
MAX_WIDTH = 60


class ExportCancelled(Exception):
    """The progress callback asked to stop; the partial file was removed."""


def text_width(value: object) -> int:
    """Columns a value needs on screen: Chinese (wide) characters count twice."""
    s = _cell_text(value)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _excel_value(value: object) -> object:
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        # Excel cannot store time zones: show the time as the user's clock does.
        return value.astimezone().replace(tzinfo=None)
    if isinstance(value, (str, int, float, Decimal, dt.date, dt.time, bool)) or value is None:
        return value
    return str(value)


def export_rows(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence], *,
                sheet_title: str = "Sheet1", widths: Sequence[int] | None = None,
                progress: Progress | None = None, total: int | None = None) -> int:
    """Write ``headers`` and ``rows`` to a new .xlsx at ``path``; returns the row count.

    Rows are consumed lazily. Column widths come from ``widths`` or from the headers and the
    first 200 rows. ``progress(done, total)`` is called every 1,000 rows; returning False
    stops, deletes the partial file and raises ExportCancelled. The file is written to a
    temporary name and renamed at the end, so a failed export never leaves a broken file
    under the requested name."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("path", f"{path.name}: export files are .xlsx.")
    if not path.parent.exists():
        raise ValidationError("path", f"Folder {path.parent} does not exist.")
    rows = iter(rows)
    # Look ahead at the first rows to size the columns (write-only sheets need the widths
    # before any row is written).
    head: list[Sequence] = []
    for row in rows:
        head.append(row)
        if len(head) >= 200:
            break
    if widths is None:
        widths = [text_width(h) for h in headers]
        for row in head:
            for i, v in enumerate(row[:len(widths)]):
                widths[i] = max(widths[i], text_width(v))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet_title[:31])
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = min(MAX_WIDTH, max(6, w + 2))
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header_cells = []
    for h in headers:
        c = WriteOnlyCell(ws, value=h)
        c.font = bold
        c.alignment = Alignment(vertical="center")
        header_cells.append(c)
    ws.append(header_cells)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    n = 0
    try:
        for chunk in (head, rows):
            for row in chunk:
                ws.append([_excel_value(v) for v in row])
                n += 1
                if progress is not None and n % 1000 == 0 and progress(n, total) is False:
                    raise ExportCancelled(f"export to {path.name} cancelled")
        wb.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        _discard(ws)
        tmp.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(n, total if total is not None else n)
    return n


def _discard(ws) -> None:
    """Finish and delete a write-only sheet's temporary file after a failed export (left
    open, openpyxl complains when the garbage collector finds it)."""
    if getattr(ws, "closed", True):
        return
    try:
        ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            writer.cleanup()
    except Exception:  # best effort: the export already failed for a better reason
        pass


# --------------------------------------------------------------------------- customers

#: (field, zh title, en title) in export order; titles match the import's header names.
CUSTOMER_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("code", "编码", "Code"), ("name", "客户名称", "Name"), ("kind", "类型", "Kind"),
    ("level", "级别", "Level"), ("industry", "行业", "Industry"), ("source", "来源", "Source"),
    ("region", "地区", "Region"), ("address", "地址", "Address"), ("phone", "电话", "Phone"),
    ("email", "邮箱", "Email"), ("tax_id", "税号", "Tax ID"), ("contact", "联系人", "Contact"),
    ("owner", "负责人", "Owner"), ("last_follow_up_at", "最后跟进", "Last follow-up"),
    ("created_at", "创建时间", "Created"), ("notes", "备注", "Notes"),
)
KIND_TITLES = {"zh": {"company": "公司", "person": "个人"},
               "en": {"company": "company", "person": "person"}}


def customer_headers(language: str = "zh") -> list[str]:
    zh = language.lower().startswith("zh")
    return [zh_t if zh else en_t for _f, zh_t, en_t in CUSTOMER_COLUMNS]


def iter_customer_rows(session: Session, actor: Actor, filt: CustomerFilter, *,
                       language: str = "zh", page_size: int = PAGE):
    """Rows of the export, page by page: the list service decides which customers and in
    which order (keyset pages); one more query per page fetches the exported columns."""
    kinds = KIND_TITLES["zh" if language.lower().startswith("zh") else "en"]
    after = None
    while True:
        page = list_customers(session, actor, filt, sort="code", after=after, limit=page_size)
        ids = [r.id for r in page.rows]
        if ids:
            full = {c.id: c for c in session.execute(
                select(Customer.id, Customer.code, Customer.name, Customer.kind,
                       Customer.level, Customer.industry, Customer.source, Customer.region,
                       Customer.address, Customer.phone, Customer.email, Customer.tax_id,
                       Customer.notes, Customer.last_follow_up_at, Customer.created_at,
                       User.display_name.label("owner"))
                .outerjoin(User, User.id == Customer.owner_id)
                .where(Customer.id.in_(ids)))}
            contacts: dict[int, str] = {}
            for cid, name, primary in session.execute(
                    select(Contact.customer_id, Contact.name, Contact.is_primary)
                    .where(Contact.customer_id.in_(ids))
                    .order_by(Contact.customer_id, Contact.is_primary.desc(), Contact.id)):
                contacts.setdefault(cid, name)
            for cid in ids:
                c = full[cid]
                yield [c.code, c.name, kinds.get(c.kind, c.kind), c.level, c.industry,
                       c.source, c.region, c.address, c.phone, c.email, c.tax_id,
                       contacts.get(cid), c.owner, c.last_follow_up_at, c.created_at, c.notes]
        if page.next_key is None or not ids:
            return
        after = page.next_key


def export_customers(session: Session, actor: Actor, filt: CustomerFilter, path: str | Path,
                     progress: Progress | None = None, *, language: str = "zh") -> int:
    """Write every customer ``actor`` may see under ``filt`` to ``path`` (.xlsx); returns
    the number of customers written. Column titles are Chinese for language 'zh…', English
    otherwise. Cancelling through ``progress`` raises ExportCancelled and leaves no file."""
    total = None
    if progress is not None:
        from services.customer_search import count_customers
        total = count_customers(session, actor, filt)
    zh = language.lower().startswith("zh")
    return export_rows(path, customer_headers(language),
                       iter_customer_rows(session, actor, filt, language=language),
                       sheet_title="客户" if zh else "Customers", progress=progress,
                       total=total)
