"""``python main.py print``: a real subprocess against SQLite and PostgreSQL; the PDF is read
back with pypdf, the filled workbook with openpyxl; errors in words, nothing written."""
from __future__ import annotations

import io
import re
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
import pytest

from services.print_templates import builtin_template
from tests.app.test_cli_pool import run
from tests.helpers.print_docs import seed_print_world
from tests.printing.helpers import pdf_pages, xlsx_bytes


@pytest.fixture
def world(db, staff):
    return seed_print_world(db, staff)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_print_delivery_note_with_copies_and_xlsx(db, world, tmp_path):
    out, xlsx = tmp_path / "dn.pdf", tmp_path / "dn.xlsx"
    done = run(tmp_path, "print", "dn", world.dn_number, "--out", out, "--xlsx", xlsx,
               "--database", db.url)
    assert done.returncode == 0, done.stderr
    assert "Printed 送货单 DN-2026-000123" in done.stdout and "3 copies" in done.stdout
    pages = [squash(p) for p in pdf_pages(out.read_bytes())]
    assert len(pages) == 3
    for page, copy in zip(pages, ("白联", "红联", "黄联")):
        # the copy's name at the top, besides the footnote that names all three
        assert [page.count(c) for c in ("白联", "红联", "黄联") if c != copy] == [1, 1]
        assert page.count(copy) == 2
        assert "DN-2026-000123" in page and "杭州明远机电设备有限公司" in page
    # the SUM of the lines prints as the total
    total = sum((q * p).quantize(Decimal("0.01"), ROUND_HALF_UP) for q, p in world.dn_lines)
    assert f"{total:,.2f}" in pages[0]
    ws = openpyxl.load_workbook(xlsx).worksheets[0]
    values = {c.value for row in ws.iter_rows() for c in row if c.value is not None}
    assert "DN-2026-000123" in values and "白联" in values
    sums = [c.value for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("=SUM(")]
    assert sums and all(re.fullmatch(r"=SUM\(([A-Z])(\d+):\1(\d+)\)", f) for f in sums)
    first, last = map(int, re.fullmatch(r"=SUM\([A-Z](\d+):[A-Z](\d+)\)", sums[0]).groups())
    assert last - first + 1 == len(world.dn_lines)


def test_print_statement_with_a_user_template(db, world, tmp_path):
    template = tmp_path / "对账单.xlsx"
    template.write_bytes(builtin_template("statement", "en").content)
    out = tmp_path / "st.pdf"
    done = run(tmp_path, "print", "statement", world.customer_code, "--from", "2026-10-01",
               "--to", "2026-10-31", "--template", template, "--out", out,
               "--database", db.url, "--as", "finance")
    assert done.returncode == 0, done.stderr
    (page,) = pdf_pages(out.read_bytes())
    assert "CUSTOMER STATEMENT" in page and "DN-2026-000123" in page and "CR-2026-000004" in page


def test_print_errors_in_words_and_nothing_written(db, world, tmp_path):
    out = tmp_path / "x.pdf"
    missing = run(tmp_path, "print", "dn", "DN-1999-000001", "--out", out, "--database", db.url)
    assert missing.returncode == 1
    assert "delivery note DN-1999-000001 not found" in missing.stderr
    kind = run(tmp_path, "print", "invoice", "X", "--out", out, "--database", db.url)
    assert kind.returncode == 2 and "unknown document type 'invoice'" in kind.stderr
    wb = openpyxl.load_workbook(io.BytesIO(builtin_template("delivery_note").content))
    wb.worksheets[0]["C5"] = "{{ custmer.name }}"
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx_bytes(wb))
    refused = run(tmp_path, "print", "dn", world.dn_number, "--template", bad, "--out", out,
                  "--database", db.url)
    assert refused.returncode == 1
    assert "bad.xlsx: 送货单!C5: unknown field 'custmer.name' — did you mean 'customer.name'?" \
        in refused.stderr
    hidden = run(tmp_path, "print", "dn", world.dn_number, "--out", out, "--database", db.url,
                 "--as", "rep3")
    assert hidden.returncode == 1 and "not found" in hidden.stderr
    receipt = run(tmp_path, "print", "收据", "1", "--out", out, "--database", db.url)
    assert receipt.returncode == 2 and "no payments table" in receipt.stderr
    assert not out.exists() and not list(tmp_path.glob("*.part"))
