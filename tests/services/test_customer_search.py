"""Customer search and lists on both back ends: fragments of every kind, visibility, keyset
pages in every order (NULLs included), seek_key, capped counts, index maintenance.

Customers are inserted with the ORM and indexed with refresh_search_index (what the
customer services call), so these tests depend on nothing but the search module."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import select

from models.party import Contact, Customer, CustomerSearchToken
from services import customer_search as cs
from services import org
from services.customer_search import (SORT_KEYS, CustomerFilter, build_search_text,
                                      count_customers, list_customers, normalize_query,
                                      refresh_search_index, seek_key)
from services.errors import ValidationError
from tests.helpers.org import Staff

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture
def staff(db):
    """The shared test organisation (tests/helpers/org.py), without password hashes: these
    tests never log in, and argon2 for seven users per test would dominate their time."""
    def build(s):
        specs = [("admin", "管理员", "admin", None), ("manager", "王经理", "sales_manager", "East"),
                 ("rep1", "张伟", "sales", "East"), ("rep2", "李娜", "sales", "East"),
                 ("rep3", "Tom Lee", "sales", "West"), ("finance", "刘会计", "finance", None),
                 ("warehouse", "陈库管", "warehouse", None)]
        for login, name, role, team in specs:
            org.add_user(s, None, login=login, display_name=name, role=role, team=team,
                         manager_login="manager" if team == "East" and role == "sales" else None)
        return Staff(*(org.actor_for(s, spec[0]) for spec in specs))
    return db.write(build)


def add(s, code, name, *, phone=None, owner=None, contacts=(), level=None, region=None,
        last=None, updated=None, email=None, kind="company"):
    c = Customer(code=code, name=name, kind=kind, phone=phone, email=email,
                 owner_id=owner.user_id if owner else None, level=level, region=region,
                 last_follow_up_at=last, updated_at=updated or T0)
    s.add(c)
    s.flush()
    for cname, cphone in contacts:
        s.add(Contact(customer_id=c.id, name=cname, phone=cphone))
    s.flush()
    refresh_search_index(s, [c.id])
    return c.id


def found(db, actor, text, **kw):
    page = db.read(lambda s: list_customers(s, actor, CustomerFilter(text=text, **kw), limit=1000))
    return {r.name for r in page.rows}


# --------------------------------------------------------------------------- the index text

def test_build_search_text_normalises_every_field():
    t = build_search_text(name="深圳市ＨＵＡＷＥＩ  Technologies", code="C-000123",
                          phone="+86 138-1234-5678", contact_names=["王 伟", "Straße"],
                          contact_phones=["0755-8888 1234"], email="Sales@Example.COM")
    assert t.split("\n") == ["c-000123", "000123", "深圳市huawei technologies", "13812345678",
                             "王 伟", "strasse", "075588881234", "sales@example.com"]
    assert cs.search_tokens(t) == ["深圳", "圳市"]


def test_query_normalisation():
    assert normalize_query("  ＧＯＬＤＥＮ   Bridge ") == "golden bridge"
    assert normalize_query("+86 138-1234") == "1381234"
    assert normalize_query("(0755) 8888") == "07558888"
    assert normalize_query("１３８") == "138"
    assert normalize_query("C-0001") == "c-0001"        # letters: not a phone query


# --------------------------------------------------------------------------- fragments

@pytest.fixture
def sample(db, staff):
    def build(s):
        add(s, "C-000001", "深圳市华为技术有限公司", phone="+86 138-1234-5678",
            contacts=[("王伟", "139 0000 1111")], owner=staff.rep1, region="广东", level="A")
        add(s, "C-000002", "上海华为电子有限公司", phone="021-6123 4567", owner=staff.rep2,
            region="上海", level="B")
        add(s, "C-000003", "华南为民机械厂", phone="0755-8888 1234", owner=staff.rep3,
            region="广东")
        add(s, "C-000004", "华为X为技Y技术商行", contacts=[("欧阳娜娜", None)])
        add(s, "C-000005", "Golden Bridge Trading Co., Ltd.", phone="13987654321",
            contacts=[("Peter Smith", "+86 186 0000 2222")], owner=staff.rep1)
        add(s, "C-000006", "ＡＢＣ电子（深圳）有限公司", owner=staff.manager, level="C")
        add(s, "C-000123", "杭州深蓝贸易有限公司", phone="(0571) 8765 4321", owner=staff.rep3)
    db.write(build)
    return staff


def test_two_character_chinese(db, sample):
    a = sample.admin
    assert found(db, a, "华为") == {"深圳市华为技术有限公司", "上海华为电子有限公司",
                                  "华为X为技Y技术商行"}
    assert found(db, a, "深圳") == {"深圳市华为技术有限公司", "ＡＢＣ电子（深圳）有限公司"}
    assert found(db, a, "电子") == {"上海华为电子有限公司", "ＡＢＣ电子（深圳）有限公司"}
    assert found(db, a, "为民") == {"华南为民机械厂"}
    assert found(db, a, "中兴") == set()


def test_three_and_four_character_chinese_drop_false_positives(db, sample):
    a = sample.admin
    # 华为X为技Y技术商行 has every bigram of 华为技术 but not the fragment itself.
    assert found(db, a, "华为技术") == {"深圳市华为技术有限公司"}
    assert found(db, a, "为技") == {"深圳市华为技术有限公司", "华为X为技Y技术商行"}
    assert found(db, a, "有限公司") == {"深圳市华为技术有限公司", "上海华为电子有限公司",
                                    "ＡＢＣ电子（深圳）有限公司", "杭州深蓝贸易有限公司"}
    assert found(db, a, "深蓝贸") == {"杭州深蓝贸易有限公司"}


def test_latin_is_case_insensitive(db, sample):
    a = sample.admin
    assert found(db, a, "golden BRIDGE") == {"Golden Bridge Trading Co., Ltd."}
    assert found(db, a, "TRADING co., ltd") == {"Golden Bridge Trading Co., Ltd."}
    assert found(db, a, "bridge golden") == set()
    assert found(db, a, "100% sure") == set()         # LIKE wildcards are literal


def test_full_width_input_and_full_width_names(db, sample):
    a = sample.admin
    assert found(db, a, "ＧＯＬＤＥＮ") == {"Golden Bridge Trading Co., Ltd."}
    assert found(db, a, "abc电子") == {"ＡＢＣ电子（深圳）有限公司"}
    assert found(db, a, "(深圳)") == {"ＡＢＣ电子（深圳）有限公司"}
    assert found(db, a, "１３８１２３４") == {"深圳市华为技术有限公司"}


def test_phone_fragments_ignore_spaces_dashes_and_country_code(db, sample):
    a = sample.admin
    hw = {"深圳市华为技术有限公司"}
    assert found(db, a, "1381234") == hw
    assert found(db, a, "138-1234-5678") == hw
    assert found(db, a, "138 1234 5678") == hw
    assert found(db, a, "+86 138 1234") == hw
    assert found(db, a, "+86 13812345678") == hw
    assert found(db, a, "5678") == hw
    assert found(db, a, "0755-8888") == {"华南为民机械厂"}
    assert found(db, a, "88881234") == {"华南为民机械厂"}
    assert found(db, a, "0571 8765") == {"杭州深蓝贸易有限公司"}
    # Contact phones too.
    assert found(db, a, "186-0000-2222") == {"Golden Bridge Trading Co., Ltd."}
    assert found(db, a, "1390000") == hw


def test_contact_name_and_code(db, sample):
    a = sample.admin
    assert found(db, a, "王伟") == {"深圳市华为技术有限公司"}
    assert found(db, a, "欧阳") == {"华为X为技Y技术商行"}
    assert found(db, a, "peter") == {"Golden Bridge Trading Co., Ltd."}
    assert found(db, a, "C-000123") == {"杭州深蓝贸易有限公司"}
    assert found(db, a, "c-00012") == {"杭州深蓝贸易有限公司"}
    assert found(db, a, "000123") == {"杭州深蓝贸易有限公司"}
    assert len(found(db, a, "c-0000")) == 6


def test_empty_database(db, staff):
    def read(s):
        filt = CustomerFilter(text="华为")
        return (list_customers(s, staff.admin, filt), count_customers(s, staff.admin, filt),
                seek_key(s, staff.admin, filt, offset=3))
    page, count, key = db.read(read)
    assert page.rows == () and page.next_key is None and count == 0 and key is None


def test_short_queries_still_match(db, sample):
    a = sample.admin
    assert found(db, a, "厂") == {"华南为民机械厂"}
    assert found(db, a, "y") == {"华为X为技Y技术商行"}
    assert found(db, a, "") == found(db, a, "   ")
    assert len(found(db, a, "")) == 7


def test_visibility_per_role_in_search_results(db, sample):
    every = found(db, sample.admin, "有限公司")
    pool = {"华为X为技Y技术商行"}
    assert found(db, sample.finance, "有限公司") == every
    assert found(db, sample.warehouse, "公司") == every
    # rep1: own + pool
    assert found(db, sample.rep1, "") == {"深圳市华为技术有限公司",
                                         "Golden Bridge Trading Co., Ltd."} | pool
    assert found(db, sample.rep1, "华为") == {"深圳市华为技术有限公司", "华为X为技Y技术商行"}
    # rep3 (team West): own + pool
    assert found(db, sample.rep3, "有限公司") == {"杭州深蓝贸易有限公司"}
    assert found(db, sample.rep3, "华为") == pool
    # manager of East: team (manager, rep1, rep2) + pool
    assert found(db, sample.manager, "有限公司") == {
        "深圳市华为技术有限公司", "上海华为电子有限公司", "ＡＢＣ电子（深圳）有限公司"}
    assert "杭州深蓝贸易有限公司" not in found(db, sample.manager, "深蓝")
    counts = db.read(lambda s: [count_customers(s, who, CustomerFilter(text="有限公司"))
                                for who in (sample.admin, sample.rep1, sample.rep3, sample.manager)])
    assert counts == [4, 1, 1, 3]


def test_scopes_and_filters(db, sample):
    assert found(db, sample.rep1, "", scope="mine") == {"深圳市华为技术有限公司",
                                                        "Golden Bridge Trading Co., Ltd."}
    assert found(db, sample.rep1, "", scope="pool") == {"华为X为技Y技术商行"}
    assert found(db, sample.manager, "", scope="team") == {
        "深圳市华为技术有限公司", "上海华为电子有限公司", "ＡＢＣ电子（深圳）有限公司",
        "Golden Bridge Trading Co., Ltd."}
    # a rep's "team" is still limited to what the rep may see
    assert found(db, sample.rep1, "", scope="team") == found(db, sample.rep1, "", scope="mine")
    assert found(db, sample.admin, "", region="广东") == {"深圳市华为技术有限公司", "华南为民机械厂"}
    assert found(db, sample.admin, "华为", level="B") == {"上海华为电子有限公司"}
    with pytest.raises(ValidationError) as e:
        db.read(lambda s: list_customers(s, sample.admin, CustomerFilter(scope="everyone")))
    assert e.value.field == "scope"
    with pytest.raises(ValidationError) as e:
        db.read(lambda s: list_customers(s, sample.admin, CustomerFilter(), sort="phone"))
    assert e.value.field == "sort"


def test_rows_carry_owner_names(db, sample):
    page = db.read(lambda s: list_customers(s, sample.admin, CustomerFilter(text="golden")))
    (row,) = page.rows
    assert (row.code, row.owner_id, row.owner_name, row.phone) == (
        "C-000005", sample.rep1.user_id, "张伟", "13987654321")
    assert page.next_key is None


# --------------------------------------------------------------------------- keyset pages

def _expected_order(rows, sort, descending):
    """NULLs last ascending, first descending; ties broken by id in the same direction."""
    def key(r):
        v = r[sort]
        return (v is None, v if v is not None else 0, r["id"])
    if sort == "code":
        return sorted(rows, key=lambda r: r["code"], reverse=descending)
    return sorted(rows, key=key, reverse=descending)


@pytest.fixture
def many(db, staff):
    """41 customers with repeated and missing sort values."""
    rnd = random.Random(5)

    def build(s):
        out = []
        for i in range(41):
            region = rnd.choice(["广东", "浙江", "上海", None])
            level = rnd.choice(["A", "B", None])
            last = rnd.choice([None, T0 + dt.timedelta(days=rnd.randrange(3))])
            updated = T0 + dt.timedelta(hours=rnd.randrange(4))
            name = rnd.choice(["华为", "中兴", "Acme", "阿里"]) + rnd.choice(["电子", "贸易", " Ltd"])
            cid = add(s, f"C-{rnd.randrange(10**6):06d}-{i}", name, region=region, level=level,
                      last=last, updated=updated,
                      owner=rnd.choice([None, staff.rep1, staff.rep3]))
            out.append(cid)
        return out
    db.write(build)
    return staff


def _all_rows(db, actor, filt):
    page = db.read(lambda s: list_customers(s, actor, filt, limit=10_000))
    return [r.__dict__ for r in page.rows]


@pytest.mark.parametrize("text", ["", "华为", "电子"])
def test_keyset_pages_return_every_row_once_in_order(db, many, text):
    filt = CustomerFilter(text=text)
    everything = _all_rows(db, many.admin, filt)
    assert len(everything) >= 8

    def read_all(s):
        out = {}
        for sort in SORT_KEYS:
            for descending in (False, True):
                got, after = [], None
                while True:
                    page = list_customers(s, many.admin, filt, sort=sort,
                                          descending=descending, after=after, limit=4)
                    got += [r.__dict__ for r in page.rows]
                    assert len(page.rows) <= 4
                    if page.next_key is None:
                        break
                    after = page.next_key
                out[sort, descending] = got
        return out
    pages = db.read(read_all)
    for (sort, descending), got in pages.items():
        expected = _expected_order(everything, sort, descending)
        assert [r["id"] for r in got] == [r["id"] for r in expected], (sort, descending)


def test_nulls_sort_last_ascending_and_first_descending(db, many):
    def read(s):
        asc = list_customers(s, many.admin, CustomerFilter(), sort="region", limit=1000).rows
        desc = list_customers(s, many.admin, CustomerFilter(), sort="region", descending=True,
                              limit=1000).rows
        return asc, desc
    asc, desc = db.read(read)
    regions = [r.region for r in asc]
    assert None in regions and regions[-1] is None and regions[0] is not None
    assert [r.id for r in desc] == [r.id for r in reversed(asc)]


def test_keyset_pages_for_a_sales_rep(db, many):
    visible = _all_rows(db, many.rep1, CustomerFilter())
    assert {r["owner_id"] for r in visible} <= {None, many.rep1.user_id}
    got, after = [], None
    while True:
        page = db.read(lambda s: list_customers(s, many.rep1, CustomerFilter(), sort="name",
                                                descending=True, after=after, limit=3))
        got += [r.id for r in page.rows]
        if page.next_key is None:
            break
        after = page.next_key
    assert got == [r["id"] for r in _expected_order(visible, "name", True)]


@pytest.mark.parametrize("text", ["", "贸易"])
def test_seek_key_agrees_with_the_pages(db, many, text):
    filt = CustomerFilter(text=text)

    def check(s):
        checked = 0
        for sort in SORT_KEYS:
            for descending in (False, True):
                full = list_customers(s, many.admin, filt, sort=sort, descending=descending,
                                      limit=1000).rows
                assert seek_key(s, many.admin, filt, sort=sort, descending=descending,
                                offset=0) is None
                for offset in range(1, len(full) + 2):
                    key = seek_key(s, many.admin, filt, sort=sort, descending=descending,
                                   offset=offset)
                    if offset > len(full):
                        assert key is None
                        continue
                    prev = full[offset - 1]
                    assert key == (getattr(prev, sort), prev.id)
                    rest = list_customers(s, many.admin, filt, sort=sort, descending=descending,
                                          after=key, limit=2).rows
                    assert [r.id for r in rest] == [r.id for r in full[offset:offset + 2]]
                    checked += 1
        return checked
    assert db.read(check) > 50


def test_count_with_and_without_cap(db, many):
    def counts(s):
        everything = count_customers(s, many.admin, CustomerFilter())
        return (everything,
                count_customers(s, many.admin, CustomerFilter(), cap=10),
                count_customers(s, many.admin, CustomerFilter(), cap=everything + 5),
                count_customers(s, many.admin, CustomerFilter(text="华为")),
                count_customers(s, many.admin, CustomerFilter(text="华为"), cap=2),
                count_customers(s, many.admin, CustomerFilter(text="nothing like this"), cap=2))
    everything, capped, uncapped, huawei, huawei_capped, none = db.read(counts)
    assert everything == 41 and capped == 10 and uncapped == 41
    assert huawei == len(_all_rows(db, many.admin, CustomerFilter(text="华为"))) > 2
    assert huawei_capped == 2 and none == 0


def test_index_routes_and_walk_give_the_same_answers(db, staff):
    """Rare fragments are read from an index, common ones by walking the sort order; both
    must agree with a plain substring check, page by page."""
    rnd = random.Random(11)
    words = ["华为", "中兴", "电子", "科技", "Acme", "Nova", "贸易", "深圳", "杭州", "Müller"]

    def build(s):
        for i in range(150):
            name = "".join(rnd.choice(words) for _ in range(3))
            add(s, f"K-{i:04d}", name, phone=f"13{rnd.randrange(10**9):09d}",
                region=rnd.choice([None, "广东"]))
        add(s, "K-0150", "Café Noir 电子")
    db.write(build)

    def run(s):
        texts = dict(s.execute(select(Customer.id, Customer.search_text)).all())
        routes = set()
        for q in ["华为", "华为中兴", "兴电", "电子科技", "acme", "nova电子", "深圳杭州深圳",
                  "k-01", "13", "k-0149", "为中兴电", "müll", "café n"]:
            expected = sorted(i for i, t in texts.items() if normalize_query(q) in t)
            for sort in ("code", "region"):
                routes.add(cs._plan(s, CustomerFilter(text=q), 6, sort).route)
                got, after = [], None
                while True:
                    page = list_customers(s, staff.admin, CustomerFilter(text=q), sort=sort,
                                          after=after, limit=5)
                    got += [r.id for r in page.rows]
                    if page.next_key is None:
                        break
                    after = page.next_key
                assert sorted(got) == expected and len(got) == len(set(got)), (q, sort)
            assert count_customers(s, staff.admin, CustomerFilter(text=q)) == len(expected)
        return routes
    routes = db.read(run)
    assert {"scan", "tokens", "trigram"} <= routes
    if db.engine.dialect.name == "postgresql":        # ASCII fragments: the narrow table
        assert {"narrow", "narrow_walk"} <= routes


# --------------------------------------------------------------------------- maintenance

def _tokens(s, cid):
    return set(s.scalars(select(CustomerSearchToken.token)
                         .where(CustomerSearchToken.customer_id == cid)))


def test_refresh_after_rename_removes_old_tokens(db, staff):
    def create(s):
        return add(s, "C-000001", "深圳华为电子", contacts=[("王伟", None)])
    cid = db.write(create)
    assert found(db, staff.admin, "华为") == {"深圳华为电子"}

    def rename(s):
        c = s.get(Customer, cid)
        c.name = "杭州中兴科技"
        refresh_search_index(s, [cid])
        return c.version_id
    version = db.write(rename)
    assert version == 2          # the rename's own bump; the index refresh adds none
    assert found(db, staff.admin, "华为") == set()
    assert found(db, staff.admin, "深圳华") == set()
    assert found(db, staff.admin, "中兴") == {"杭州中兴科技"}
    assert found(db, staff.admin, "王伟") == {"杭州中兴科技"}
    tokens = db.read(lambda s: _tokens(s, cid))
    assert tokens == {"杭州", "州中", "中兴", "兴科", "科技", "王伟"}
    text = db.read(lambda s: s.get(Customer, cid).search_text)
    assert "深圳" not in text and "杭州中兴科技" in text


def test_refresh_picks_up_contacts_and_merges(db, staff):
    def create(s):
        a = add(s, "C-000001", "甲公司")
        b = add(s, "C-000002", "乙公司")
        return a, b
    a, b = db.write(create)

    def add_contact(s):
        s.add(Contact(customer_id=a, name="诸葛亮", phone="188 1111 2222"))
        refresh_search_index(s, [a])
    db.write(add_contact)
    assert found(db, staff.admin, "诸葛") == {"甲公司"}
    assert found(db, staff.admin, "1881111") == {"甲公司"}

    def merge(s):
        s.get(Customer, b).merged_into_id = a
        refresh_search_index(s, [a, b])
    db.write(merge)
    assert found(db, staff.admin, "公司") == {"甲公司"}
    assert found(db, staff.admin, "") == {"甲公司"}
    assert db.read(lambda s: count_customers(s, staff.admin, CustomerFilter())) == 1
    assert db.read(lambda s: _tokens(s, b)) == set()


def test_refresh_is_idempotent_and_ignores_unknown_ids(db, staff):
    cid = db.write(lambda s: add(s, "C-000001", "深圳华为电子", phone="138 0000 0000"))
    before = db.read(lambda s: (s.get(Customer, cid).search_text, _tokens(s, cid)))
    db.write(lambda s: refresh_search_index(s, [cid, cid, 999_999]))
    db.write(lambda s: refresh_search_index(s, []))
    after = db.read(lambda s: (s.get(Customer, cid).search_text, _tokens(s, cid)))
    assert before == after
