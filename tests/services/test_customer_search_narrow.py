"""PostgreSQL's narrow search table (customer_search_narrow, migration 0005): a trigger keeps
it in step with every way customers change — the form, contacts, merges, imports, plain
SQL — and the narrow routes answer exactly what a substring check of search_text does, in
every order, for every role. PostgreSQL only: SQLite has no such table (FTS5 serves it)."""
from __future__ import annotations

import random

import pytest
from sqlalchemy import delete, select, text, update

from models.party import Customer
from services import customer_search as cs
from services import customers
from services.customer_import import run_import
from services.customer_search import (CustomerFilter, count_customers, list_customers,
                                      normalize_query, seek_key)
from services.customers import ContactInput, CustomerInput
from tests.helpers.org import make_staff
from tests.helpers.xlsx import write_csv
from tests.services.test_customer_search import add


def expected_rows(s) -> dict[int, tuple[str, set[str], set[str]]]:
    """What the narrow table must hold, computed here from search_text independently of the
    SQL functions: per listed customer with text, its code, its ASCII pieces (non-ASCII runs
    cut out, all-digit pieces dropped) and its digit runs."""
    out = {}
    for cid, code, st, merged in s.execute(select(Customer.id, Customer.code,
                                                  Customer.search_text,
                                                  Customer.merged_into_id)):
        if merged is not None or not st:
            continue
        ascii_pieces, digits, cur, run = set(), set(), "", ""
        for ch in st + "\n":
            if ch.isascii() and ch != "\n":
                cur += ch
            else:
                if cur and not cur.isdigit():
                    ascii_pieces.add(cur)
                cur = ""
            if ch in "0123456789":
                run += ch
            else:
                if run:
                    digits.add(run)
                run = ""
        out[cid] = (code, ascii_pieces, digits)
    return out


def narrow_rows(s) -> dict[int, tuple[str, set[str], set[str]]]:
    rows = s.execute(text("SELECT customer_id, code, ascii, digits FROM customer_search_narrow"))
    return {cid: (code, set(filter(None, a.split("\n"))), set(filter(None, d.split("\n"))))
            for cid, code, a, d in rows}


def in_step(db) -> dict:
    got, want = db.read(lambda s: (narrow_rows(s), expected_rows(s)))
    assert got == want
    return got


@pytest.fixture
def staff(pg_db):
    return make_staff(pg_db)


def test_trigger_follows_form_contacts_merge_import_and_sql(pg_db, staff, tmp_path):
    db = pg_db
    a = db.write(lambda s: customers.create_customer(s, staff.rep1, CustomerInput(
        name="Golden Bridge 金桥贸易", phone="+86 138-1234-5678", email="Sales@Golden.com"),
        allow_duplicate=True))
    b = db.write(lambda s: customers.create_customer(s, staff.rep1, CustomerInput(
        name="深圳华为电子", code="K-77"), allow_duplicate=True))
    rows = in_step(db)
    assert rows[a.id][1] == {a.code.casefold(), "golden bridge ", "sales@golden.com"}
    assert rows[a.id][2] >= {"13812345678"}
    assert rows[b.id][1] == {"k-77"} and "77" in rows[b.id][2]

    # the form: rename, new phone, new code
    db.write(lambda s: customers.update_customer(s, staff.rep1, a.id, CustomerInput(
        name="Silver Peak Ltd", phone="021 6123 4567", code="G-001"),
        expected_version=a.version_id))
    rows = in_step(db)
    assert rows[a.id][0] == "G-001" and "silver peak ltd" in rows[a.id][1]
    assert "02161234567" in rows[a.id][2] and "13812345678" not in rows[a.id][2]

    # contacts: added, changed
    ct = db.write(lambda s: customers.add_contact(s, staff.rep1, b.id, ContactInput(
        name="Peter Smith", phone="186 0000 2222")))
    assert "peter smith" in in_step(db)[b.id][1]
    db.write(lambda s: customers.update_contact(s, staff.rep1, ct.id, ContactInput(
        name="Paul Wong", phone="186 9999 2222"), expected_version=ct.version_id))
    rows = in_step(db)
    assert "paul wong" in rows[b.id][1] and "peter smith" not in rows[b.id][1]
    assert "18699992222" in rows[b.id][2]
    assert found(db, staff.admin, "paul w") == {"深圳华为电子"}
    assert found(db, staff.admin, "86999") == {"深圳华为电子"}

    # a merge takes the merged-away customer out
    db.write(lambda s: customers.merge_customers(s, staff.rep1, keep_id=a.id, merge_id=b.id))
    rows = in_step(db)
    assert b.id not in rows and "paul wong" in rows[a.id][1]

    # an import (rows inserted in bulk with their search_text already computed)
    path = write_csv(tmp_path / "c.csv", [["客户名称", "手机", "联系人"],
                                          ["Harbor Optics Inc.", "13900001111", "Amy Lee"],
                                          ["重庆火锅有限公司", "13900002222", ""]])
    result = run_import(db, staff.manager, path, mode="good_rows")
    assert result.created == 2
    rows = in_step(db)
    assert any("amy lee" in r[1] for r in rows.values())
    assert found(db, staff.admin, "optics inc") == {"Harbor Optics Inc."}
    assert found(db, staff.admin, "0002222") == {"重庆火锅有限公司"}

    # plain SQL: a code change, emptied text, a deleted customer
    some = result.created_ids[0]
    db.write(lambda s: s.execute(update(Customer).where(Customer.id == some)
                                 .values(code="Z-9")))
    assert in_step(db)[some][0] == "Z-9"
    db.write(lambda s: s.execute(update(Customer).where(Customer.id == some)
                                 .values(search_text="")))
    assert some not in in_step(db)
    other = result.created_ids[1]
    db.write(lambda s: s.execute(delete(Customer).where(Customer.id == other)))
    assert other not in in_step(db)


def test_an_owner_change_does_not_touch_the_narrow_table(pg_db, staff):
    """The pool sweep and claims update owner columns: the trigger must not fire for them."""
    db = pg_db
    cid = db.write(lambda s: add(s, "C-1", "Acme Ltd", phone="13800000000"))

    def xmin(s):
        return s.execute(text("SELECT xmin::text FROM customer_search_narrow "
                              "WHERE customer_id = :c"), {"c": cid}).scalar()
    before = db.read(xmin)
    db.write(lambda s: s.execute(update(Customer).where(Customer.id == cid)
                                 .values(owner_id=staff.rep1.user_id)))
    assert db.read(xmin) == before
    db.write(lambda s: s.execute(update(Customer).where(Customer.id == cid)
                                 .values(name="Acme Ltd", search_text=Customer.search_text)))
    assert db.read(xmin) == before                      # same text: nothing rewritten


def found(db, actor, q, **kw):
    page = db.read(lambda s: list_customers(s, actor, CustomerFilter(text=q, **kw), limit=1000))
    return {r.name for r in page.rows}


@pytest.fixture
def latin_and_phones(pg_db, staff):
    rnd = random.Random(3)
    words = ["Golden", "Bridge", "Trading", "Co., Ltd.", "100%", "a_b", "back\\slash",
             "华为", "Müller", "Lee"]
    owners = [None, staff.rep1, staff.rep2, staff.rep3]

    def build(s):
        for i in range(120):
            name = " ".join(rnd.choice(words) for _ in range(3))
            add(s, f"C-{rnd.randrange(10**4):04d}-{i:03d}", name,
                phone=f"1{rnd.randrange(10**10):010d}", owner=rnd.choice(owners),
                region=rnd.choice([None, "广东", "浙江"]), level=rnd.choice([None, "A", "B"]),
                email=rnd.choice([None, f"x{i}@qq.com"]),
                contacts=[(rnd.choice(["Amy Lee", "王伟", "Bob"]), f"139{i:08d}")])
    pg_db.write(build)
    return staff


QUERIES = ["golden", "ltd", "co., l", "100%", "a_b", "k\\s", "%", "_", "lee", "c-0", "@qq",
           "x1", "139", "13900000", "0000", "1", "e b", "zzz", "müll", "华为"]


@pytest.mark.parametrize("how", ["walk", "index"])
def test_narrow_routes_answer_what_a_substring_check_does(pg_db, latin_and_phones, how,
                                                           monkeypatch):
    """Every page of every order, for an admin, a manager's team and a rep, with both
    narrow routes forced: the ids equal a plain substring check of search_text, each once,
    in order; counts and seek_key agree."""
    staff = latin_and_phones
    # Force the route: a huge candidate cost always walks, none always takes the GIN.
    monkeypatch.setattr(cs, "_NARROW_CANDIDATE_COST", 1e12 if how == "walk" else 0.0)
    monkeypatch.setattr(cs, "_CANDIDATE_COST_RANDOM_ORDER", 1e12 if how == "walk" else 0.0)

    def run(s):
        texts = {cid: (t, code) for cid, t, code in s.execute(
            select(Customer.id, Customer.search_text, Customer.code))}
        for actor, filt in [(staff.admin, {}), (staff.manager, {"scope": "team"}),
                            (staff.rep1, {}), (staff.admin, {"level": "A"})]:
            visible = {r.id for r in list_customers(s, actor, CustomerFilter(**filt),
                                                    limit=10_000).rows}
            for q in QUERIES:
                needle = normalize_query(q)
                want = sorted((texts[i][1], i) for i in visible if needle in texts[i][0])
                for sort, desc in [("code", False), ("code", True), ("region", False)]:
                    got, after = [], None
                    while True:
                        page = list_customers(s, actor, CustomerFilter(text=q, **filt),
                                              sort=sort, descending=desc, after=after, limit=7)
                        got += [(r.code, r.id) for r in page.rows]
                        if page.next_key is None:
                            break
                        after = page.next_key
                    if sort == "code":
                        assert got == (want[::-1] if desc else want), (q, actor.login, desc)
                    else:
                        assert sorted(got) == want, (q, actor.login, sort)
                n = count_customers(s, actor, CustomerFilter(text=q, **filt))
                assert n == len(want), (q, actor.login)
                if len(want) > 3:
                    key = seek_key(s, actor, CustomerFilter(text=q, **filt), offset=3)
                    assert key == want[2], (q, actor.login)
        return {cs._plan(s, CustomerFilter(text=q), 8).route for q in QUERIES}

    routes = pg_db.read(run)
    assert ("narrow_walk" if how == "walk" else "narrow") in routes
