"""The catalog services' messages (services/catalog.py, catalog_values.py, suppliers.py) for
ui/errors.py, which adds them to its lists: exact ones are here so lupdate sees them,
ones with values as patterns, and the field and entity names the messages use."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

KNOWN_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "SKU is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Unit is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Warehouse code is required."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only warehouse staff and administrators can change products."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only warehouse staff and administrators can change suppliers."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only warehouse staff and administrators can change warehouses."),
)

_Q = r"['\"](.+)['\"]"
_AMOUNTS = r"(Sale price|Cost|Tax rate|Minimum stock|Payment days)"
_CODES = r"(SKU|Barcode|Code)"

MESSAGE_PATTERNS = (
    (re.compile(rf"^SKU {_Q} is already used by product (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "SKU '%1' is already used by product %2.")),
    (re.compile(rf"^Barcode {_Q} is already used by product (\S+) (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Barcode '%1' is already used by product %2 %3.")),
    (re.compile(rf"^{_CODES} {_Q} is already used by another product\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 '%2' is already used by another product.")),
    (re.compile(rf"^{_CODES} {_Q} contains spaces\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 '%2' contains spaces.")),
    (re.compile(rf"^{_CODES} {_Q} contains control characters\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 '%2' contains control characters.")),
    (re.compile(r"^Quantity decimals must be 0, 1, 2 or 3 \(got (.+)\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Quantity decimals must be 0, 1, 2 or 3 (got %1).")),
    (re.compile(rf"^{_AMOUNTS} must be exact \(a Decimal\), not a floating-point number\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "%1 must be exact (a Decimal), not a floating-point number.")),
    (re.compile(rf"^{_AMOUNTS} {_Q} is not a number\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 '%2' is not a number.")),
    (re.compile(rf"^{_AMOUNTS} cannot be negative\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 cannot be negative.")),
    (re.compile(rf"^{_AMOUNTS} has at most (\d+) decimals\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 has at most %2 decimals.")),
    (re.compile(rf"^{_AMOUNTS} must be a whole number\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 must be a whole number.")),
    (re.compile(rf"^{_AMOUNTS} is too large \(at most (.+)\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is too large (at most %2).")),
    (re.compile(r"^Product (\S+) was changed by someone else since you opened it"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Product %1 was changed by someone else since you opened it.")),
    (re.compile(r"^Supplier (\S+) was changed by someone else since you opened it"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Supplier %1 was changed by someone else since you opened it.")),
    (re.compile(rf"^Supplier code {_Q} is already used by another supplier\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Supplier code '%1' is already used by another supplier.")),
    (re.compile(r"^Payment days must be a whole number from 0 to 365 \(got (.+)\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Payment days must be a whole number from 0 to 365 (got %1).")),
    (re.compile(r"^Rating is 1 to 5 stars \(got (.+)\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Rating is 1 to 5 stars (got %1).")),
    (re.compile(rf"^Warehouse code {_Q} is already used\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Warehouse code '%1' is already used.")),
    # product import (services/product_import.py)
    (re.compile(r"^Column ([A-Z]+): (.+)$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Column %1: %2")),
    (re.compile(rf"^{_CODES} {_Q} is also on row (\d+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 '%2' is also on row %3.")),
    (re.compile(rf"^{_Q} is not yes/no \(是/否\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "'%1' is not yes/no (是/否).")),
    (re.compile(r"^(.+): nothing imported because (\d+) of (\d+) rows have errors\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "%1: nothing imported because %2 of %3 rows have errors.")),
    (re.compile(r"^(.+): no header row with a SKU and a name column in the first (\d+) rows;"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: no header row with a SKU and a name column in "
                       "the first %2 rows; title them SKU / 商品编码 and Name / 名称.")),
    (re.compile(r"^(.+): more than (\d+) rows; split the file\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: more than %2 rows; split the file.")),
    (re.compile(r"^Warehouse (\S+) still holds stock; move it to another warehouse or count "
                r"it out before deactivating it\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Warehouse %1 still holds stock; move it to another "
                       "warehouse or count it out before deactivating it.")),
)

FIELD_LABELS = {
    "sku": QT_TRANSLATE_NOOP("Fields", "SKU"),
    "barcode": QT_TRANSLATE_NOOP("Fields", "Barcode"),
    "spec": QT_TRANSLATE_NOOP("Fields", "Specification"),
    "unit": QT_TRANSLATE_NOOP("Fields", "Unit"),
    "qty_decimals": QT_TRANSLATE_NOOP("Fields", "Quantity decimals"),
    "category": QT_TRANSLATE_NOOP("Fields", "Category"),
    "sale_price": QT_TRANSLATE_NOOP("Fields", "Sale price"),
    "cost": QT_TRANSLATE_NOOP("Fields", "Cost"),
    "tax_rate": QT_TRANSLATE_NOOP("Fields", "Tax rate"),
    "min_stock": QT_TRANSLATE_NOOP("Fields", "Minimum stock"),
    "minimum_stock": QT_TRANSLATE_NOOP("Fields", "Minimum stock"),
    "active": QT_TRANSLATE_NOOP("Fields", "Active"),
    "payment_terms": QT_TRANSLATE_NOOP("Fields", "Payment terms"),
    "payment_days": QT_TRANSLATE_NOOP("Fields", "Payment days"),
    "rating": QT_TRANSLATE_NOOP("Fields", "Rating"),
    "bank_account": QT_TRANSLATE_NOOP("Fields", "Bank account"),
}

ENTITY_LABELS = {
    "product": QT_TRANSLATE_NOOP("Entities", "Product"),
    "product_category": QT_TRANSLATE_NOOP("Entities", "Product category"),
    "supplier": QT_TRANSLATE_NOOP("Entities", "Supplier"),
    "supplier_contact": QT_TRANSLATE_NOOP("Entities", "Supplier contact"),
    "warehouse": QT_TRANSLATE_NOOP("Entities", "Warehouse"),
}
