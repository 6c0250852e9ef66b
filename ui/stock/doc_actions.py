"""What the stock document editor sends to the services, apart from the widget: the
document a new editor creates on its first save, the save and post transactions, and the
printing module's hook.

The printing module registers ``set_print_handler(handler)``; ``handler(parent, doc_id)``
is then called when Print is pressed on a posted document (after the editor's
``print_requested(doc_id)`` signal)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtWidgets import QWidget

from services import returns, stock_counts, stock_documents as docs
from services.errors import ValidationError

_print_handler: Callable[[QWidget, int], None] | None = None


def set_print_handler(handler: Callable[[QWidget, int], None] | None) -> None:
    """The printing module registers ``handler(parent, document_id)``; editors then enable
    their Print button for posted documents and call it (after emitting print_requested)."""
    global _print_handler
    _print_handler = handler


def print_handler() -> Callable[[QWidget, int], None] | None:
    return _print_handler


@dataclass
class NewDocument:
    """A document the editor creates on its first save: ``create(session, actor, lines,
    client_uuid, header)`` returns its StockDocInfo (idempotent by the client UUID)."""
    doc_type: str
    warehouse_name: str
    create: Callable[..., Any]
    to_warehouse_name: str | None = None
    partner_name: str | None = None
    reason: str | None = None
    header: dict = field(default_factory=dict)


def save_lines(session, actor, doc_id: int | None, new: NewDocument | None, client_uuid: str,
               lines, header: dict, expected_version: int | None):
    """The editor's save: create the document (first save of a new one) or replace a
    draft's lines — one transaction."""
    if doc_id is None:
        return new.create(session, actor, lines, client_uuid, header)
    return docs.set_draft_lines(session, actor, doc_id, lines,
                                expected_version=expected_version, **header)


def save_and_post(session, actor, doc_id: int | None, new: NewDocument | None,
                  client_uuid: str, lines, header: dict, expected_version: int | None
                  ) -> docs.PostResult:
    """Save the lines and post, in one transaction. A document already posted (the first
    press got through, its answer did not) is reported as it is, not changed."""
    if doc_id is not None:
        current = docs.get_stock_document(session, actor, doc_id)
        if current.state == "posted":
            return docs.post_document(session, actor, doc_id)
    info = save_lines(session, actor, doc_id, new, client_uuid, lines, header, expected_version)
    return docs.post_document(session, actor, info.id)


def submit_lines(session, actor, doc_id: int, lines, header: dict,
                 expected_version: int | None):
    """A count: save the counted quantities and hand it to an administrator to approve."""
    docs.set_draft_lines(session, actor, doc_id, lines, expected_version=expected_version,
                         **header)
    return stock_counts.submit_count(session, actor, doc_id)


def customer_return_draft(session, actor, delivery_id: int, reason: str, client_uuid: str):
    """A customer-return draft of everything that can still be returned from the posted
    delivery note (services.returns checks the limits again when it is posted)."""
    left = returns.returnable(session, actor, delivery_id)
    lines = tuple(returns.ReturnLineInput(source_line_id=line_id, qty=qty)
                  for line_id, qty in left.items() if qty > 0)
    return returns.create_customer_return(session, actor, delivery_id, lines, client_uuid,
                                          reason=reason)


def supplier_return_draft(session, actor, receipt_id: int, reason: str, client_uuid: str):
    """A supplier-return draft of everything that can still go back from the posted
    receipt, to its supplier, out of the warehouse it came into."""
    receipt = docs.get_stock_document(session, actor, receipt_id)
    left = returns.returnable(session, actor, receipt_id)
    lines = tuple(docs.DocLineInput(ln.product_id, left[ln.id], source_line_id=ln.id)
                  for ln in receipt.lines if left.get(ln.id, 0) > 0)
    return returns.create_supplier_return(session, actor, receipt.supplier_id,
                                          receipt.warehouse_id, lines, reason, client_uuid,
                                          receipt_id=receipt_id)


def line_of(exc: ValidationError) -> int | None:
    """'lines[3].qty' → row 2."""
    for f in exc.errors:
        if f.startswith("lines[") and "]" in f:
            try:
                return int(f[6:f.index("]")]) - 1
            except ValueError:
                return None
    return None
