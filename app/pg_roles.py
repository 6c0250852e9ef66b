"""Database login roles on the office PostgreSQL server.

Every staff member connects as their own database login (the client's login dialog sends
the user's name and password to PostgreSQL, scram-sha-256 over TLS where offered). Each login
is a member of the group role ``qianli_staff``, which holds the table rights. Row-level
security and per-role groups (qianli_sales, qianli_finance, …) arrive with the security
issue; until then the service layer enforces who sees what.

Roles are cluster-wide, so every statement here is idempotent."""
from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import Connection

STAFF_GROUP = "qianli_staff"
_ROLE_NAME = re.compile(r"^[A-Za-z0-9._-]{1,63}$")


def _ident(name: str) -> str:
    if not _ROLE_NAME.match(name):
        raise ValueError(f"{name!r} cannot be a database role name")
    return '"' + name + '"'


def grant_staff_rights(conn: Connection) -> None:
    """Create the staff group if needed and give it the rights the client needs on every
    table and sequence of the schema (run after each ``db upgrade``)."""
    conn.execute(text(f"""DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{STAFF_GROUP}') THEN
            CREATE ROLE {STAFF_GROUP} NOLOGIN;
        END IF; END $$"""))
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {STAFF_GROUP}"))
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public "
                      f"TO {STAFF_GROUP}"))
    conn.execute(text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {STAFF_GROUP}"))


def ensure_login_role(conn: Connection, login: str, password: str | None) -> bool:
    """Create (or re-password) the database login for a staff member. Returns False when
    the connected role may not create roles (then an administrator must do it)."""
    can = conn.execute(text("SELECT rolcreaterole OR rolsuper FROM pg_roles "
                            "WHERE rolname = current_user")).scalar()
    if not can:
        return False
    role = _ident(login)
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}).scalar()
    if not exists:
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
    if password:
        # PASSWORD takes a literal, not a bind parameter; quote it the SQL way.
        quoted = "'" + password.replace("'", "''") + "'"
        conn.execute(text(f"ALTER ROLE {role} PASSWORD {quoted}"))
    conn.execute(text(f"GRANT {STAFF_GROUP} TO {role}"))
    return True
