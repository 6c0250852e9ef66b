"""Gapless document numbers per type and year, e.g. ``DN-2026-000123``.

The counter row is locked for the rest of the caller's transaction, so two postings queue
and a rolled-back posting gives its number back: no gaps, no duplicates."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from models.system import DocSequence


def next_number(session: Session, doc_type: str, year: int | None = None,
                width: int = 6) -> str:
    year = year or dt.date.today().year
    # UPDATE … RETURNING takes the row lock and increments in one statement.
    take = (update(DocSequence)
            .where(DocSequence.doc_type == doc_type, DocSequence.year == year)
            .values(last_number=DocSequence.last_number + 1)
            .returning(DocSequence.last_number))
    n = session.execute(take).scalar_one_or_none()
    if n is None:
        # First number of this type and year: create the counter (a concurrent first
        # caller waits on the key, then does nothing) and take from it. Only then, so a
        # posting holds the counter's lock one statement less.
        dialect = session.get_bind().dialect.name
        ins = (pg_insert if dialect == "postgresql" else sqlite_insert)(DocSequence)
        session.execute(ins.values(doc_type=doc_type, year=year, last_number=0)
                        .on_conflict_do_nothing(index_elements=["doc_type", "year"]))
        n = session.execute(take).scalar_one()
    return f"{doc_type}-{year}-{n:0{width}d}"


def peek_last(session: Session, doc_type: str, year: int) -> int:
    return session.scalar(select(DocSequence.last_number).where(
        DocSequence.doc_type == doc_type, DocSequence.year == year)) or 0


def next_code(session: Session, counter: str, prefix: str, taken) -> str:
    """The next free master-data code (``C-000001``, ``S-000001``) from a counter that does
    not reset each year (``doc_sequence`` row ``(counter, 0)``, locked for the rest of the
    transaction, so a rolled-back create gives its number back). ``taken(code)`` says
    whether a code was typed by hand earlier; the counter skips those."""
    dialect = session.get_bind().dialect.name
    ins = (pg_insert if dialect == "postgresql" else sqlite_insert)(DocSequence)
    session.execute(ins.values(doc_type=counter, year=0, last_number=0)
                    .on_conflict_do_nothing(index_elements=["doc_type", "year"]))
    while True:
        n = session.execute(
            update(DocSequence).where(DocSequence.doc_type == counter, DocSequence.year == 0)
            .values(last_number=DocSequence.last_number + 1)
            .returning(DocSequence.last_number)).scalar_one()
        code = f"{prefix}{n:06d}"
        if not taken(code):
            return code
