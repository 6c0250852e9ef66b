"""pool sweep indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Two partial expression indexes over owned, live customers for the public-pool clocks,
PostgreSQL only (models/pipeline.py POOL_INDEXES, services/pool.py): the start of the no-follow-up clock
and of the no-won-deal clock, each with the level. The sweep and the Today workbench read
the customers due (soon) as one range of each instead of visiting every owned customer.
The opportunities-of-a-customer index gains state and close time, so the sweep's "won a
deal since the claim" test reads the index alone.
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

OWNED = "owner_id IS NOT NULL AND merged_into_id IS NULL"
# Kept identical to models.pipeline.pool_follow_up_start / pool_deal_start: the databases
# use an expression index only for the same expression.
FOLLOW_UP_START = "coalesce(greatest(last_follow_up_at, claimed_at), created_at)"
DEAL_START = "coalesce(claimed_at, created_at)"
INDEXES = (("ix_customer_pool_follow_up", FOLLOW_UP_START),
           ("ix_customer_pool_deal", DEAL_START))


def upgrade() -> None:
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_index('ix_opportunity_customer')
        batch_op.create_index('ix_opportunity_customer', ['customer_id', 'state', 'closed_at'],
                              unique=False)
    if op.get_bind().dialect.name != 'postgresql':
        return                  # SQLite's sweep uses no index of these (see models/pipeline.py)
    for name, start in INDEXES:
        op.create_index(name, 'customer', [sa.text(start), 'level'], unique=False,
                        postgresql_where=sa.text(OWNED))


def downgrade() -> None:
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_index('ix_opportunity_customer')
        batch_op.create_index('ix_opportunity_customer', ['customer_id'], unique=False)
    if op.get_bind().dialect.name != 'postgresql':
        return
    for name, _ in INDEXES:
        op.drop_index(name, table_name='customer')
