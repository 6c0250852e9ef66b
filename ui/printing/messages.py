"""The printing services' messages (services/print_*.py) for ui/errors.py, which adds them
to its lists: exact ones are here so lupdate sees them, ones with values as patterns, and
the field and entity names the messages use. Template problems (sheet!cell: …) come from
the engine in English and are shown as they are (docs/print-templates.md lists them)."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP

KNOWN_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "Company name is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A quotation is valid for 1 to 365 days."),
    QT_TRANSLATE_NOOP("ServiceMessages", "At most 6 copies."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only an administrator can change the print settings."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only an administrator can import print templates."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only an administrator can choose the default template."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Give the template a name."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The name is longer than 100 characters."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Someone stored a version of this template at the "
                      "same moment; import it again."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Who paid is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "What the payment is for is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The amount must be more than 0."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only delivery notes and goods receipts can be printed yet."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This document type has no stored numbers."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You may not print delivery notes."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You may not print quotations."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You may not print sales orders."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You may not print purchase orders."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You may not print goods receipts."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You may not print customer statements."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You may not print payment receipts."),
)

MESSAGE_PATTERNS = (
    (re.compile(r"^(.+) is empty\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is empty.")),
    (re.compile(r"^(.+) is larger than (\d+) MB\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is larger than %2 MB.")),
    (re.compile(r"^Unknown document type (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Unknown document type %1.")),
)

FIELD_LABELS = {
    "payer": QT_TRANSLATE_NOOP("Fields", "Received from"),
    "purpose": QT_TRANSLATE_NOOP("Fields", "For"),
    "period_end": QT_TRANSLATE_NOOP("Fields", "Period end"),
    "doc_type": QT_TRANSLATE_NOOP("Fields", "Document type"),
    "quotation_valid_days": QT_TRANSLATE_NOOP("Fields", "Quotation valid (days)"),
    "delivery_note_copies": QT_TRANSLATE_NOOP("Fields", "Delivery note copies"),
}

ENTITY_LABELS = {
    "print template": QT_TRANSLATE_NOOP("Entities", "Print template"),
    "delivery note": QT_TRANSLATE_NOOP("Entities", "Delivery note"),
    "goods receipt": QT_TRANSLATE_NOOP("Entities", "Goods receipt"),
    "stock document": QT_TRANSLATE_NOOP("Entities", "Stock document"),
    "sales order": QT_TRANSLATE_NOOP("Entities", "Sales order"),
    "purchase order": QT_TRANSLATE_NOOP("Entities", "Purchase order"),
    "quotation": QT_TRANSLATE_NOOP("Entities", "Quotation"),
    "statement": QT_TRANSLATE_NOOP("Entities", "Statement"),
}
