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
* PostgreSQL: ``pg_trgm`` GIN on ``search_text`` (``LIKE '%q%'`` uses it), and the narrow
  table ``customer_search_narrow`` (migration 0005): per customer its code, the ASCII pieces
  and the digit runs of the text, kept by a trigger. ASCII fragments (Latin, codes, emails)
  and phone digits are found there: walking a covering (code, text) index in code order, or
  from a GIN over the narrow text; either touches a quarter of the pages the customer rows
  would.
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
import weakref
from dataclasses import dataclass

from sqlalchemy import Integer, func, literal, select, text, true
from sqlalchemy.sql.elements import True_
from sqlalchemy.orm import Session

from models.org import User
from models.party import Customer, CustomerSearchToken
from services import customer_search_narrow as narrow
from services.customer_search_index import (_ASCII_DIGITS, _PHONE_CHARS, _chunks, cjk_bigrams,
                                            normalize_text, phone_digits)
# The index text and its upkeep live in customer_search_index; callers import them from here.
from services.customer_search_index import (FIELD_SEPARATOR, build_search_text,  # noqa: F401
                                            is_cjk, refresh_search_index, search_tokens)
from services.errors import ValidationError
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
# PostgreSQL's narrow table (services/customer_search_narrow.py): a GIN candidate costs a
# random page of the narrow table; a walked entry of the covering index a hundredth of a
# sequential page and one LIKE test. Measured on 1M customers (docs/performance.md).
_NARROW_CANDIDATE_COST = 10.0


def normalize_query(text: str | None) -> str:
    """The fragment to look for in search_text. A query of digits and phone punctuation
    ('138-1234', '+86 755 8888') is reduced to phone digits, as phones are indexed."""
    t = normalize_text(text)
    if t and all(ch in _PHONE_CHARS for ch in t) and any(ch in _ASCII_DIGITS for ch in t):
        return phone_digits(t) or "".join(ch for ch in t if ch in _ASCII_DIGITS)
    return t


@dataclass(frozen=True)
class _Plan:
    # 'none' | 'scan' | 'tokens' | 'trigram' | 'narrow_walk' | 'narrow' (PostgreSQL's narrow
    # table: walked in code order, or its GIN candidates)
    route: str
    needle: str = ""
    token: str | None = None     # the rarest bigram (route 'tokens')
    estimate: float | None = None  # rows the needle is estimated to match
    column: str | None = None    # narrow routes: 'ascii' | 'digits'


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

    def estimate_all(self, pieces: list[str]) -> float:
        """Estimated rows holding every one of ``pieces`` (what an index that intersects
        their postings hands over), counted like ``estimate``."""
        pieces = sorted(set(pieces), key=len, reverse=True)
        first, rest = pieces[0], pieces[1:]
        blob, hits = self.blob, 0
        i = blob.find(first)
        while i != -1 and hits < self.MAX_HITS:
            start, end = blob.rfind("\0", 0, i) + 1, blob.find("\0", i)
            if all(p in blob[start:end] for p in rest):
                hits += 1
            i = blob.find(first, end + 1)
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


def _trigram_pieces(needle: str) -> list[str]:
    """What pg_trgm can look up for ``needle``: its words of three or more characters, and
    shorter words with the blank beside them where the needle shows one. A row must hold
    all of them to be a GIN candidate."""
    out = []
    for m in re.finditer(r"[^\W_]+", needle):
        w = m.group()
        if len(w) >= 3:
            out.append(w)
            continue
        left = " " if m.start() > 0 and needle[m.start() - 1] == " " else ""
        right = " " if needle[m.end():m.end() + 1] == " " else ""
        if left or right:
            out.append(left + w + right)
    return out or [needle]


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
    column = narrow.narrow_column(needle) if _dialect(session) == "postgresql" else None
    if column is not None:
        return _plan_narrow(session, sample, needle, est, column, want, sort)
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


def _plan_narrow(session: Session, sample: "_Sample", needle: str, est: float, column: str,
                 want: int, sort: str | None) -> _Plan:
    """PostgreSQL, an ASCII fragment: the narrow table. In code order (the list's default,
    and counts) walk its covering index unless the GIN candidates are fewer than the walk
    by the cost ratio; in any other order, the GIN candidates or the customer walk in that
    order, as for the other routes."""
    walk = min(sample.n, want * sample.n / est)
    usable = _trigram_usable(session, needle)
    candidates = (max(est, sample.estimate_all(_trigram_pieces(needle))) if usable
                  else float("inf"))
    if sort in (None, "code"):
        if candidates * _NARROW_CANDIDATE_COST < walk:
            return _Plan("narrow", needle, estimate=est, column=column)
        return _Plan("narrow_walk", needle, estimate=est, column=column)
    if candidates * _CANDIDATE_COST_RANDOM_ORDER > walk:
        return _Plan("scan", needle, estimate=est)
    return _Plan("narrow", needle, estimate=est, column=column)


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
    if plan.route in ("narrow", "narrow_walk"):
        # Matches of the narrow table are exact. Listed customers only have rows there, so
        # with no other condition its (customer_id, code) are the answer.
        m = narrow.matches(plan.column, plan.needle)
        if _only_listed(where) and set(names) <= {"id", "code"}:
            alias = {"id": m.c.customer_id, "code": m.c.code}
            return select(*[alias[n].label(n) for n in names]).subquery()
        row = select(*cols).where(c.id == m.c.customer_id, *where).offset(0).lateral("cand")
        return select(*[row.c[n] for n in names]).select_from(m.join(row, true())).subquery()
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
            like = c.search_text.like(narrow.like_pattern(plan.needle), escape="\\")
            return select(*cols).where(like, *where).offset(0).subquery()
        phrase = '"' + plan.needle.replace('"', '""') + '"'
        ids = text("SELECT rowid FROM customer_fts WHERE customer_fts MATCH :fts_phrase"
                   ).bindparams(fts_phrase=phrase).columns(rowid=Integer)
        return select(*cols).where(c.id.in_(ids), *where,
                                   _contains(session, plan.needle)).subquery()
    raise AssertionError(plan.route)


_LISTED = Customer.__table__.c.merged_into_id.is_(None)


def _only_listed(where: list) -> bool:
    """True when ``where`` asks nothing beyond 'not merged away' (an admin's plain search)."""
    return all(w is _LISTED for w in where)


def _base_conditions(session: Session, actor: Actor, filt: CustomerFilter) -> list:
    c = Customer.__table__.c
    if filt.scope not in SCOPES:
        raise ValidationError("scope", f"Unknown scope {filt.scope!r}; one of {', '.join(SCOPES)}.")
    conds = [_LISTED]
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
                    limit: int, offset: int, plan: _Plan, *, with_owner: bool = False,
                    seg: list | tuple = ()):
    """One ordered read: ``order`` is [(column name, descending)], ``seg`` the keyset
    conditions of this range of the order. The walk ('scan'/'none') follows the sort index
    and stops at the limit; a candidate route sorts its candidates by their keys alone and
    fetches whole rows only for the page (late materialisation: half the work on SQLite,
    where the sorter copies every column it is given). The narrow routes in code order
    read (customer_id, code) in order and join the customer rows the page needs."""
    u = User.__table__
    order_names = [n for n, _ in order]

    def ordered(col):
        return [col[n].desc() if d else col[n].asc() for n, d in order]

    def page_rows(top):          # the whole rows of the page whose keys ``top`` holds
        cust = Customer.__table__
        src = top.join(cust, cust.c.id == top.c.id)
        out = [cust.c[n] for n in names]
        if with_owner:
            src = src.outerjoin(u, u.c.id == cust.c.owner_id)
            out.append(u.c.display_name.label("owner_name"))
        return select(*out).select_from(src).order_by(*ordered(top.c))

    if plan.route in ("narrow", "narrow_walk") and order_names == ["code"]:
        top = _narrow_keys(plan, conds, seg, order[0][1], limit, offset)
        if list(names) == ["code", "id"] and not with_owner:
            return select(top.c.code, top.c.id).order_by(*ordered(top.c))
        return page_rows(top)
    conds = list(conds) + list(seg)
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
    return page_rows(top.subquery("top"))


def _narrow_keys(plan: _Plan, conds: list, seg: list, descending: bool, limit: int,
                 offset: int):
    """(id, code) of one page of matches from the narrow table in code order, as a
    subquery: an admin's plain search takes them straight from there; any other condition
    is checked on the customer row of each match, in order, until the page is full."""
    src = narrow.ordered_source(plan.column, plan.needle,
                                "walk" if plan.route == "narrow_walk" else "index",
                                narrow.code_bounds(list(seg)), descending)
    key = src.c.code.desc() if descending else src.c.code.asc()
    if _only_listed(conds):
        q = select(src.c.customer_id.label("id"), src.c.code).order_by(key)
    else:
        c = Customer.__table__.c
        row = select(c.id, c.code).where(c.id == src.c.customer_id, *conds).offset(0).lateral("cand")
        q = select(row.c.id, row.c.code).select_from(src.join(row, true())).order_by(key)
    q = q.limit(limit)
    return (q.offset(offset) if offset else q).subquery("top")


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
        rows += session.execute(_select_ordered(session, list(_ROW_COLS), conds, order, need,
                                                0, plan, with_owner=True, seg=seg_conds)).all()
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
        row = session.execute(_select_ordered(session, names, conds, order, 1, skip, plan,
                                              seg=seg_conds)).first()
        if row is not None:
            return (row[0], row[1])
        # Not in this piece of the order: step over all of it.
        src, _col, where = _rows_source(session, plan, conds + seg_conds, ["id"])
        skip -= int(session.execute(select(func.count()).select_from(src).where(*where)).scalar())
        if skip < 0:
            return None
    return None
