"""Factories for sales-pipeline tests: customers, opportunities (moved through stages at
chosen instants) and leads, each through the real services in its own transaction.

    stages = stage_ids(db)                       # {'initial': 1, …, 'won': 5, 'lost': 6}
    opp = make_opportunity(db, staff.rep1, amount="5000", stage="proposal",
                           expected_close_on=date(2026, 3, 31), now=t0)
    opp = move(db, staff.rep1, opp.id, "won", now=t0 + timedelta(days=9))
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.db import Database
from services import customers, leads, opportunities, stages
from services.customers import CustomerDetail, CustomerInput
from services.leads import LeadInfo, LeadInput
from services.opportunities import OpportunityInfo, OpportunityInput
from services.org import Actor


def stage_ids(db: Database) -> dict[str, int]:
    """Stage code → id (the seeded defaults: initial, needs, proposal, negotiation, won,
    lost)."""
    return db.read(lambda s: {x.code: x.id for x in stages.list_stages(
        s, None, include_inactive=True)})


def make_customer(db: Database, actor: Actor, name: str = "华为技术有限公司",
                  **fields) -> CustomerDetail:
    """A customer created by ``actor`` (a rep's is theirs), duplicates allowed."""
    data = CustomerInput(name=name, **fields)
    return db.write(lambda s: customers.create_customer(s, actor, data, allow_duplicate=True))


def make_opportunity(db: Database, actor: Actor, customer_id: int | None = None, *,
                     title: str = "ERP 项目", amount="10000", stage: str | None = None,
                     now: dt.datetime | None = None, lost_reason: str | None = None,
                     **fields) -> OpportunityInfo:
    """An opportunity created by ``actor`` on ``customer_id`` (a fresh customer of the
    actor when None), created at ``now`` directly in ``stage`` (a stage code; default the
    first stage). ``fields``: any other OpportunityInput field (expected_close_on,
    probability, owner_id, products_of_interest, notes)."""
    if customer_id is None:
        customer_id = make_customer(db, actor, f"客户 {title}").id
    stage_id = stage_ids(db)[stage] if stage else None
    data = OpportunityInput(customer_id=customer_id, title=title, amount=Decimal(str(amount)),
                            stage_id=stage_id, lost_reason=lost_reason, **fields)
    return db.write(lambda s: opportunities.create_opportunity(s, actor, data, now=now))


def move(db: Database, actor: Actor, opp_id: int, stage: str, *,
         now: dt.datetime | None = None, lost_reason: str | None = None,
         expected_version: int | None = None) -> OpportunityInfo:
    """Move an opportunity to the stage with code ``stage`` at ``now``."""
    stage_id = stage_ids(db)[stage]
    return db.write(lambda s: opportunities.move_stage(
        s, actor, opp_id, stage_id, expected_version=expected_version,
        lost_reason=lost_reason, now=now))


def make_lead(db: Database, actor: Actor, contact_name: str = "周杰", *,
              now: dt.datetime | None = None, **fields) -> LeadInfo:
    """A lead created by ``actor``; ``fields`` are LeadInput fields."""
    data = LeadInput(contact_name=contact_name, **fields)
    return db.write(lambda s: leads.create_lead(s, actor, data, now=now))
