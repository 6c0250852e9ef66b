"""Organisation: users, teams, login, and who sees what.

Rules (checked here; database-enforced roles arrive with the security issue):
- a sales rep sees and edits own customers and sees the public pool;
- a sales manager sees and edits the customers of their team and the pool;
- admin sees and edits everything;
- warehouse and finance staff read every customer (they deliver and collect for all of
  them) but do not edit customer master data.
"""
from __future__ import annotations

from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import ColumnElement, false, or_, select, text, true
from sqlalchemy.orm import Session

from models.org import ROLES, Team, User
from services import audit
from services.errors import NotFound, PermissionDenied, ValidationError

# argon2id with argon2-cffi's RFC 9106 low-memory profile (64 MiB, 3 passes).
PRODUCTION_HASHER = PasswordHasher()
_hasher = PRODUCTION_HASHER


@dataclass(frozen=True)
class Actor:
    """The logged-in user on whose behalf a service call runs."""

    user_id: int
    login: str
    display_name: str
    role: str
    team_id: int | None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_manager(self) -> bool:
        return self.role == "sales_manager"

    @property
    def is_sales(self) -> bool:
        return self.role in ("sales", "sales_manager")


@dataclass(frozen=True)
class UserInfo:
    id: int
    login: str
    display_name: str
    role: str
    team_id: int | None
    team_name: str | None
    manager_id: int | None
    active: bool


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _actor(user: User) -> Actor:
    return Actor(user.id, user.login, user.display_name, user.role, user.team_id)


def authenticate(session: Session, login: str, password: str) -> Actor:
    """Check a login. On SQLite the argon2 hash decides; on PostgreSQL a user without a
    hash is accepted when the database itself authenticated them (session_user = login)."""
    user = session.scalar(select(User).where(User.login == login.strip()))
    if user is None or not user.active:
        raise PermissionDenied("Unknown user or wrong password.")
    if user.password_hash:
        try:
            _hasher.verify(user.password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            raise PermissionDenied("Unknown user or wrong password.") from None
        return _actor(user)
    if session.get_bind().dialect.name == "postgresql":
        if session.execute(text("SELECT session_user")).scalar_one() == user.login:
            return _actor(user)
    raise PermissionDenied("Unknown user or wrong password.")


def actor_for(session: Session, login: str) -> Actor:
    """The actor for a login without a password check (CLI on the server, demo, tests)."""
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        raise NotFound("user", login)
    return _actor(user)


def ensure_team(session: Session, name: str) -> int:
    team = session.scalar(select(Team).where(Team.name == name))
    if team is None:
        team = Team(name=name)
        session.add(team)
        session.flush()
    return team.id


def add_user(session: Session, actor: Actor | None, *, login: str, display_name: str,
             role: str, password: str | None = None, team: str | None = None,
             manager_login: str | None = None) -> UserInfo:
    """Create a user. ``actor`` None means the console administrator (CLI, first run)."""
    if actor is not None and not actor.is_admin:
        raise PermissionDenied("Only an administrator can add users.")
    errors = {}
    login = (login or "").strip()
    if not login:
        errors["login"] = "Login is required."
    elif len(login) > 64 or not all(c.isalnum() or c in "._-" for c in login):
        errors["login"] = "Use letters, digits, '.', '_' or '-' (at most 64)."
    if not (display_name or "").strip():
        errors["display_name"] = "Display name is required."
    if role not in ROLES:
        errors["role"] = f"Unknown role {role!r}; one of {', '.join(ROLES)}."
    if password is not None and len(password) < 6:
        errors["password"] = "Password needs at least 6 characters."
    if login and session.scalar(select(User.id).where(User.login == login)):
        errors["login"] = f"Login {login!r} is taken."
    if errors:
        raise ValidationError(errors)
    manager_id = None
    if manager_login:
        manager_id = session.scalar(select(User.id).where(User.login == manager_login))
        if manager_id is None:
            raise ValidationError("manager", f"No user {manager_login!r}.")
    team_id = ensure_team(session, team) if team else None
    user = User(login=login, display_name=display_name.strip(), role=role, team_id=team_id,
                manager_id=manager_id, active=True,
                password_hash=hash_password(password) if password else None)
    session.add(user)
    session.flush()
    if team_id and role == "sales_manager":
        t = session.get(Team, team_id)
        if t.manager_id is None:
            t.manager_id = user.id
    audit.record(session, actor.user_id if actor else None, "user.add", "user", user.id,
                 login=login, role=role, team=team)
    return get_user(session, user.id)


def get_user(session: Session, user_id: int) -> UserInfo:
    row = session.execute(select(User, Team.name).outerjoin(Team, Team.id == User.team_id)
                          .where(User.id == user_id)).first()
    if row is None:
        raise NotFound("user", user_id)
    u, team_name = row
    return UserInfo(u.id, u.login, u.display_name, u.role, u.team_id, team_name,
                    u.manager_id, u.active)


def list_users(session: Session, *, active_only: bool = True) -> list[UserInfo]:
    q = select(User, Team.name).outerjoin(Team, Team.id == User.team_id).order_by(User.login)
    if active_only:
        q = q.where(User.active.is_(True))
    return [UserInfo(u.id, u.login, u.display_name, u.role, u.team_id, t, u.manager_id, u.active)
            for u, t in session.execute(q)]


def team_member_ids(session: Session, actor: Actor) -> list[int]:
    if actor.team_id is None:
        return [actor.user_id]
    ids = list(session.scalars(select(User.id).where(User.team_id == actor.team_id)))
    return ids or [actor.user_id]


def customer_visibility(session: Session, actor: Actor, owner_col) -> ColumnElement[bool]:
    """SQL condition on a customer's owner column: the rows ``actor`` may see."""
    if actor.role in ("admin", "finance", "warehouse"):
        return true()
    if actor.role == "sales_manager":
        return or_(owner_col.is_(None), owner_col.in_(team_member_ids(session, actor)))
    if actor.role == "sales":
        return or_(owner_col.is_(None), owner_col == actor.user_id)
    return false()


def can_edit_customer(session: Session, actor: Actor, owner_id: int | None) -> bool:
    """Edit rights on one customer's master data (pool customers: any sales role)."""
    if actor.is_admin:
        return True
    if actor.role == "sales":
        return owner_id is None or owner_id == actor.user_id
    if actor.role == "sales_manager":
        return owner_id is None or owner_id in team_member_ids(session, actor)
    return False
