"""Print engine benchmark: ``python -m bench.printing [--runs N] [--batch N]``.

* a 200-line delivery note (the default 送货单 template, resources/templates/
  delivery_note.zh.xlsx, with the sample data of services/print_samples.py): fill + render
  to PDF, p50/p95 of
  wall time (target p50 ≤ 150 ms) and of CPU time (the machine is shared, so CPU time is the
  steadier number); fill and render also timed alone;
* when LibreOffice is installed, ``soffice --headless --convert-to pdf`` of the same filled
  .xlsx, timed in the same run, with the ratio (aim: ≥ 8× faster);
* 500 delivery notes of 1–20 lines into one batch PDF (target ≤ 60 s).

Prints a table and writes ``bench/results/printing-none.json`` (no database involved).
"""
from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from printing import fill, load_template, render_many, render_pdf
from services.print_fields import field_paths
from services.print_samples import sample_context
from services.print_templates import builtin_path


def delivery_note_context(lines: int, number: str = "DN-2026-000123") -> dict:
    return sample_context("delivery_note", "zh", lines, number=number)

try:  # shared helpers, when the bench package has them
    from bench.common import format_table, percentile, write_results
except ImportError:  # pragma: no cover - standalone fallback
    percentile = format_table = write_results = None  # type: ignore[assignment]

DB = "none"


def _percentile(values: list[float], q: float) -> float:
    if percentile is not None:
        return percentile(values, q)
    xs = sorted(values)
    return xs[max(0, -(-len(xs) * q // 100) - 1)]


def _row(metric: str, n: int, *, samples: list[float] | None = None, value=None,
         unit: str = "ms", target=None, baseline=None, ratio=None, judge=None) -> dict:
    p50 = p95 = None
    if samples:
        p50 = round(_percentile(samples, 50), 2)
        p95 = round(_percentile(samples, 95), 2)
    return {"metric": metric, "db": DB, "n": n, "p50_ms": p50, "p95_ms": p95,
            "value": None if value is None else round(value, 3), "unit": unit,
            "target": target, "baseline": baseline, "ratio": ratio,
            **({"judge": judge} if judge else {})}


def _print_table(rows: list[dict]) -> None:
    if format_table is not None:
        print(format_table(rows))
        return
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))


def _write(rows: list[dict]) -> Path:
    if write_results is not None:
        return write_results("printing", DB, rows)
    path = Path(__file__).resolve().parent / "results" / f"printing-{DB}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def bench_single(template, runs: int, lines: int = 200) -> tuple[list[dict], bytes]:
    ctx = delivery_note_context(lines)
    for _ in range(2):  # warm caches (fonts, compiled formulas) as a running client has them
        render_pdf(fill(template, ctx), io.BytesIO())
    wall, cpu, fill_ms, render_ms = [], [], [], []
    pages = 0
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        wb = fill(template, ctx)
        w1 = time.perf_counter()
        pages = render_pdf(wb, io.BytesIO())
        w2, c2 = time.perf_counter(), time.process_time()
        wall.append((w2 - w0) * 1000)
        cpu.append((c2 - c0) * 1000)
        fill_ms.append((w1 - w0) * 1000)
        render_ms.append((w2 - w1) * 1000)
    filled = io.BytesIO()
    fill(template, ctx).save(filled)
    rows = [
        _row(f"delivery note {lines} lines: fill+render ({pages} pages)", runs, samples=wall,
             target=150, judge="p50"),
        _row(f"delivery note {lines} lines: fill+render, CPU time", runs, samples=cpu,
             target=150, judge="p50"),
        _row(f"delivery note {lines} lines: fill only", runs, samples=fill_ms),
        _row(f"delivery note {lines} lines: render only", runs, samples=render_ms),
    ]
    return rows, filled.getvalue()


def bench_soffice(filled_xlsx: bytes, our_p50: float, runs: int = 3) -> dict:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: conversion not timed, no ratio.")
        return _row("soffice --convert-to pdf, same filled .xlsx (not installed)", 0)
    samples = []
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "note.xlsx"
        src.write_bytes(filled_xlsx)
        profile = Path(tmp) / "profile"
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", "pdf", "--outdir", tmp, str(src)],
                           check=True, capture_output=True, timeout=300)
            samples.append((time.perf_counter() - t0) * 1000)
    p50 = _percentile(samples, 50)
    return _row("soffice --convert-to pdf, same filled .xlsx", runs, samples=samples,
                baseline=round(p50, 2), ratio=round(p50 / our_p50, 1))


def bench_batch(template, notes: int) -> list[dict]:
    items = [(template, delivery_note_context(1 + (i * 7) % 20, number=f"DN-2026-{i:06d}"))
             for i in range(notes)]
    out = io.BytesIO()
    t0, c0 = time.perf_counter(), time.process_time()
    pages = render_many(items, out)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"batch: {notes} notes, {pages} pages, {len(out.getvalue()) / 1e6:.1f} MB, "
          f"{seconds:.1f} s ({cpu:.1f} s CPU)")
    return [_row(f"batch: {notes} delivery notes → one PDF ({pages} pages)", notes,
                 value=seconds, unit="s", target=60),
            _row(f"batch: {notes} delivery notes, CPU time", notes, value=cpu, unit="s",
                 target=60)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args(argv)
    template = load_template(builtin_path("delivery_note", "zh"), field_paths("delivery_note"))
    rows, filled = bench_single(template, args.runs)
    rows.append(bench_soffice(filled, rows[0]["p50_ms"]))
    rows.extend(bench_batch(template, args.batch))
    _print_table(rows)
    print(f"written: {_write(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
