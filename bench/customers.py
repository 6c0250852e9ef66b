"""Customer benchmark: search, keyset pages, the 360° view, first paint, memory.

    python -m bench.customers --rows 1000000 --db sqlite
    python -m bench.customers --rows 1000000 --db postgresql [--url postgresql://...]
    python -m bench.customers --rows 1000000 --db sqlite --reuse    # measure again only

Generation runs in a child process (so the peak RSS reported is the measuring client's,
not the generator's) and is skipped with ``--reuse`` when the database already holds the
same rows from the same seed. Prints a table and writes bench/results/customers-<db>.json.
"""
from __future__ import annotations

import argparse
import subprocess
import sys

from bench.common import DATA_DIR

DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/qianli_bench"


def default_url(kind: str, rows: int) -> str:
    if kind == "sqlite":
        return f"sqlite:///{DATA_DIR / f'customers-{rows}.sqlite3'}"
    return DEFAULT_PG_URL


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.customers", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=1_000_000, help="customers to generate")
    p.add_argument("--db", choices=("sqlite", "postgresql"), required=True)
    p.add_argument("--url", help="database URL (default: bench/data/customers-ROWS.sqlite3 "
                                 f"or {DEFAULT_PG_URL})")
    p.add_argument("--seed", type=int, default=20261123)
    p.add_argument("--reuse", action="store_true",
                   help="reuse the database when it already holds this data set")
    p.add_argument("--queries", type=int, default=50,
                   help="fragments per search class (4 classes; default 50 = 200 in all)")
    p.add_argument("--generate-only", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    url = args.url or default_url(args.db, args.rows)
    if args.generate_only:
        from bench.customer_load import generate
        generate(args.db, url, args.rows, args.seed)
        return 0
    from app.db import Database
    from bench.customer_load import DATA_FORMAT, read_marker
    need = True
    if args.reuse:
        db = Database(url)
        marker = read_marker(db)
        db.dispose()
        need = marker != {"rows": args.rows, "seed": args.seed, "format": DATA_FORMAT}
        if need:
            print(f"--reuse: {url} does not hold this data set ({marker}); generating it")
    if need:
        cmd = [sys.executable, "-m", "bench.customers", "--generate-only", "--db", args.db,
               "--rows", str(args.rows), "--seed", str(args.seed), "--url", url]
        subprocess.run(cmd, check=True)
    from bench.customer_measure import measure
    return measure(args.db, url, args.rows, args.seed, args.queries)


if __name__ == "__main__":
    sys.exit(main())
