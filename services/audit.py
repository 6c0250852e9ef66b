"""Audit trail: one row per business change, written in the same transaction."""
from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.system import AuditLog


def _db_user(session: Session) -> str | None:
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return None
    # Asked once per database connection (kept in the pooled connection's info): the
    # login of a connection never changes, and every write saves the round trip.
    info = session.connection().info
    if "db_user" not in info:
        info["db_user"] = session.execute(text("SELECT session_user")).scalar_one()
    return info["db_user"]


def record(session: Session, actor_id: int | None, action: str, entity: str,
           entity_id: int | None, **details: Any) -> None:
    session.add(AuditLog(actor_id=actor_id, db_user=_db_user(session), action=action,
                         entity=entity, entity_id=entity_id, details=_jsonable(details)))


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)
