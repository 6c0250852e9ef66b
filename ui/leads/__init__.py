"""Leads (线索): the list, the quick "new enquiry" form, the lead form, conversion into a
customer, and import from Excel.

Shared here: how statuses and lead fields read on screen."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui import errors as ui_errors

STATUSES = ("new", "contacted", "qualified", "disqualified", "converted")
OPEN_STATUSES = ("new", "contacted", "qualified")
STATUS_COLOURS = {"new": "#e3f2fd", "contacted": "#fff8e1", "qualified": "#e8f5e9",
                  "disqualified": "#eceff1", "converted": "#ede7f6"}


def status_text(status: str) -> str:
    tr = QCoreApplication.translate
    names = {"new": tr("LeadStatus", "New"), "contacted": tr("LeadStatus", "Contacted"),
             "qualified": tr("LeadStatus", "Qualified"),
             "disqualified": tr("LeadStatus", "Disqualified"),
             "converted": tr("LeadStatus", "Converted")}
    return names.get(status, status)


def lead_field_label(field: str) -> str:
    tr = QCoreApplication.translate
    labels = {"contact_name": tr("LeadFields", "Contact name"),
              "company": tr("LeadFields", "Company"),
              "title": tr("LeadFields", "Job title"),
              "enquiry": tr("LeadFields", "Enquiry"),
              "reason": tr("LeadFields", "Reason"),
              "status": tr("LeadFields", "Status")}
    return labels.get(field) or ui_errors.field_label(field)


def disqualify_reasons() -> list[str]:
    tr = QCoreApplication.translate
    return [tr("DisqualifyReason", "No real need"), tr("DisqualifyReason", "Cannot be reached"),
            tr("DisqualifyReason", "Duplicate of another lead"),
            tr("DisqualifyReason", "A competitor or a peer asking"),
            tr("DisqualifyReason", "Spam or advertising"),
            tr("DisqualifyReason", "Budget far too small")]
