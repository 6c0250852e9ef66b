"""Render the Chinese screenshots of the sales screens and of the main window again.

    python docs/screenshots/render.py                    # all of them
    python docs/screenshots/render.py funnel workbench   # some: board, lead-convert,
                                 # funnel, workbench, targets, sales-settings, main,
                                 # main-en (English)

Offscreen, with the zh_CN translation installed (main-en: the main window in English).
The data is built fresh in temporary SQLite files through the real services: the small
sales team of tests/ui/pipeline_data.py (张伟, 李娜, Tom Lee, 王经理) for the sales screens,
with twelve months of targets and won deals for the attainment trend; the demo company
(app.demo) with a few opportunities for the main window. Dates follow today's date, so the
pictures change with the day they are made on, not with the run.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QThread  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SHOTS = ("board", "lead-convert", "funnel", "workbench", "targets", "sales-settings", "main",
         "main-en")


def wait_until(condition, timeout_s: float = 30.0) -> None:
    """Run the event loop until ``condition()`` holds (background loads deliver through it)."""
    deadline = QDeadlineTimer(int(timeout_s * 1000))
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError(f"screenshot: gave up waiting for {condition}")
        QCoreApplication.processEvents()
        QThread.msleep(10)


def settle(widget, rounds: int = 20) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()
        QThread.msleep(5)


def save(widget, name: str) -> Path:
    settle(widget)
    path = OUT / name
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    print(f"wrote {path.relative_to(ROOT)} ({widget.width()}×{widget.height()})")
    return path


def migrated_sqlite(path: Path):
    from app import migrate
    from app.db import Database
    db = Database("sqlite:///" + str(path))
    migrate.upgrade(db.engine)
    return db


# --------------------------------------------------------------------------- the sales team

def sales_world(directory: Path, today: dt.date):
    from tests.helpers.org import make_staff
    from tests.ui.pipeline_data import seed_follow_ups, seed_pipeline, seed_targets
    db = migrated_sqlite(directory / "pipeline.sqlite3")
    staff = make_staff(db)
    world = seed_pipeline(db, staff, today=today)
    seed_follow_ups(db, staff, world, today=today)
    seed_targets(db, staff, month=today.replace(day=1))
    # level C customers return to the pool after 2 days without a follow-up: two of the
    # team's show on Today as returning soon (the pool clock runs from now, not Today's day)
    from services import pool
    db.write(lambda s: pool.save_pool_rules(s, staff.admin, pool.PoolRules(
        by_level={"C": pool.LevelRule(no_follow_up_days=2)})))
    return db, staff, world


def add_history(db, staff, world, today: dt.date) -> None:
    """Eleven months before this one: month targets for each rep and team and one or two
    won deals per rep and month, so the attainment trend has a past."""
    from services import targets
    from tests.helpers.pipeline import make_opportunity
    from tests.ui.pipeline_data import TITLES
    reps = (staff.rep1, staff.rep2, staff.rep3)
    goals = {staff.rep1.user_id: 500000, staff.rep2.user_id: 400000,
             staff.rep3.user_id: 300000}
    customers_of = {}
    for c in world.customers:
        customers_of.setdefault(c.owner_id, []).append(c.id)
    month = today.replace(day=1)
    for back in range(1, 12):
        start = (month - dt.timedelta(days=28 * back)).replace(day=1)

        def build(s, start=start):
            for uid, goal in goals.items():
                targets.set_target(s, staff.admin, period="month", period_start=start,
                                   amount=Decimal(goal), user_id=uid)
            for team_id in {staff.rep1.team_id, staff.rep3.team_id}:
                targets.set_target(s, staff.admin, period="month", period_start=start,
                                   amount=Decimal(1000000), team_id=team_id)
        db.write(build)
        for r, rep in enumerate(reps):
            # a repeating but uneven pattern: some months short, some over the target
            share = (0.45, 0.8, 1.125, 0.65, 1.025, 0.45)[(back + 2 * r) % 6]
            won = Decimal(int(goals[rep.user_id] * share / 1000) * 1000)
            parts = (won,) if back % 2 else (won * 3 / 5, won * 2 / 5)
            for k, amount in enumerate(parts):
                closed = start + dt.timedelta(days=8 + 9 * k)
                at = dt.datetime.combine(closed, dt.time(10, 30)).astimezone(dt.timezone.utc)
                ids = customers_of[rep.user_id]
                make_opportunity(db, rep, ids[(back + k) % len(ids)],
                                 title=TITLES[(back * 3 + k + r) % len(TITLES)],
                                 amount=str(amount.quantize(Decimal("1"))), stage="won",
                                 now=at, expected_close_on=closed)


def shot_board(client, runner) -> None:
    from ui.pipeline.board import PipelineBoard
    board = PipelineBoard(client, runner)
    board.resize(1560, 640)
    board.show()
    wait_until(lambda: board.settled and bool(board.columns))
    save(board, "pipeline-board.png")
    board.close()


def shot_lead_convert(db, staff, runner) -> None:
    from app.client import Client
    from tests.helpers.pipeline import make_customer, make_lead
    from ui.leads.convert_dialog import ConvertLeadDialog
    make_customer(db, staff.rep1, "宁波港城物流有限公司", phone="0574-8765 4321",
                  region="浙江宁波")
    lead = make_lead(db, staff.rep1, "孙丽", company="宁波港城物流有限公司", title="采购经理",
                     phone="139 5741 2345", wechat="sunli_nb", source="展会 Exhibition",
                     region="浙江宁波",
                     enquiry="询价：智能仓储管理系统，三个仓库约 2 万平方米\n希望月底前看方案")
    dialog = ConvertLeadDialog(Client(db, staff.rep1), runner, lead)
    dialog.show()
    wait_until(lambda: dialog.loaded)
    dialog.opportunity_box.setChecked(True)
    dialog.amount.setText("68万")
    dialog.close_on.setDate(dt.date.today() + dt.timedelta(days=45))
    dialog.adjustSize()
    save(dialog, "lead-convert.png")
    dialog.reject()


def shot_funnel(client, runner) -> None:
    from ui.pipeline.funnel import FunnelWidget
    widget = FunnelWidget(client, runner)
    widget.resize(1280, 760)
    widget.show()
    wait_until(lambda: widget.funnel is not None)
    loaded = widget.funnel
    widget.filters.set_period("next_6_months")
    wait_until(lambda: widget.funnel is not loaded)
    widget.show_stage(2)                  # 方案报价: its opportunities listed below
    wait_until(lambda: widget.selected_stage is not None and widget.opp_table.rowCount() > 0)
    save(widget, "funnel.png")
    widget.close()


def shot_workbench(client, runner, today: dt.date) -> None:
    from tests.ui.pipeline_data import workbench_day
    from ui.workbench import WorkbenchWidget
    widget = WorkbenchWidget(client, runner, today=workbench_day(today))
    widget.resize(1280, 760)
    widget.show()
    wait_until(lambda: widget.data is not None)
    save(widget, "workbench.png")
    widget.close()


def shot_targets(client, runner, staff) -> None:
    from ui.pipeline.targets import TargetsWidget
    widget = TargetsWidget(client, runner)
    widget.resize(1280, 760)
    widget.show()
    wait_until(lambda: bool(widget.ranking) and widget.trend_key is not None)
    key = ("rep", staff.rep2.user_id)                        # 李娜's year, as if clicked
    table = widget.ranking_table
    row = next(r for r in range(table.rowCount()) if widget._key_at(table, r) == key)
    table.setCurrentCell(row, 1)
    wait_until(lambda: widget.trend_key == key)
    runner.wait_idle(10_000)
    settle(widget, 60)
    save(widget, "targets.png")
    widget.close()


def shot_sales_settings(db, staff, runner) -> None:
    from app.client import Client
    from services import pool
    from ui.pipeline.sales_settings import SalesSettingsWidget
    db.write(lambda s: pool.save_pool_rules(s, staff.admin, pool.PoolRules(
        by_level={"A": pool.LevelRule(60, 180), "B": pool.LevelRule(45, 120),
                  "C": pool.LevelRule(2, None), "D": pool.LevelRule(15, 60)},
        default=pool.LevelRule(30, None), max_owned=200, reclaim_block_days=7)))
    widget = SalesSettingsWidget(Client(db, staff.manager), runner)
    widget.resize(1100, 900)
    widget.show()
    wait_until(lambda: widget.table.rowCount() > 0)
    runner.wait_idle(10_000)
    save(widget, "sales-settings.png")
    widget.close()


# --------------------------------------------------------------------------- main window

def shot_main_window(directory: Path, runner, today: dt.date, languages=("zh_CN",)) -> None:
    from app import demo
    from app.client import Client
    from app.settings import Settings
    from services import org
    from services.opportunities import OpportunityInput, create_opportunity
    from ui.main_window import MainWindow
    db = demo.create_demo_database(directory / "qianli-demo.sqlite3")
    try:
        manager = db.read(lambda s: org.actor_for(s, demo.DEMO_LOGIN))
        deals = (("zhangwei", "MES 系统一期", "380000", 12), ("lina", "年度耗材采购", "96000", 5),
                 ("tom", "冷链仓储改造", "520000", 20), ("zhangwei", "门店 POS 更换", "150000", 40))

        def open_deals(s):
            from sqlalchemy import select

            from models.party import Customer
            for login, title, amount, days in deals:
                rep = org.actor_for(s, login)
                customer = s.scalar(select(Customer.id).where(Customer.owner_id == rep.user_id)
                                    .order_by(Customer.id).limit(1))
                create_opportunity(s, rep, OpportunityInput(
                    customer_id=customer, title=title, amount=Decimal(amount),
                    expected_close_on=today + dt.timedelta(days=days)))
        db.write(open_deals)
        from app import i18n
        for language in languages:
            i18n.install_translators(language, QCoreApplication.instance())
            window = MainWindow(Client(db, manager), runner, Settings(language=language),
                                auto_sweep=False)
            window.resize(1280, 760)
            window.show()
            wait_until(lambda: not window.customers.model.is_loading)
            window.show_customers()
            wait_until(lambda: not window.customers.model.is_loading)
            save(window, f"main-window-{language}.png")
            window.close()
            runner.wait_idle(10_000)
        i18n.install_translators("zh_CN", QCoreApplication.instance())
    finally:
        db.dispose()


def main(argv: list[str]) -> int:
    wanted = argv or list(SHOTS)
    unknown = set(wanted) - set(SHOTS)
    if unknown:
        print(f"unknown screenshot(s): {', '.join(sorted(unknown))}; choose from "
              f"{', '.join(SHOTS)}", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication([])
    from app import i18n
    from app.client import Client
    from app.runner import Runner
    i18n.install_translators("zh_CN", app)
    runner = Runner()
    today = dt.date.today()
    directory = Path(tempfile.mkdtemp(prefix="qianli-shots-"))
    db = None
    try:
        if set(wanted) & {"board", "lead-convert", "funnel", "workbench", "targets",
                          "sales-settings"}:
            db, staff, world = sales_world(directory, today)
            if "board" in wanted:
                shot_board(Client(db, staff.manager), runner)
            if "funnel" in wanted:
                shot_funnel(Client(db, staff.admin), runner)
            if "workbench" in wanted:
                shot_workbench(Client(db, staff.manager), runner, today)
            if "lead-convert" in wanted:
                shot_lead_convert(db, staff, runner)
            if "targets" in wanted:
                add_history(db, staff, world, today)
                shot_targets(Client(db, staff.admin), runner, staff)
            if "sales-settings" in wanted:
                shot_sales_settings(db, staff, runner)
        languages = [lang for shot, lang in (("main", "zh_CN"), ("main-en", "en"))
                     if shot in wanted]
        if languages:
            shot_main_window(directory, runner, today, languages)
        runner.wait_idle(10_000)
        settle(None)
    finally:
        if db is not None:
            db.dispose()
        shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
