"""Command line: ``python main.py <command>`` (``python main.py`` alone opens the client).

Commands (each has --help):

  demo              create (or reuse, or --reset) the demo database and open the client
  db upgrade        bring a database to the current schema (creates a new SQLite file)
  db current        show a database's schema revision
  user add          add a user (asks for the password, or reads it with --password-stdin)
  import customers  import customers from an .xlsx or .csv file
  export customers  export customers to an .xlsx file
  pool sweep        return due customers to the public pool (for a scheduled task)
  stock check       verify that the ledger sums to the stock balances (exit 1 if not)
  print             print a document (delivery note, order, statement …) to PDF / .xlsx

The database is ``--database URL`` (``sqlite:///C:/path/file.sqlite3``, a plain path to a
SQLite file, or ``postgresql://user@host/db``), else the environment variable
QIANLI_DATABASE_URL, else the client's current connection profile (by default the SQLite
file in the user data folder). A SQLite file is upgraded to the current schema before use;
a PostgreSQL database must be upgraded explicitly with ``db upgrade``.

Exit codes:
  0  done
  1  business or validation error (bad input file, rows with errors, unknown user, …)
  2  usage error (unknown command or option)
  3  database unreachable, or its schema is not the one this program needs
  4  unexpected error (the traceback is in the log file)
  130 interrupted (Ctrl+C)

Expected errors are printed as one sentence on stderr; tracebacks go to the log only.
"""
from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_DATABASE = 3
EXIT_INTERNAL = 4
EXIT_INTERRUPTED = 130

ENV_DATABASE = "QIANLI_DATABASE_URL"
log = logging.getLogger("qianli.cli")


class CliError(Exception):
    """An expected failure: printed in words, exit code attached."""

    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.code = code


# --------------------------------------------------------------------------- parser

EPILOG = """exit codes: 0 done, 1 business or validation error, 2 usage error,
3 database unreachable or schema mismatch, 4 unexpected error (see the log), 130 interrupted.
The database comes from --database, else $QIANLI_DATABASE_URL, else the client's profile."""


def _add_database(p: argparse.ArgumentParser) -> None:
    p.add_argument("--database", metavar="URL",
                   help="sqlite:///FILE, a path to a SQLite file, or postgresql://user@host/db "
                        f"(default: ${ENV_DATABASE}, else the client's connection profile)")


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="main.py", formatter_class=fmt, epilog=EPILOG,
        description="Qianli (千里) CRM. Without a command the desktop client opens.")
    parser.add_argument("--version", action="version", version=f"Qianli {_version()}")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also print log messages on the console")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", formatter_class=fmt, epilog=EPILOG,
                          help="open the client on the demo database (created on first use)",
                          description="Create the demo database (a sample company: users for "
                                      "each role, customers, contacts, follow-ups) if it does "
                                      "not exist, and open the client logged in as the demo "
                                      "sales manager 'manager' (every demo user's password is "
                                      "'demo123').")
    demo.add_argument("--reset", action="store_true",
                      help="delete the demo database and build it again")
    demo.add_argument("--customers", type=_positive_int, default=3000, metavar="N",
                      help="number of customers when building (default 3000)")
    demo.add_argument("--screenshot", type=Path, metavar="FILE.png",
                      help="render the main window offscreen to FILE.png and exit")
    demo.add_argument("--no-client", action="store_true",
                      help="only create or reset the database; do not open the client")
    demo.set_defaults(func=cmd_demo)

    db = sub.add_parser("db", formatter_class=fmt, epilog=EPILOG, help="database schema",
                        description="Database schema migrations.")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", formatter_class=fmt, epilog=EPILOG,
                           help="upgrade to the current schema",
                           description="Upgrade the database to the schema this program "
                                       "needs (a SQLite file is created if missing). On "
                                       "PostgreSQL the staff group's table rights are renewed.")
    _add_database(up)
    up.set_defaults(func=cmd_db_upgrade)
    cur = db_sub.add_parser("current", formatter_class=fmt, epilog=EPILOG,
                            help="show the schema revision",
                            description="Show the database's schema revision and whether "
                                        "it needs an upgrade.")
    _add_database(cur)
    cur.set_defaults(func=cmd_db_current)

    user = sub.add_parser("user", formatter_class=fmt, epilog=EPILOG, help="users",
                          description="Manage users.")
    user_sub = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    add = user_sub.add_parser(
        "add", formatter_class=fmt, epilog=EPILOG, help="add a user",
        description="Add a user. The password is asked twice on the terminal, or read "
                    "from the first line of standard input with --password-stdin. On "
                    "PostgreSQL the user's database login is created too (when the "
                    "connected role may create roles).")
    add.add_argument("login", metavar="LOGIN")
    add.add_argument("--name", required=True, help="display name, e.g. 张伟")
    add.add_argument("--role", required=True,
                     choices=("sales", "sales_manager", "warehouse", "finance", "admin"))
    add.add_argument("--team", help="team name (created if new)")
    add.add_argument("--manager", metavar="LOGIN", help="the user's manager")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from standard input")
    _add_database(add)
    add.set_defaults(func=cmd_user_add)

    imp = sub.add_parser("import", formatter_class=fmt, epilog=EPILOG, help="import data",
                         description="Import data from files.")
    imp_sub = imp.add_subparsers(dest="import_command", metavar="WHAT", required=True)
    ic = imp_sub.add_parser(
        "customers", formatter_class=fmt, epilog=EPILOG,
        help="import customers from .xlsx or .csv",
        description="Import customers from an .xlsx or .csv file (Chinese or English "
                    "column titles; GBK or UTF-8 CSV). Rows that duplicate an existing "
                    "customer or an earlier row are skipped, so importing a file twice "
                    "creates nothing the second time. Exit code 1 when any row has an "
                    "error; the problems are listed and written to an .xlsx report.")
    ic.add_argument("file", type=Path, metavar="FILE")
    _add_database(ic)
    ic.add_argument("--as", dest="as_login", metavar="LOGIN",
                    help="act as this user (default: the first administrator); a sales "
                         "rep's imported customers are theirs, others go to the public pool")
    ic.add_argument("--mode", choices=("all", "good"), default="all",
                    help="all: import nothing if any row has an error (default); "
                         "good: import the good rows, report the rest")
    ic.add_argument("--on-duplicate", choices=("skip", "import"), default="skip",
                    help="what to do with rows that look like existing customers "
                         "(default: skip)")
    ic.add_argument("--sheet", help="worksheet name (default: the first visible sheet)")
    ic.add_argument("--report", type=Path, metavar="FILE.xlsx",
                    help="write the problems here (default when there are errors: "
                         "FILE-problems.xlsx next to the input)")
    ic.add_argument("--dry-run", action="store_true",
                    help="check the file and report, but import nothing")
    ic.set_defaults(func=cmd_import_customers)

    exp = sub.add_parser("export", formatter_class=fmt, epilog=EPILOG, help="export data",
                         description="Export data to .xlsx files.")
    exp_sub = exp.add_subparsers(dest="export_command", metavar="WHAT", required=True)
    ec = exp_sub.add_parser(
        "customers", formatter_class=fmt, epilog=EPILOG, help="export customers to .xlsx",
        description="Export the customers the user may see to .xlsx. The column titles "
                    "are the import's, so the file can be imported elsewhere.")
    ec.add_argument("file", type=Path, metavar="FILE.xlsx")
    _add_database(ec)
    ec.add_argument("--as", dest="as_login", metavar="LOGIN",
                    help="export what this user sees (default: the first administrator)")
    ec.add_argument("--scope", choices=("all", "mine", "team", "pool"), default="all",
                    help="all the user may see (default), their own, their team's, the pool")
    ec.add_argument("--level", choices=("A", "B", "C", "D"))
    ec.add_argument("--region")
    ec.add_argument("--search", default="", metavar="TEXT",
                    help="only customers matching this fragment of name, code, phone, contact")
    ec.add_argument("--language", choices=("zh", "en"), default="zh",
                    help="column titles in Chinese (default) or English")
    ec.set_defaults(func=cmd_export_customers)

    pool = sub.add_parser("pool", formatter_class=fmt, epilog=EPILOG,
                          help="the public customer pool", description="The public pool.")
    pool_sub = pool.add_subparsers(dest="pool_command", metavar="ACTION", required=True)
    sw = pool_sub.add_parser(
        "sweep", formatter_class=fmt, epilog=EPILOG,
        help="return due customers to the public pool",
        description="Return every customer that is due under the pool rules (no follow-up "
                    "for N days, no won deal within M days of the claim, per customer "
                    "level) to the public pool, recording each change in the customer's "
                    "history. Running it twice changes nothing the second time. Meant for "
                    "a scheduled task on the server.")
    _add_database(sw)
    sw.add_argument("--now", type=_iso_time, metavar="ISO",
                    help="the clock to sweep by, e.g. 2026-03-01T08:00:00+08:00 (without "
                         "an offset: UTC; default: now)")
    sw.set_defaults(func=cmd_pool_sweep)

    stock = sub.add_parser("stock", formatter_class=fmt, epilog=EPILOG, help="stock",
                           description="Stock (进销存) maintenance.")
    stock_sub = stock.add_subparsers(dest="stock_command", metavar="ACTION", required=True)
    sc = stock_sub.add_parser(
        "check", formatter_class=fmt, epilog=EPILOG,
        help="verify that the ledger sums to the stock balances",
        description="Verify that every stock balance's on-hand quantity is the sum of its "
                    "ledger rows and that its reserved quantity is what the open sales "
                    "orders reserve. Prints each difference naming the product and the "
                    "warehouse; exit code 0 when all agree, 1 otherwise. Reads only.")
    _add_database(sc)
    sc.set_defaults(func=cmd_stock_check)
    _add_print_parser(sub, fmt)
    return parser


def _add_print_parser(sub, fmt) -> None:
    pr = sub.add_parser(
        "print", formatter_class=fmt, epilog=EPILOG, help="print a document to PDF",
        description="Print a document with its default template (or --template FILE.xlsx) "
                    "to a PDF, and optionally the filled workbook to .xlsx. DOCTYPE: "
                    "delivery_note (dn), quotation, sales_order (so), purchase_order (po), "
                    "goods_receipt (gr), statement (NUMBER is the customer code; see "
                    "--from/--to). A delivery note prints once per copy of the print "
                    "settings (白联/红联/黄联) unless --one-copy.")
    pr.add_argument("doctype", metavar="DOCTYPE")
    pr.add_argument("number", metavar="NUMBER",
                    help="the document number, e.g. DN-2026-000123 (a draft: DRAFT-DN-42)")
    pr.add_argument("--template", type=Path, metavar="FILE.xlsx",
                    help="use this template instead of the stored default")
    pr.add_argument("--out", type=Path, metavar="FILE.pdf", required=True)
    pr.add_argument("--xlsx", type=Path, metavar="FILE.xlsx",
                    help="also write the filled workbook (the first copy)")
    pr.add_argument("--language", choices=("zh", "en"), default="zh",
                    help="the built-in template's language when none is stored (default zh)")
    pr.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD",
                    help="statement period start (default: the first of this month)")
    pr.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD",
                    help="statement period end (default: today)")
    pr.add_argument("--one-copy", action="store_true",
                    help="a delivery note once, without the copy names")
    pr.add_argument("--font", metavar="FILE.ttf",
                    help="embed this TrueType font (for PDFs sent outside the office)")
    pr.add_argument("--as", dest="as_login", metavar="LOGIN",
                    help="print as this user (default: the first administrator)")
    _add_database(pr)
    pr.set_defaults(func=cmd_print)


def _iso_date(text: str):
    import datetime as dt
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date such as 2026-03-01") \
            from None


def _iso_time(text: str):
    import datetime as dt
    try:
        t = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not an ISO time such as 2026-03-01T08:00:00+08:00") from None
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def _version() -> str:
    try:
        from importlib.metadata import version
        return version("qianli")
    except Exception:
        return "0.1.0"


# --------------------------------------------------------------------------- database


def resolve_database_url(arg: str | None) -> str:
    url = arg or os.environ.get(ENV_DATABASE)
    if not url:
        from app.settings import Settings
        return Settings.load().profile().url()
    if "://" not in url:                       # a plain path to a SQLite file
        return "sqlite:///" + str(Path(url).expanduser().resolve())
    return url


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [ln.strip() for ln in str(orig).strip().splitlines() if ln.strip()]
    return lines[0] if lines else type(orig).__name__


def open_database(url: str, *, create: bool = True, upgrade_sqlite: bool = True,
                  require_current: bool = True):
    """Connect (exit 3 in words when unreachable); upgrade a SQLite file; check that a
    PostgreSQL database is at the schema this program needs."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    from app import migrate
    from app.db import Database

    try:
        u = make_url(url)
    except ArgumentError:
        raise CliError(f"{url!r} is not a database URL; use sqlite:///FILE or "
                       "postgresql://user@host/database.", EXIT_USAGE) from None
    if u.get_backend_name() == "sqlite" and u.database and not create \
            and not Path(u.database).exists():
        raise CliError(f"No database file at {u.database}.", EXIT_DATABASE)
    try:
        db = Database(url, application_name="qianli-cli")
    except (ValueError, NoSuchModuleError, ArgumentError) as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    try:
        with db.engine.connect():
            pass
    except DBAPIError as exc:
        db.dispose()
        log.info("cannot connect to %s", db.display_name, exc_info=True)
        raise CliError(f"Cannot connect to the database {db.display_name}: {_reason(exc)}",
                       EXIT_DATABASE) from None
    if db.dialect == "sqlite" and upgrade_sqlite:
        _check_known_revision(db)
        if migrate.needs_upgrade(db.engine):
            migrate.upgrade(db.engine)
    elif require_current:
        _check_known_revision(db)
        current = migrate.current_revision(db.engine)
        if current != migrate.head_revision():
            db.dispose()
            raise CliError(
                f"The database {db.display_name} is at schema revision "
                f"{current or '(empty)'}; this program needs {migrate.head_revision()}. "
                f"Run: python main.py db upgrade --database {_shown_url(url)}", EXIT_DATABASE)
    return db


def _shown_url(url: str) -> str:
    from sqlalchemy.engine import make_url
    return make_url(url).render_as_string(hide_password=True)


def _check_known_revision(db) -> None:
    from alembic.script import ScriptDirectory

    from app import migrate
    current = migrate.current_revision(db.engine)
    if current is None:
        return
    script = ScriptDirectory.from_config(migrate.alembic_config())
    try:
        script.get_revision(current)
    except Exception:
        db.dispose()
        raise CliError(f"The database {db.display_name} has schema revision {current}, which "
                       "this program does not know: it was upgraded by a newer Qianli. "
                       "Install the newer version.", EXIT_DATABASE) from None


def _actor(db, login: str | None):
    from sqlalchemy import select

    from models.org import User
    from services import org

    def find(s):
        if login:
            user = s.scalar(select(User).where(User.login == login))
            if user is None:
                raise CliError(f"No user {login!r} in {db.display_name}.")
            if not user.active:
                raise CliError(f"User {login!r} is inactive.")
            return org.actor_for(s, login)
        first = s.scalar(select(User.login).where(User.role == "admin", User.active.is_(True))
                         .order_by(User.id).limit(1))
        if first is None:
            raise CliError(f"{db.display_name} has no administrator; add one with "
                           "'python main.py user add LOGIN --role admin --name NAME' or "
                           "name a user with --as LOGIN.")
        return org.actor_for(s, first)
    return db.read(find)


def _out(text: str = "") -> None:
    print(text, flush=True)


def _err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- commands


def cmd_db_upgrade(args) -> int:
    from app import migrate
    url = resolve_database_url(args.database)
    db = open_database(url, upgrade_sqlite=False, require_current=False)
    try:
        _check_known_revision(db)
        before = migrate.current_revision(db.engine)
        migrate.upgrade(db.engine)
        after = migrate.current_revision(db.engine)
        if db.dialect == "postgresql":
            from app import pg_roles
            try:
                with db.engine.begin() as conn:
                    pg_roles.grant_staff_rights(conn)
            except Exception as exc:
                log.warning("could not grant staff rights", exc_info=True)
                _err(f"warning: the staff group's table rights were not renewed "
                     f"({_reason(exc)}); run this as the database owner.")
        if before == after:
            _out(f"{db.display_name} is at the current schema ({after}).")
        else:
            _out(f"Upgraded {db.display_name} from {before or '(empty)'} to {after}.")
        return EXIT_OK
    finally:
        db.dispose()


def cmd_db_current(args) -> int:
    from app import migrate
    url = resolve_database_url(args.database)
    db = open_database(url, create=False, upgrade_sqlite=False, require_current=False)
    try:
        current = migrate.current_revision(db.engine)
        head = migrate.head_revision()
        state = "current" if current == head else f"needs upgrade to {head}"
        _out(f"{db.display_name}: revision {current or '(empty)'} ({state}).")
        return EXIT_OK
    finally:
        db.dispose()


def _read_password(args) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise CliError("No password on standard input.")
        return password
    if not sys.stdin.isatty():
        raise CliError("No terminal to ask for the password; pipe it in with "
                       "--password-stdin.", EXIT_USAGE)
    first = getpass.getpass(f"Password for {args.login}: ")
    second = getpass.getpass("Again: ")
    if first != second:
        raise CliError("The two passwords differ; nothing was changed.")
    return first


def cmd_user_add(args) -> int:
    from services import org
    password = _read_password(args)
    url = resolve_database_url(args.database)
    db = open_database(url)
    try:
        created_role = [None]

        def add(s):
            info = org.add_user(s, None, login=args.login, display_name=args.name,
                                role=args.role, password=password, team=args.team,
                                manager_login=args.manager)
            if db.dialect == "postgresql":
                from sqlalchemy.exc import DBAPIError

                from app import pg_roles
                try:
                    with s.begin_nested():
                        created_role[0] = pg_roles.ensure_login_role(s.connection(),
                                                                     info.login, password)
                except DBAPIError as exc:
                    log.warning("database login not created", exc_info=True)
                    created_role[0] = _reason(exc)
            return info
        info = db.write(add)
        team = f", team {info.team_name}" if info.team_name else ""
        _out(f"Added user {info.login} ({info.display_name}, {info.role}{team}).")
        if created_role[0] is False:
            _err(f"warning: the database login {info.login!r} was not created: the connected "
                 "role may not create roles. Ask the database administrator to create it.")
        elif isinstance(created_role[0], str):
            _err(f"warning: the database login {info.login!r} was not created "
                 f"({created_role[0]}); run 'python main.py db upgrade' as the database "
                 "owner first, then add the login.")
        return EXIT_OK
    finally:
        db.dispose()


PROBLEMS_SHOWN = 20


def cmd_import_customers(args) -> int:
    from services import customer_import as ci
    url = resolve_database_url(args.database)
    db = open_database(url)
    try:
        actor = _actor(db, args.as_login)
        # Read the file first, outside any transaction; then look for duplicates.
        read = ci.read_import_file(args.file, sheet=args.sheet)
        preview = db.read(lambda s: ci.preview_import(s, actor, read))
        for note in preview.notes:
            _out(note)
        _out(f"{len(preview.rows)} rows: {preview.ok_count} ok, {preview.error_count} with "
             f"errors, {preview.duplicate_count} duplicates.")
        if args.dry_run:
            result = None
        else:
            mode = "all_or_nothing" if args.mode == "all" else "good_rows"

            def progress(done, total):
                if total >= 2000 and done and done % 2000 < ci.BATCH:
                    _out(f"  {done} of {total} rows…")
                return True
            result = ci.run_import(db, actor, preview, mode=mode,
                                   on_duplicate=args.on_duplicate, progress=progress)
            preview = result.preview
        problems = [r for r in preview.rows if r.status != "ok"]
        for r in [r for r in problems if r.status == "error"][:PROBLEMS_SHOWN]:
            for issue in r.issues:
                _err(issue.message)
        errors = preview.error_count
        if errors > PROBLEMS_SHOWN:
            _err(f"… and {errors - PROBLEMS_SHOWN} more rows with errors.")
        report = args.report
        if report is None and errors:
            report = args.file.with_name(f"{args.file.stem}-problems.xlsx")
        if report is not None and problems:
            try:
                ci.write_error_report(result or preview, report)
                _out(f"Problems written to {report}.")
            except Exception as exc:  # the import itself is done; say so and carry on
                log.warning("error report not written", exc_info=True)
                _err(f"warning: could not write the report {report}: {exc}")
        if result is None:
            _out("Dry run: nothing imported.")
            return EXIT_ERROR if errors else EXIT_OK
        (_err if result.refused else _out)(result.summary)
        return EXIT_ERROR if (result.refused or result.rejected) else EXIT_OK
    finally:
        db.dispose()


def cmd_export_customers(args) -> int:
    from services.customer_search import CustomerFilter
    from services.export import export_customers
    url = resolve_database_url(args.database)
    db = open_database(url)
    try:
        actor = _actor(db, args.as_login)
        filt = CustomerFilter(scope=args.scope, level=args.level, region=args.region,
                              text=args.search)
        n = db.read(lambda s: export_customers(s, actor, filt, args.file,
                                               language=args.language))
        _out(f"Exported {n} customers to {args.file}.")
        return EXIT_OK
    finally:
        db.dispose()


def cmd_pool_sweep(args) -> int:
    from services import pool
    url = resolve_database_url(args.database)
    db = open_database(url)
    try:
        result = db.write(lambda s: pool.sweep_pool(s, now=args.now))
        _out(f"{result.total} customers returned to the public pool: {result.no_follow_up} "
             f"without a follow-up, {result.no_deal} without a won deal.")
        return EXIT_OK
    finally:
        db.dispose()


def cmd_stock_check(args) -> int:
    from services.stock_check import check_stock
    db = open_database(resolve_database_url(args.database))
    try:
        result = db.read(check_stock)
    finally:
        db.dispose()
    if result.ok:
        _out(f"Stock check passed: {result.balances} balances agree with {result.ledger_rows} "
             "ledger rows and the open reservations.")
        return EXIT_OK
    _out(f"Stock check FAILED: {len(result.problems)} differences.")
    for message in result.messages:
        _out(f"  {message}")
    return EXIT_ERROR


def cmd_print(args) -> int:
    import datetime as dt

    from printing import FontError, TemplateError
    from printing.jobs import render_job, save_job_xlsx
    from services import print_jobs
    from services.print_context import find_document
    from services.print_fields import doc_type as lookup
    try:
        kind = lookup(args.doctype).key
    except ValueError as exc:
        raise CliError(str(exc), EXIT_USAGE) from None
    if kind == "payment_receipt":
        raise CliError("Payment receipts have no stored numbers yet (there is no payments "
                       "table): print them from the client.", EXIT_USAGE)
    template = None
    if args.template is not None:
        template = args.template.read_bytes()
    url = resolve_database_url(args.database)
    db = open_database(url)
    try:
        actor = _actor(db, args.as_login)

        def prepare(s):
            key = find_document(s, actor, kind, args.number)
            if kind == "statement":
                end = args.date_to or dt.date.today()
                key = (key, args.date_from or end.replace(day=1), end)
            return print_jobs.prepare_print(s, actor, kind, key, template=template,
                                            template_filename=args.template and
                                            args.template.name, language=args.language,
                                            copies=not args.one_copy)
        job = db.read(prepare)
    finally:
        db.dispose()
    try:
        pages = render_job(job, args.out, font=args.font)
        if args.xlsx is not None:
            save_job_xlsx(job, args.xlsx)
    except (TemplateError, FontError) as exc:
        raise CliError(str(exc)) from None
    copies = f", {len(job.contexts)} copies" if len(job.contexts) > 1 else ""
    _out(f"Printed {job.title} to {args.out} ({pages} pages{copies}).")
    if args.xlsx is not None:
        _out(f"Filled workbook written to {args.xlsx}.")
    return EXIT_OK


def cmd_demo(args) -> int:
    from app import demo
    from app.settings import demo_sqlite_path
    path = demo_sqlite_path()
    fresh = args.reset or not path.exists()
    if fresh:
        _out(f"Building the demo database {path} ({args.customers} customers)…")
        db = demo.create_demo_database(path, customers=args.customers)
    else:
        db = open_database("sqlite:///" + str(path))
        if not demo.is_demo_database(db):
            db.dispose()
            raise CliError(f"{path} is not a complete demo database; rebuild it with "
                           "'python main.py demo --reset'.")
        _out(f"Using the demo database {path} (rebuild with --reset).")
    try:
        _out(f"Log in as '{demo.DEMO_LOGIN}' (sales manager) with password "
             f"'{demo.DEMO_PASSWORD}'; every demo user has the same password.")
        if args.no_client:
            return EXIT_OK
        from app.client import Client
        from app.settings import Settings
        from services import org
        actor = db.read(lambda s: org.authenticate(s, demo.DEMO_LOGIN, demo.DEMO_PASSWORD))
        settings = Settings.load()
        client = Client(db, actor, settings)
        from app.gui import run_client  # Qt is imported only when the client opens
        code = run_client(client=client, settings=settings, screenshot=args.screenshot)
        if args.screenshot is not None and code == 0:
            _out(f"Screenshot written to {args.screenshot}.")
        return code
    finally:
        db.dispose()


# --------------------------------------------------------------------------- main


def _reconfigure_streams() -> None:
    # A Windows console or a pipe may not take every character of a Chinese name; a
    # replaced character is better than a crash at the last line of a finished import.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _reconfigure_streams()
    from app.logging_setup import setup_logging
    parser = build_parser()
    if not argv:
        setup_logging()
        from app.gui import run_client
        return run_client()
    args = parser.parse_args(argv)           # exits 2 with a usage message on bad input
    log_path = setup_logging(logging.DEBUG if args.verbose else logging.INFO,
                             console=args.verbose)
    if getattr(args, "func", None) is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    log.info("command: %s", " ".join(argv))
    try:
        return args.func(args)
    except CliError as exc:
        _err(f"error: {exc}")
        return exc.code
    except KeyboardInterrupt:
        _err("Interrupted.")
        return EXIT_INTERRUPTED
    except OSError as exc:                   # a file that cannot be read or written
        log.info("file error", exc_info=True)
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        _err(f"error: {exc.strerror or exc}{where}")
        return EXIT_ERROR
    except Exception as exc:
        from services.errors import QianliError
        if isinstance(exc, QianliError):
            log.info("business error", exc_info=True)
            _err(f"error: {_business_message(exc)}")
            return EXIT_ERROR
        from sqlalchemy.exc import DBAPIError
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            log.warning("database connection lost", exc_info=True)
            _err(f"error: the database connection was lost: {_reason(exc)}")
            return EXIT_DATABASE
        log.exception("unexpected error in %s", " ".join(argv))
        _err(f"error: unexpected {type(exc).__name__}: {exc}\nDetails are in {log_path}.")
        return EXIT_INTERNAL


def _business_message(exc) -> str:
    from services.errors import ValidationError
    if isinstance(exc, ValidationError):
        if len(exc.errors) == 1 and exc.field in ("file", "mapping", "path"):
            return exc.message
        return "; ".join(f"{k.replace('_', ' ')}: {v}" for k, v in exc.errors.items())
    return str(exc)
