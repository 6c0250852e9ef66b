"""Merging two customers that are the same company (after a duplicate slipped in).

One transaction: every row that points at the merged-away customer moves to the kept one
(MERGE_REPOINTS: contacts, follow-ups, and whatever later modules register — orders,
receivables, tickets), empty fields of the kept customer are filled in, and the
merged-away row stays as a tombstone (``merged_into_id``) so old references resolve while
lists, search and duplicate detection skip it.
"""
from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from models.crm import Activity
from models.party import Contact, Customer
from services import audit, customer_search
from services.customers import (CustomerDetail, _detail, _diff, _editable, _load, _now,
                                _snapshot)
from services.errors import ValidationError
from services.org import Actor

# Fields a merge copies from the merged-away customer when the kept one has them empty.
MERGE_FILL_FIELDS = ("level", "industry", "source", "region", "address", "phone", "email",
                     "tax_id", "notes")
# Rows that point at a customer and follow it when it is merged away: (model, FK attribute
# name). Later modules add theirs with ``register_merge_repoint`` (orders, receivables …).
MERGE_REPOINTS: list[tuple[type, str]] = [
    (Contact, "customer_id"),
    (Activity, "customer_id"),
    (Customer, "merged_into_id"),          # earlier merges into the merged-away customer
]


def register_merge_repoint(model: type, fk_attribute: str) -> None:
    """Make ``merge_customers`` move ``model`` rows whose ``fk_attribute`` names the
    merged-away customer over to the kept one."""
    if (model, fk_attribute) not in MERGE_REPOINTS:
        MERGE_REPOINTS.append((model, fk_attribute))


def merge_customers(session: Session, actor: Actor, *, keep_id: int,
                    merge_id: int) -> CustomerDetail:
    """Merge customer ``merge_id`` into ``keep_id`` in one transaction: every row listed in
    MERGE_REPOINTS moves over (contacts, follow-ups, later documents), empty fields of the
    kept customer are filled from the other one (an owner too, when the kept one is in the
    pool), and the merged-away row stays as a tombstone (``merged_into_id``) that lists and
    search skip. The actor must be able to edit both; neither may be merged already; a
    customer cannot be merged into itself. Both are audited."""
    # The pipeline registers its repoints on import; a client may merge before it has
    # opened any pipeline screen, so load those modules here.
    import services.leads, services.opportunities  # noqa: E401,F401
    if keep_id == merge_id:
        raise ValidationError("merge_id", "A customer cannot be merged into itself.")
    # Lock both rows in id order so two opposite merges cannot deadlock.
    rows = {cid: _load(session, actor, cid, lock=True) for cid in sorted((keep_id, merge_id))}
    keep, gone = rows[keep_id], rows[merge_id]
    for c in (keep, gone):
        _editable(session, actor, c)
    before = _snapshot(keep)
    before_extra = {"last_follow_up_at": keep.last_follow_up_at}
    moved: dict[str, int] = {}
    for model, attr in MERGE_REPOINTS:
        col = getattr(model, attr)
        result = session.execute(update(model).where(col == gone.id).values({attr: keep.id})
                                 .execution_options(synchronize_session=False))
        moved[model.__tablename__ if attr == "customer_id" else f"{model.__tablename__}.{attr}"] \
            = result.rowcount
    for f in MERGE_FILL_FIELDS:
        if getattr(keep, f) is None and getattr(gone, f) is not None:
            setattr(keep, f, getattr(gone, f))
    if keep.phone_digits is None:
        keep.phone_digits = gone.phone_digits
    if keep.tax_id_norm is None:
        keep.tax_id_norm = gone.tax_id_norm
    if keep.owner_id is None and gone.owner_id is not None:
        keep.owner_id, keep.claimed_at = gone.owner_id, gone.claimed_at
        from services.pool import record_ownership_change
        record_ownership_change(session, customer_id=keep.id, from_owner_id=None,
                                to_owner_id=gone.owner_id, reason="merge",
                                actor_id=actor.user_id, note=gone.code)
    if gone.last_follow_up_at and (keep.last_follow_up_at is None
                                   or gone.last_follow_up_at > keep.last_follow_up_at):
        keep.last_follow_up_at = gone.last_follow_up_at
    now = _now()
    keep.updated_at = gone.updated_at = now
    keep.updated_by_id = gone.updated_by_id = actor.user_id
    gone.merged_into_id = keep.id
    session.flush()
    # Contacts and their objects loaded earlier in this session now belong to ``keep``.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, (Contact, Activity)):
            session.expire(obj)
    customer_search.refresh_search_index(session, [keep.id, gone.id])
    before_diff, after_diff = _diff(before, _snapshot(keep))
    if keep.last_follow_up_at != before_extra["last_follow_up_at"]:
        before_diff.update(before_extra)
        after_diff["last_follow_up_at"] = keep.last_follow_up_at
    audit.record(session, actor.user_id, "customer.merge", "customer", keep.id,
                 version=keep.version_id, merged_id=gone.id, merged_code=gone.code,
                 moved=moved, before=before_diff, after=after_diff)
    audit.record(session, actor.user_id, "customer.merged_into", "customer", gone.id,
                 version=gone.version_id, keep_id=keep.id, keep_code=keep.code,
                 before={"merged_into_id": None}, after={"merged_into_id": keep.id})
    return _detail(session, actor, keep.id)
