"""The command line, run as users run it: ``python main.py …`` in a subprocess, against a
SQLite file and a PostgreSQL database."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app import cli
from app.db import Database
from models.org import User
from models.party import Contact, Customer
from tests.helpers.xlsx import read_rows, write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def run(tmp_path, *args, stdin: str | None = None, env: dict | None = None):
    environ = {k: v for k, v in os.environ.items() if k != cli.ENV_DATABASE}
    environ.update({"QIANLI_CONFIG_DIR": str(tmp_path / "config"),
                    "QIANLI_DATA_DIR": str(tmp_path / "data"),
                    "QIANLI_LOG_DIR": str(tmp_path / "logs"),
                    "PYTHONIOENCODING": "utf-8"})
    environ.update(env or {})
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          input=stdin, capture_output=True, text=True, encoding="utf-8",
                          env=environ, cwd=tmp_path, timeout=300,
                          stdin=None if stdin is not None else subprocess.DEVNULL)


@pytest.fixture
def call(capsys, monkeypatch):
    """Run the CLI in this process (for the quick error paths); returns (code, out, err)."""
    monkeypatch.delenv(cli.ENV_DATABASE, raising=False)

    def invoke(*args, stdin: str = ""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main([str(a) for a in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return invoke


def good_file(tmp_path, name="good.xlsx"):
    return write_xlsx(tmp_path / name, [
        ["客户名称", "电话", "级别", "联系人", "地区"],
        ["深圳市华强电子有限公司", "13800138000", "A", "王强", "深圳"],
        ["上海明珠贸易有限公司", "021-62345678", "B", "李娜", "上海"],
        ["Pacific Trading Ltd", "+86 755 8888 9999", "C", "Amy Chen", "深圳"],
    ])


def bad_file(tmp_path):
    return write_xlsx(tmp_path / "bad.xlsx", [
        ["客户名单（11月）"],
        ["客户名称", "电话", "邮箱"],
        ["北京远航科技有限公司", "12345", None],
        [None, "13900139000", None],
        ["南京钟山化工有限公司", "025-84561234", "foo@bar"],
        ["杭州西湖茶业有限公司", "0571-87654321", "tea@xihu.cn"],
    ])


def test_help_and_usage(tmp_path):
    r = run(tmp_path, "--help")
    assert r.returncode == cli.EXIT_OK
    for command in ("demo", "db", "user", "import", "export"):
        assert command in r.stdout
    assert "exit codes" in r.stdout and "QIANLI_DATABASE_URL" in r.stdout
    r = run(tmp_path, "import", "customers")
    assert r.returncode == cli.EXIT_USAGE and "FILE" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("command", [["demo"], ["db", "upgrade"], ["db", "current"],
                                     ["user", "add"], ["import", "customers"],
                                     ["export", "customers"]])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main([*command, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: main.py " + " ".join(command))
    assert "exit codes" in out


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["frobnicate"])
    assert stop.value.code == cli.EXIT_USAGE
    assert "invalid choice" in capsys.readouterr().err


def test_sqlite_workflow(tmp_path, call):
    db_file = tmp_path / "office.sqlite3"
    url = f"sqlite:///{db_file}"

    code, _out, err = call("db", "current", "--database", url)
    assert code == cli.EXIT_DATABASE and "No database file" in err
    r = run(tmp_path, "db", "upgrade", "--database", url)
    assert r.returncode == 0 and "from (empty) to" in r.stdout
    code, out, _err = call("db", "current", "--database", db_file)   # a plain path works too
    assert code == 0 and "(current)" in out

    r = run(tmp_path, "user", "add", "boss", "--name", "老板", "--role", "admin",
            "--password-stdin", "--database", url, stdin="secret123\n")
    assert r.returncode == 0, r.stderr
    assert "Added user boss (老板, admin)" in r.stdout
    code, _out, err = call("user", "add", "rep", "--name", "张伟", "--role", "sales", "--team",
                           "华东", "--database", url)                 # no terminal to ask on
    assert code == cli.EXIT_USAGE and "--password-stdin" in err
    code, out, _err = call("user", "add", "rep", "--name", "张伟", "--role", "sales", "--team",
                           "华东", "--password-stdin", "--database", url, stdin="secret123\n")
    assert code == 0 and "team 华东" in out
    code, _out, err = call("user", "add", "rep", "--name", "又一个", "--role", "sales",
                           "--password-stdin", "--database", url, stdin="secret123\n")
    assert code == cli.EXIT_ERROR and "'rep' is taken" in err and "Traceback" not in err
    code, _out, err = call("user", "add", "x", "--name", "X", "--role", "sales",
                           "--password-stdin", "--database", url, stdin="123\n")
    assert code == cli.EXIT_ERROR and "password: Password needs at least 6" in err

    # A bad file: refused as a whole, the problems printed and written to a report.
    bad = bad_file(tmp_path)
    r = run(tmp_path, "import", "customers", bad, "--database", url)
    assert r.returncode == cli.EXIT_ERROR, r.stdout + r.stderr
    assert "Row 3, column B (电话): Phone '12345' has too few digits" in r.stderr
    assert "Row 4, column A (客户名称): the customer name is empty" in r.stderr
    assert "nothing imported because 3 of 4 rows have errors" in r.stderr
    assert "Traceback" not in r.stderr
    report = tmp_path / "bad-problems.xlsx"
    assert f"Problems written to {report}" in r.stdout
    lines = read_rows(report)
    assert [(x[0], x[1], x[2]) for x in lines[1:]] == [(3, "B", "电话"), (4, "A", "客户名称"),
                                                       (5, "C", "邮箱")]
    db = Database(url)
    assert db.read(lambda s: s.scalar(select(func.count(Customer.id)))) == 0

    # Good rows only, as the rep: the good row is theirs; still exit 1 (rows were left out).
    code, out, _err = call("import", "customers", bad, "--database", url, "--as", "rep",
                           "--mode", "good", "--report", tmp_path / "r.xlsx")
    assert code == cli.EXIT_ERROR and "1 customers imported" in out
    assert (tmp_path / "r.xlsx").exists()

    good = good_file(tmp_path)
    r = run(tmp_path, "import", "customers", good, "--database", url)
    assert r.returncode == 0 and "3 customers imported" in r.stdout
    code, out, _err = call("import", "customers", good, "--database", url)
    assert code == 0 and "0 customers imported, 3 duplicates skipped" in out

    out_file = tmp_path / "export.xlsx"
    r = run(tmp_path, "export", "customers", out_file, "--database", url)
    assert r.returncode == 0 and "Exported 4 customers" in r.stdout
    code, out, _err = call("export", "customers", tmp_path / "mine.xlsx", "--database", url,
                           "--as", "rep", "--scope", "mine", "--language", "en")
    assert code == 0 and "Exported 1 customers" in out
    assert read_rows(tmp_path / "mine.xlsx")[1][1] == "杭州西湖茶业有限公司"

    # Round trip into a second database named by QIANLI_DATABASE_URL.
    other = f"sqlite:///{tmp_path / 'branch.sqlite3'}"
    env = {cli.ENV_DATABASE: other}
    code, _out, _err = call("user", "add", "admin", "--name", "管理员", "--role", "admin",
                            "--password-stdin", "--database", other, stdin="secret123\n")
    assert code == 0
    r = run(tmp_path, "import", "customers", out_file, env=env)
    assert r.returncode == 0 and "4 customers imported" in r.stdout
    assert "Column M (负责人): information only, not imported." in r.stdout

    def snapshot(u):
        d = Database(u)
        try:
            return d.read(lambda s: (
                sorted(s.execute(select(Customer.code, Customer.name, Customer.phone,
                                        Customer.level, Customer.region)).all()),
                sorted(s.scalars(select(Contact.name)))))
        finally:
            d.dispose()
    assert snapshot(other) == snapshot(url)
    db.dispose()
    assert (tmp_path / "logs" / "qianli.log").exists()


def test_postgresql_workflow(pg_db, tmp_path, call):
    url = pg_db.url
    env = {cli.ENV_DATABASE: url}
    r = run(tmp_path, "db", "upgrade", env=env)
    assert r.returncode == 0 and "at the current schema" in r.stdout
    code, out, _err = call("db", "current", "--database", url)
    assert code == 0 and "PostgreSQL" in out and "(current)" in out
    r = run(tmp_path, "user", "add", "h3_cli_admin", "--name", "管理员", "--role", "admin",
            "--password-stdin", stdin="secret123\n", env=env)
    assert r.returncode == 0, r.stderr
    code, out, _err = call("import", "customers", bad_file(tmp_path), "--mode", "good",
                           "--database", url)
    assert code == cli.EXIT_ERROR and "1 customers imported" in out
    r = run(tmp_path, "import", "customers", good_file(tmp_path), env=env)
    assert r.returncode == 0 and "3 customers imported" in r.stdout
    out_file = tmp_path / "pg.xlsx"
    r = run(tmp_path, "export", "customers", out_file, "--language", "en", env=env)
    assert r.returncode == 0 and "Exported 4 customers" in r.stdout
    rows = read_rows(out_file)
    assert rows[0][:2] == ["Code", "Name"] and len(rows) == 5
    assert pg_db.read(lambda s: s.scalar(select(User.login).where(
        User.login == "h3_cli_admin"))) == "h3_cli_admin"


def test_unreachable_database_exit_3(tmp_path):
    r = run(tmp_path, "export", "customers", tmp_path / "x.xlsx", "--database",
            "postgresql://nobody@127.0.0.1:1/none")
    assert r.returncode == cli.EXIT_DATABASE
    assert r.stderr.startswith("error: Cannot connect to the database PostgreSQL 127.0.0.1:1/none")
    assert "Traceback" not in r.stderr


def test_unknown_schema_revision_is_refused(pg_db, tmp_path, call):
    from sqlalchemy import text
    with pg_db.engine.begin() as c:
        real = c.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        c.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    try:
        code, _out, err = call("export", "customers", tmp_path / "x.xlsx", "--database",
                               pg_db.url)
        assert code == cli.EXIT_DATABASE and "newer Qianli" in err
    finally:
        with pg_db.engine.begin() as c:
            c.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": real})


def test_import_error_paths(tmp_path, call):
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    code, _out, err = call("import", "customers", good_file(tmp_path), "--database", url)
    assert code == cli.EXIT_ERROR and "has no administrator" in err
    assert call("user", "add", "a", "--name", "A", "--role", "admin", "--password-stdin",
                "--database", url, stdin="secret123\n")[0] == 0
    code, _out, err = call("import", "customers", tmp_path / "nope.xlsx", "--database", url)
    assert code == cli.EXIT_ERROR and "File not found" in err
    code, _out, err = call("import", "customers", good_file(tmp_path), "--database", url,
                           "--as", "ghost")
    assert code == cli.EXIT_ERROR and "No user 'ghost'" in err
    wb = openpyxl.Workbook()
    wb.save(tmp_path / "empty.xlsx")
    code, _out, err = call("import", "customers", tmp_path / "empty.xlsx", "--database", url)
    assert code == cli.EXIT_ERROR and "empty" in err
    code, out, _err = call("import", "customers", bad_file(tmp_path), "--database", url,
                           "--dry-run")
    assert code == cli.EXIT_ERROR and "Dry run: nothing imported." in out
    code, _out, err = call("export", "customers", tmp_path / "x.csv", "--database", url)
    assert code == cli.EXIT_ERROR and "export files are .xlsx" in err
    code, _out, err = call("db", "current", "--database", "mysql://x@y/z")
    assert code == cli.EXIT_USAGE
    (tmp_path / "a-file").write_text("x")
    code, _out, err = call("export", "customers", tmp_path / "a-file" / "x.xlsx",
                           "--database", url)
    assert code == cli.EXIT_ERROR and err.startswith("error: ") and "Traceback" not in err


def test_rotating_log_file(tmp_path):
    import logging
    from app import logging_setup
    path = logging_setup.setup_logging()
    assert path == tmp_path / "logs" / "qianli.log"          # the user log dir (conftest)
    assert logging_setup.setup_logging() == path              # idempotent
    handlers = [h for h in logging.getLogger().handlers
                if getattr(h, "baseFilename", None) == str(path)]
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (2 * 1024 * 1024, 5)
    logging.getLogger("qianli.test").warning("客户导入 written to the log")
    handlers[0].flush()
    assert "客户导入 written to the log" in path.read_text(encoding="utf-8")
