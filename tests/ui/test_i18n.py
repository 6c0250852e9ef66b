"""Translations: the shipped .qm loads, windows show Chinese when zh_CN is chosen (also
switched live from the settings dialog), and the .ts covers every string of ui/ and app/
with a finished translation."""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from app import i18n
from app.client import Client
from app.settings import Settings
from tests.ui.conftest import actor
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "qianli_zh_CN.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    out = {}
    for ctx in root.iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            tr = m.find("translation")
            if tr.get("type") in ("vanished", "obsolete"):
                continue
            out[(name, m.find("source").text)] = tr
    return out


def _lupdate() -> str:
    exe = shutil.which("pyside6-lupdate")
    if exe is None:  # the binary PySide6 ships beside its modules
        exe = str(next(Path(PySide6.__file__).parent.glob("lupdate*")))
    return exe


def test_the_compiled_translation_loads():
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path("zh_CN")))
    assert translator.translate("MainWindow", "Customers") == "客户"
    assert translator.translate("ServiceMessages", "Unknown user or wrong password.") == \
        "用户不存在或密码错误。"


def test_every_string_is_translated_and_keeps_its_placeholders():
    messages = _messages(TS)
    assert len(messages) > 300
    unfinished = [k for k, tr in messages.items()
                  if tr.get("type") == "unfinished" or not (tr.text or "").strip()]
    assert unfinished == []
    for (ctx, source), tr in messages.items():
        wanted = set(re.findall(r"%\d", source))
        assert wanted == set(re.findall(r"%\d", tr.text)), (ctx, source, tr.text)
        if "&" in source.replace("&&", ""):
            assert "&" in tr.text, (ctx, source)   # keyboard mnemonic kept


def test_the_ts_file_covers_every_string_in_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_lupdate(), "-extensions", "py", "ui", "app", "-ts", str(fresh)],
                   cwd=ROOT, check=True, capture_output=True)
    missing = set(_messages(fresh)) - set(_messages(TS))
    assert missing == set(), "run pyside6-lupdate and translate: " + repr(sorted(missing))


def test_a_window_shows_chinese_when_zh_cn_is_selected(qtbot, runner, small_db, qapp):
    assert i18n.install_translators("zh_CN", qapp) == "zh_CN"
    client = Client(small_db, actor(small_db, "manager"))
    window = MainWindow(client, runner, Settings(language="zh_CN"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.customers.model.is_loading, timeout=20000)
    # a sales manager sees every screen, in the navigation's order
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "客户", "今日待办", "公海", "线索", "商机看板", "销售漏斗", "销售预测", "销售目标",
        "销售业绩", "订单", "仓库", "库存查询", "库存报表", "商品", "供应商", "仓库设置", "导入",
        "销售设置", "设置"]
    assert window.menu_file.title() == "文件(&F)"
    assert window.user_label.text() == "王经理（销售经理）"
    lst = window.customers
    assert lst.scope.currentText() == "我的团队"
    assert lst.count_label.text().endswith("个客户")
    assert window.customers.model.headerData(0, Qt.Orientation.Horizontal) == "编码"
    assert QCoreApplication.translate("Roles", "Sales") == "销售"


def test_switching_language_in_settings_retranslates_open_windows(qtbot, runner, small_db):
    from ui.settings_dialog import SettingsDialog
    client = Client(small_db, actor(small_db, "admin"))
    settings = Settings()
    window = MainWindow(client, runner, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.customers.model.is_loading, timeout=20000)
    assert window.nav.item(0).text() == "Customers"
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    # Qt posts LanguageChange to every widget; they retranslate when it arrives.
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "客户")
    assert window.customers.search.placeholderText() == "搜索名称、编码、电话或联系人…"
    assert window.customers.model.headerData(1, Qt.Orientation.Horizontal) == "名称"
    assert Settings.load().language == "zh_CN"
    window.apply_language("en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Customers")


def test_service_errors_are_told_in_the_clerks_language(qapp):
    import sqlite3

    from services import normalize
    from services.errors import (Conflict, DuplicateCandidate, DuplicateMatch, NotFound,
                                 PermissionDenied, ValidationError)
    from ui import errors
    i18n.install_translators("zh_CN", qapp)
    bad_phone = ValidationError({"phone": normalize.validate_phone("138abc"),
                                 "name": "Name is required."})
    assert errors.field_messages(bad_phone) == {
        "phone": "电话“138abc”含有字母；请使用数字、空格、短横线、括号和开头的 +。",
        "name": "必须填写名称。"}
    assert errors.describe(bad_phone) == (
        "请更正以下内容：\n电话“138abc”含有字母；请使用数字、空格、短横线、括号和开头的 +。\n"
        "必须填写名称。")
    assert errors.describe(ValidationError("tax_id", "invalid")) == "请更正以下内容：\n税号：无效"
    assert errors.describe(NotFound("customer", "C-000007")).startswith("客户 C-000007 已不存在")
    assert errors.describe(PermissionDenied("Unknown user or wrong password.")) == \
        "用户不存在或密码错误。"
    assert errors.describe(Conflict("x", changed=("phone", "tax_id"))).endswith("已修改：电话、税号")
    dup = DuplicateCandidate([DuplicateMatch(3, "C-000003", "深圳华为电子有限公司", None,
                                             ("name",))])
    assert errors.describe(dup) == "这似乎是一个已存在的客户：\nC-000003 深圳华为电子有限公司（公海）"
    assert errors.translate_service_message("Tax id is too long: 50 characters, at most 40.") \
        == "税号太长：50 个字符，最多 40 个。"
    # An English message nobody listed still reaches the user, in English.
    assert errors.translate_service_message("Brand new rule.") == "Brand new rule."
    unreachable = sqlite3.OperationalError("unable to open database file")
    assert errors.database_problem(unreachable) == "unreachable"
    assert errors.describe(unreachable).startswith("无法连接数据库")
    assert errors.is_expected(unreachable) and not errors.is_expected(KeyError("x"))


def test_pipeline_and_pool_refusals_are_told_in_chinese(qapp, small_db):
    """Messages as the services raise them (not copied into the test) come out Chinese."""
    from decimal import Decimal

    import pytest
    from sqlalchemy import select

    from models.org import User
    from models.party import Customer
    from services import opportunities, pool
    from services.errors import Conflict, ValidationError
    from services.opportunities import OpportunityInput
    from ui import errors
    i18n.install_translators("zh_CN", qapp)
    rep1 = actor(small_db, "rep1")
    code_of = small_db.read(lambda s: dict(s.execute(select(Customer.id, Customer.code))
                                           .all()))
    owner_of = small_db.read(lambda s: dict(s.execute(select(Customer.id, Customer.owner_id))
                                            .all()))
    mine = min(i for i, o in owner_of.items() if o == rep1.user_id)
    theirs = min(i for i, o in owner_of.items() if o not in (None, rep1.user_id))
    names = small_db.read(lambda s: dict(s.execute(select(User.id, User.display_name)).all()))

    bad = OpportunityInput(customer_id=mine, title=" ", amount=Decimal("-1"), probability=150)
    with pytest.raises(ValidationError) as caught:
        small_db.write(lambda s: opportunities.create_opportunity(s, rep1, bad))
    assert errors.field_messages(caught.value) == {
        "title": "必须填写商机名称。", "amount": "金额不能为负数。",
        "probability": "赢率必须是 0 到 100 之间的整数百分比（实际为 150）。"}
    # each message names its field: no "职务：" (a contact's title) before the deal's name
    text = errors.describe(caught.value)
    assert text.startswith("请更正以下内容：\n")
    assert set(text.splitlines()[1:]) == set(errors.field_messages(caught.value).values())

    with pytest.raises(Conflict) as caught:
        small_db.write(lambda s: pool.claim_customer(s, rep1, theirs))
    assert isinstance(caught.value, pool.AlreadyClaimed)
    assert errors.describe(caught.value) == \
        f"客户 {code_of[theirs]} 已被 {names[owner_of[theirs]]} 领取。"
    with pytest.raises(Conflict) as caught:
        small_db.write(lambda s: pool.claim_customer(s, rep1, mine))
    assert errors.describe(caught.value) == f"客户 {code_of[mine]} 已经是您的了。"
    # a stale edit still says to reload
    assert errors.describe(Conflict("Opportunity 'x' was changed by someone else since you "
                                    "opened it (version 1, now 2).", changed=("amount",))) == (
        "在您打开之后，他人修改了此记录。请重新加载以查看当前版本。\n已修改：金额")
