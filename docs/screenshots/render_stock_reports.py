"""Render the Chinese screenshot of the stock reports page (ui/stock/reports.py).

    python docs/screenshots/render_stock_reports.py     # stock-reports.png

Offscreen, zh_CN installed, fresh data in a temporary SQLite file through the real
services: the trading company of tests/ui/stock_data.py receives its opening stock, then
three orders are delivered; finance (刘会计) looks at gross margin by product for
this month."""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import migrated_sqlite, save, wait_until  # noqa: E402

ORDERS = ([("BOLT-M6", "120", "0.80"), ("NUT-M6", "300", "0.35", "5")],
          [("WIRE-2.5", "60.5", "72.00"), ("TAPE-18", "40", "3.50")],
          [("BOLT-M6", "200", "0.78"), ("GLOVE-L", "24", "4.80"), ("NUT-M6", "150")])


def build(directory: Path):
    from services.deliveries import post_delivery_from_so
    from services.stock_documents import new_uuid
    from tests.ui.stock_data import receive, sales_order, stock_world

    db = migrated_sqlite(directory / "reports.sqlite3")
    world = stock_world(db, stock={"BOLT-M6": "2000", "NUT-M6": "3000", "WIRE-2.5": "320.5",
                                   "GLOVE-L": "80", "TAPE-18": "300"})
    receive(db, world, world.south, {"BOLT-M6": "600", "TAPE-18": "90"})
    for lines in ORDERS:
        so = sales_order(db, world, lines)
        db.write(lambda s, so=so: post_delivery_from_so(s, world.staff.warehouse, so,
                                                        new_uuid()))
    return db, world


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.client import Client
    from app.runner import Runner
    from ui.stock.reports import StockReportsWidget

    app = QApplication.instance() or QApplication([])
    i18n.install_translators("zh_CN", app)
    runner = Runner()
    with tempfile.TemporaryDirectory() as tmp:
        db, world = build(Path(tmp))
        page = StockReportsWidget(Client(db, world.staff.finance), runner)
        page.resize(1180, 420)
        page.show()
        wait_until(lambda: page.settled and page.warehouse.count() > 1)
        page.choose("margin_product")
        wait_until(lambda: page.settled and page.model.rowCount() > 1)
        save(page, "stock-reports.png")
        page.close()
        wait_until(lambda: runner.pending == 0)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
