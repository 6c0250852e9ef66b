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
import random
import re
import threading
import time
import unicodedata
import weakref
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import (Integer, bindparam, delete, func, insert, literal, select, text, true,
                        update)
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

# How the route is chosen (see docs/performance.md): a cached random sample of search_text
# estimates how many rows a fragment (or one of its bigrams) matches.
SAMPLE_SIZE = 5000
SAMPLE_TTL_S = 1800.0
# What one index candidate costs, in rows of the ordered walk: a candidate is a random row
# fetch. Walking in code order (or counting) reads rows in roughly the order they were
# stored, as codes are numbered as customers are created, so a walked row is much cheaper
# there than a random fetch; walking any other order fetches rows at random too.
_CANDIDATE_COST_IN_STORAGE_ORDER = 8.0
_CANDIDATE_COST_RANDOM_ORDER = 1.5
# pg_trgm candidates arrive as a bitmap and are read in storage order: cheaper per row.
_PG_TRIGRAM_DISCOUNT = 0.6


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
    estimate: float | None = None  # rows the needle is estimated to match


class _Sample:
    """search_text of about SAMPLE_SIZE random customers, and the table size then."""

    # Beyond this many sampled rows a fragment is common whatever the exact figure.
    MAX_HITS = 300

    def __init__(self, texts: list[str], n: int):
        # One string, rows separated by NUL: finding a fragment runs at C speed and the
        # Python loop below turns only once per sampled row that holds it.
        self.size = len(texts)
        self.blob = "\0".join(texts) + "\0"
        self.n, self.at = max(n, 1), time.monotonic()

    def estimate(self, fragment: str) -> float:
        """Estimated matching rows (rows, not occurrences: a phone fragment often sits in
        two phones of one customer); less than one sampled hit counts as half a hit."""
        blob, hits = self.blob, 0
        i = blob.find(fragment)
        while i != -1 and hits < self.MAX_HITS:
            hits += 1
            i = blob.find(fragment, blob.find("\0", i) + 1)
        return max(hits, 0.5) * self.n / max(self.size, 1)

    @property
    def fresh(self) -> bool:
        # A small table is sampled whole and cheaply: do it often, so a database that is
        # filling up (first import) does not plan with yesterday's picture for long.
        ttl = SAMPLE_TTL_S if self.n > 2 * SAMPLE_SIZE else 30.0
        return time.monotonic() - self.at < ttl


_samples: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_samples_lock = threading.Lock()


def _sample(session: Session) -> _Sample:
    engine = session.get_bind().engine
    with _samples_lock:
        cached = _samples.get(engine)
    if cached is not None and cached.fresh:
        return cached
    c = Customer.__table__.c
    n = int(session.execute(select(func.max(c.id))).scalar() or 0)
    live = c.merged_into_id.is_(None)
    if n <= SAMPLE_SIZE * 2:
        texts = list(session.scalars(select(c.search_text).where(live)))
        n = len(texts)
    elif _dialect(session) == "postgresql":
        # Random pages (TABLESAMPLE SYSTEM) read a few hundred pages, not thousands of rows.
        pct = min(100.0, 100.0 * SAMPLE_SIZE * 1.2 / n)
        sampled = Customer.__table__.tablesample(func.system(pct), name="s",
                                                 seed=literal(n % 2_000_000_000))
        texts = list(session.scalars(select(sampled.c.search_text)
                                     .where(sampled.c.merged_into_id.is_(None))))
    else:
        ids = random.Random(n).sample(range(1, n + 1), SAMPLE_SIZE)
        texts = []
        for chunk in _chunks(sorted(ids)):
            texts += session.scalars(select(c.search_text).where(c.id.in_(chunk), live))
    sample = _Sample(texts, n)
    with _samples_lock:
        _samples[engine] = sample
    return sample


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _trigram_usable(session: Session, needle: str) -> bool:
    if _dialect(session) == "sqlite":
        return len(needle) >= 3          # FTS5 trigram: any three characters
    # pg_trgm builds trigrams from words of letters and digits, padded with blanks where a
    # word's edge is known: 'ee sy' still gives 'ee ', '  s', ' sy'; 'c h' gives only '  h'.
    return len(needle) >= 3 and max((len(w) for w in _alnum_words(needle)), default=0) >= 2


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


def _trigram_piece(needle: str) -> str:
    """The longest word of ``needle`` with the blank beside it where there is one: roughly
    the most selective thing pg_trgm can look up for it."""
    best, best_at = "", 0
    for m in re.finditer(r"[^\W_]+", needle):
        if len(m.group()) > len(best):
            best, best_at = m.group(), m.start()
    if len(best) >= 3:
        return best
    left = " " if best_at > 0 and needle[best_at - 1] == " " else ""
    right = " " if needle[best_at + len(best):best_at + len(best) + 1] == " " else ""
    return left + best + right


def _like_pattern(needle: str) -> str:
    esc = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def _plan(session: Session, filt: CustomerFilter, want: int, sort: str | None = None) -> _Plan:
    """Pick how to find the matches of the text filter: read a candidate list from an index
    (cost ~ its length) or walk the rows in the requested order and stop after ``want``
    matches (cost ~ want × rows / matches). Common fragments (有限公司) take the walk, rare
    ones the index; the counts come from a cached random sample, so choosing costs no
    query."""
    needle = normalize_query(filt.text)
    if not needle:
        return _Plan("none")
    sample = _sample(session)
    est = sample.estimate(needle)
    bigrams = cjk_bigrams(needle)
    if bigrams:
        token = min(bigrams, key=sample.estimate)
        candidates, route = sample.estimate(token), "tokens"
    elif _trigram_usable(session, needle):
        token, candidates, route = None, est, "trigram"
        if _dialect(session) == "postgresql":
            # pg_trgm hands over the rows holding its trigrams, not the fragment: with
            # short words ('l lt') that can be far more rows than match.
            candidates = max(est, sample.estimate(_trigram_piece(needle))) * _PG_TRIGRAM_DISCOUNT
    else:
        return _Plan("scan", needle, estimate=est)
    walk = min(sample.n, want * sample.n / est)
    cost = (_CANDIDATE_COST_IN_STORAGE_ORDER if sort in (None, "code")
            else _CANDIDATE_COST_RANDOM_ORDER)
    if candidates * cost > walk:
        return _Plan("scan", needle, estimate=est)
    return _Plan(route, needle, token, est)


def _contains(session: Session, needle: str):
    """Exact substring test on search_text that no index serves (the row is at hand)."""
    col = Customer.__table__.c.search_text
    if _dialect(session) == "sqlite":
        return func.instr(col, needle) > 0
    return func.strpos(col, needle) > 0


def _candidates(session: Session, plan: _Plan, where: list, names: list[str]):
    """The customers that pass ``where`` among an index's candidates for ``plan.needle``,
    verified against search_text, as a subquery with columns ``names``. Shaped so that the
    database reads the candidate list first and fetches each row by its key, whatever its
    estimates say (a bad guess here would walk the whole table)."""
    cust = Customer.__table__
    c = cust.c
    cols = [c[k] for k in names]
    pg = _dialect(session) == "postgresql"
    verify = [] if plan.needle == plan.token else [_contains(session, plan.needle)]
    if plan.route == "tokens":
        tok = CustomerSearchToken.__table__
        if pg:
            # LATERAL + OFFSET 0: one primary-key fetch per posting, never a hash join.
            k = select(tok.c.customer_id).where(tok.c.token == plan.token).subquery("k")
            row = (select(*cols).where(c.id == k.c.customer_id, *where, *verify)
                   .offset(0).lateral("cand"))
            return select(*[row.c[n] for n in names]).select_from(k.join(row, true())).subquery()
        ids = select(tok.c.customer_id).where(tok.c.token == plan.token)
        return select(*cols).where(c.id.in_(ids), *where, *verify).subquery()
    if plan.route == "trigram":
        if pg:
            # pg_trgm GIN serves LIKE; OFFSET 0 keeps the sort from pulling in a walk.
            like = c.search_text.like(_like_pattern(plan.needle), escape="\\")
            return select(*cols).where(like, *where).offset(0).subquery()
        phrase = '"' + plan.needle.replace('"', '""') + '"'
        ids = text("SELECT rowid FROM customer_fts WHERE customer_fts MATCH :fts_phrase"
                   ).bindparams(fts_phrase=phrase).columns(rowid=Integer)
        return select(*cols).where(c.id.in_(ids), *where,
                                   _contains(session, plan.needle)).subquery()
    raise AssertionError(plan.route)


def _base_conditions(session: Session, actor: Actor, filt: CustomerFilter) -> list:
    c = Customer.__table__.c
    if filt.scope not in SCOPES:
        raise ValidationError("scope", f"Unknown scope {filt.scope!r}; one of {', '.join(SCOPES)}.")
    conds = [c.merged_into_id.is_(None)]
    # Visibility, pool and team keep a large share of the rows: walking the sort index and
    # filtering is the fast plan. SQLite (no statistics) would rather read every row of
    # those owners from the owner index and sort them all, so there the owner test is made
    # an expression no index answers. 'mine' may be a handful of rows: left indexable.
    owner = c.owner_id + 0 if _dialect(session) == "sqlite" else c.owner_id
    vis = customer_visibility(session, actor, owner)
    if not isinstance(vis, True_):
        conds.append(vis)
    if filt.scope == "mine":
        conds.append(c.owner_id == actor.user_id)
    elif filt.scope == "pool":
        conds.append(owner.is_(None))
    elif filt.scope == "team":
        conds.append(owner.in_(team_member_ids(session, actor)))
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
    """The ordered pieces a page is read from: (where-conditions, order) in turn, each one
    range of a (sort key, id) index. A nullable sort key reads its non-NULL rows and its
    NULL rows as separate ranges, so the order (NULLs last ascending, first descending) is
    the same on both databases; after a key, the rest of that key's ties come first (one
    range) and then the greater keys (another), which both databases seek directly."""
    c = Customer.__table__.c
    col = c[sort]
    if after is not None:
        if len(after) != 2:
            raise ValidationError("after", "A page key is a (sort value, id) pair.")
        value, last_id = after
        value_b = literal(value, col.type) if value is not None else None
    if sort in _UNIQUE_SORTS:
        order = [(sort, descending)]
        cond = [] if after is None else [(col < value_b) if descending else (col > value_b)]
        return [(cond, order)]
    order_vals = [(sort, descending), ("id", descending)]
    order_null = [("id", descending)]
    beyond = (lambda: col < value_b) if descending else (lambda: col > value_b)
    id_beyond = (lambda: c.id < last_id) if descending else (lambda: c.id > last_id)

    def rest_of_values():          # after a non-NULL key
        return [([col == value_b, id_beyond()], order_vals), ([beyond()], order_vals)]

    if sort not in _NULLABLE_SORTS:
        return [([], order_vals)] if after is None else rest_of_values()
    nonnull, null = col.isnot(None), col.is_(None)
    if not descending:
        if after is None:
            return [([nonnull], order_vals), ([null], order_null)]
        if value is None:
            return [([null, id_beyond()], order_null)]
        return rest_of_values() + [([null], order_null)]
    if after is None:
        return [([null], order_null), ([nonnull], order_vals)]
    if value is None:
        return [([null, id_beyond()], order_null), ([nonnull], order_vals)]
    return rest_of_values()


def _rows_source(session: Session, plan: _Plan, where: list, names: list[str]):
    """(FROM clause, column lookup) for the customers passing ``where`` and the text."""
    if plan.route in ("none", "scan"):
        extra = [_contains(session, plan.needle)] if plan.route == "scan" else []
        return Customer.__table__, Customer.__table__.c, list(where) + extra
    sub = _candidates(session, plan, where, names)
    return sub, sub.c, []


def _select_ordered(session: Session, names: list[str], conds: list, order: list[tuple],
                    limit: int, offset: int, plan: _Plan, *, with_owner: bool = False):
    """One ordered read: ``order`` is [(column name, descending)]. The walk ('scan'/'none')
    follows the sort index and stops at the limit; a candidate route sorts its candidates
    by their keys alone and fetches whole rows only for the page (late materialisation:
    half the work on SQLite, where the sorter copies every column it is given)."""
    u = User.__table__
    order_names = [n for n, _ in order]

    def ordered(col):
        return [col[n].desc() if d else col[n].asc() for n, d in order]

    if plan.route in ("none", "scan"):
        src, col, where = _rows_source(session, plan, conds, [])
        out = [col[n] for n in names]
        if with_owner:
            src = src.outerjoin(u, u.c.id == col["owner_id"])
            out.append(u.c.display_name.label("owner_name"))
        q = select(*out).select_from(src).where(*where).order_by(*ordered(col)).limit(limit)
        return q.offset(offset) if offset else q
    keys = list(dict.fromkeys(["id"] + order_names))
    sub = _candidates(session, plan, conds, keys)
    if set(names) <= set(keys) and not with_owner:
        keys = list(names) + [k for k in keys if k not in names]
    top = select(*[sub.c[n] for n in keys]).order_by(*ordered(sub.c)).limit(limit)
    if offset:
        top = top.offset(offset)
    if keys[:len(names)] == list(names) and not with_owner:
        return top
    top = top.subquery("top")
    cust = Customer.__table__
    src = top.join(cust, cust.c.id == top.c.id)
    out = [cust.c[n] for n in names]
    if with_owner:
        src = src.outerjoin(u, u.c.id == cust.c.owner_id)
        out.append(u.c.display_name.label("owner_name"))
    return select(*out).select_from(src).order_by(*ordered(top.c))


def list_customers(session: Session, actor: Actor, filt: CustomerFilter, *,
                   sort: str = "code", descending: bool = False, after: tuple | None = None,
                   limit: int = 100) -> CustomerPage:
    """One page of the customers ``actor`` may see that pass ``filt``, in ``sort`` order
    (NULLs last ascending, first descending; ties by id), after the key ``after``."""
    _check_sort(sort)
    if limit < 1:
        raise ValidationError("limit", "A page has at least one row.")
    conds = _base_conditions(session, actor, filt)
    plan = _plan(session, filt, limit + 1, sort)
    rows: list = []
    for seg_conds, order in _segments(sort, descending, after):
        need = limit + 1 - len(rows)
        if need <= 0:
            break
        rows += session.execute(_select_ordered(session, list(_ROW_COLS), conds + seg_conds,
                                                order, need, 0, plan, with_owner=True)).all()
    more = len(rows) > limit
    # Positional unpacking: attribute access on result rows costs more than the query here.
    out = tuple(CustomerRow(id_, code, name, kind, level, region, industry, phone, owner_id,
                            owner_name, last, updated)
                for (id_, code, name, kind, level, region, industry, phone, owner_id, last,
                     updated, owner_name) in rows[:limit])
    next_key = (getattr(out[-1], sort), out[-1].id) if more else None
    return CustomerPage(out, next_key)


def count_customers(session: Session, actor: Actor, filt: CustomerFilter, *,
                    cap: int | None = None) -> int:
    """Exact count, or ``cap`` when there are at least that many (cheap for big results)."""
    conds = _base_conditions(session, actor, filt)
    needle = normalize_query(filt.text)
    if (len(conds) == 1 and len(needle) == 2 and cjk_bigrams(needle) == [needle]):
        # Everyone visible, no other filter, a two-character CJK fragment: the postings
        # are the answer (merged customers have none, see refresh_search_index).
        tok = CustomerSearchToken.__table__
        inner = select(literal(1).label("one")).where(tok.c.token == needle)
    else:
        want = cap if cap is not None else _sample(session).n
        plan = _plan(session, filt, want)
        src, _col, where = _rows_source(session, plan, conds, ["id"])
        inner = select(literal(1).label("one")).select_from(src).where(*where)
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
    conds = _base_conditions(session, actor, filt)
    plan = _plan(session, filt, offset, sort)
    names = [sort, "id"]
    skip = offset - 1
    for seg_conds, order in _segments(sort, descending, None):
        row = session.execute(_select_ordered(session, names, conds + seg_conds, order,
                                              1, skip, plan)).first()
        if row is not None:
            return (row[0], row[1])
        # Not in this piece of the order: step over all of it.
        src, _col, where = _rows_source(session, plan, conds + seg_conds, ["id"])
        skip -= int(session.execute(select(func.count()).select_from(src).where(*where)).scalar())
        if skip < 0:
            return None
    return None
