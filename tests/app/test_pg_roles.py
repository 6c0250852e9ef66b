"""Office server logins: each staff member is a database role in the qianli_staff group."""
from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import pg_roles


def test_staff_login_role_can_use_the_tables(pg_db):
    login = f"{make_url(pg_db.url).database}_roletest"
    with pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        pg_roles.grant_staff_rights(c)
        assert pg_roles.ensure_login_role(c, login, "s3cret'pw") is True
        # idempotent: a second call re-passwords, it does not fail
        assert pg_roles.ensure_login_role(c, login, "s3cret'pw") is True
        stored = c.execute(text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"),
                           {"r": login}).scalar()
        member = c.execute(text("SELECT pg_has_role(:r, 'qianli_staff', 'member')"),
                           {"r": login}).scalar()
    assert stored.startswith("SCRAM-SHA-256$")   # never kept in clear text
    assert member is True
    as_staff = create_engine(make_url(pg_db.url).set(username=login, password="s3cret'pw"))
    try:
        with as_staff.begin() as c:
            c.execute(text("INSERT INTO setting(key, value) VALUES ('probe', '1')"))
            assert c.execute(text("SELECT session_user")).scalar() == login
            assert c.execute(text("SELECT count(*) FROM customer")).scalar() == 0
    finally:
        as_staff.dispose()


def test_role_names_are_checked(pg_db):
    import pytest
    with pg_db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        with pytest.raises(ValueError):
            pg_roles.ensure_login_role(c, 'x"; DROP TABLE customer; --', "pw")
