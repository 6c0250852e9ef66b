"""Typed business errors. The UI shows each in words a clerk understands, beside the field
it belongs to. Messages are English source strings; ui/ translates them via Qt."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class QianliError(Exception):
    """Base for business errors: never retried, always shown to the user."""


class ValidationError(QianliError):
    """One or more fields are invalid. ``errors`` maps field name → message."""

    def __init__(self, field_or_errors: str | dict[str, str], message: str | None = None):
        if isinstance(field_or_errors, dict):
            self.errors = dict(field_or_errors)
        else:
            self.errors = {field_or_errors: message or "invalid"}
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))

    @property
    def field(self) -> str:
        return next(iter(self.errors))

    @property
    def message(self) -> str:
        return next(iter(self.errors.values()))


class NotFound(QianliError):
    def __init__(self, entity: str, key: Any):
        self.entity, self.key = entity, key
        super().__init__(f"{entity} {key} not found")


class PermissionDenied(QianliError):
    def __init__(self, message: str = "You are not allowed to do this."):
        super().__init__(message)


class Conflict(QianliError):
    """Someone else changed the record since it was loaded. ``current`` holds the record as
    it is now (a dataclass) and ``changed`` the names of the fields that differ."""

    def __init__(self, message: str, current: Any = None, changed: tuple[str, ...] = ()):
        self.current, self.changed = current, changed
        super().__init__(message)


class InsufficientStock(QianliError):
    def __init__(self, product: str, warehouse: str, shortfall):
        self.product, self.warehouse, self.shortfall = product, warehouse, shortfall
        super().__init__(f"Not enough stock of {product} in {warehouse}: short by {shortfall}")


@dataclass(frozen=True)
class DuplicateMatch:
    customer_id: int
    code: str
    name: str
    owner_name: str | None
    reasons: tuple[str, ...]        # 'name', 'phone', 'tax_id'


class DuplicateCandidate(QianliError):
    """The record looks like one that exists. The user may merge into a candidate or save
    anyway (the service call takes ``allow_duplicate=True``)."""

    def __init__(self, candidates: list[DuplicateMatch]):
        self.candidates = candidates
        names = ", ".join(f"{c.code} {c.name}" for c in candidates[:3])
        super().__init__(f"Possible duplicate of {names}")
