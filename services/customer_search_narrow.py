"""PostgreSQL's narrow search table: where Latin and phone fragments are found.

``customer_search_narrow`` (migration 0005, kept by a trigger on customer) holds per listed
customer its code and two projections of ``customer.search_text``:

* ``ascii``: the ASCII pieces of the text (CJK and other non-ASCII runs cut out, pieces
  that are only digits dropped). A fragment of ASCII characters with at least one non-digit
  (``golden``, ``c-0834``, ``@qq.com``) is in search_text exactly when it is in ``ascii``.
* ``digits``: the digit runs. A fragment of digits only (phones) is in search_text exactly
  when it is in ``digits``.

So a match here needs no second check against search_text. A row is about a quarter of
the customer row, which is what makes these searches cheap: the first page of matches
costs roughly one page read per hundred rows walked, or one per candidate.

Two ways to read it, chosen by customer_search._plan:

* ``walk``: the covering index (code) INCLUDE (customer_id, text) in code order, every
  entry tested, stopping once the page is full — for fragments that match many customers;
* ``index``: candidates from the pg_trgm GIN on the projection, then sorted by code — for
  rare fragments.

Both give (customer_id, code) in code order; the caller joins the customer rows it needs.
The table is not declared on the models (PostgreSQL only, like the FTS5 table on SQLite).
"""
from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Text, Table, select
from sqlalchemy.sql.visitors import replacement_traverse

from models.party import Customer

narrow = Table(
    "customer_search_narrow", MetaData(),
    Column("customer_id", Integer, primary_key=True),
    Column("code", String(32), nullable=False),
    Column("ascii", Text, nullable=False),
    Column("digits", Text, nullable=False),
)

_DIGITS = frozenset("0123456789")

# Fills the table from customer in one statement with the trigger's own SQL functions (a
# bulk load with triggers off: bench/customer_load.py); the migration's backfill is this.
BACKFILL_SQL = (
    "INSERT INTO customer_search_narrow (customer_id, code, ascii, digits) "
    "SELECT id, code, qianli_search_ascii(search_text), qianli_search_digits(search_text) "
    "FROM customer WHERE merged_into_id IS NULL AND search_text <> '' ORDER BY code")
# Rows that differ from what the trigger would write for these customers (must be none).
DRIFT_SQL = (
    "SELECT c.id FROM customer c LEFT JOIN customer_search_narrow n ON n.customer_id = c.id "
    "WHERE c.id = ANY(%s) AND (CASE WHEN c.merged_into_id IS NOT NULL OR c.search_text = '' "
    "THEN n.customer_id IS NOT NULL ELSE n.customer_id IS NULL OR n.code <> c.code "
    "OR n.ascii <> qianli_search_ascii(c.search_text) "
    "OR n.digits <> qianli_search_digits(c.search_text) END)")


def narrow_column(needle: str) -> str | None:
    """'digits' for a fragment of digits, 'ascii' for any other ASCII fragment, None when
    the fragment has a non-ASCII character (CJK, accents: found on the customer table)."""
    if not needle or not needle.isascii():
        return None
    return "digits" if all(ch in _DIGITS for ch in needle) else "ascii"


def like_pattern(needle: str) -> str:
    esc = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def _contains(column, needle: str):
    return column.like(like_pattern(needle), escape="\\")


def code_bounds(conds: list) -> list:
    """Keyset conditions on customer.code restated on the narrow table's code, so a walk
    starts at the key instead of at the first code."""
    cust_code = Customer.__table__.c.code
    return [replacement_traverse(c, {}, lambda el: narrow.c.code if el is cust_code else None)
            for c in conds]


def ordered_source(column: str, needle: str, how: str, bounds: list, descending: bool):
    """The matching (customer_id, code) in code order, as a subquery. ``how`` 'walk' reads
    the covering index in order and tests each entry (OFFSET 0 keeps the test outside, so
    the database cannot turn the walk into something else); 'index' takes the GIN
    candidates first (OFFSET 0 again) and sorts them."""
    n = narrow.c
    order = n.code.desc() if descending else n.code.asc()
    if how == "walk":
        walk = (select(n.customer_id, n.code, n[column]).where(*bounds).order_by(order)
                .offset(0).subquery("walk"))
        return (select(walk.c.customer_id, walk.c.code)
                .where(_contains(walk.c[column], needle)).subquery("narrow"))
    cand = (select(n.customer_id, n.code).where(_contains(n[column], needle), *bounds)
            .offset(0).subquery("cand"))
    corder = cand.c.code.desc() if descending else cand.c.code.asc()
    return select(cand.c.customer_id, cand.c.code).order_by(corder).offset(0).subquery("narrow")


def matches(column: str, needle: str):
    """The matching (customer_id, code) in no particular order (counts, other sorts): the
    database picks the GIN or a scan of the narrow table, both cheap beside the rest."""
    n = narrow.c
    return select(n.customer_id, n.code).where(_contains(n[column], needle)).offset(0).subquery("narrow")
