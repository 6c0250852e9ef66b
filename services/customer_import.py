"""Import customers from Excel (.xlsx) or CSV files, in two phases.

``preview_import`` reads the file and says, row by row, what would happen: the header
mapping it understood, rows that are fine, rows with errors (row number as Excel shows it,
column letter and header, the value and the reason) and duplicates (of an existing customer,
or of an earlier row in the same file). Nothing is written.

``run_import`` does it: all good rows in ONE transaction, or none. In mode
``all_or_nothing`` a single bad row refuses the whole file; in mode ``good_rows`` the bad
rows are left out and reported. Duplicates are skipped by default, so importing the same
file twice creates nothing the second time. A progress callback returning False cancels,
and cancelling rolls everything back: nothing is ever half-imported.

Rules carried over from the customer services: the same validation (services.normalize),
the same duplicate keys (normalised name, phone digits, tax id), the same owner rule (a
sales rep's imported customers are theirs; anyone else's go to the public pool) and the
same search index. For speed the rows are checked against the database in a few batched
queries and written with bulk inserts instead of one service call per row.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, ClassVar, Iterable, Sequence

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models.org import User
from models.party import Contact, Customer
from models.pipeline import OwnershipChange
from models.system import AuditLog, DocSequence
from services import audit, normalize
from services.customer_import_rows import (FIELD_HEADERS, FIELD_TITLES, HEADER_SCAN_ROWS,
                                           CellIssue, ColumnMapping, RowResult, clean_row,
                                           detect_layout, field_for_header, header_key)
from services.customer_search import build_search_text
from services.customers import CODE_PREFIX, CODE_SEQUENCE
from services.errors import DuplicateMatch, PermissionDenied, ValidationError
from services.org import Actor
from services.sheet_reader import open_table

BATCH = 500        # rows per bulk insert (and per progress report)

__all__ = ["FIELD_HEADERS", "FIELD_TITLES", "CellIssue", "ColumnMapping", "ImportPreview",
           "ImportResult", "RowResult", "field_for_header", "header_key", "preview_import",
           "read_import_file", "run_import", "write_error_report"]


# --------------------------------------------------------------------------- results


class PreviewCounts:
    """What every import preview offers over its ``columns`` and per-row ``rows``."""

    @property
    def mapping(self) -> dict[str, str | None]:
        """Column letter → field, the form ``mapping=`` accepts."""
        return {c.letter: c.field for c in self.columns}

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def ok_count(self) -> int:
        return self.count("ok")

    @property
    def error_count(self) -> int:
        return self.count("error")

    @property
    def duplicate_count(self) -> int:
        return self.count("duplicate")


@dataclass(frozen=True)
class ImportPreview(PreviewCounts):
    path: str
    file_kind: str                           # 'xlsx' | 'csv'
    sheet: str | None
    encoding: str | None
    header_row: int
    columns: tuple[ColumnMapping, ...]
    rows: tuple[RowResult, ...]
    notes: tuple[str, ...]                   # what was understood, in words; the first
                                             # one always lists the columns understood
    # The rows as read and checked, before the database was asked about duplicates:
    # run_import re-checks these inside its own transaction.
    cleaned: tuple[RowResult, ...] = field(default=(), repr=False, compare=False)

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)



@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    mode: str
    on_duplicate: str
    created_ids: tuple[int, ...] = ()
    skipped_duplicates: int = 0
    rejected: int = 0                        # bad rows left out (good_rows) or refused
    refused: bool = False                    # all_or_nothing and some row was bad
    cancelled: bool = False

    #: what the summary counts (the lead import's result says "leads")
    noun: ClassVar[str] = "customers"

    @property
    def created(self) -> int:
        return len(self.created_ids)

    @property
    def ok(self) -> bool:
        return not self.refused and not self.cancelled

    @property
    def summary(self) -> str:
        p = self.preview
        name = Path(p.path).name
        if self.cancelled:
            return f"{name}: import cancelled; nothing was imported."
        if self.refused:
            return (f"{name}: nothing imported because {p.error_count} of {len(p.rows)} rows "
                    "have errors (all-or-nothing). Fix them or import the good rows only.")
        parts = [f"{self.created} {self.noun} imported"]
        if self.skipped_duplicates:
            parts.append(f"{self.skipped_duplicates} duplicates skipped")
        if self.rejected:
            parts.append(f"{self.rejected} rows with errors left out")
        return f"{name}: " + ", ".join(parts) + "."


class ImportCancelled(Exception):
    """Raised inside the import transaction to roll it back when the user cancels."""


# --------------------------------------------------------------------------- duplicates


@dataclass(frozen=True)
class _Keys:
    code: str | None
    name: str | None
    phone: str | None
    tax_id: str | None


def _keys(fields: dict) -> _Keys:
    code = fields.get("code")
    return _Keys(code=code.casefold() if code else None,
                 name=normalize.normalize_name(fields.get("name")) or None,
                 phone=normalize.normalize_phone(fields.get("phone")),
                 tax_id=normalize.normalize_tax_id(fields.get("tax_id")))


def _chunks(items: Sequence, size: int = 500) -> Iterable[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _existing_matches(session: Session, keys: list[_Keys], codes: list[str]):
    """Existing customers sharing a key with any row, in a few batched queries that each
    use one index: {('code'|'name'|'phone'|'tax_id', key): [(id, code, name, owner)]}.
    Merged-away customers are dropped here rather than in SQL: with the extra condition
    PostgreSQL may pick the list's partial index and combine it with every lookup."""
    found: dict[tuple[str, str], list[tuple]] = {}

    def add(kind: str, value: str, row) -> None:
        if row.merged_into_id is not None:
            return
        hits = found.setdefault((kind, value), [])
        if all(h[0] != row.id for h in hits):
            hits.append((row.id, row.code, row.name, row.display_name))

    shown = (Customer.id, Customer.code, Customer.name, User.display_name,
             Customer.merged_into_id)
    cols = {"name": Customer.name_norm, "phone": Customer.phone_digits,
            "tax_id": Customer.tax_id_norm}
    for kind, col in cols.items():
        wanted = sorted({getattr(k, kind) for k in keys if getattr(k, kind)})
        for chunk in _chunks(wanted):
            q = (select(*shown, col.label("key")).outerjoin(User, User.id == Customer.owner_id)
                 .where(col.in_(chunk)))
            for row in session.execute(q):
                add(kind, row.key, row)
        if kind == "phone":
            # A phone also matches a contact's phone (as find_duplicates does).
            for chunk in _chunks(wanted):
                q = (select(*shown, Contact.phone_digits.label("key"))
                     .join(Contact, Contact.customer_id == Customer.id)
                     .outerjoin(User, User.id == Customer.owner_id)
                     .where(Contact.phone_digits.in_(chunk)))
                for row in session.execute(q):
                    add("phone", row.key, row)
    # Codes match case-insensitively (c-000001 is C-000001 typed lazily); looking up the
    # spellings as typed, upper- and lower-case keeps to the unique index on code.
    spellings = sorted({v for c in codes for v in (c, c.upper(), c.lower())})
    for chunk in _chunks(spellings):
        q = (select(*shown).outerjoin(User, User.id == Customer.owner_id)
             .where(Customer.code.in_(chunk)))
        for row in session.execute(q):
            add("code", row.code.casefold(), row)
    return found


def _mark_duplicates(session: Session, rows: list[RowResult],
                     code_col: ColumnMapping | None) -> tuple[list[RowResult], dict]:
    good = [(i, r) for i, r in enumerate(rows) if r.status == "ok"]
    keys = {i: _keys(r.fields) for i, r in good}
    existing = _existing_matches(session, list(keys.values()),
                                 [r.fields["code"] for _i, r in good if r.fields.get("code")])
    seen: dict[tuple[str, str], int] = {}        # key → first row number in the file
    out = list(rows)
    kinds = ("code", "tax_id", "phone", "name")
    for i, r in good:
        k = keys[i]
        hits: dict[int, tuple[tuple, list[str]]] = {}
        for kind in kinds:
            value = getattr(k, kind)
            for match in existing.get((kind, value), ()) if value else ():
                hits.setdefault(match[0], (match, []))[1].append(kind)
        if hits:
            # The best candidate: most shared keys, then the oldest customer.
            cid, (match, reasons) = min(hits.items(), key=lambda kv: (-len(kv[1][1]), kv[0]))
            out[i] = replace(r, status="duplicate", duplicate_of=DuplicateMatch(
                customer_id=cid, code=match[1], name=match[2], owner_name=match[3],
                reasons=tuple(reasons)))
        elif k.code and ("code", k.code) in seen:
            out[i] = replace(r, status="error", issues=(CellIssue(
                r.row, code_col.letter if code_col else "", code_col.header if code_col else "",
                "code", r.fields["code"],
                f"code {r.fields['code']} is also used in row {seen[('code', k.code)]} of "
                "this file; codes must be unique."),))
            continue
        else:
            earlier = [seen[(kind, getattr(k, kind))] for kind in kinds
                       if getattr(k, kind) and (kind, getattr(k, kind)) in seen]
            if earlier:
                out[i] = replace(r, status="duplicate", duplicate_of_row=min(earlier))
        for kind in kinds:
            value = getattr(k, kind)
            if value:
                seen.setdefault((kind, value), r.row)
    return out, {rows[i].row: k for i, k in keys.items()}


# --------------------------------------------------------------------------- preview


def _check_actor(actor: Actor) -> None:
    if actor.role not in ("sales", "sales_manager", "admin"):
        raise PermissionDenied("Only sales staff and administrators can import customers.")


def read_import_file(path: str | Path, mapping: dict | None = None, *,
                     header_row: int | None = None, sheet: str | None = None) -> ImportPreview:
    """Read and check every row of ``path`` without the database: each row's own problems,
    not yet duplicates of existing customers (preview_import adds those, run_import checks
    them again in its transaction). Reading a big file takes seconds; this way it happens
    once and outside any transaction (a SQLite write lock is never held while parsing)."""
    return _read_file(path, mapping, header_row, sheet)


def _read_file(path: str | Path, mapping: dict | None, header_row: int | None,
               sheet: str | None) -> ImportPreview:
    with open_table(path, sheet=sheet) as table:
        rows_iter = table.rows()
        head: list[tuple[int, tuple]] = []
        for n, values in rows_iter:
            head.append((n, values))
            if len(head) >= HEADER_SCAN_ROWS:
                break
        layout = detect_layout(table, head, mapping, header_row)
        results: list[RowResult] = []

        def take(n: int, values: tuple) -> None:
            if n < layout.data_start:
                return
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                return                       # blank lines are not rows
            results.append(clean_row(n, values, layout))
        for n, values in head:
            take(n, values)
        for n, values in rows_iter:
            take(n, values)
        notes = list(layout.notes)
        if table.kind == "csv":
            enc = {"gb18030": "GBK/GB18030", "utf-8-sig": "UTF-8 (with BOM)"}.get(
                table.encoding, table.encoding.upper())
            delim = "tab" if table.delimiter == "\t" else repr(table.delimiter)
            notes.insert(1, f"CSV file, text encoding {enc}, delimiter {delim}.")
        elif table.other_sheets:
            notes.insert(1, f"Sheet {table.sheet_name!r} read; other sheets "
                            f"({', '.join(table.other_sheets)}) ignored.")
        if not results:
            notes.append("The file has no data rows below the header.")
        return ImportPreview(path=str(path), file_kind=table.kind, sheet=table.sheet_name,
                             encoding=table.encoding, header_row=layout.header_row,
                             columns=tuple(layout.columns), rows=tuple(results),
                             notes=tuple(notes), cleaned=tuple(results))


def _check_duplicates(session: Session, preview: ImportPreview) -> tuple[ImportPreview, dict]:
    """The preview with duplicates marked against the database as it is now, and the
    duplicate keys of each row (by row number)."""
    code_col = next((c for c in preview.columns if c.field == "code"), None)
    rows, keys = _mark_duplicates(session, list(preview.cleaned), code_col)
    return replace(preview, rows=tuple(rows)), keys


def preview_import(session: Session, actor: Actor, source: "str | Path | ImportPreview",
                   mapping: dict | None = None, *, header_row: int | None = None,
                   sheet: str | None = None) -> ImportPreview:
    """Read ``source`` (a path, or what read_import_file returned) and report what
    importing it would do, duplicates of existing customers included; writes nothing.

    ``mapping`` (from the import wizard) fixes the columns: keys are column letters or
    header texts, values are import fields (see FIELD_HEADERS) or None to ignore the
    column; columns it does not name are ignored. Without it the headers are recognised
    by name. File-level problems (unreadable file, no header row, no name column) raise
    ValidationError('file', …); row-level problems are in the returned rows."""
    _check_actor(actor)
    if not isinstance(source, ImportPreview):
        source = _read_file(source, mapping, header_row, sheet)
    return _check_duplicates(session, source)[0]


# --------------------------------------------------------------------------- run

Progress = Callable[[int, int], "bool | None"]


def run_import(target, actor: Actor, source: "str | Path | ImportPreview", *,
               mode: str = "all_or_nothing",
               on_duplicate: str = "skip", mapping: dict | None = None,
               header_row: int | None = None, sheet: str | None = None,
               progress: Progress | None = None) -> ImportResult:
    """Import the good rows of ``source`` (a file path, or the ImportPreview the user looked
    at: its rows are imported as previewed, without reading the file again) in one
    transaction. Duplicates are checked again inside that transaction.

    ``target`` is an app.db.Database (the import gets its own transaction, retried on
    serialization failure) or a Session inside the caller's transaction (the import runs in
    a savepoint). ``mode``: 'all_or_nothing' writes nothing when any row has an error;
    'good_rows' writes the good rows and reports the rest. ``on_duplicate``: 'skip' (default)
    leaves rows that look like an existing customer or an earlier row out; 'import' creates
    them anyway (a row whose code is already taken is always skipped). ``progress(done,
    total)`` is called before writing and after each batch; returning False cancels and
    rolls everything back."""
    if mode in ("all", "all-or-nothing"):
        mode = "all_or_nothing"
    if mode in ("good", "good-rows"):
        mode = "good_rows"
    if mode not in ("all_or_nothing", "good_rows"):
        raise ValidationError("mode", f"Unknown import mode {mode!r}: use all_or_nothing "
                                      "or good_rows.")
    if on_duplicate not in ("skip", "import"):
        raise ValidationError("on_duplicate", f"Unknown duplicate rule {on_duplicate!r}: "
                                              "use skip or import.")
    _check_actor(actor)

    if isinstance(source, ImportPreview):
        read = source
    else:
        read = _read_file(source, mapping, header_row, sheet)

    def work(session: Session) -> ImportResult:
        preview, keys = _check_duplicates(session, read)
        return _write(session, actor, preview, keys, mode, on_duplicate, progress)

    if isinstance(target, Session):
        try:
            with target.begin_nested():
                return work(target)
        except ImportCancelled as stop:
            return stop.args[0]
    try:
        return target.write(work)
    except ImportCancelled as stop:
        return stop.args[0]


ANALYZE_AFTER = 1000     # rows; see _analyze


def _analyze(session: Session) -> None:
    """Refresh PostgreSQL's statistics after a bulk insert. Plans cached for prepared
    statements (psycopg prepares repeated queries) were made for the tables as they were;
    on a new database that means "empty", and lookups then scan instead of using indexes.
    ANALYZE updates the statistics (our own uncommitted rows included) and invalidates
    those plans. A login that may not analyze gets a warning from the server, not an error;
    the savepoint keeps even an error from touching the import."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError
    try:
        with session.begin_nested():
            session.execute(text("ANALYZE customer, contact, customer_search_token, "
                                 "customer_search_narrow"))
    except DBAPIError:
        pass


def _owner_for(actor: Actor) -> int | None:
    # The same rule as services.customers.create_customer with owner_id=None: a sales
    # rep's new customers are theirs, anyone else's go to the public pool.
    return actor.user_id if actor.role == "sales" else None


def _write(session: Session, actor: Actor, preview: ImportPreview, keys: dict, mode: str,
           on_duplicate: str, progress: Progress | None) -> ImportResult:
    rows = preview.rows
    errors = preview.error_count
    total = len(rows)
    if mode == "all_or_nothing" and errors:
        return ImportResult(preview, mode, on_duplicate, rejected=errors, refused=True)
    to_create = [r for r in rows if r.status == "ok" or (
        r.status == "duplicate" and on_duplicate == "import"
        and not (r.duplicate_of is not None and "code" in r.duplicate_of.reasons))]
    skipped = sum(1 for r in rows if r.status == "duplicate") - \
        sum(1 for r in to_create if r.status == "duplicate")

    def report(done: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ImportCancelled(ImportResult(preview, mode, on_duplicate, cancelled=True))

    report(0)
    owner_id = _owner_for(actor)
    now = dt.datetime.now(dt.timezone.utc)
    created: list[int] = []
    done = total - len(to_create)
    given = {r.fields["code"].casefold() for r in rows if r.fields.get("code")}
    db_user = audit._db_user(session)
    file_name = Path(preview.path).name
    for batch in _chunks(to_create, BATCH):
        fresh = iter(_reserve_codes(session, sum(1 for r in batch if not r.fields.get("code")),
                                    given))
        params = [_customer_row(r.fields, keys[r.row], r.fields.get("code") or next(fresh),
                                owner_id, actor.user_id, now) for r in batch]
        # Plain executemany, then the ids by code (codes are unique): on PostgreSQL this
        # is several times faster than INSERT … RETURNING with thousands of VALUES rows.
        session.execute(insert(Customer.__table__), params)
        id_by_code = dict(session.execute(select(Customer.code, Customer.id).where(
            Customer.code.in_([p["code"] for p in params]))).all())
        ids = [id_by_code[p["code"]] for p in params]
        contacts = [{"customer_id": cid, "name": r.fields["contact"],
                     "title": r.fields.get("contact_title"), "is_primary": True,
                     "created_at": now, "version_id": 1}
                    for cid, r in zip(ids, batch) if r.fields.get("contact")]
        if contacts:
            session.execute(insert(Contact.__table__), contacts)
        _refresh_search_index(session, ids)
        # The same audit entry create_customer writes, plus where the row came from.
        session.execute(insert(AuditLog.__table__), [
            {"actor_id": actor.user_id, "db_user": db_user, "action": "customer.create",
             "entity": "customer", "entity_id": cid, "at": now,
             "details": {"version": 1,
                         "after": {f: p[f] for f in _AUDITED if p[f] is not None},
                         "source": "import", "file": file_name, "row": r.row}}
            for cid, r, p in zip(ids, batch, params)])
        if owner_id is not None:
            # A rep's imported customers are theirs: the owner history starts here, as a
            # customer created in the form starts with its 'create' row.
            session.execute(insert(OwnershipChange.__table__), [
                {"customer_id": cid, "from_owner_id": None, "to_owner_id": owner_id,
                 "reason": "import", "at": now, "actor_id": actor.user_id, "note": file_name}
                for cid in ids])
        created.extend(ids)
        done += len(batch)
        report(done)
    if len(created) >= ANALYZE_AFTER and session.get_bind().dialect.name == "postgresql":
        _analyze(session)
    audit.record(session, actor.user_id, "customer.import", "customer", None,
                 file=Path(preview.path).name, created=len(created), skipped=skipped,
                 rejected=errors, mode=mode)
    return ImportResult(preview, mode, on_duplicate, created_ids=tuple(created),
                        skipped_duplicates=skipped, rejected=errors)


_AUDITED = ("code", "name", "kind", "level", "industry", "source", "region", "address",
            "phone", "email", "tax_id", "notes", "owner_id")


def _customer_row(fields: dict, k: "_Keys", code: str, owner_id: int | None, actor_id: int,
                  now: dt.datetime) -> dict:
    phone = fields.get("phone")
    tax_id = k.tax_id
    email = fields.get("email")
    return {
        "code": code, "name": fields["name"], "kind": fields.get("kind", "company"),
        "level": fields.get("level"), "industry": fields.get("industry"),
        "source": fields.get("source"), "region": fields.get("region"),
        "address": fields.get("address"), "phone": phone,
        "email": normalize.normalize_email(email) if email else None,
        "tax_id": tax_id, "notes": fields.get("notes"),
        "owner_id": owner_id, "claimed_at": now if owner_id else None,
        "name_norm": k.name or "",
        "phone_digits": k.phone,
        "tax_id_norm": tax_id,
        # Computed here as refresh_search_index would, so it finds nothing to update.
        "search_text": build_search_text(
            name=fields["name"], code=code, phone=phone,
            email=normalize.normalize_email(email) if email else None,
            contact_names=[fields["contact"]] if fields.get("contact") else []),
        "created_at": now, "created_by_id": actor_id,
        "updated_at": now, "updated_by_id": actor_id, "version_id": 1,
    }


def _reserve_codes(session: Session, n: int, avoid: set[str]) -> list[str]:
    """``n`` fresh codes from the customer code counter (the one create_customer uses), in
    one locked UPDATE per round; numbers whose code is taken (typed by hand earlier, or in
    ``avoid``: codes given in this file) are passed over, as create_customer does."""
    if n <= 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    doc_type, year = CODE_SEQUENCE
    session.execute(dialect_insert(DocSequence).values(doc_type=doc_type, year=year,
                                                       last_number=0)
                    .on_conflict_do_nothing(index_elements=["doc_type", "year"]))
    out: list[str] = []
    while len(out) < n:
        k = n - len(out)
        last = session.execute(
            update(DocSequence).where(DocSequence.doc_type == doc_type, DocSequence.year == year)
            .values(last_number=DocSequence.last_number + k)
            .returning(DocSequence.last_number)).scalar_one()
        candidates = [f"{CODE_PREFIX}{i:06d}" for i in range(last - k + 1, last + 1)]
        taken = set(session.scalars(select(Customer.code).where(Customer.code.in_(candidates))))
        out += [c for c in candidates if c not in taken and c.casefold() not in avoid]
    return out


def _refresh_search_index(session: Session, ids: list[int]) -> None:
    from services.customer_search import refresh_search_index
    refresh_search_index(session, ids)


# --------------------------------------------------------------------------- error report

REPORT_HEADERS = {
    "en": ("Row", "Column", "Header", "Value", "Problem", "Reason"),
    "zh": ("行号", "列", "表头", "值", "问题", "原因"),
}


def report_lines(preview: ImportPreview) -> Iterable[tuple]:
    """One line per problem: (row, column, header, value, 'error'|'duplicate', reason,
    *the original row)."""
    for r in preview.rows:
        original = tuple(v or None for v in r.values)
        if r.status == "error":
            for i in r.issues:
                yield (i.row, i.column or None, i.header or None, i.value or None, "error",
                       i.reason, *original)
        elif r.status == "duplicate":
            if r.duplicate_of is not None:
                d = r.duplicate_of
                same = ", ".join({"tax_id": "tax id"}.get(x, x) for x in d.reasons)
                owner = f", owner {d.owner_name}" if d.owner_name else ", in the public pool"
                reason = (f"duplicate of existing customer {d.code} {d.name} "
                          f"(same {same}{owner}); skipped")
            else:
                reason = f"duplicate of row {r.duplicate_of_row} in this file; skipped"
            yield (r.row, None, None, None, "duplicate", reason, *original)


def write_error_report(result: "ImportResult | ImportPreview", path: str | Path, *,
                       language: str = "en") -> int:
    """Write the rows with errors and the duplicates of an import (or a preview) to an
    .xlsx at ``path``: row number, column letter, header, value and reason, followed by the
    row's original values, so the clerk can fix the file and import it again. Bold, frozen
    header row; readable widths. Returns the number of lines written."""
    from services.export import export_rows
    preview = result.preview if isinstance(result, ImportResult) else result
    zh = language.lower().startswith("zh")
    headers = list(REPORT_HEADERS["zh" if zh else "en"]) + [c.header or c.letter
                                                            for c in preview.columns]
    return export_rows(path, headers, report_lines(preview),
                       sheet_title="导入问题" if zh else "Import problems")
