"""Errors in words a clerk understands.

Services raise typed errors with English messages (services/errors.py). This module turns
them into translated text for a message box or for the label beside a field, recognises
"the database cannot be reached" in driver exceptions without importing the drivers, and
provides the dialog shown for an uncaught exception.

    from ui import errors
    errors.show_error(self, exc)                       # a message box
    for field, text in errors.field_messages(exc).items(): ...   # beside the fields
"""
from __future__ import annotations

import re
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QMessageBox,
                               QPlainTextEdit, QPushButton, QStyle, QVBoxLayout, QWidget)

from services.errors import (Conflict, DuplicateCandidate, InsufficientStock, NotFound,
                             PermissionDenied, QianliError, ValidationError)

_SERVICE_CONTEXT = "ServiceMessages"

# Service messages known by their exact English text. Listing them here puts them into the
# .ts file so translators see them; a message not listed still shows, in English.
KNOWN_MESSAGES = (
    QT_TRANSLATE_NOOP("ServiceMessages", "Unknown user or wrong password."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You are not allowed to do this."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only an administrator can add users."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Login is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Use letters, digits, '.', '_' or '-' (at most 64)."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Display name is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Password needs at least 6 characters."),
    QT_TRANSLATE_NOOP("ServiceMessages", "invalid"),
    QT_TRANSLATE_NOOP("ServiceMessages", "Name is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Contact name is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose an owner or the public pool, not both."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only sales staff and administrators can create customers."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only sales staff and administrators can import customers."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "You can assign customers only to members of your team."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only a sales manager or an administrator can give "
                      "a customer to someone else."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A customer cannot be merged into itself."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Write what was discussed."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The follow-up time needs a time zone."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The follow-up time is in the future."),
    # Opportunities and stages
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only sales staff and administrators work on opportunities."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "You can give opportunities only to members of your team."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only a sales manager or an administrator can give "
                      "opportunities to someone else."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Say why the opportunity was lost."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only a sales manager or an administrator marks commit."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A page has at least one row."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The number of cards cannot be negative."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Amount is required (0 when not known yet)."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Amount must be exact (a Decimal), not a floating-point number."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Amount cannot be negative."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Amount has at most two decimals (cents)."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Title is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Expected close date must be a date."),
    QT_TRANSLATE_NOOP("ServiceMessages", "No active open stage is configured; add one in the "
                      "stage settings first."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only a sales manager or an administrator can change the stages."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Stage code is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Stage code: letters, digits, '_' or '-', at most 30."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Stage name is required."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Position is a whole number."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A stage cannot be both won and lost."),
    # Leads and the lead import
    QT_TRANSLATE_NOOP("ServiceMessages", "Only sales staff and administrators work on leads."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You can give leads only to members of your team."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only a sales manager or an administrator can give "
                      "leads to someone else."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A lead becomes converted by converting it into a "
                      "customer, not by setting its status."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Say why the lead is disqualified."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Convert into a new customer or an existing one, not both."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only sales staff and administrators can import leads."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The contact name is empty; every lead needs one."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The file has no data rows below the header."),
    QT_TRANSLATE_NOOP("ServiceMessages", "unknown header, ignored"),
    QT_TRANSLATE_NOOP("ServiceMessages", "no header, ignored"),
    QT_TRANSLATE_NOOP("ServiceMessages", "not an import field, ignored"),
    # Public pool
    QT_TRANSLATE_NOOP("ServiceMessages", "Only a sales manager or an administrator can change "
                      "the public pool rules."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Max owned must be a whole number from 1 to 1000000 or empty."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only sales staff can claim customers from the public pool."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only a sales manager or an administrator can assign customers."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The sweep time needs a time zone."),
    # Targets and sales reports
    QT_TRANSLATE_NOOP("ServiceMessages", "Give the first day of the period as a date."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only an administrator chooses how targets are measured."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Targets are set to be measured on 'orders', but "
                      "signed orders need the orders module, which is not installed yet; set "
                      "targets.basis to 'won' for now."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Targets are set to be measured on 'cash', but cash "
                      "collected needs the finance module, which is not installed yet; set "
                      "targets.basis to 'won' for now."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only sales managers (for their team) and administrators set targets."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "A sales manager sets targets for their own team only."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "A sales manager sets targets for their own team's reps only."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Set a target for either a rep or a team."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Targets are for sales staff and administrators."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Show between 1 and 120 months."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose a rep or a team, not both."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose the first and the last day of the period."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "A sales manager sees the figures of their own team only."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A sales rep sees their own figures only."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Sales reports are for sales staff and administrators."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You may not see this rep's figures."),
    # Orders (purchase, sales, approval rules)
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only sales staff and administrators work on sales orders."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only a sales manager or an administrator can approve orders."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only a sales manager or an administrator can reject orders."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only warehouse staff and administrators work on purchase orders."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only an administrator can approve purchase orders."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Only a sales manager or an administrator can change the approval rules."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Say why the order is cancelled."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Say why the order is rejected."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Add at least one line."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose a warehouse."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose a supplier."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The delivery date is before the order date."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The expected date is before the order date."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The opportunity belongs to another customer."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The approval amount is money from 0 with at most "
                      "two decimals, or empty."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "The approval discount is a percentage from 0 to 100, or empty."),
    # Stock documents: receipts, delivery notes, returns
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may receive "
                      "goods."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may create "
                      "delivery notes."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may take "
                      "back goods."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may return "
                      "goods to suppliers."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may return "
                      "goods."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "Say why goods are received without a purchase order."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A receipt without a purchase order cannot fill "
                      "purchase order lines; receive those from the order."),
    QT_TRANSLATE_NOOP("ServiceMessages", "A delivery note needs an approved sales order: no "
                      "stock leaves without one."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Goods can only be returned from a posted document."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "A customer return is made against a posted delivery note."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Say why the goods go back to the supplier."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Choose the supplier the goods go back to."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Lines that return goods of a receipt need the "
                      "return to be made against that receipt."),
    QT_TRANSLATE_NOOP("ServiceMessages",
                      "This document id is already used by another document."),
    # Who may handle stock documents in general (services/stock_documents.py)
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may work "
                      "with stock documents."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may post "
                      "stock documents."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may edit "
                      "stock documents."),
    # Transfers, stock counts, reversals, stock reports
    QT_TRANSLATE_NOOP("ServiceMessages", "A transfer goes to a different warehouse."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may create "
                      "transfers."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may count "
                      "stock."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only warehouse staff and administrators may reverse "
                      "stock documents."),
    QT_TRANSLATE_NOOP("ServiceMessages", "There is nothing to count in this warehouse."),
    QT_TRANSLATE_NOOP("ServiceMessages", "This document is not a stock count."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only a draft count can be submitted."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Submit the count before approving it."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Say why the document is reversed."),
    QT_TRANSLATE_NOOP("ServiceMessages", "Only an administrator can reverse a stock count."),
    QT_TRANSLATE_NOOP("ServiceMessages", "You are not allowed to see this report."),
    QT_TRANSLATE_NOOP("ServiceMessages", "The period ends before it starts."),
)

_Q = r"['\"](.+)['\"]"   # a value the service quoted with repr()

# Messages with a variable part: English pattern → translatable template with %1, %2 ….
MESSAGE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^Login {_Q} is taken\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Login '%1' is taken.")),
    (re.compile(rf"^No user {_Q}\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "No user '%1'.")),
    (re.compile(rf"^Phone {_Q} contains letters;"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Phone '%1' contains letters; use digits, spaces, "
                       "dashes, parentheses and a leading +.")),
    (re.compile(rf"^Phone {_Q} has characters a phone number cannot have;"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Phone '%1' has characters a phone number cannot "
                       "have; use digits, spaces, dashes, parentheses and a leading +.")),
    (re.compile(rf"^Phone {_Q} has too few digits \((\d+)\); a phone number has at least "
                r"(\d+),"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Phone '%1' has too few digits (%2); a phone number "
                       "has at least %3, with the area code for a landline.")),
    (re.compile(rf"^Phone {_Q} has too many digits \((\d+)\); at most (\d+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Phone '%1' has too many digits (%2); at most %3.")),
    (re.compile(rf"^Phone {_Q} looks like a mobile number with (\d+) digits;"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Phone '%1' looks like a mobile number with %2 "
                       "digits; mainland mobile numbers have 11.")),
    (re.compile(rf"^Phone {_Q} is not a mainland mobile number"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Phone '%1' is not a mainland mobile number (13x–19x).")),
    (re.compile(rf"^Email {_Q} contains a space\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Email '%1' contains a space.")),
    (re.compile(rf"^Email {_Q} needs exactly one '@'"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Email '%1' needs exactly one '@', as in name@example.com.")),
    (re.compile(rf"^Email {_Q} is missing '@'"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Email '%1' is missing '@', as in name@example.com.")),
    (re.compile(rf"^Email {_Q}: the part before '@' is not valid\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Email '%1': the part before '@' is not valid.")),
    (re.compile(rf"^Email {_Q}: the domain {_Q} needs a dot"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Email '%1': the domain '%2' needs a dot, as in example.com.")),
    (re.compile(rf"^Email {_Q}: the domain {_Q} is not valid\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Email '%1': the domain '%2' is not valid.")),
    (re.compile(r"^Stage name is too long: (\d+) characters, at most (\d+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Stage name is too long: %1 characters, at most %2.")),
    (re.compile(r"^(.+) is too long: (\d+) characters, at most (\d+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is too long: %2 characters, at most %3.")),
    (re.compile(rf"^Code {_Q} is already used by another customer\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Code '%1' is already used by another customer.")),
    (re.compile(r"^Customer (\S+) was merged into (\S+); work on \S+ instead\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 was merged into %2; work on %2 "
                       "instead.")),
    (re.compile(r"^You cannot change customer (\S+): it belongs to someone outside your "
                r"team\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "You cannot change customer %1: it belongs to "
                       "someone outside your team.")),
    (re.compile(r"^Customer (\S+) is in the public pool; claim it before logging a "
                r"follow-up\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 is in the public pool; claim it before "
                       "logging a follow-up.")),
    (re.compile(r"^The next follow-up date (\S+) is in the past\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "The next follow-up date %1 is in the past.")),
    (re.compile(r"^Customer (\S+) was changed by someone else since you opened it"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Customer %1 was changed by someone else since you opened it.")),
    (re.compile(r"^Contact (.+) of (\S+) was changed by someone else since you opened it"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Contact %1 of %2 was changed by someone else since you opened it.")),
    (re.compile(rf"^Tax id {_Q} may contain only letters and digits\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Tax ID '%1' may contain only letters and digits.")),
    (re.compile(rf"^Tax id {_Q} has (\d+) characters; expected 6 to 20"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Tax ID '%1' has %2 characters; expected 6 to 20 "
                       "(18 for a unified social credit code).")),
    (re.compile(rf"^Tax id {_Q} is not a unified social credit code: (.+) cannot appear"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Tax ID '%1' is not a unified social credit code: "
                       "%2 cannot appear in one.")),
    (re.compile(rf"^Tax id {_Q} fails the unified social credit code check character"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Tax ID '%1' fails the unified social credit code "
                       "check character; please check it for a typo.")),
    # Import: reasons about one cell (shown after the row and column)
    (re.compile(r"^the customer name is empty; every customer needs one\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "the customer name is empty; every customer needs one.")),
    (re.compile(r"^is (\d+) characters long; at most (\d+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "is %1 characters long; at most %2.")),
    (re.compile(r"^is a date \((.+)\), not a phone number:"),
     QT_TRANSLATE_NOOP("ServiceMessages", "is a date (%1), not a phone number: Excel turned "
                       "what was typed into a date; format the column as Text and type the "
                       "number again.")),
    (re.compile(r"^is a date \((.+)\); expected text\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "is a date (%1); expected text.")),
    (re.compile(rf"^{_Q} is not a phone number\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "'%1' is not a phone number.")),
    (re.compile(rf"^{_Q} is a number Excel shortened to scientific notation"),
     QT_TRANSLATE_NOOP("ServiceMessages", "'%1' is a number Excel shortened to scientific "
                       "notation, so digits are lost; format the column as Text in Excel and "
                       "type the number again.")),
    (re.compile(rf"^level must be A, B, C or D \(got {_Q}\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "level must be A, B, C or D (got '%1').")),
    (re.compile(rf"^type must be 公司/个人 or company/person \(got {_Q}\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "type must be 公司/个人 or company/person (got '%1').")),
    (re.compile(r"^the formula (.+) has no saved result"),
     QT_TRANSLATE_NOOP("ServiceMessages", "the formula %1 has no saved result (the file was "
                       "not saved by Excel after calculating); open it in Excel and save it, "
                       "or paste the values.")),
    (re.compile(r"^File not found: (.+)$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "File not found: %1")),
    (re.compile(r"^(.+): the old Excel 97-2003 format \(\.xls\) cannot be read;"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: the old Excel 97-2003 format (.xls) cannot be "
                       "read; open it in Excel and save as .xlsx.")),
    (re.compile(r"^(.+): unsupported file type (.+); use \.xlsx or \.csv\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: unsupported file type %2; use .xlsx or .csv.")),
    (re.compile(r"^(.+) is empty\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is empty.")),
    (re.compile(r"^(.+): export files are \.xlsx\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: export files are .xlsx.")),
    (re.compile(r"^Folder (.+) does not exist\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Folder %1 does not exist.")),
    # Opportunities and stages
    (re.compile(r"^User (\S+) cannot own opportunities \(unknown, inactive or not in sales\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "User %1 cannot own opportunities (unknown, "
                       "inactive or not in sales).")),
    (re.compile(r"^Customer (\S+) is in the public pool; claim it before opening an "
                r"opportunity\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 is in the public pool; claim it before "
                       "opening an opportunity.")),
    (re.compile(rf"^Opportunity {_Q} was changed by someone else since you opened it"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Opportunity '%1' was changed by someone else since you opened it.")),
    (re.compile(rf"^Opportunity {_Q} is won; only a sales manager or an administrator can "
                r"reopen it\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Opportunity '%1' is won; only a sales manager or "
                       "an administrator can reopen it.")),
    (re.compile(rf"^Opportunity {_Q} is lost; only a sales manager or an administrator can "
                r"reopen it\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Opportunity '%1' is lost; only a sales manager or "
                       "an administrator can reopen it.")),
    (re.compile(rf"^Opportunity {_Q} is won; only a sales manager or an administrator can "
                r"change it\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Opportunity '%1' is won; only a sales manager or "
                       "an administrator can change it.")),
    (re.compile(rf"^Opportunity {_Q} is lost; only a sales manager or an administrator can "
                r"change it\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Opportunity '%1' is lost; only a sales manager or "
                       "an administrator can change it.")),
    (re.compile(rf"^Opportunity {_Q} is won; only open opportunities can be marked commit\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Opportunity '%1' is won; only open opportunities "
                       "can be marked commit.")),
    (re.compile(rf"^Opportunity {_Q} is lost; only open opportunities can be marked commit\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Opportunity '%1' is lost; only open opportunities "
                       "can be marked commit.")),
    (re.compile(rf"^Unknown scope {_Q}; one of (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Unknown scope '%1'; one of %2.")),
    (re.compile(rf"^Unknown state {_Q}; one of (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Unknown state '%1'; one of %2.")),
    (re.compile(rf"^Amount {_Q} is not a number\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Amount '%1' is not a number.")),
    (re.compile(r"^Amount (.+) is not a number\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Amount '%1' is not a number.")),
    (re.compile(r"^Amount is too large \(at most (.+)\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Amount is too large (at most %1).")),
    (re.compile(r"^Probability is a whole percent from 0 to 100 \(got (.+)\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Probability is a whole percent from 0 to 100 (got %1).")),
    (re.compile(r"^Stage (\S+) does not exist\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Stage %1 does not exist.")),
    (re.compile(r"^Stage (\S+) is no longer in use; choose another\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Stage %1 is no longer in use; choose another.")),
    (re.compile(rf"^Stage code {_Q} is already used\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Stage code '%1' is already used.")),
    (re.compile(r"^Stage (\S+) holds (\d+) opportunities; move them to another stage before "
                r"changing whether it counts as won or lost\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Stage %1 holds %2 opportunities; move them to "
                       "another stage before changing whether it counts as won or lost.")),
    # Leads
    (re.compile(r"^User (\S+) cannot own leads \(unknown, inactive or not in sales\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "User %1 cannot own leads (unknown, inactive or not in sales).")),
    (re.compile(r"^Lead (.+) was converted already \(customer (\d+)\); it cannot change\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Lead %1 was converted already (customer %2); it cannot change.")),
    (re.compile(r"^Lead (.+) was converted already \(customer (\d+)\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Lead %1 was converted already (customer %2).")),
    (re.compile(r"^Lead (.+) is disqualified \((.*)\); change its status before converting "
                r"it\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Lead %1 is disqualified (%2); change its status "
                       "before converting it.")),
    (re.compile(r"^Lead (.+) was changed by someone else since you opened it"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Lead %1 was changed by someone else since you opened it.")),
    (re.compile(rf"^Unknown lead status {_Q}; one of (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Unknown lead status '%1'; one of %2.")),
    # Lead import: file, columns, cells, owners and the summary
    (re.compile(r"^Unknown lead import field\(s\): (.+); known: (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Unknown lead import field(s): %1; known: %2.")),
    (re.compile(r"^Row (\d+) is not among the first (\d+) rows of (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Row %1 is not among the first %2 rows of %3.")),
    (re.compile(r"^(.+): no header row found in the first (\d+) rows; expected column titles "
                r"such as 联系人 / Contact"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: no header row found in the first %2 rows; "
                       "expected column titles such as 联系人 / Contact, 电话 / Phone, "
                       "公司 / Company.")),
    (re.compile(r"^(.+): no column for the contact name; the header row (\d+) should have a "
                r"column titled 联系人 or Contact\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: no column for the contact name; the header row "
                       "%2 should have a column titled 联系人 or Contact.")),
    (re.compile(r"^Header row is row (\d+); row\(s\) (.+) above it were taken as titles and "
                r"skipped\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Header row is row %1; row(s) %2 above it were "
                       "taken as titles and skipped.")),
    (re.compile(r"^second (.+) column; only column (\S+) is imported$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "second %1 column; only column %2 is imported")),
    (re.compile(r"^Column (\S+) \((.*)\): (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Column %1 (%2): %3.")),
    (re.compile(r"^CSV file, text encoding (.+), delimiter (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "CSV file, text encoding %1, delimiter %2.")),
    (re.compile(rf"^Sheet {_Q} read; other sheets \((.+)\) ignored\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Sheet '%1' read; other sheets (%2) ignored.")),
    (re.compile(r"^The formula (.+) has no saved result"),
     QT_TRANSLATE_NOOP("ServiceMessages", "the formula %1 has no saved result (the file was "
                       "not saved by Excel after calculating); open it in Excel and save it, "
                       "or paste the values.")),
    (re.compile(r"^(.+) is a date \((.+)\); expected text\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is a date (%2); expected text.")),
    (re.compile(rf"^Owner {_Q} is not a user\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Owner '%1' is not a user.")),
    (re.compile(rf"^Owner {_Q} names more than one user; use the login\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Owner '%1' names more than one user; use the login.")),
    (re.compile(rf"^Owner {_Q}: (.+)$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Owner '%1': %2")),
    (re.compile(r"^(.+): import cancelled; nothing was imported\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: import cancelled; nothing was imported.")),
    (re.compile(r"^(.+): nothing imported because (\d+) of (\d+) rows have errors "
                r"\(all-or-nothing\)\."),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: nothing imported because %2 of %3 rows have "
                       "errors (all-or-nothing). Fix them or import the good rows only.")),
    (re.compile(r"^(.+): (\d+) leads imported\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: %2 leads imported.")),
    (re.compile(r"^(.+): (\d+) leads imported, (\d+) duplicates skipped\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: %2 leads imported, %3 duplicates skipped.")),
    (re.compile(r"^(.+): (\d+) leads imported, (\d+) rows with errors left out\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "%1: %2 leads imported, %3 rows with errors left out.")),
    (re.compile(r"^(.+): (\d+) leads imported, (\d+) duplicates skipped, (\d+) rows with "
                r"errors left out\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1: %2 leads imported, %3 duplicates skipped, %4 "
                       "rows with errors left out.")),
    (re.compile(rf"^Unknown import mode {_Q}: all_or_nothing or good_rows\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Unknown import mode '%1': all_or_nothing or good_rows.")),
    (re.compile(rf"^Unknown duplicate rule {_Q}: skip or import\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Unknown duplicate rule '%1': skip or import.")),
    # Public pool: claims, releases, assignments and the rules
    (re.compile(r"^Customer (\S+) is already yours\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 is already yours.")),
    (re.compile(r"^Customer (\S+) was already claimed by someone else\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 was already claimed by someone else.")),
    (re.compile(r"^Customer (\S+) was already claimed by (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 was already claimed by %2.")),
    (re.compile(r"^You own (\d+) customers, the most allowed is (\d+); release one before "
                r"claiming another\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "You own %1 customers, the most allowed is %2; "
                       "release one before claiming another.")),
    (re.compile(r"^(.+) owns (\d+) customers, the most allowed is (\d+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 owns %2 customers, the most allowed is %3.")),
    (re.compile(r"^Customer (\S+) left you less than (\d+) days ago; you can claim it again "
                r"in (\d+) days?\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 left you less than %2 days ago; you can "
                       "claim it again in %3 day(s).")),
    (re.compile(r"^Customer (\S+) is already in the public pool\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 is already in the public pool.")),
    (re.compile(r"^You cannot release customer (\S+): it is not yours\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "You cannot release customer %1: it is not yours.")),
    (re.compile(r"^Customer (\S+) already belongs to (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 already belongs to %2.")),
    (re.compile(r"^User (\S+) cannot own customers \(unknown, inactive or not in sales\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "User %1 cannot own customers (unknown, inactive or not in sales).")),
    (re.compile(r"^Default no follow up days must be a whole number from (\d+) to (\d+) or "
                r"empty\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Default no follow up days must be a whole number "
                       "from %1 to %2 or empty.")),
    (re.compile(r"^Default no deal days must be a whole number from (\d+) to (\d+) or "
                r"empty\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Default no deal days must be a whole number from %1 "
                       "to %2 or empty.")),
    (re.compile(r"^([A-D]) no follow up days must be a whole number from (\d+) to (\d+) or "
                r"empty\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 no follow up days must be a whole number from %2 "
                       "to %3 or empty.")),
    (re.compile(r"^([A-D]) no deal days must be a whole number from (\d+) to (\d+) or "
                r"empty\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 no deal days must be a whole number from %2 to "
                       "%3 or empty.")),
    (re.compile(r"^Reclaim block days must be a whole number from (\d+) to (\d+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Reclaim block days must be a whole number from %1 to %2.")),
    (re.compile(rf"^Unknown level {_Q}; use one of (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Unknown level '%1'; use one of %2.")),
    # Targets and sales reports
    (re.compile(rf"^Unknown period {_Q}; use one of (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Unknown period '%1'; use one of %2.")),
    (re.compile(r"^A month starts on the 1st of a month, not (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "A month starts on the 1st of a month, not %1.")),
    (re.compile(r"^A quarter starts on 1 January, 1 April, 1 July or 1 October, not (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "A quarter starts on 1 January, 1 April, 1 July or "
                       "1 October, not %1.")),
    (re.compile(r"^A year starts on 1 January, not (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "A year starts on 1 January, not %1.")),
    (re.compile(rf"^Unknown basis {_Q}; use one of (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Unknown basis '%1'; use one of %2.")),
    (re.compile(rf"^Unknown targets\.basis {_Q} in the settings; use one of (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Unknown targets.basis '%1' in the settings; use one of %2.")),
    (re.compile(rf"^The target amount {_Q} is not an amount of money ≥ 0\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "The target amount '%1' is not an amount of money "
                       "≥ 0.")),
    (re.compile(r"^The target amount (.+) is not an amount of money ≥ 0\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "The target amount '%1' is not an amount of money "
                       "≥ 0.")),
    (re.compile(r"^There is no user (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "There is no user %1.")),
    (re.compile(r"^There is no team (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "There is no team %1.")),
    (re.compile(r"^The period ends \((\S+)\) before it starts \((\S+)\)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "The period ends (%1) before it starts (%2).")),
    (re.compile(r"^Choose a period of at most (\d+) months\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Choose a period of at most %1 months.")),
    (re.compile(r"^Group the forecast by one of (.+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Group the forecast by one of %1.")),
    (re.compile(r"^Give (\d+) column titles\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Give %1 column titles.")),
    # Orders: states, progress, lines, approval reasons
    (re.compile(r"^(\S+) is still a draft; submit it first\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is still a draft; submit it first.")),
    (re.compile(r"^(\S+) is waiting for approval\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is waiting for approval.")),
    (re.compile(r"^(\S+) is already approved\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is already approved.")),
    (re.compile(r"^(\S+) is already being received\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is already being received.")),
    (re.compile(r"^(\S+) is fully received\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is fully received.")),
    (re.compile(r"^(\S+) is already being delivered\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is already being delivered.")),
    (re.compile(r"^(\S+) is fully delivered\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is fully delivered.")),
    (re.compile(r"^(\S+) was cancelled\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 was cancelled.")),
    (re.compile(r"^(\S+) has received goods and cannot be cancelled\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 has received goods and cannot be cancelled.")),
    (re.compile(r"^Sales order (\S+) was changed by someone else since you opened it\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Sales order %1 was changed by someone else since you opened it.")),
    (re.compile(r"^Purchase order (\S+) was changed by someone else since you opened it\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Purchase order %1 was changed by someone else since you opened it.")),
    (re.compile(r"^Customer (\S+) is in the public pool; claim it before taking an order\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Customer %1 is in the public pool; claim it before "
                       "taking an order.")),
    (re.compile(r"^Warehouse (.+) is inactive\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Warehouse %1 is inactive.")),
    (re.compile(r"^Supplier (.+) is inactive\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Supplier %1 is inactive.")),
    (re.compile(r"^An order has at most (\d+) lines\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "An order has at most %1 lines.")),
    (re.compile(r"^Line (\d+): unknown product\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1: unknown product.")),
    (re.compile(r"^Line (\d+) \((.+?)\): the product is inactive\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): the product is inactive.")),
    (re.compile(r"^Line (\d+) \((.+?)\): the quantity must be above zero\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): the quantity must be above zero.")),
    (re.compile(r"^Line (\d+) \((.+?)\): (\S+) takes at most (\d) decimals\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): %3 takes at most %4 decimals.")),
    (re.compile(r"^Line (\d+) \((.+?)\): the price cannot be negative\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): the price cannot be negative.")),
    (re.compile(r"^Line (\d+) \((.+?)\): the price takes at most (\d) decimals\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): the price takes at most %3 decimals.")),
    (re.compile(r"^Line (\d+) \((.+?)\): the discount is a percentage from 0 to 100\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Line %1 (%2): the discount is a percentage from 0 to 100.")),
    (re.compile(r"^Line (\d+) \((.+?)\): the tax rate is a percentage from 0 to 100\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Line %1 (%2): the tax rate is a percentage from 0 to 100.")),
    (re.compile(r"^Line (\d+) \((.+?)\): the line amount is too large\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): the line amount is too large.")),
    (re.compile(r"^Line (\d+) \((.+?)\): the quantity is too large\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): the quantity is too large.")),
    (re.compile(r"^Line (\d+) \((.+?)\): the price is too large\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): the price is too large.")),
    (re.compile(r"^Line (\d+) \((.+?)\) of (\S+): only (\S+) left to receive\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2) of %3: only %4 left to receive.")),
    (re.compile(r"^Line (\d+) \((.+?)\) of (\S+): only (\S+) left to deliver\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2) of %3: only %4 left to deliver.")),
    (re.compile(r"^Line (\d+) \((.+?)\) of (\S+): (\S+) of it went back to the supplier; "
                r"undo that return first\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2) of %3: %4 of it went back to the "
                       "supplier; undo that return first.")),
    (re.compile(r"^Line (\d+) \((.+?)\) of (\S+): (\S+) of it came back from the customer; "
                r"undo that return first\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2) of %3: %4 of it came back from the "
                       "customer; undo that return first.")),
    (re.compile(r"^Line (\d+) \((.+?)\) of (\S+): only (\S+) received and not yet "
                r"returned\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Line %1 (%2) of %3: only %4 received and not yet returned.")),
    (re.compile(r"^Line (\d+) \((.+?)\) of (\S+): only (\S+) delivered and not yet "
                r"returned\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Line %1 (%2) of %3: only %4 delivered and not yet returned.")),
    (re.compile(r"^Line (\d+) \((.+?)\) of (\S+): nothing returned to undo\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2) of %3: nothing returned to undo.")),
    (re.compile(r"^The total (\S+) is above the approval limit (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "The total %1 is above the approval limit %2.")),
    (re.compile(r"^Line (\d+) has a (\S+)% discount, above the approval limit of (\S+)%\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Line %1 has a %2% discount, above the approval limit of %3%.")),
    # Stock documents: receipts, delivery notes, returns
    (re.compile(r"^Sales order (\S+) has nothing left to deliver\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Sales order %1 has nothing left to deliver.")),
    (re.compile(r"^Purchase order (\S+) has nothing left to receive\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Purchase order %1 has nothing left to receive.")),
    (re.compile(r"^Line (\d+) \((.+?)\): not on (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): not on %3.")),
    (re.compile(r"^Line (\d+) \((.+?)\): (\S+) is more than the (\S+) still open on (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "Line %1 (%2): %3 is more than the %4 still open on %5.")),
    (re.compile(r"^Line (\d+) \((.+?)\): give the reason for the return\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1 (%2): give the reason for the return.")),
    (re.compile(r"^Line (\d+): not a line of delivery note (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1: not a line of delivery note %2.")),
    (re.compile(r"^Receipt (\S+) came from another supplier\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Receipt %1 came from another supplier.")),
    (re.compile(r"^(\S+) was reversed by (\S+); nothing can be returned from it\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages",
                       "%1 was reversed by %2; nothing can be returned from it.")),
    # Transfers, stock counts, reversals
    (re.compile(r"^Warehouse (.+) is closed\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Warehouse %1 is closed.")),
    (re.compile(r"^Line (\d+): the product is already counted on line (\d+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Line %1: the product is already counted on line %2.")),
    (re.compile(r"^(.+?) is not posted: change or cancel the draft instead\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is not posted: change or cancel the draft "
                       "instead.")),
    (re.compile(r"^(.+?) is itself a reversal and cannot be reversed; post the original "
                r"document again instead\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 is itself a reversal and cannot be reversed; "
                       "post the original document again instead.")),
    (re.compile(r"^(.+?) was already reversed by (\S+)\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "%1 was already reversed by %2.")),
    (re.compile(r"^Goods of (\S+) were returned on (\S+); reverse that return first\.$"),
     QT_TRANSLATE_NOOP("ServiceMessages", "Goods of %1 were returned on %2; reverse that "
                       "return first.")),
)


# Field names used by services (ValidationError keys) → labels a clerk knows.
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "code": QT_TRANSLATE_NOOP("Fields", "Code"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "level": QT_TRANSLATE_NOOP("Fields", "Level"),
    "industry": QT_TRANSLATE_NOOP("Fields", "Industry"),
    "source": QT_TRANSLATE_NOOP("Fields", "Source"),
    "region": QT_TRANSLATE_NOOP("Fields", "Region"),
    "address": QT_TRANSLATE_NOOP("Fields", "Address"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "email": QT_TRANSLATE_NOOP("Fields", "Email"),
    "tax_id": QT_TRANSLATE_NOOP("Fields", "Tax ID"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
    "owner": QT_TRANSLATE_NOOP("Fields", "Owner"),
    "owner_id": QT_TRANSLATE_NOOP("Fields", "Owner"),
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "wechat": QT_TRANSLATE_NOOP("Fields", "WeChat"),
    "contact": QT_TRANSLATE_NOOP("Fields", "Contact"),
    "contact_id": QT_TRANSLATE_NOOP("Fields", "Contact"),
    "occurred_at": QT_TRANSLATE_NOOP("Fields", "When"),
    "next_follow_up_on": QT_TRANSLATE_NOOP("Fields", "Next follow-up"),
    "login": QT_TRANSLATE_NOOP("Fields", "Login"),
    "display_name": QT_TRANSLATE_NOOP("Fields", "Display name"),
    "role": QT_TRANSLATE_NOOP("Fields", "Role"),
    "password": QT_TRANSLATE_NOOP("Fields", "Password"),
    "manager": QT_TRANSLATE_NOOP("Fields", "Manager"),
    "team": QT_TRANSLATE_NOOP("Fields", "Team"),
    "file": QT_TRANSLATE_NOOP("Fields", "File"),
    # opportunities, stages and leads
    "customer": QT_TRANSLATE_NOOP("Fields", "Customer"),
    "customer_id": QT_TRANSLATE_NOOP("Fields", "Customer"),
    "amount": QT_TRANSLATE_NOOP("Fields", "Amount"),
    "expected_close_on": QT_TRANSLATE_NOOP("Fields", "Expected close date"),
    "probability": QT_TRANSLATE_NOOP("Fields", "Probability"),
    "stage": QT_TRANSLATE_NOOP("Fields", "Stage"),
    "stage_id": QT_TRANSLATE_NOOP("Fields", "Stage"),
    "is_commit": QT_TRANSLATE_NOOP("Fields", "Commit"),
    "lost_reason": QT_TRANSLATE_NOOP("Fields", "Lost reason"),
    "products_of_interest": QT_TRANSLATE_NOOP("Fields", "Products of interest"),
    "contact_name": QT_TRANSLATE_NOOP("Fields", "Contact name"),
    "company": QT_TRANSLATE_NOOP("Fields", "Company"),
    "enquiry": QT_TRANSLATE_NOOP("Fields", "Enquiry"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    "note": QT_TRANSLATE_NOOP("Fields", "Note"),
    "position": QT_TRANSLATE_NOOP("Fields", "Position"),
    "name_en": QT_TRANSLATE_NOOP("Fields", "English name"),
    "name_zh": QT_TRANSLATE_NOOP("Fields", "Chinese name"),
    "is_won": QT_TRANSLATE_NOOP("Fields", "Counts as won"),
    "is_lost": QT_TRANSLATE_NOOP("Fields", "Counts as lost"),
    # public pool rules, targets and reports
    "max_owned": QT_TRANSLATE_NOOP("Fields", "Most customers per rep"),
    "reclaim_block_days": QT_TRANSLATE_NOOP("Fields", "Days before re-claiming"),
    "period": QT_TRANSLATE_NOOP("Fields", "Period"),
    "period_start": QT_TRANSLATE_NOOP("Fields", "Period start"),
    "basis": QT_TRANSLATE_NOOP("Fields", "Measured on"),
    "targets.basis": QT_TRANSLATE_NOOP("Fields", "Measured on"),
    "user_id": QT_TRANSLATE_NOOP("Fields", "Rep"),
    "team_id": QT_TRANSLATE_NOOP("Fields", "Team"),
    "date_from": QT_TRANSLATE_NOOP("Fields", "From"),
    "date_to": QT_TRANSLATE_NOOP("Fields", "To"),
    "group_by": QT_TRANSLATE_NOOP("Fields", "Group by"),
    # orders and stock documents
    "lines": QT_TRANSLATE_NOOP("Fields", "Lines"),
    "state": QT_TRANSLATE_NOOP("Fields", "State"),
    "warehouse_id": QT_TRANSLATE_NOOP("Fields", "Warehouse"),
    "from_warehouse_id": QT_TRANSLATE_NOOP("Fields", "From warehouse"),
    "to_warehouse_id": QT_TRANSLATE_NOOP("Fields", "To warehouse"),
    "supplier_id": QT_TRANSLATE_NOOP("Fields", "Supplier"),
    "sales_order_id": QT_TRANSLATE_NOOP("Fields", "Sales order"),
    "purchase_order_id": QT_TRANSLATE_NOOP("Fields", "Purchase order"),
    "source_document_id": QT_TRANSLATE_NOOP("Fields", "Source document"),
    "reverses_id": QT_TRANSLATE_NOOP("Fields", "Reversal"),
    "quality_note": QT_TRANSLATE_NOOP("Fields", "Quality note"),
    "doc_date": QT_TRANSLATE_NOOP("Fields", "Date"),
    "client_uuid": QT_TRANSLATE_NOOP("Fields", "Document"),
    "doc_type": QT_TRANSLATE_NOOP("Fields", "Document type"),
    "product_ids": QT_TRANSLATE_NOOP("Fields", "Products"),
}

ENTITY_LABELS = {
    "customer": QT_TRANSLATE_NOOP("Entities", "Customer"),
    "contact": QT_TRANSLATE_NOOP("Entities", "Contact"),
    "activity": QT_TRANSLATE_NOOP("Entities", "Follow-up"),
    "user": QT_TRANSLATE_NOOP("Entities", "User"),
    "team": QT_TRANSLATE_NOOP("Entities", "Team"),
    "opportunity": QT_TRANSLATE_NOOP("Entities", "Opportunity"),
    "lead": QT_TRANSLATE_NOOP("Entities", "Lead"),
    "stage": QT_TRANSLATE_NOOP("Entities", "Stage"),
    "sales target": QT_TRANSLATE_NOOP("Entities", "Sales target"),
}

ROLE_LABELS = {
    "sales": QT_TRANSLATE_NOOP("Roles", "Sales"),
    "sales_manager": QT_TRANSLATE_NOOP("Roles", "Sales manager"),
    "warehouse": QT_TRANSLATE_NOOP("Roles", "Warehouse"),
    "finance": QT_TRANSLATE_NOOP("Roles", "Finance"),
    "admin": QT_TRANSLATE_NOOP("Roles", "Administrator"),
}

# The catalog's and printing's messages and names live beside their screens.
from ui.catalog import messages as _catalog  # noqa: E402
from ui.printing import messages as _printing  # noqa: E402
for _module in (_catalog, _printing):
    MESSAGE_PATTERNS += _module.MESSAGE_PATTERNS
    for _own, _theirs in ((FIELD_LABELS, _module.FIELD_LABELS),
                          (ENTITY_LABELS, _module.ENTITY_LABELS)):
        for _key, _label in _theirs.items():
            _own.setdefault(_key, _label)


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def field_label(field: str) -> str:
    source = FIELD_LABELS.get(field)
    return _tr("Fields", source) if source else field.replace("_", " ").capitalize()


def role_label(role: str) -> str:
    source = ROLE_LABELS.get(role)
    return _tr("Roles", source) if source else role


def _field_word(part: str) -> str:
    """'Tax id' in "Tax id is too long" → the translated field label; a service message
    quoted inside another ("Owner 'x': <why>") → translated itself; other parts as given."""
    key = part.strip().lower().replace(" ", "_")
    if key in FIELD_LABELS:
        return field_label(key)
    if " " in part.strip():
        return translate_service_message(part)
    return part


def translate_service_message(message: str) -> str:
    """The clerk's-language version of an English service message (English if unknown)."""
    translated = _tr(_SERVICE_CONTEXT, message)
    if translated != message:
        return translated
    for pattern, template in MESSAGE_PATTERNS:
        m = pattern.match(message)
        if m:
            text = _tr(_SERVICE_CONTEXT, template)
            for i, part in reversed(list(enumerate(m.groups(), start=1))):
                text = text.replace(f"%{i}", _field_word(part))
            return text
    return message


# --- database trouble, recognised without importing the drivers ------------------------

_UNREACHABLE_HINTS = (
    "could not connect", "connection refused", "connection timed out", "timeout expired",
    "name or service not known", "could not translate host name", "no route to host",
    "network is unreachable", "server closed the connection", "connection is lost",
    "unable to open database file", "connection reset", "terminating connection",
    "nodename nor servname", "temporary failure in name resolution",
)
_AUTH_HINTS = ("password authentication failed", "authentication failed",
               "no password supplied", "role \"", "does not exist", "pg_hba.conf")
_LOCKED_HINTS = ("database is locked", "lock timeout", "canceling statement due to lock")


def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        orig = getattr(exc, "orig", None)  # SQLAlchemy DBAPIError wraps the driver error
        if isinstance(orig, BaseException) and id(orig) not in seen:
            yield orig
            seen.add(id(orig))
        exc = exc.__cause__ or exc.__context__


def database_problem(exc: BaseException) -> str | None:
    """'unreachable', 'login' (the server refused the credentials), 'no_database',
    'locked', or None."""
    for e in _chain(exc):
        if isinstance(e, QianliError):
            return None
        if isinstance(e, (ConnectionError, TimeoutError)):
            return "unreachable"
        names = {cls.__name__ for cls in type(e).__mro__}
        if not names & {"OperationalError", "InterfaceError", "DatabaseError"}:
            continue
        text = str(e).lower()
        if any(h in text for h in _LOCKED_HINTS):
            return "locked"
        if "database \"" in text and "does not exist" in text:
            return "no_database"
        if any(h in text for h in _AUTH_HINTS):
            return "login"
        if any(h in text for h in _UNREACHABLE_HINTS):
            return "unreachable"
    return None


def _list_separator() -> str:
    return QCoreApplication.translate("Errors", ", ", "between the items of a list")


def is_expected(exc: BaseException) -> bool:
    """Business errors and database trouble are told in words; anything else is a bug."""
    return isinstance(exc, QianliError) or database_problem(exc) is not None


def field_messages(exc: ValidationError) -> dict[str, str]:
    """Translated message per field, for labels beside the inputs."""
    return {f: translate_service_message(m) for f, m in exc.errors.items()}


def describe(exc: BaseException) -> str:
    """One translated paragraph saying what went wrong and what the user can do."""
    if isinstance(exc, ValidationError):
        lines = []
        for f, english in exc.errors.items():
            m = translate_service_message(english)
            label = field_label(f)
            source = FIELD_LABELS.get(f, f.replace("_", " "))
            # "Phone '1x' contains letters" or "Title is required." names its field already
            # (and the English tells so where one word has two labels: an opportunity's
            # title is not a contact's job title)
            names_itself = m.startswith(label) or \
                english.lower().startswith(source.lower() + " ")
            lines.append(m if names_itself else QCoreApplication.translate(
                "Errors", "%1: %2").replace("%1", label).replace("%2", m))
        return (QCoreApplication.translate("Errors", "Please correct the following:")
                + "\n" + "\n".join(lines))
    if isinstance(exc, NotFound):
        source = ENTITY_LABELS.get(exc.entity)
        entity = _tr("Entities", source) if source else str(exc.entity)
        text = QCoreApplication.translate(
            "Errors", "%1 %2 no longer exists. Someone may have deleted or merged it; "
            "refresh the list.")
        return text.replace("%1", entity).replace("%2", str(exc.key))
    if isinstance(exc, PermissionDenied):
        return translate_service_message(str(exc))
    if isinstance(exc, Conflict):
        # A refusal told in words (a pool claim that came too late) reads as it is; a stale
        # edit (it carries the current record or the changed fields) says to reload.
        if exc.current is None and not exc.changed:
            told = translate_service_message(str(exc))
            if told != str(exc):
                return told
        text = QCoreApplication.translate(
            "Errors", "Someone else changed this record after you opened it. Reload it to "
            "see the current version.")
        if exc.changed:
            changed = _list_separator().join(field_label(f) for f in exc.changed)
            text += "\n" + QCoreApplication.translate("Errors", "Changed: %1").replace(
                "%1", changed)
        return text
    if isinstance(exc, DuplicateCandidate):
        pool = QCoreApplication.translate("Errors", "public pool")
        line = QCoreApplication.translate("Errors", "%1 %2 (%3)")
        lines = [line.replace("%1", c.code).replace("%2", c.name)
                 .replace("%3", c.owner_name or pool) for c in exc.candidates[:5]]
        return (QCoreApplication.translate(
            "Errors", "This looks like a customer that already exists:")
            + "\n" + "\n".join(lines))
    if isinstance(exc, InsufficientStock):
        text = QCoreApplication.translate("Errors", "Not enough stock of %1 in %2: short by %3.")
        return (text.replace("%1", str(exc.product)).replace("%2", str(exc.warehouse))
                .replace("%3", str(exc.shortfall)))
    if isinstance(exc, QianliError):
        return translate_service_message(str(exc))
    problem = database_problem(exc)
    if problem == "unreachable":
        return QCoreApplication.translate(
            "Errors", "The database cannot be reached. Check the network cable or Wi-Fi "
            "and that the office server is running, then try again.")
    if problem == "login":
        return QCoreApplication.translate(
            "Errors", "The database server refused the user name or password.")
    if problem == "no_database":
        return QCoreApplication.translate(
            "Errors", "The office server has no such database. Check the database name in "
            "the connection profile.")
    if problem == "locked":
        return QCoreApplication.translate(
            "Errors", "The database is busy with another change. Try again in a moment.")
    text = QCoreApplication.translate("Errors", "Something went wrong: %1")
    return text.replace("%1", str(exc) or type(exc).__name__)


def error_title(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return QCoreApplication.translate("Errors", "Check your input")
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate("Errors", "Not allowed")
    if isinstance(exc, Conflict):
        return QCoreApplication.translate("Errors", "Changed by someone else")
    if isinstance(exc, DuplicateCandidate):
        return QCoreApplication.translate("Errors", "Possible duplicate")
    if isinstance(exc, NotFound):
        return QCoreApplication.translate("Errors", "Not found")
    if database_problem(exc) is not None:
        return QCoreApplication.translate("Errors", "Database problem")
    return QCoreApplication.translate("Errors", "Error")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A message box for expected errors; the details dialog for anything unexpected."""
    if is_expected(exc):
        QMessageBox.warning(parent, error_title(exc), describe(exc))
    else:
        ExceptionDialog(exc, parent=parent).exec()


class ExceptionDialog(QDialog):
    """Shown for an uncaught exception: what happened in plain words, where the log is, and
    the technical details folded away for whoever supports the office."""

    def __init__(self, exc: BaseException, *, log_file: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        layout = QVBoxLayout(self)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        intro = self.tr("Qianli ran into a problem it did not expect. What you were doing may "
                        "not have been saved. You can keep working; if it happens again, send "
                        "the details below to your administrator.")
        self.message = QLabel(intro + "\n\n" + (str(exc) or type(exc).__name__))
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        layout.addLayout(top)
        if log_file is not None:
            where = QLabel(self.tr("The error was also written to %1").replace(
                "%1", str(log_file)))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        self.details_box = QPlainTextEdit(self.details)
        self.details_box.setReadOnly(True)
        self.details_box.setVisible(False)
        self.details_box.setMinimumHeight(180)
        layout.addWidget(self.details_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.toggle = QPushButton(self.tr("Show details"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggle_details)
        copy = QPushButton(self.tr("Copy details"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.details))
        buttons.addButton(self.toggle, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.adjustSize()

    def _toggle_details(self, on: bool) -> None:
        self.details_box.setVisible(on)
        self.toggle.setText(self.tr("Hide details") if on else self.tr("Show details"))
        self.adjustSize()
