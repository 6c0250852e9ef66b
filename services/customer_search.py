"""Customer lists and search: keyset pages, filters, the search index.

The search index
----------------
``customer.search_text`` holds the searchable fields of one customer, each normalised
(NFKC + casefold, whitespace collapsed) and joined by newlines: code, the digits of the
code, name, phone digits, contact names, contact phone digits, email. A query never
contains a newline, so a match never spans two fields.

Three indexes serve fragments of that text:

* ``customer_search_token``: every two-character CJK fragment (bigram) of the text, one row
  per (token, customer). Trigram indexes cannot answer the two-character queries Chinese
  users type (华为, 深圳); this posting table can, and for longer CJK queries its rarest
  bigram is a cheap, selective candidate list.
* PostgreSQL: ``pg_trgm`` GIN on ``search_text`` (``LIKE '%q%'`` uses it).
* SQLite: the FTS5 trigram table ``customer_fts`` (kept by triggers; ``MATCH '"q"'``).

Every candidate is verified against ``search_text`` (exact substring), so index false
positives never reach the caller. ``refresh_search_index`` keeps all of it in step with the
customer and contact rows; call it in the same transaction after every change. A merged
customer (``merged_into_id`` set) is taken out of the index: empty text, no tokens.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import (and_, bindparam, delete, func, insert, literal, select, text,
                        tuple_, update)
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import True_
from sqlalchemy.orm import Session

from models.org import User
from models.party import Contact, Customer, CustomerSearchToken
from services.errors import ValidationError
from services.normalize import normalize_phone
from services.org import Actor, customer_visibility, team_member_ids

SORT_KEYS = ("code", "name", "region", "level", "last_follow_up_at", "updated_at")


@dataclass(frozen=True)
class CustomerFilter:
    scope: str = "all"            # 'mine' | 'pool' | 'team' | 'all' (all = everything the actor may see)
    level: str | None = None
    region: str | None = None
    text: str = ""                # any fragment of name, code, phone, contact name


@dataclass(frozen=True)
class CustomerRow:
    id: int
    code: str
    name: str
    kind: str
    level: str | None
    region: str | None
    industry: str | None
    phone: str | None
    owner_id: int | None
    owner_name: str | None
    last_follow_up_at: dt.datetime | None
    updated_at: dt.datetime


@dataclass(frozen=True)
class CustomerPage:
    rows: tuple[CustomerRow, ...]
    next_key: tuple | None        # pass as ``after`` for the following page; None at the end


# --------------------------------------------------------------------------- normalising

FIELD_SEPARATOR = "\n"
_PHONE_CHARS = frozenset("0123456789 +-()./")
_ASCII_DIGITS = frozenset("0123456789")


def normalize_text(value: str | None) -> str:
    """NFKC + casefold (full-width → half-width, 'ＡＢＣ' → 'abc'), whitespace collapsed."""
    if not value:
        return ""
    s = unicodedata.normalize("NFKC", value)
    s = unicodedata.normalize("NFKC", s.casefold())
    return " ".join(s.split())


def phone_digits(value: str | None) -> str:
    """The digits of a phone number as services.normalize keys it (+86 / 0086 dropped,
    extension cut); '' when there are none."""
    return normalize_phone(value) or ""


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3FFFF
            or 0xF900 <= o <= 0xFAFF or 0x3040 <= o <= 0x30FF or 0xAC00 <= o <= 0xD7AF
            or 0x3100 <= o <= 0x312F)


def cjk_bigrams(text: str) -> list[str]:
    """Distinct two-character fragments inside runs of CJK characters, in first-seen order."""
    out: dict[str, None] = {}
    prev = ""
    for ch in text:
        if is_cjk(ch):
            if prev:
                out[prev + ch] = None
            prev = ch
        else:
            prev = ""
    return list(out)


def search_tokens(search_text: str) -> list[str]:
    """The posting-table tokens of one customer's search_text."""
    return cjk_bigrams(search_text)


def build_search_text(*, name: str, code: str, phone: str | None,
                      contact_names: Iterable[str] = (), contact_phones: Iterable[str] = (),
                      email: str | None = None) -> str:
    code_n = normalize_text(code)
    code_digits = "".join(ch for ch in code_n if ch in _ASCII_DIGITS)
    parts = [code_n, code_digits if code_digits != code_n else "", normalize_text(name),
             phone_digits(phone)]
    parts += [normalize_text(n) for n in contact_names]
    parts += [phone_digits(p) for p in contact_phones]
    parts.append(normalize_text(email))
    seen: dict[str, None] = {}
    for p in parts:
        if p:
            seen[p] = None
    return FIELD_SEPARATOR.join(seen)


# --------------------------------------------------------------------------- the index

_CHUNK = 500


def _chunks(ids: list[int], size: int = _CHUNK):
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def refresh_search_index(session: Session, customer_ids: Iterable[int]) -> None:
    """Recompute customer.search_text and the CJK token rows for these customers (call in
    the same transaction after any change to name, code, phone or contacts)."""
    ids = sorted({int(i) for i in customer_ids if i is not None})
    if not ids:
        return
    session.flush()   # pending ORM changes (a rename, a new contact) must be visible here
    cust = Customer.__table__
    cont = Contact.__table__
    tok = CustomerSearchToken.__table__
    for chunk in _chunks(ids):
        rows = session.execute(
            select(cust.c.id, cust.c.code, cust.c.name, cust.c.phone, cust.c.email,
                   cust.c.search_text, cust.c.merged_into_id)
            .where(cust.c.id.in_(chunk))).all()
        contacts: dict[int, list[tuple[str, str | None]]] = {}
        for cid, cname, cphone in session.execute(
                select(cont.c.customer_id, cont.c.name, cont.c.phone)
                .where(cont.c.customer_id.in_(chunk)).order_by(cont.c.customer_id, cont.c.id)):
            contacts.setdefault(cid, []).append((cname, cphone))
        old_tokens: dict[int, set[str]] = {}
        for cid, token in session.execute(
                select(tok.c.customer_id, tok.c.token).where(tok.c.customer_id.in_(chunk))):
            old_tokens.setdefault(cid, set()).add(token)

        text_updates, token_deletes, token_inserts = [], [], []
        for cid, code, name, phone, email, stored, merged_into in rows:
            cs = contacts.get(cid, [])
            # A merged-away customer is never listed: it leaves the index altogether.
            text = "" if merged_into is not None else build_search_text(
                name=name, code=code, phone=phone, email=email,
                contact_names=[n for n, _ in cs], contact_phones=[p for _, p in cs if p])
            if text != stored:
                text_updates.append({"b_id": cid, "b_text": text})
            new = set(search_tokens(text))
            old = old_tokens.pop(cid, set())
            token_deletes += [{"b_token": t, "b_cid": cid} for t in sorted(old - new)]
            token_inserts += [{"token": t, "customer_id": cid} for t in sorted(new - old)]
        # Tokens of customers that no longer exist.
        for cid, old in old_tokens.items():
            token_deletes += [{"b_token": t, "b_cid": cid} for t in sorted(old)]

        if text_updates:
            # Core UPDATE: search_text is derived data and must not bump version_id.
            session.execute(update(cust).where(cust.c.id == bindparam("b_id"))
                            .values(search_text=bindparam("b_text")),
                            text_updates, execution_options={"synchronize_session": False})
        if token_deletes:
            session.execute(delete(tok).where(tok.c.token == bindparam("b_token"),
                                              tok.c.customer_id == bindparam("b_cid")),
                            token_deletes, execution_options={"synchronize_session": False})
        if token_inserts:
            session.execute(insert(tok), token_inserts)
    # ORM objects of these customers now hold a stale search_text; let them reload it.
    wanted = set(ids)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, Customer) and obj.id in wanted:
            session.expire(obj, ["search_text"])


# --------------------------------------------------------------------------- queries

_NULLABLE_SORTS = frozenset({"region", "level", "last_follow_up_at"})
_UNIQUE_SORTS = frozenset({"code"})
SCOPES = ("mine", "pool", "team", "all")

# How the route is chosen (see docs/performance.md). Counting the postings of a bigram stops
# here: a bigram this common is never worth reading as a candidate list.
_ESTIMATE_CAP = 50_000
# A candidate row costs about this many ordered-scan rows (random fetch versus walking an
# index in order).
_CANDIDATE_COST = 1.0


def normalize_query(text: str | None) -> str:
    """The fragment to look for in search_text. A query of digits and phone punctuation
    ('138-1234', '+86 755 8888') is reduced to phone digits, as phones are indexed."""
    t = normalize_text(text)
    if t and all(ch in _PHONE_CHARS for ch in t) and any(ch in _ASCII_DIGITS for ch in t):
        return phone_digits(t) or "".join(ch for ch in t if ch in _ASCII_DIGITS)
    return t


@dataclass(frozen=True)
class _Plan:
    route: str                   # 'none' | 'scan' | 'tokens' | 'trigram'
    needle: str = ""
    token: str | None = None     # the rarest bigram (route 'tokens')
    estimate: int | None = None  # rows the index would hand over


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _table_size(session: Session) -> int:
    return int(session.execute(select(func.max(Customer.__table__.c.id))).scalar() or 0)


def _bigram_counts(session: Session, bigrams: list[str]) -> dict[str, int]:
    tok = CustomerSearchToken.__table__
    out = {}
    for b in bigrams:
        inner = select(literal(1)).where(tok.c.token == b).limit(_ESTIMATE_CAP).subquery()
        out[b] = int(session.execute(select(func.count()).select_from(inner)).scalar())
    return out


def _trigram_estimate(session: Session, needle: str) -> int | None:
    """Rows the trigram index would return for ``needle`` (an upper bound), or None when
    the index cannot serve it."""
    if _dialect(session) == "sqlite":
        if len(needle) < 3:
            return None
        grams = {needle[i:i + 3] for i in range(len(needle) - 2)}
        docs = session.execute(text(
            "SELECT min(doc) FROM customer_fts_vocab WHERE term IN (%s)"
            % ",".join(f":g{i}" for i in range(len(grams)))),
            {f"g{i}": g for i, g in enumerate(sorted(grams))}).scalar()
        # A trigram absent from the vocabulary matches nothing.
        found = session.execute(text(
            "SELECT count(*) FROM customer_fts_vocab WHERE term IN (%s)"
            % ",".join(f":g{i}" for i in range(len(grams)))),
            {f"g{i}": g for i, g in enumerate(sorted(grams))}).scalar()
        return 0 if found < len(grams) else int(docs or 0)
    # pg_trgm extracts trigrams from words of letters and digits only.
    if max((len(w) for w in _alnum_words(needle)), default=0) < 3:
        return None
    plan = session.execute(text(
        "EXPLAIN (FORMAT JSON) SELECT 1 FROM customer WHERE search_text LIKE :p"),
        {"p": _like_pattern(needle)}).scalar()
    return int(plan[0]["Plan"]["Plan Rows"])


def _alnum_words(s: str) -> list[str]:
    words, cur = [], []
    for ch in s:
        if ch.isalnum():
            cur.append(ch)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return words


def _like_pattern(needle: str) -> str:
    esc = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def _plan(session: Session, filt: CustomerFilter, want: int) -> _Plan:
    """Pick how to find the matches of the text filter: read a candidate list from an index
    (cost ~ its length) or walk the rows in the requested order and stop after ``want``
    matches (cost ~ want × rows / matches). Common fragments (有限公司) take the walk, rare
    ones the index."""
    needle = normalize_query(filt.text)
    if not needle:
        return _Plan("none")
    bigrams = cjk_bigrams(needle)
    if bigrams:
        counts = _bigram_counts(session, bigrams)
        token = min(bigrams, key=lambda b: counts[b])
        est, route = counts[token], "tokens"
    else:
        token, est, route = None, _trigram_estimate(session, needle), "trigram"
        if est is None:
            return _Plan("scan", needle)
    n = max(_table_size(session), 1)
    walk = min(n, want * n / max(est, 1))
    if est >= _ESTIMATE_CAP or est * _CANDIDATE_COST > walk:
        return _Plan("scan", needle, estimate=est)
    return _Plan(route, needle, token, est)


def _contains(session: Session, needle: str):
    """Exact substring test on search_text that no index serves (the row is at hand)."""
    col = Customer.__table__.c.search_text
    if _dialect(session) == "sqlite":
        return func.instr(col, needle) > 0
    return func.strpos(col, needle) > 0


def _candidate_condition(session: Session, plan: _Plan):
    c = Customer.__table__.c
    if plan.route == "tokens":
        tok = CustomerSearchToken.__table__
        cond = c.id.in_(select(tok.c.customer_id).where(tok.c.token == plan.token))
        if plan.needle == plan.token:
            return cond
        return and_(cond, _contains(session, plan.needle))
    if plan.route == "trigram":
        if _dialect(session) == "sqlite":
            phrase = '"' + plan.needle.replace('"', '""') + '"'
            return and_(c.id.in_(text("SELECT rowid FROM customer_fts WHERE customer_fts "
                                      "MATCH :fts_phrase").bindparams(fts_phrase=phrase)),
                        _contains(session, plan.needle))
        return c.search_text.like(_like_pattern(plan.needle), escape="\\")
    raise AssertionError(plan.route)


def _base_conditions(session: Session, actor: Actor, filt: CustomerFilter) -> list:
    c = Customer.__table__.c
    if filt.scope not in SCOPES:
        raise ValidationError("scope", f"Unknown scope {filt.scope!r}; one of {', '.join(SCOPES)}.")
    conds = [c.merged_into_id.is_(None)]
    vis = customer_visibility(session, actor, c.owner_id)
    if not isinstance(vis, True_):
        conds.append(vis)
    if filt.scope == "mine":
        conds.append(c.owner_id == actor.user_id)
    elif filt.scope == "pool":
        conds.append(c.owner_id.is_(None))
    elif filt.scope == "team":
        conds.append(c.owner_id.in_(team_member_ids(session, actor)))
    if filt.level:
        conds.append(c.level == filt.level)
    if filt.region:
        conds.append(c.region == filt.region)
    return conds


def _check_sort(sort: str) -> None:
    if sort not in SORT_KEYS:
        raise ValidationError("sort", f"Unknown sort key {sort!r}; one of {', '.join(SORT_KEYS)}.")


_ROW_COLS = ("id", "code", "name", "kind", "level", "region", "industry", "phone", "owner_id",
             "last_follow_up_at", "updated_at")


def _segments(sort: str, descending: bool, after: tuple | None):
    """The ordered pieces a page is read from: (where-conditions, order_by) in turn. A
    nullable sort key reads its non-NULL rows and its NULL rows as two index ranges, so the
    order (NULLs last ascending, first descending) is the same on both databases."""
    c = Customer.__table__.c
    col = c[sort]
    if after is not None:
        if len(after) != 2:
            raise ValidationError("after", "A page key is a (sort value, id) pair.")
        value, last_id = after
        value_b = literal(value, col.type) if value is not None else None
    if sort in _UNIQUE_SORTS:
        order = [col.desc()] if descending else [col.asc()]
        cond = [] if after is None else [(col < value_b) if descending else (col > value_b)]
        return [(cond, order)]
    key = tuple_(col, c.id)
    order_vals = [col.desc(), c.id.desc()] if descending else [col.asc(), c.id.asc()]
    if sort not in _NULLABLE_SORTS:
        if after is None:
            return [([], order_vals)]
        cmp = key < tuple_(value_b, literal(last_id)) if descending \
            else key > tuple_(value_b, literal(last_id))
        return [([cmp], order_vals)]
    nonnull, null = col.isnot(None), col.is_(None)
    order_null = [c.id.desc()] if descending else [c.id.asc()]
    if not descending:
        if after is None:
            return [([nonnull], order_vals), ([null], order_null)]
        if value is None:
            return [([null, c.id > last_id], order_null)]
        return [([nonnull, key > tuple_(value_b, literal(last_id))], order_vals),
                ([null], order_null)]
    if after is None:
        return [([null], order_null), ([nonnull], order_vals)]
    if value is None:
        return [([null, c.id < last_id], order_null), ([nonnull], order_vals)]
    return [([nonnull, key < tuple_(value_b, literal(last_id))], order_vals)]


def _select_ordered(session: Session, cols, conds: list, order: list, limit: int,
                    offset: int, plan: _Plan):
    """One ordered read. The walk ('scan'/'none') lets the database follow the sort index
    and stop at the limit; a candidate route reads the candidates, then sorts them."""
    c = Customer.__table__.c
    if plan.route in ("none", "scan"):
        where = list(conds) + ([_contains(session, plan.needle)] if plan.route == "scan" else [])
        q = select(*cols).where(*where).order_by(*order).limit(limit)
        return q.offset(offset) if offset else q
    where = list(conds) + [_candidate_condition(session, plan)]
    if _dialect(session) == "postgresql":
        # OFFSET 0 keeps the planner from walking the sort index instead of the candidates.
        inner = select(*cols, *[c[k] for k in _order_cols(order) if k not in
                                {x.name for x in cols}]).where(*where).offset(0).subquery()
        q = select(*[inner.c[x.name] for x in cols]).order_by(
            *[_reorder(o, inner) for o in order]).limit(limit)
    else:
        q = select(*cols).where(*where).order_by(*order).limit(limit)
    return q.offset(offset) if offset else q


def _order_cols(order: list) -> list[str]:
    return [o.element.name for o in order]


def _reorder(o, inner):
    col = inner.c[o.element.name]
    return col.desc() if o.modifier is operators.desc_op else col.asc()


def list_customers(session: Session, actor: Actor, filt: CustomerFilter, *,
                   sort: str = "code", descending: bool = False, after: tuple | None = None,
                   limit: int = 100) -> CustomerPage:
    _check_sort(sort)
    if limit < 1:
        raise ValidationError("limit", "A page has at least one row.")
    c = Customer.__table__.c
    conds = _base_conditions(session, actor, filt)
    plan = _plan(session, filt, limit + 1)
    cols = [c[k] for k in _ROW_COLS]
    rows: list = []
    for seg_conds, order in _segments(sort, descending, after):
        need = limit + 1 - len(rows)
        if need <= 0:
            break
        rows += session.execute(_select_ordered(session, cols, conds + seg_conds, order,
                                                need, 0, plan)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    owner_ids = sorted({r.owner_id for r in rows if r.owner_id is not None})
    names = dict(session.execute(select(User.id, User.display_name)
                                 .where(User.id.in_(owner_ids))).all()) if owner_ids else {}
    out = tuple(CustomerRow(r.id, r.code, r.name, r.kind, r.level, r.region, r.industry, r.phone,
                            r.owner_id, names.get(r.owner_id), r.last_follow_up_at, r.updated_at)
                for r in rows)
    next_key = (_key_of(out[-1], sort) if more and out else None)
    return CustomerPage(out, next_key)


def _key_of(row: CustomerRow, sort: str) -> tuple:
    return (getattr(row, sort), row.id)


def count_customers(session: Session, actor: Actor, filt: CustomerFilter, *,
                    cap: int | None = None) -> int:
    """Exact count, or ``cap`` when there are at least that many (cheap for big results)."""
    c = Customer.__table__.c
    conds = _base_conditions(session, actor, filt)
    n = max(_table_size(session), 1)
    plan = _plan(session, filt, cap if cap is not None else n)
    where = list(conds)
    if plan.route == "scan":
        where.append(_contains(session, plan.needle))
    elif plan.route != "none":
        where.append(_candidate_condition(session, plan))
    inner = select(literal(1).label("one")).select_from(Customer.__table__).where(*where)
    if cap is not None:
        inner = inner.limit(cap)
    return int(session.execute(select(func.count()).select_from(inner.subquery())).scalar())


def seek_key(session: Session, actor: Actor, filt: CustomerFilter, *, sort: str = "code",
             descending: bool = False, offset: int) -> tuple | None:
    """The keyset key of the row just before ``offset`` (None for offset 0): lets a windowed
    list jump to any scroll position and continue with keyset pages from there."""
    _check_sort(sort)
    if offset <= 0:
        return None
    c = Customer.__table__.c
    conds = _base_conditions(session, actor, filt)
    plan = _plan(session, filt, offset)
    cols = [c[sort], c.id] if sort != "id" else [c.id]
    skip = offset - 1
    for seg_conds, order in _segments(sort, descending, None):
        row = session.execute(_select_ordered(session, cols, conds + seg_conds, order,
                                              1, skip, plan)).first()
        if row is not None:
            return (row[0], row[1])
        # Not in this segment: skip over all of it.
        where = conds + seg_conds
        if plan.route == "scan":
            where = where + [_contains(session, plan.needle)]
        elif plan.route != "none":
            where = where + [_candidate_condition(session, plan)]
        seg_count = session.execute(select(func.count()).select_from(Customer.__table__)
                                    .where(*where)).scalar()
        skip -= int(seg_count)
        if skip < 0:
            return None
    return None
