"""Parsing and checking the values clerks type into catalog forms (products, suppliers,
warehouses) and import files: exact decimals, codes without spaces, length limits.

Every checker returns the stored value or records an English message under the field's
name in ``errors``, so a service reports all problems of a form at once
(``ValidationError(errors)``). No database, no Qt."""
from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from services import normalize

# Field names as the messages show them ("Sale price 'x' is not a number.").
LABELS = {"sale_price": "Sale price", "cost": "Cost", "tax_rate": "Tax rate",
          "min_stock": "Minimum stock", "sku": "SKU", "barcode": "Barcode",
          "code": "Code", "payment_days": "Payment days"}


def label(field: str) -> str:
    return LABELS.get(field, field.replace("_", " ").capitalize())


def text(value, field: str, limit: int, errors: dict[str, str], *,
         required: str | None = None) -> str | None:
    """A free-text field: stripped, inner runs of spaces kept as typed; empty → None (or
    the ``required`` message). Longer than ``limit`` is an error, never cut."""
    v = normalize.clean_text(None if value is None else str(value))
    if v is None:
        if required:
            errors[field] = required
        return None
    if len(v) > limit:
        errors[field] = f"{label(field)} is too long: {len(v)} characters, at most {limit}."
    return v


def code(value, field: str, limit: int, errors: dict[str, str], *,
         required: str | None = None) -> str | None:
    """A code a scanner or a clerk types (SKU, barcode, supplier/warehouse code):
    width-folded (a full-width ＡＢ-１ from a Chinese IME is AB-1), no spaces inside."""
    v = normalize.clean_text(None if value is None else str(value))
    if v is None:
        if required:
            errors[field] = required
        return None
    v = unicodedata.normalize("NFKC", v)
    if any(ch.isspace() for ch in v):
        errors[field] = f"{label(field)} {v!r} contains spaces."
    elif any(unicodedata.category(ch).startswith("C") for ch in v):
        errors[field] = f"{label(field)} {v!r} contains control characters."
    elif len(v) > limit:
        errors[field] = f"{label(field)} is too long: {len(v)} characters, at most {limit}."
    return v


def decimal(value, field: str, places: int, errors: dict[str, str], *,
            maximum: Decimal, default: Decimal = Decimal(0)) -> Decimal:
    """A non-negative exact decimal with at most ``places`` decimals, quantized to them.
    Accepts Decimal, int and text ('1,234.50', full-width digits); a float is refused
    because it is not exact. Empty → ``default``."""
    name = label(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    if isinstance(value, bool) or isinstance(value, float):
        errors[field] = f"{name} must be exact (a Decimal), not a floating-point number."
        return default
    if isinstance(value, str):
        raw = unicodedata.normalize("NFKC", value).strip().replace(",", "")
        try:
            d = Decimal(raw)
        except InvalidOperation:
            errors[field] = f"{name} {value.strip()!r} is not a number."
            return default
    else:
        try:
            d = Decimal(value)
        except (InvalidOperation, TypeError, ValueError):
            errors[field] = f"{name} {value!r} is not a number."
            return default
    if not d.is_finite():
        errors[field] = f"{name} {str(value)!r} is not a number."
        return default
    if d < 0:
        errors[field] = f"{name} cannot be negative."
        return default
    quantum = Decimal(1).scaleb(-places)
    if d != d.quantize(quantum, rounding="ROUND_DOWN"):
        errors[field] = (f"{name} has at most {places} decimals." if places
                         else f"{name} must be a whole number.")
        return default
    if d > maximum:
        errors[field] = f"{name} is too large (at most {maximum})."
        return default
    return d.quantize(quantum)


def whole(value, field: str, errors: dict[str, str], *, low: int, high: int,
          message: str) -> int | None:
    """An optional whole number in [low, high]; None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        if isinstance(value, (bool, float)):
            raise ValueError
        n = int(unicodedata.normalize("NFKC", value).strip()) if isinstance(value, str) \
            else int(value)
        if n != value and not isinstance(value, str):
            raise ValueError
    except (TypeError, ValueError):
        errors[field] = message
        return None
    if not low <= n <= high:
        errors[field] = message
        return None
    return n


def canonical(value: Decimal | None, places: int) -> Decimal | None:
    """A stored decimal with exactly ``places`` decimals (SQLite returns NUMERIC as REAL,
    PostgreSQL with its own scale: compare and show them the same way)."""
    if value is None:
        return None
    return Decimal(value).quantize(Decimal(1).scaleb(-places))
