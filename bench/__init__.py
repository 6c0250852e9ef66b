"""Benchmarks (not tests): ``python -m bench.<name>``. Each prints a table and writes
``bench/results/<name>-<db>.json`` (see ARCHITECTURE.md, Testing)."""
