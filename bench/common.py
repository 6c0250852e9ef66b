"""Helpers every benchmark shares: timing, percentiles, result rows, the table, the JSON.

A result row is the shape ARCHITECTURE.md fixes:
``{"metric", "db", "n", "p50_ms", "p95_ms", "value", "unit", "target", "baseline", "ratio"}``;
fields that do not apply are ``None``."""
from __future__ import annotations

import json
import math
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterable

RESULTS_DIR = Path(__file__).resolve().parent / "results"
DATA_DIR = Path(__file__).resolve().parent / "data"


def percentile(values: Iterable[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sample."""
    xs = sorted(values)
    if not xs:
        raise ValueError("percentile of an empty sample")
    rank = max(1, math.ceil(q / 100 * len(xs)))
    return xs[rank - 1]


def time_ms(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Wall time of one call in milliseconds, and its result."""
    t0 = time.perf_counter()
    result = fn()
    return (time.perf_counter() - t0) * 1000.0, result


def timings(fn: Callable[[Any], Any], items: Iterable[Any]) -> list[float]:
    return [time_ms(lambda it=it: fn(it))[0] for it in items]


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def row(metric: str, db: str, n: int, *, samples: list[float] | None = None,
        value: float | None = None, unit: str = "ms", target: float | None = None,
        baseline: float | None = None, ratio: float | None = None,
        **extra: Any) -> dict[str, Any]:
    """One result row. With ``samples`` (milliseconds) p50/p95 are filled in; ``baseline``
    is compared with p95 (or ``value``) to fill ``ratio`` unless given."""
    p50 = p95 = None
    if samples:
        p50, p95 = round(percentile(samples, 50), 3), round(percentile(samples, 95), 3)
    measured = p95 if p95 is not None else value
    if ratio is None and baseline is not None and measured:
        ratio = baseline / measured
    out = {"metric": metric, "db": db, "n": n, "p50_ms": p50, "p95_ms": p95,
           "value": None if value is None else round(value, 3), "unit": unit,
           "target": target, "baseline": None if baseline is None else round(baseline, 3),
           "ratio": None if ratio is None else round(ratio, 1)}
    out.update(extra)
    return out


def meets(r: dict[str, Any]) -> str:
    """'ok' / 'MISS' / '' for a row, judging p95 (or value) against target — or p50 when
    the row says ``"judge": "p50"`` (an issue that sets its target on the median)."""
    if r.get("target") is None:
        return ""
    key = "p50_ms" if r.get("judge") == "p50" else "p95_ms"
    measured = r[key] if r[key] is not None else r["value"]
    return "ok" if measured is not None and measured <= r["target"] else "MISS"


def format_table(rows: list[dict[str, Any]]) -> str:
    def f(v, digits=1):
        if v is None:
            return ""
        if isinstance(v, float):
            return f"{v:,.{digits}f}"
        return f"{v:,}" if isinstance(v, int) else str(v)

    header = ["metric", "db", "n", "p50 ms", "p95 ms", "value", "unit", "target",
              "baseline", "ratio", ""]
    body = [[r["metric"], r["db"], f(r["n"]), f(r["p50_ms"]), f(r["p95_ms"]), f(r["value"]),
             r["unit"] or "", f(r["target"], 0), f(r["baseline"]), f(r["ratio"]), meets(r)]
            for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *body)]
    lines = [" | ".join(str(x).ljust(w) for x, w in zip(header, widths)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(str(x).ljust(w) for x, w in zip(line, widths)) for line in body]
    return "\n".join(lines)


def markdown_table(rows: list[dict[str, Any]]) -> str:
    text = format_table(rows).splitlines()
    head = "| " + " | ".join(c.strip() for c in text[0].split(" | ")) + " |"
    sep = "|" + "|".join("---" for _ in text[0].split(" | ")) + "|"
    body = ["| " + " | ".join(c.strip() for c in line.split(" | ")) + " |" for line in text[2:]]
    return "\n".join([head, sep, *body])


def write_results(name: str, db: str, rows: list[dict[str, Any]]) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}-{db}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
