"""The customer search index: ``customer.search_text`` and the CJK bigram postings, and how
they are kept in step with the customer and contact rows (services/customer_search.py
describes the index and reads it; the names here are re-exported there)."""
from __future__ import annotations

import unicodedata
from typing import Iterable

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from models.party import Contact, Customer, CustomerSearchToken
from services.normalize import normalize_phone

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
