"""Where a management command's database time goes: every SQL statement it runs, timed and
summed by its shape (the text with a run of placeholders folded into one), the largest first.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_sim \\
        .venv/bin/python bench/sql_by_statement.py simulate_contacts --borrowers 10000 --days 90

Prints the command's own output, then the total time, the time waiting on SQL and the 25
largest statement shapes (calls, milliseconds each, seconds in all). For the Python side run
the same under ``py-spy record``; docs/benchmarks.md says what both found in the contact
simulation.
"""

from __future__ import annotations

import re
import sys
import time
from collections import defaultdict

import boot  # noqa: F401  (the project, its database, Django)
from django.core.management import call_command
from django.db import connection

PLACEHOLDERS = re.compile(r"(%s, )+%s")
SHOWN = 25


def main(argv: list[str]) -> int:
    spent: dict[str, list] = defaultdict(lambda: [0, 0.0])

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            shape = spent[PLACEHOLDERS.sub("%s...", sql)]
            shape[0] += 1
            shape[1] += time.perf_counter() - started

    started = time.perf_counter()
    with connection.execute_wrapper(timed):
        call_command(*argv)
    total = time.perf_counter() - started
    calls = sum(n for n, _ in spent.values())
    waiting = sum(seconds for _, seconds in spent.values())
    print(f"\n{total:.1f} s in all, {waiting:.1f} s waiting on {calls} SQL statements")
    largest = sorted(spent.items(), key=lambda item: -item[1][1])[:SHOWN]
    for sql, (n, seconds) in largest:
        print(f"{seconds:8.1f} s {n:7d} × {1000 * seconds / n:7.2f} ms  {sql[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
