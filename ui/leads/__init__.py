"""Leads (线索): the list, the quick "new enquiry" form, the lead form, conversion into a
customer, and import from Excel.

Shared here: how statuses and lead fields read on screen."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui import errors as ui_errors

# Literal translate("Context", "…") calls, so lupdate finds every string.
translate = QCoreApplication.translate

STATUSES = ("new", "contacted", "qualified", "disqualified", "converted")
OPEN_STATUSES = ("new", "contacted", "qualified")
STATUS_COLOURS = {"new": "#e3f2fd", "contacted": "#fff8e1", "qualified": "#e8f5e9",
                  "disqualified": "#eceff1", "converted": "#ede7f6"}


def status_text(status: str) -> str:
    names = {"new": translate("LeadStatus", "New"),
             "contacted": translate("LeadStatus", "Contacted"),
             "qualified": translate("LeadStatus", "Qualified"),
             "disqualified": translate("LeadStatus", "Disqualified"),
             "converted": translate("LeadStatus", "Converted")}
    return names.get(status, status)


def lead_field_label(field: str) -> str:
    labels = {"contact_name": translate("LeadFields", "Contact name"),
              "company": translate("LeadFields", "Company"),
              "title": translate("LeadFields", "Job title"),
              "enquiry": translate("LeadFields", "Enquiry"),
              "reason": translate("LeadFields", "Reason"),
              "status": translate("LeadFields", "Status")}
    return labels.get(field) or ui_errors.field_label(field)


def disqualify_reasons() -> list[str]:
    return [translate("DisqualifyReason", "No real need"),
            translate("DisqualifyReason", "Cannot be reached"),
            translate("DisqualifyReason", "Duplicate of another lead"),
            translate("DisqualifyReason", "A competitor or a peer asking"),
            translate("DisqualifyReason", "Spam or advertising"),
            translate("DisqualifyReason", "Budget far too small")]
