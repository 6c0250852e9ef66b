"""Declared document workflows (after Tryton's ``Workflow.transition``).

A document type lists its states' allowed moves in one table, and each public action that
moves it is one function marked ``@FLOW.transition("approved")``. Reading the table and the
decorated functions tells you the lifecycle; the decorator does what every transition
shares, in one order:

1. check the actor's role for this action, then load the document row locked
   ``FOR UPDATE`` (the type's ``load`` also checks that the actor may see it — NotFound
   otherwise);
2. already in the target state → return it unchanged (a double click or a resend after a
   dropped connection does the action once);
3. refuse a move the table does not allow (``ValidationError("state", …)`` saying what state
   the document is in);
4. run the action's own work (checks, numbers, reservations), which returns extra audit
   details;
5. set the state, stamp the time and write the audit entry;
6. run the ``after`` step if any (a submit that approves at once), then return the
   document's info dataclass.

Progress that stock documents cause (received, delivered) moves the state with
:meth:`Workflow.move` directly, under the same table.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any, Callable

from sqlalchemy.orm import Session

from models.base import utcnow
from services import audit
from services.errors import ValidationError
from services.org import Actor

# What the audit log calls a move into each state.
ACTIONS = {"draft": "reject", "submitted": "submit", "approved": "approve",
           "partially_received": "receive", "received": "receive",
           "partially_delivered": "deliver", "delivered": "deliver", "cancelled": "cancel"}

# The refusal says which state the document is in; the user knows which button they pressed.
STATE_MESSAGES = {
    "draft": "{label} is still a draft; submit it first.",
    "submitted": "{label} is waiting for approval.",
    "approved": "{label} is already approved.",
    "partially_received": "{label} is already being received.",
    "received": "{label} is fully received.",
    "partially_delivered": "{label} is already being delivered.",
    "delivered": "{label} is fully delivered.",
    "cancelled": "{label} was cancelled.",
}

# Timestamp columns stamped on entering a state (when the model has them).
_STAMPS = {"submitted": "submitted_at", "approved": "approved_at", "cancelled": "cancelled_at"}


@dataclass(frozen=True)
class Workflow:
    """One document type's lifecycle. ``load(session, actor, id)`` returns the row locked
    and visible to the actor; ``info(session, actor, id)`` the dataclass the services
    return."""

    entity: str                                   # audit entity, e.g. "sales_order"
    transitions: frozenset[tuple[str, str]]
    load: Callable[[Session, Actor, int], Any]
    info: Callable[[Session, Actor, int], Any]
    label: Callable[[Any], str] = field(default=lambda row: row.number or f"#{row.id}")

    def allowed(self, from_state: str, to_state: str) -> bool:
        return (from_state, to_state) in self.transitions

    def refusal(self, row) -> ValidationError:
        return ValidationError("state", STATE_MESSAGES[row.state].format(label=self.label(row)))

    def check(self, row, to_state: str) -> None:
        if not self.allowed(row.state, to_state):
            raise self.refusal(row)

    def move(self, session: Session, actor_id: int | None, row, to_state: str,
             **details: Any) -> None:
        """Move ``row`` (already locked) to ``to_state`` if the table allows it; audited."""
        self.check(row, to_state)
        from_state = row.state
        row.state = to_state
        stamp = _STAMPS.get(to_state)
        if stamp and hasattr(row, stamp):
            setattr(row, stamp, utcnow())
        session.flush()
        # from_state/to_state, not before/after: those hold changed fields (changed_since).
        audit.record(session, actor_id, ACTIONS.get(to_state, to_state), self.entity, row.id,
                     number=row.number, from_state=from_state, to_state=to_state,
                     version=row.version_id, **details)

    def transition(self, to_state: str, *, check: Callable[[Actor], None],
                   after: Callable | None = None, done_states: tuple[str, ...] | None = None):
        """Mark ``fn(session, actor, row, *args)`` as the action moving a document to
        ``to_state``; the decorated function takes the document id instead of the row.
        ``check(actor)`` raises PermissionDenied for roles that may not take the action
        (before anything else, so a repeat does not answer someone who may not act).
        ``done_states`` are the states in which a repeat of the action has nothing left to
        do (default: the target; a submit that may approve at once adds ``approved``; back
        to draft passes ``()``, since a draft may never have been submitted)."""
        done = (to_state,) if done_states is None else done_states

        def decorate(fn):
            @functools.wraps(fn)
            def run(session: Session, actor: Actor, doc_id: int, *args, **kwargs):
                check(actor)
                row = self.load(session, actor, doc_id)
                if row.state in done:
                    return self.info(session, actor, row.id)
                self.check(row, to_state)
                details = fn(session, actor, row, *args, **kwargs) or {}
                self.move(session, actor.user_id, row, to_state, **details)
                if after is not None:
                    after(session, actor, row)
                return self.info(session, actor, row.id)
            run.transition_to = to_state
            return run
        return decorate
