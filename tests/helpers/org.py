"""A small organisation used across service tests."""
from __future__ import annotations

from dataclasses import dataclass

from app.db import Database
from services import org
from services.org import Actor


@dataclass
class Staff:
    admin: Actor
    manager: Actor      # sales manager of team East
    rep1: Actor         # team East
    rep2: Actor         # team East
    rep3: Actor         # team West
    finance: Actor
    warehouse: Actor


def make_staff(db: Database) -> Staff:
    def build(s):
        specs = [("admin", "管理员", "admin", None), ("manager", "王经理", "sales_manager", "East"),
                 ("rep1", "张伟", "sales", "East"), ("rep2", "李娜", "sales", "East"),
                 ("rep3", "Tom Lee", "sales", "West"), ("finance", "刘会计", "finance", None),
                 ("warehouse", "陈库管", "warehouse", None)]
        for login, name, role, team in specs:
            org.add_user(s, None, login=login, display_name=name, role=role,
                         password="secret123", team=team,
                         manager_login="manager" if team == "East" and role == "sales" else None)
        return Staff(*(org.actor_for(s, spec[0]) for spec in specs))
    return db.write(build)
