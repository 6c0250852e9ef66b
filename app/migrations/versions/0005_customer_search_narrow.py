"""customer search narrow table

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

PostgreSQL only. ``customer_search_narrow`` holds, per listed customer, its code and two
projections of ``customer.search_text``: the ASCII pieces (CJK and other non-ASCII runs cut
out, all-digit fields dropped) and the digit runs. An ASCII fragment ('golden', 'c-0834')
is a substring of search_text exactly when it is one of the first; a digits-only fragment
('2435') exactly when it is one of the second. The rows are a quarter of the customer
row's width, so finding the first page of a Latin or phone search touches far fewer pages:
a walk in code order reads a covering index of (code, projection) and stops at the page's
last match; a rare fragment reads candidates from a pg_trgm GIN over the projection.

A trigger on customer keeps the table in step with code, search_text and merged_into_id
(see services/customer_search.py); merged-away customers and customers without searchable
text have no row. The projections are computed by SQL functions so that the trigger, this
migration's backfill and the benchmark's bulk load build exactly the same text.
"""
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

FUNCTIONS = r"""
CREATE OR REPLACE FUNCTION qianli_search_ascii(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(E'\n' || regexp_replace(t, '[^\x01-\x7f]+', E'\n', 'g')
                                || E'\n', E'\n[0-9]*(?=\n)', '', 'g'), E'\n')
$$;

CREATE OR REPLACE FUNCTION qianli_search_digits(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(t, '[^0-9]+', E'\n', 'g'), E'\n')
$$;

CREATE OR REPLACE FUNCTION qianli_customer_search_narrow_sync() RETURNS trigger AS $$
BEGIN
    IF NEW.merged_into_id IS NOT NULL OR NEW.search_text = '' THEN
        DELETE FROM customer_search_narrow WHERE customer_id = NEW.id;
    ELSE
        INSERT INTO customer_search_narrow (customer_id, code, ascii, digits)
        VALUES (NEW.id, NEW.code, qianli_search_ascii(NEW.search_text),
                qianli_search_digits(NEW.search_text))
        ON CONFLICT (customer_id) DO UPDATE
            SET code = EXCLUDED.code, ascii = EXCLUDED.ascii, digits = EXCLUDED.digits;
    END IF;
    RETURN NULL;
END $$ LANGUAGE plpgsql;
"""

BACKFILL = """
INSERT INTO customer_search_narrow (customer_id, code, ascii, digits)
SELECT id, code, qianli_search_ascii(search_text), qianli_search_digits(search_text)
FROM customer WHERE merged_into_id IS NULL AND search_text <> '' ORDER BY code
"""

# Covering indexes for the walks in code order (index-only) and GIN for rare fragments.
INDEXES = (
    "CREATE INDEX ix_customer_search_narrow_ascii_walk ON customer_search_narrow "
    "(code) INCLUDE (customer_id, ascii)",
    "CREATE INDEX ix_customer_search_narrow_digits_walk ON customer_search_narrow "
    "(code) INCLUDE (customer_id, digits)",
    "CREATE INDEX ix_customer_search_narrow_ascii_trgm ON customer_search_narrow "
    "USING gin (ascii gin_trgm_ops)",
    "CREATE INDEX ix_customer_search_narrow_digits_trgm ON customer_search_narrow "
    "USING gin (digits gin_trgm_ops)",
)

TRIGGERS = """
CREATE TRIGGER customer_search_narrow_ai AFTER INSERT ON customer
    FOR EACH ROW EXECUTE FUNCTION qianli_customer_search_narrow_sync();
CREATE TRIGGER customer_search_narrow_au AFTER UPDATE OF code, search_text, merged_into_id
    ON customer FOR EACH ROW
    WHEN (OLD.code IS DISTINCT FROM NEW.code OR OLD.search_text IS DISTINCT FROM NEW.search_text
          OR OLD.merged_into_id IS DISTINCT FROM NEW.merged_into_id)
    EXECUTE FUNCTION qianli_customer_search_narrow_sync();
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # A million customers take a minute or two here: more than the client's statement
    # timeout, which the upgrade's connection carries.
    op.execute("SET LOCAL statement_timeout = 0")
    op.execute("""
        CREATE TABLE customer_search_narrow (
            customer_id integer NOT NULL,
            code varchar(32) NOT NULL,
            ascii text NOT NULL,
            digits text NOT NULL,
            CONSTRAINT pk_customer_search_narrow PRIMARY KEY (customer_id)
        )""")
    op.execute(FUNCTIONS)
    op.execute(BACKFILL)
    # The key is checked once for the whole table, not row by row during the backfill.
    op.execute("ALTER TABLE customer_search_narrow ADD CONSTRAINT "
               "fk_customer_search_narrow_customer_id_customer FOREIGN KEY (customer_id) "
               "REFERENCES customer (id) ON DELETE CASCADE")
    # Finer statistics let the planner judge the GIN candidates of a fragment.
    op.execute("ALTER TABLE customer_search_narrow ALTER COLUMN ascii SET STATISTICS 1000, "
               "ALTER COLUMN digits SET STATISTICS 1000")
    for ddl in INDEXES:
        op.execute(ddl)
    op.execute(TRIGGERS)
    op.execute("ANALYZE customer_search_narrow")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS customer_search_narrow_ai ON customer")
    op.execute("DROP TRIGGER IF EXISTS customer_search_narrow_au ON customer")
    op.execute("DROP TABLE IF EXISTS customer_search_narrow")
    op.execute("DROP FUNCTION IF EXISTS qianli_customer_search_narrow_sync()")
    op.execute("DROP FUNCTION IF EXISTS qianli_search_ascii(text)")
    op.execute("DROP FUNCTION IF EXISTS qianli_search_digits(text)")
