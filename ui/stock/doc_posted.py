"""What the stock document editor offers once a document is posted: print it (the printing
module's hook), take goods back from the customer or send them back to the supplier (a
return draft of what can still go back), and reverse it. Each asks why first and is made
once per editor (its own client UUID), so a double click or a resend makes one document;
the new document opens through the editor's ``open_document`` signal."""
from __future__ import annotations

from PySide6.QtCore import Qt

from services import reversals, stock_documents as docs
from ui.stock import doc_type_name
from ui.stock.doc_actions import customer_return_draft, print_handler, supplier_return_draft
from ui.stock.reason_dialog import ReasonDialog


class PostedDocumentActions:
    """Mixed into StockDocumentEditor (uses its info, jobs, _say, _set_busy, _failed and
    signals)."""

    def print_document(self) -> None:
        if self.doc_id is None or self.info is None or self.info.state != "posted":
            return
        self.print_requested.emit(self.doc_id)
        handler = print_handler()
        if handler is not None:
            handler(self, self.doc_id)

    def make_return(self) -> None:
        """Goods come back from the customer (a delivery note) or go back to the supplier
        (a receipt): asks why, then opens a return draft with what can still be returned
        from each line, for the clerk to cut down to what really goes back."""
        if self.info is None:
            return
        if self.doc_type == "GR":
            self._ask(self.tr("Return to supplier from %1").replace("%1", self.info.label),
                      self.tr("Why do the goods go back to the supplier?"),
                      self.tr("Return"), self.make_return_now)
        else:
            self._ask(self.tr("Customer return from %1").replace("%1", self.info.label),
                      self.tr("Why does the customer return goods? (each line can say more)"),
                      self.tr("Take back"), self.make_return_now)

    def make_return_now(self, reason: str) -> None:
        # one UUID per editor: a double click or a resend makes one return
        self._return_uuid = getattr(self, "_return_uuid", None) or docs.new_uuid()
        draft = supplier_return_draft if self.doc_type == "GR" else customer_return_draft
        self._set_busy(True)
        self.jobs.submit(self.client.write, draft, self.info.id, reason, self._return_uuid,
                         on_done=self._made_other, on_error=self._failed)

    def reverse(self) -> None:
        if self.info is None:
            return
        self._ask(self.tr("Reverse %1").replace("%1", self.info.label),
                  self.tr("Why is this document reversed? A reversal document with the "
                          "opposite movements is posted at once."),
                  self.tr("Reverse"), self.reverse_now)

    def reverse_now(self, reason: str) -> None:
        self._reverse_uuid = getattr(self, "_reverse_uuid", None) or docs.new_uuid()
        self._set_busy(True)
        self.jobs.submit(self.client.write, reversals.reverse_document,
                         self.info.id, reason, self._reverse_uuid,
                         on_done=self._made_other, on_error=self._failed)

    def _ask(self, title: str, question: str, action: str, then) -> ReasonDialog:
        dialog = ReasonDialog(title, question, action, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.reason_given.connect(then)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def _made_other(self, info) -> None:
        self._set_busy(False)
        self._say(self.tr("%1 created.").replace("%1", f"{doc_type_name(info.doc_type)} "
                                                 f"{info.label}"), error=False, ok=True)
        self.saved.emit(info)
        self.open_document.emit(info.id)
