"""Order screens: sales orders (销售订单) and purchase orders (采购订单) — lists and forms
with their lines, totals, approval and cancellation.

Shared here: money with cents and the words for order states and history entries."""
from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication


def amount_text(value: Decimal | None) -> str:
    """Money on an order: always with cents, '¥12,345.00'."""
    return "" if value is None else f"¥{Decimal(value):,.2f}"


def order_state_name(state: str) -> str:
    names = {"draft": QCoreApplication.translate("Orders", "Draft"),
             "submitted": QCoreApplication.translate("Orders", "Awaiting approval"),
             "approved": QCoreApplication.translate("Orders", "Approved"),
             "partially_received": QCoreApplication.translate("Orders", "Partly received"),
             "received": QCoreApplication.translate("Orders", "Received"),
             "partially_delivered": QCoreApplication.translate("Orders", "Partly delivered"),
             "delivered": QCoreApplication.translate("Orders", "Delivered"),
             "cancelled": QCoreApplication.translate("Orders", "Cancelled")}
    return names.get(state, state)


def action_name(action: str) -> str:
    """What an entry of an order's history says happened."""
    names = {"create": QCoreApplication.translate("Orders", "Created"),
             "update": QCoreApplication.translate("Orders", "Changed"),
             "submit": QCoreApplication.translate("Orders", "Submitted"),
             "approve": QCoreApplication.translate("Orders", "Approved"),
             "reject": QCoreApplication.translate("Orders", "Sent back"),
             "cancel": QCoreApplication.translate("Orders", "Cancelled"),
             "receive": QCoreApplication.translate("Orders", "Goods received"),
             "deliver": QCoreApplication.translate("Orders", "Goods delivered")}
    return names.get(action, action)
