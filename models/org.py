"""Organisation: users, teams, roles."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow

ROLES = ("sales", "sales_manager", "warehouse", "finance", "admin")


class Team(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    manager_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", use_alter=True, name="fk_team_manager_id_app_user"))


class User(Base):
    # "user" is reserved in PostgreSQL.
    __tablename__ = "app_user"
    __table_args__ = (
        CheckConstraint("role IN ('sales','sales_manager','warehouse','finance','admin')",
                        name="role_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # argon2id hash; used in SQLite (one PC) mode. On PostgreSQL the database login checks it.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)
