"""Import leads from Excel (.xlsx) or CSV files, in two phases, as the customer import does.

``preview_lead_import`` reads the file and says row by row what would happen: the columns
it understood, good rows, rows with errors (row number as Excel shows it, column letter and
header, value and reason) and duplicates (of an existing lead, or of an earlier row of the
file: same phone digits or same email). Nothing is written.

``run_lead_import`` writes all good rows in ONE transaction, or none: 'all_or_nothing'
refuses a file with any bad row, 'good_rows' leaves the bad rows out and reports them.
Duplicates are skipped by default, so importing the same file twice creates nothing the
second time. A progress callback returning False cancels and rolls everything back.
``write_lead_error_report`` writes the problems to an .xlsx the clerk fixes and re-imports.

Reading reuses the customer import's machinery (services.sheet_reader for .xlsx/.csv,
encodings, merged headers and formulas without results; services.customer_import_rows for
header matching and phone cells Excel mangled). Headers are recognised in Chinese or
English (LEAD_FIELD_HEADERS). The rules are the lead service's (services.leads): the same
validation and owner rule; an 负责人/Owner column names a user by login or display name,
which the importer must be allowed to give leads to (a rep: only themself; a manager:
their team).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, ClassVar, Iterable

from openpyxl.utils import get_column_letter
from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from models.org import User
from models.pipeline import Lead
from models.system import AuditLog
from services import audit, normalize
from services.customer_import import (REPORT_HEADERS, ImportCancelled, ImportResult,
                                      PreviewCounts)
from services.customer_import_rows import (HEADER_SCAN_ROWS, CellIssue, ColumnMapping,
                                           _header_candidates, _phone_text, header_key,
                                           plain_text)
from services.errors import PermissionDenied, QianliError, ValidationError
from services.leads import LIMITS, default_lead_owner, lead_errors
from services.opportunities import check_owner
from services.org import Actor
from services.sheet_reader import FormulaWithoutValue, Table, open_table

BATCH = 500

#: Import field → accepted headers (Chinese and English). Matching ignores case, width,
#: spaces, punctuation and bracketed remarks, as the customer import's does.
LEAD_FIELD_HEADERS: dict[str, tuple[str, ...]] = {
    "contact_name": ("联系人", "联系人姓名", "姓名", "客户姓名", "名字", "Contact", "Contact name",
                     "Contact person", "Name", "Full name"),
    "company": ("公司", "公司名称", "单位", "单位名称", "企业名称", "客户名称", "Company",
                "Company name", "Organization", "Organisation", "Account"),
    "title": ("职务", "职位", "Title", "Job title", "Position"),
    "phone": ("电话", "手机", "联系电话", "手机号", "手机号码", "电话号码", "座机", "Phone",
              "Mobile", "Tel", "Telephone", "Phone number"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "邮件", "Email", "E-mail", "Mail"),
    "wechat": ("微信", "微信号", "WeChat", "WeChat ID", "Weixin"),
    "source": ("来源", "线索来源", "渠道", "Source", "Lead source", "Channel"),
    "region": ("地区", "区域", "所在地区", "省市", "城市", "省份", "Region", "Area", "City",
               "Province"),
    "enquiry": ("需求", "需求描述", "咨询内容", "咨询", "询盘", "询价内容", "备注", "说明",
                "Enquiry", "Inquiry", "Request", "Requirement", "Notes", "Remarks", "Comment"),
    "owner": ("负责人", "销售", "业务员", "跟进人", "Owner", "Sales rep", "Salesperson"),
}
#: Column titles (zh, en) for reports.
LEAD_FIELD_TITLES: dict[str, tuple[str, str]] = {
    "contact_name": ("联系人", "Contact"), "company": ("公司", "Company"),
    "title": ("职务", "Title"), "phone": ("电话", "Phone"), "email": ("邮箱", "Email"),
    "wechat": ("微信", "WeChat"), "source": ("来源", "Source"), "region": ("地区", "Region"),
    "enquiry": ("需求", "Enquiry"), "owner": ("负责人", "Owner"),
}
_HEADER_INDEX = {header_key(h): f for f, hs in LEAD_FIELD_HEADERS.items() for h in hs}
_MAX_LENGTH = {**LIMITS, "owner": 100}

Progress = Callable[[int, int], "bool | None"]


# --------------------------------------------------------------------------- results

@dataclass(frozen=True)
class LeadImportRow:
    row: int                                 # Excel row number
    status: str                              # 'ok' | 'error' | 'duplicate'
    values: tuple[str, ...]                  # the row as text, one per file column
    fields: dict = field(default_factory=dict, compare=False)   # field → cleaned text
    issues: tuple[CellIssue, ...] = ()
    duplicate_of_lead: int | None = None     # an existing lead's id
    duplicate_of_row: int | None = None      # an earlier row of this file
    duplicate_reason: str = ""               # 'phone' | 'email'
    owner_id: int | None = None              # resolved owner (after the database check)

    @property
    def reason(self) -> str:
        if self.issues:
            return "; ".join(i.message for i in self.issues)
        if self.duplicate_of_lead is not None:
            return (f"Row {self.row}: same {self.duplicate_reason} as existing lead "
                    f"{self.duplicate_of_lead}")
        if self.duplicate_of_row is not None:
            return (f"Row {self.row}: same {self.duplicate_reason} as row "
                    f"{self.duplicate_of_row} of this file")
        return ""


@dataclass(frozen=True)
class LeadImportPreview(PreviewCounts):
    path: str
    file_kind: str                           # 'xlsx' | 'csv'
    sheet: str | None
    encoding: str | None
    header_row: int
    columns: tuple[ColumnMapping, ...]
    rows: tuple[LeadImportRow, ...]
    notes: tuple[str, ...]                   # the first lists the columns understood
    cleaned: tuple[LeadImportRow, ...] = field(default=(), repr=False, compare=False)



@dataclass(frozen=True)
class LeadImportResult(ImportResult):
    """The customer import's result (counts, refusal, cancel, summary) for a lead file."""

    noun: ClassVar[str] = "leads"


# --------------------------------------------------------------------------- reading

def _check_actor(actor: Actor) -> None:
    if actor.role not in ("sales", "sales_manager", "admin"):
        raise PermissionDenied("Only sales staff and administrators can import leads.")


def _explicit(mapping: dict, index: int, header: str) -> tuple[bool, str | None]:
    letter = get_column_letter(index + 1)
    for key in (letter, letter.lower(), index, header):
        if key in mapping:
            return True, mapping[key] or None
    hk = header_key(header) if header else None
    for key, value in mapping.items():
        if isinstance(key, str) and hk and header_key(key) == hk:
            return True, value or None
    return False, None


def _layout(table: Table, head: list[tuple[int, tuple]], mapping: dict | None,
            header_row: int | None) -> tuple[int, int, list[ColumnMapping], list[str]]:
    """(header row, first data row, columns, notes) of the sheet."""
    if mapping:
        bad = {v for v in mapping.values() if v and v not in LEAD_FIELD_HEADERS}
        if bad:
            raise ValidationError("mapping", f"Unknown lead import field(s): "
                                             f"{', '.join(sorted(map(str, bad)))}; known: "
                                             f"{', '.join(LEAD_FIELD_HEADERS)}.")
    candidates = _header_candidates(table, head)
    if not candidates:
        raise ValidationError("file", f"{table.path.name} is empty.")

    def field_of(index: int, raw) -> str | None:
        if raw is None or isinstance(raw, FormulaWithoutValue):
            return None
        if mapping:
            return _explicit(mapping, index, plain_text(raw) or "")[1]
        return _HEADER_INDEX.get(header_key(raw))

    def score(cells) -> int:
        found = {field_of(i, c) for i, c in enumerate(cells)} - {None}
        return len(found) + ("contact_name" in found)

    if header_row is not None:
        chosen = next(((n, c) for n, c in candidates if n == header_row), None)
        if chosen is None:
            raise ValidationError("header_row", f"Row {header_row} is not among the first "
                                                f"{HEADER_SCAN_ROWS} rows of {table.path.name}.")
    else:
        chosen = max(candidates, key=lambda nc: (score(nc[1]), -nc[0]))
        if score(chosen[1]) == 0:
            raise ValidationError("file", f"{table.path.name}: no header row found in the first "
                                          f"{HEADER_SCAN_ROWS} rows; expected column titles "
                                          "such as 联系人 / Contact, 电话 / Phone, 公司 / Company.")
    n, cells = chosen
    notes: list[str] = []
    titles = [r for r, vals in head if r < n and any(v is not None for v in vals)]
    if titles:
        notes.append(f"Header row is row {n}; row(s) {', '.join(map(str, titles))} above it "
                     "were taken as titles and skipped.")
    data_start = n + 1
    for m in table.merged:
        if m.min_row <= n <= m.max_row:
            data_start = max(data_start, m.max_row + 1)
    columns: list[ColumnMapping] = []
    used: dict[str, str] = {}
    for i, raw in enumerate(cells):
        letter = get_column_letter(i + 1)
        header = plain_text(raw) or ""
        f = field_of(i, raw) if header or mapping else None
        note = ""
        if f is None:
            note = ("unknown header, ignored" if header else "no header, ignored") \
                if not mapping else "not an import field, ignored"
        elif f in used:
            note = f"second {LEAD_FIELD_TITLES[f][1]} column; only column {used[f]} is imported"
            f = None
        if f is not None:
            used[f] = letter
        columns.append(ColumnMapping(i, letter, header, f, note))
        if f is None and header:
            notes.append(f"Column {letter} ({header}): {note}.")
    if "contact_name" not in used:
        raise ValidationError("file", f"{table.path.name}: no column for the contact name; the "
                                      f"header row {n} should have a column titled 联系人 or "
                                      "Contact.")
    understood = ", ".join(f"{c.letter} {c.header or '(merged)'} → {c.field}"
                           for c in columns if c.field)
    notes.insert(0, f"Columns understood: {understood}.")
    return n, data_start, columns, notes


def _clean_row(row_no: int, values: tuple, columns: list[ColumnMapping]) -> LeadImportRow:
    fields: dict[str, str] = {}
    issues: list[CellIssue] = []
    display = tuple(plain_text(values[c.index]) or "" if c.index < len(values) else ""
                    for c in columns)
    by_field = {c.field: c for c in columns if c.field}

    def issue(col: ColumnMapping, f: str, value: str, reason: str) -> None:
        issues.append(CellIssue(row_no, col.letter, col.header, f, value, reason))

    for f, col in by_field.items():
        raw = values[col.index] if col.index < len(values) else None
        shown = display[col.index]
        if isinstance(raw, FormulaWithoutValue):
            issue(col, f, shown, f"The formula {raw.formula} has no saved result (the file was "
                                 "not saved by Excel after calculating); open it in Excel and "
                                 "save it, or paste the values.")
            continue
        if f == "phone":
            text, extra, err = _phone_text(raw)
            if err:
                issue(col, f, shown, err)
                continue
            if extra:
                more = f"Other phones: {extra}"
                fields["_extra"] = more
        elif isinstance(raw, (dt.datetime, dt.date)) and f in ("email", "wechat"):
            issue(col, f, shown, f"{LEAD_FIELD_TITLES[f][1]} is a date ({shown}); expected text.")
            continue
        else:
            text = plain_text(raw)
        if text is None:
            continue
        text = re.sub(r"\s+", " ", text) if f != "enquiry" else text
        limit = _MAX_LENGTH.get(f)
        if limit and len(text) > limit:
            issue(col, f, shown, f"{LEAD_FIELD_TITLES[f][1]} is too long: {len(text)} "
                                 f"characters, at most {limit}.")
            continue
        fields[f] = text
    if "_extra" in fields:
        extra = fields.pop("_extra")
        fields["enquiry"] = f"{fields['enquiry']}\n{extra}" if fields.get("enquiry") else extra
    if "email" in fields:
        fields["email"] = normalize.normalize_email(fields["email"])
    bad = lead_errors({f: fields.get(f) for f in LIMITS})
    done = {i.field for i in issues}
    for f, message in bad.items():
        if f in done:
            continue
        if f == "contact_name" and "contact_name" in by_field:
            message = "The contact name is empty; every lead needs one."
        issue(by_field[f], f, fields.pop(f, "") or "", message)
    return LeadImportRow(row=row_no, status="error" if issues else "ok", values=display,
                         fields=fields, issues=tuple(issues))


def read_lead_file(path: str | Path, mapping: dict | None = None, *,
                   header_row: int | None = None, sheet: str | None = None) -> LeadImportPreview:
    """Read and check every row of ``path`` without the database (each row's own problems;
    duplicates and owners are checked by preview_lead_import / run_lead_import). File-level
    problems raise ValidationError('file', …)."""
    with open_table(path, sheet=sheet) as table:
        rows_iter = table.rows()
        head: list[tuple[int, tuple]] = []
        for n, values in rows_iter:
            head.append((n, values))
            if len(head) >= HEADER_SCAN_ROWS:
                break
        n, data_start, columns, notes = _layout(table, head, mapping, header_row)
        results: list[LeadImportRow] = []

        def take(row_no: int, values: tuple) -> None:
            if row_no < data_start:
                return
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                return
            results.append(_clean_row(row_no, values, columns))
        for row_no, values in head:
            take(row_no, values)
        for row_no, values in rows_iter:
            take(row_no, values)
        if table.kind == "csv":
            notes.insert(1, f"CSV file, text encoding {table.encoding}, delimiter "
                            f"{'tab' if table.delimiter == chr(9) else repr(table.delimiter)}.")
        elif table.other_sheets:
            notes.insert(1, f"Sheet {table.sheet_name!r} read; other sheets "
                            f"({', '.join(table.other_sheets)}) ignored.")
        if not results:
            notes.append("The file has no data rows below the header.")
        return LeadImportPreview(str(path), table.kind, table.sheet_name, table.encoding, n,
                                 tuple(columns), tuple(results), tuple(notes), tuple(results))


# --------------------------------------------------------------------------- database checks

def _resolve_owners(session: Session, actor: Actor, rows: list[LeadImportRow],
                    columns: tuple[ColumnMapping, ...]) -> list[LeadImportRow]:
    """Each good row's owner: the named user (login or display name, any case) when the
    actor may give leads to them, else a row error; the default owner when none is named."""
    default = default_lead_owner(actor)
    col = next((c for c in columns if c.field == "owner"), None)
    names = sorted({r.fields["owner"] for r in rows if r.status == "ok" and r.fields.get("owner")})
    found: dict[str, int | str] = {}
    if names:
        folded = {n.casefold(): n for n in names}
        users = session.execute(select(User.id, User.login, User.display_name).where(or_(
            func.lower(User.login).in_(list(folded)),
            func.lower(User.display_name).in_(list(folded))))).all()
        for n in names:
            hits = {u.id for u in users if n.casefold() in (u.login.casefold(),
                                                             u.display_name.casefold())}
            if len(hits) != 1:
                found[n] = (f"Owner {n!r} is not a user." if not hits else
                            f"Owner {n!r} names more than one user; use the login.")
                continue
            uid = hits.pop()
            try:
                check_owner(session, actor, uid, "leads")
                found[n] = uid
            except QianliError as exc:
                found[n] = f"Owner {n!r}: {exc}"
    out = []
    for r in rows:
        if r.status != "ok":
            out.append(r)
            continue
        name = r.fields.get("owner")
        owner = found.get(name) if name else default
        if isinstance(owner, str):
            out.append(replace(r, status="error", issues=(CellIssue(
                r.row, col.letter, col.header, "owner", name, owner),)))
        else:
            out.append(replace(r, owner_id=owner))
    return out


def _mark_duplicates(session: Session, rows: list[LeadImportRow]) -> list[LeadImportRow]:
    """Rows whose phone digits or email match an existing lead or an earlier row."""
    keys = {}
    for i, r in enumerate(rows):
        if r.status == "ok":
            keys[i] = (("phone", normalize.normalize_phone(r.fields.get("phone"))),
                       ("email", r.fields.get("email")))
    existing: dict[tuple[str, str], int] = {}
    for kind, col in (("phone", Lead.phone_digits), ("email", Lead.email)):
        wanted = sorted({v for k in keys.values() for kk, v in k if kk == kind and v})
        for start in range(0, len(wanted), 500):
            for value, lead_id in session.execute(
                    select(col, func.min(Lead.id)).where(col.in_(wanted[start:start + 500]))
                    .group_by(col)):
                existing[(kind, value)] = lead_id
    seen: dict[tuple[str, str], int] = {}
    out = list(rows)
    for i, k in keys.items():
        r = rows[i]
        hit = next(((kind, v) for kind, v in k if v and (kind, v) in existing), None)
        if hit:
            out[i] = replace(r, status="duplicate", duplicate_of_lead=existing[hit],
                             duplicate_reason=hit[0])
        else:
            earlier = next(((kind, v) for kind, v in k if v and (kind, v) in seen), None)
            if earlier:
                out[i] = replace(r, status="duplicate", duplicate_of_row=seen[earlier],
                                 duplicate_reason=earlier[0])
        for kind, v in k:
            if v:
                seen.setdefault((kind, v), r.row)
    return out


def _check(session: Session, actor: Actor, read: LeadImportPreview) -> LeadImportPreview:
    rows = _resolve_owners(session, actor, list(read.cleaned), read.columns)
    return replace(read, rows=tuple(_mark_duplicates(session, rows)))


def preview_lead_import(session: Session, actor: Actor,
                        source: "str | Path | LeadImportPreview", mapping: dict | None = None,
                        *, header_row: int | None = None,
                        sheet: str | None = None) -> LeadImportPreview:
    """What importing ``source`` (a path, or what read_lead_file returned) would do, with
    owners and duplicates of existing leads checked; writes nothing. ``mapping`` (from the
    wizard): column letter or header → field (LEAD_FIELD_HEADERS) or None to ignore."""
    _check_actor(actor)
    if not isinstance(source, LeadImportPreview):
        source = read_lead_file(source, mapping, header_row=header_row, sheet=sheet)
    return _check(session, actor, source)


# --------------------------------------------------------------------------- writing

def run_lead_import(target, actor: Actor, source: "str | Path | LeadImportPreview", *,
                    mode: str = "all_or_nothing", on_duplicate: str = "skip",
                    mapping: dict | None = None, header_row: int | None = None,
                    sheet: str | None = None, progress: Progress | None = None,
                    now: dt.datetime | None = None) -> LeadImportResult:
    """Import the good rows of ``source`` in one transaction (owners and duplicates checked
    again inside it). ``target``: an app.db.Database (own transaction, retried on
    serialization failure) or a Session inside the caller's transaction (a savepoint).
    ``mode``: 'all_or_nothing' or 'good_rows'; ``on_duplicate``: 'skip' or 'import'.
    ``progress(done, total)`` returning False cancels and rolls everything back."""
    if mode not in ("all_or_nothing", "good_rows"):
        raise ValidationError("mode", f"Unknown import mode {mode!r}: all_or_nothing or good_rows.")
    if on_duplicate not in ("skip", "import"):
        raise ValidationError("on_duplicate", f"Unknown duplicate rule {on_duplicate!r}: "
                                              "skip or import.")
    _check_actor(actor)
    read = source if isinstance(source, LeadImportPreview) else read_lead_file(
        source, mapping, header_row=header_row, sheet=sheet)

    def work(session: Session) -> LeadImportResult:
        return _write(session, actor, _check(session, actor, read), mode, on_duplicate,
                      progress, now or dt.datetime.now(dt.timezone.utc))

    try:
        if isinstance(target, Session):
            with target.begin_nested():
                return work(target)
        return target.write(work)
    except ImportCancelled as stop:
        return stop.args[0]


def _write(session: Session, actor: Actor, preview: LeadImportPreview, mode: str,
           on_duplicate: str, progress: Progress | None, now: dt.datetime) -> LeadImportResult:
    rows = preview.rows
    errors = preview.error_count
    if mode == "all_or_nothing" and errors:
        return LeadImportResult(preview, mode, on_duplicate, rejected=errors, refused=True)
    to_create = [r for r in rows if r.status == "ok"
                 or (r.status == "duplicate" and on_duplicate == "import")]
    skipped = preview.duplicate_count if on_duplicate == "skip" else 0
    total = len(rows)

    def report(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ImportCancelled(LeadImportResult(preview, mode, on_duplicate, cancelled=True))

    report(0)
    created: list[int] = []
    done = total - len(to_create)
    db_user = audit._db_user(session)
    file_name = Path(preview.path).name
    for start in range(0, len(to_create), BATCH):
        batch = to_create[start:start + BATCH]
        objs = []
        for r in batch:
            values = {f: r.fields.get(f) for f in LIMITS}
            objs.append(Lead(**values, phone_digits=normalize.normalize_phone(values["phone"]),
                             status="new", owner_id=r.owner_id, created_at=now,
                             created_by_id=actor.user_id, updated_at=now))
        session.add_all(objs)
        session.flush()
        session.execute(insert(AuditLog.__table__), [
            {"actor_id": actor.user_id, "db_user": db_user, "action": "lead.create",
             "entity": "lead", "entity_id": o.id, "at": now,
             "details": {"version": 1, "source": "import", "file": file_name, "row": r.row,
                         "after": {f: v for f, v in {**r.fields, "owner_id": r.owner_id}.items()
                                   if v is not None and f != "owner"}}}
            for o, r in zip(objs, batch)])
        created.extend(o.id for o in objs)
        done += len(batch)
        report(done)
    audit.record(session, actor.user_id, "lead.import", "lead", None, file=file_name,
                 created=len(created), skipped=skipped, rejected=errors, mode=mode)
    return LeadImportResult(preview, mode, on_duplicate, created_ids=tuple(created),
                            skipped_duplicates=skipped, rejected=errors)


# --------------------------------------------------------------------------- error report

def report_lines(preview: LeadImportPreview) -> Iterable[tuple]:
    """One line per problem: (row, column, header, value, 'error'|'duplicate', reason,
    *the original row)."""
    for r in preview.rows:
        original = tuple(v or None for v in r.values)
        if r.status == "error":
            for i in r.issues:
                yield (i.row, i.column or None, i.header or None, i.value or None, "error",
                       i.reason, *original)
        elif r.status == "duplicate":
            if r.duplicate_of_lead is not None:
                why = f"same {r.duplicate_reason} as existing lead {r.duplicate_of_lead}"
            else:
                why = f"same {r.duplicate_reason} as row {r.duplicate_of_row} of this file"
            yield (r.row, None, None, None, "duplicate", why + "; skipped", *original)


def write_lead_error_report(result: "LeadImportResult | LeadImportPreview", path: str | Path, *,
                            language: str = "en") -> int:
    """Write the rows with errors and the duplicates to an .xlsx at ``path`` (row, column
    letter, header, value, reason, then the original row) so the clerk can fix the file and
    import it again. Returns the number of lines written."""
    from services.export import export_rows
    preview = result.preview if isinstance(result, LeadImportResult) else result
    zh = language.lower().startswith("zh")
    headers = list(REPORT_HEADERS["zh" if zh else "en"]) + [c.header or c.letter
                                                           for c in preview.columns]
    return export_rows(path, headers, report_lines(preview),
                       sheet_title="导入问题" if zh else "Import problems")
