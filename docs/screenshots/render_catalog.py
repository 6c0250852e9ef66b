"""Render the Chinese screenshots of the catalog screens.

    python docs/screenshots/render_catalog.py     # products.png, supplier.png

Offscreen, with the zh_CN translation installed. The data is built fresh in a temporary
SQLite file through the real services: a hardware and building-materials trader's products
(pieces, rolls, metres, kilograms), three warehouses, suppliers with contacts, and for the
first supplier purchase orders and a receipt so its purchase history has rows."""
from __future__ import annotations

import sys
import tempfile
from decimal import Decimal as D
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import migrated_sqlite, save, settle, wait_until  # noqa: E402

PRODUCTS = (  # sku, name, spec, category, barcode, price, cost, unit, decimals, min stock
    ("BOLT-M6-20", "六角螺栓", "M6×20 304不锈钢", "紧固件", "6901234500011", "0.35", "0.18",
     "个", 0, "500"),
    ("BOLT-M8-30", "六角螺栓", "M8×30 镀锌", "紧固件", "6901234500028", "0.60", "0.31", "个", 0,
     "300"),
    ("NUT-M6", "六角螺母", "M6 304不锈钢", "紧固件", "6901234500035", "0.12", "0.05", "个", 0,
     "1000"),
    ("WASH-M6", "平垫圈", "M6 镀锌", "紧固件", None, "0.05", "0.02", "个", 0, "1000"),
    ("WIRE-BV2.5", "铜芯电线 BV", "2.5mm² 红色 100m/卷", "电线电缆", "6902234500017", "189.00",
     "142.50", "卷", 0, "20"),
    ("CABLE-YJV", "电力电缆 YJV", "3×4mm²", "电线电缆", None, "18.50", "13.20", "米", 1, "200"),
    ("PIPE-PPR20", "PPR 冷水管", "Φ20×2.3mm 4m/根", "管材", "6903234500016", "12.80", "8.40",
     "根", 0, "100"),
    ("GLUE-PVC", "PVC 胶水", "500 ml", "辅料", None, "16.00", "9.80", "瓶", 0, "24"),
    ("PAINT-W5", "内墙乳胶漆", "白色 5 L", "涂料", "6904234500015", "268.00", "188.00", "桶", 0,
     "10"),
    ("STEEL-Q235", "Q235 钢板", "3mm", "钢材", None, "4.85", "4.10", "kg", 3, "500"),
    ("GLOVE-L", "劳保手套", "L 号 12双/包", "劳保", "6905234500014", "18.00", "11.50", "包", 0,
     "30"),
    ("TAPE-18", "电工胶布", "18mm×10m 黑色", "辅料", "6906234500013", "2.50", "1.20", "卷", 0,
     "100"),
)
SUPPLIERS = (("宁波精工五金有限公司", "月结30天", 30, 5, "0574-8888 6666"),
             ("广东南粤电缆有限公司", "月结60天", 60, 4, "020-3456 7890"),
             ("上海联塑管业有限公司", "款到发货", 0, 3, "021-5566 7788"))


def build(directory: Path):
    from services import catalog, purchasing, suppliers
    from services.catalog import ProductInput
    from services.order_lines import OrderLineInput
    from services.purchasing import PurchaseOrderInput
    from services.receipts import create_receipt_from_po
    from services.stock_documents import new_uuid, post_document
    from services.suppliers import SupplierContactInput, SupplierInput
    from tests.helpers.org import make_staff

    db = migrated_sqlite(directory / "catalog.sqlite3")
    staff = make_staff(db)
    clerk = staff.warehouse
    ids = {}
    for sku, name, spec, cat, code, price, cost, unit, places, low in PRODUCTS:
        ids[sku] = db.write(lambda s, a=(sku, name, spec, cat, code, price, cost, unit, places,
                                         low): catalog.create_product(s, clerk, ProductInput(
            a[0], a[1], spec=a[2], category=a[3], barcode=a[4], sale_price=a[5], cost=a[6],
            unit=a[7], qty_decimals=a[8], min_stock=a[9]))).id
    warehouses = [db.write(lambda s, a=a: catalog.create_warehouse(s, clerk, *a)).id
                  for a in (("WH-SZ", "深圳总仓", "深圳市宝安区福永街道"),
                            ("WH-GZ", "广州仓", "广州市白云区太和镇"))]
    first = None
    for name, terms, days, rating, phone in SUPPLIERS:
        sup = db.write(lambda s, a=(name, terms, days, rating, phone): suppliers.create_supplier(
            s, clerk, SupplierInput(a[0], payment_terms=a[1], payment_days=a[2], rating=a[3],
                                    phone=a[4], address="浙江省宁波市鄞州区")))
        for contact in (SupplierContactInput("王建国", title="销售经理", phone="13812345678",
                                             is_primary=True),
                        SupplierContactInput("李梅", title="财务", phone="13987654321",
                                             email="li.mei@nbjg.cn")):
            db.write(lambda s, c=contact: suppliers.add_supplier_contact(s, clerk, sup.id, c))
        first = first or sup.id

    def order(lines, receive_it):
        def work(s):
            po = purchasing.create_purchase_order(s, clerk, PurchaseOrderInput(
                first, warehouses[0], tuple(OrderLineInput(ids[sku], D(q), D(p))
                                            for sku, q, p in lines)), new_uuid())
            purchasing.submit_purchase_order(s, clerk, po.id)
            purchasing.approve_purchase_order(s, staff.admin, po.id)
            if receive_it:
                post_document(s, clerk, create_receipt_from_po(s, clerk, po.id, new_uuid()).id)
        db.write(work)
    order((("BOLT-M6-20", "5000", "0.20"), ("NUT-M6", "8000", "0.06")), True)
    order((("BOLT-M8-30", "3000", "0.35"), ("WASH-M6", "10000", "0.025")), False)
    return db, staff, first


def main(argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.client import Client
    from app.runner import Runner
    from ui.catalog.product_list import ProductListWidget
    from ui.catalog.supplier_form import SupplierFormDialog

    app = QApplication.instance() or QApplication([])
    i18n.install_translators("zh_CN", app)
    runner = Runner()
    with tempfile.TemporaryDirectory() as tmp:
        db, staff, supplier_id = build(Path(tmp))
        page = ProductListWidget(Client(db, staff.warehouse), runner)
        page.resize(1180, 520)
        page.show()
        wait_until(lambda: page.model.complete and len(page.model.rows) == len(PRODUCTS))
        page.table.selectRow(4)
        save(page, "products.png")

        form = SupplierFormDialog(Client(db, staff.warehouse), runner, supplier_id)
        form.resize(780, 440)
        form.show()
        wait_until(lambda: form.history.rowCount() > 0 and form.save_button.isEnabled())
        form.tabs.setCurrentIndex(2)
        settle(form)
        save(form, "supplier.png")
        for w in (page, form):
            w.close()
        runner.wait_idle(10000)
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
