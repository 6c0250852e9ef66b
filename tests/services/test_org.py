"""Users and logins."""
from __future__ import annotations

import pytest
from services import org
from services.errors import PermissionDenied, ValidationError


def test_production_password_hashing_is_argon2id_with_real_cost():
    # tests swap org._hasher for a cheap one; the one the product uses must stay costly
    encoded = org.PRODUCTION_HASHER.hash("secret123")
    assert encoded.startswith("$argon2id$")
    assert "m=65536,t=3" in encoded
    assert org.PRODUCTION_HASHER.verify(encoded, "secret123")


def test_login_checks_the_password_and_the_active_flag(db, staff):
    actor = db.read(lambda s: org.authenticate(s, "rep1", "secret123"))
    assert actor.login == "rep1" and actor.role == "sales"
    with pytest.raises(PermissionDenied):
        db.read(lambda s: org.authenticate(s, "rep1", "wrong"))
    with pytest.raises(PermissionDenied):
        db.read(lambda s: org.authenticate(s, "nobody", "secret123"))


def test_only_admin_adds_users_and_input_is_checked(db, staff):
    with pytest.raises(PermissionDenied):
        db.write(lambda s: org.add_user(s, staff.manager, login="x", display_name="X",
                                        role="sales", password="secret123"))
    with pytest.raises(ValidationError) as err:
        db.write(lambda s: org.add_user(s, staff.admin, login="rep1", display_name="",
                                        role="boss", password="123"))
    assert set(err.value.errors) == {"login", "display_name", "role", "password"}
    info = db.write(lambda s: org.add_user(s, staff.admin, login="new.rep", display_name="新人",
                                           role="sales", password="secret123", team="East"))
    assert info.team_name == "East" and info.role == "sales"


def test_visibility_by_role(db, staff):
    from sqlalchemy import select
    from models.org import User

    def visible(actor):
        def q(s):
            cond = org.customer_visibility(s, actor, User.id)  # any int column will do
            return set(s.scalars(select(User.login).where(cond)))
        return db.read(q)
    assert visible(staff.rep1) == {"rep1"}
    assert visible(staff.manager) == {"manager", "rep1", "rep2"}
    assert len(visible(staff.admin)) == 7
