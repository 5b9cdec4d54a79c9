"""Benchmark: one day of a lender's book on PostgreSQL: the lender's daily batch through
``import_loans``, servicing, the position refresh, the reminder planner, and sending, each
timed with its rows a second and its peak memory. See docs/benchmarks.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_day \\
        .venv/bin/python bench/day_bench.py [--loans 1000000] [--rebuild-template]

The book (``bench/day/book.py``: ``--loans`` serviced monthly loans, about 10.5 ledger entries
each) is built once into a template database, ``<name>_tpl_<loans>`` beside the one
DATABASE_URL names, and rebuilt by itself only when a migration is added or the code that
decides what it holds changes (``BOOK_CODE``). Each run clones it into ``<name>_run_<loans>``,
so every run starts from the same evening before the bench day; the run database is dropped
at the end (``--keep-run`` keeps it). The bench day is the day the template was built, at
10:30 UTC: each step runs with the clock set there. The steps run in the daily run's order
(servicing, positions, planning; ``portal/daily_run/steps.py``), after the batch and before
sending.

Each step runs in its own process, so the peak memory shown is that step's (the process's
maximum resident set, from ``wait4``; the database server's memory is not in it). The batch
has ``loans / 10`` entries (100,000 at a million loans), and sending sends up to as many
messages, to the file back-ends (SMS as JSON lines, e-mail as files) in a temporary folder.

Targets at a million loans (2 cores): servicing under 5 minutes, planning under 2 minutes,
sending at 500 messages a second or more, the day under 15 minutes, every step under 4 GB.
The command exits non-zero when one is missed at a million loans or more; at smaller books it
prints the time targets scaled to the book's size, as a guide only.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
MILLION = 1_000_000
DAY_STEPS = ("import", "servicing", "positions", "planning", "sending")
# Targets at a million loans: seconds for a step (or the day), messages a second, megabytes.
LIMITS = {"servicing": 300.0, "planning": 120.0, "day": 900.0}
SEND_RATE = 500.0
MEMORY_MB = 4096.0


# --- the parent: databases, child processes, the table -------------------------------------


def admin(url: str):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)


# The code that decides what the template holds: its entries, kept positions and the day
# before's messages. Another change that does (a rare one) needs --rebuild-template.
BOOK_CODE = (
    "bench/day",
    "repayment/ledger",
    "repayment/servicing",
    "repayment/position_table",
    "repayment/position.py",
    "repayment/statements/circumstances.py",
    "portal/notifications/outbox",
)


def fingerprint() -> str:
    """What the template depends on: the project's migrations (their names) and the code that
    decides what it holds."""
    digest = hashlib.sha256()
    names, code = [], []
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in {".venv", ".git", "node_modules", "staticfiles"}]
        here = Path(folder)
        if here.name == "migrations":
            names += [str(here.relative_to(ROOT) / f) for f in files if f.endswith(".py")]
        code += [
            here / f
            for f in files
            if f.endswith(".py")
            and any((here / f).is_relative_to(ROOT / part) for part in BOOK_CODE)
        ]
    for name in sorted(names):
        digest.update(name.encode())
    for path in sorted(code):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template_note(conn, name: str) -> dict | None:
    row = conn.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
        [name],
    ).fetchone()
    if row is None:
        return None
    try:
        return json.loads(row[0] or "")
    except ValueError:
        return {}


def drop(conn, name: str) -> None:
    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def child_env(url: str, folder: Path) -> dict:
    """Production settings (DEBUG off: no query log growing in memory), the file back-ends."""
    key = base64.urlsafe_b64encode(hashlib.sha256(b"day bench").digest()).decode()
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "False",
        "SECRET_KEY": "day-bench",
        "ALLOWED_HOSTS": "localhost",
        "MFA_ENCRYPTION_KEY": key,
        "CACHE_URL": os.environ.get("BENCH_DAY_CACHE_URL", "redis://127.0.0.1:6379/0"),
        "SMS_BACKEND": "portal.notifications.channels.sms.FileBackend",
        "SMS_FILE_PATH": str(folder / "sms.jsonl"),
        "EMAIL_URL": f"filemail://{folder / 'mail'}",
    }


def run_child(step: str, env: dict, folder: Path, extra: list[str]) -> dict:
    result = folder / f"{step}.json"
    command = [sys.executable, __file__, "--step", step, "--result", str(result), *extra]
    process = subprocess.Popen(command, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"step {step} failed (exit {process.returncode})")
    outcome = json.loads(result.read_text())
    outcome["peak_mb"] = usage.ru_maxrss / 1024  # Linux: kilobytes
    return outcome


def ensure_template(conn, url: str, template: str, loans: int, force: bool, folder: Path) -> str:
    """The template's bench day, building it first if it is missing or out of date."""
    want = fingerprint()
    note = template_note(conn, template)
    if note and note.get("fingerprint") == want and not force:
        return note["day"]
    day = dt.datetime.now(dt.UTC).date()
    why = "asked" if force else "missing" if note is None else "out of date"
    print(f"building template {template} ({why}): {loans} loans, bench day {day}", flush=True)
    drop(conn, template)
    conn.execute(f'CREATE DATABASE "{template}"')
    started = time.perf_counter()
    env = child_env(database_url(url, template), folder)
    outcome = run_child("build", env, folder, ["--loans", str(loans), "--day", day.isoformat()])
    seconds = time.perf_counter() - started
    print(
        f"built in {seconds:.0f} s ({outcome['details']}), peak {outcome['peak_mb']:.0f} MB",
        flush=True,
    )
    note = {"fingerprint": want, "day": day.isoformat(), "loans": loans, "build_s": round(seconds)}
    conn.execute(f"COMMENT ON DATABASE \"{template}\" IS '{json.dumps(note)}'")
    return note["day"]


def database_url(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def verdicts(loans: int, rows: dict[str, dict], day_seconds: float) -> list[tuple[str, bool]]:
    scale = loans / MILLION
    checks = []
    for step, limit in LIMITS.items():
        seconds = day_seconds if step == "day" else rows[step]["seconds"]
        checks.append((f"{step} under {limit * scale:.0f} s", seconds < limit * scale))
    sending = rows["sending"]
    rate = sending["rows"] / sending["seconds"] if sending["seconds"] else 0.0
    checks.append((f"sending at {SEND_RATE:.0f}/s or more", rate >= SEND_RATE))
    peak = max(row["peak_mb"] for row in rows.values())
    checks.append((f"every step under {MEMORY_MB:.0f} MB", peak < MEMORY_MB))
    return checks


def main_parent(options) -> int:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench_day")
    name = urlsplit(url).path.lstrip("/")
    template, run = f"{name}_tpl_{options.loans}", f"{name}_run_{options.loans}"
    with tempfile.TemporaryDirectory(prefix="day-bench-") as tmp, admin(url) as conn:
        folder = Path(tmp)
        (folder / "mail").mkdir()
        day = ensure_template(conn, url, template, options.loans, options.rebuild_template, folder)
        drop(conn, run)
        started = time.perf_counter()
        conn.execute(f'CREATE DATABASE "{run}" TEMPLATE "{template}"')
        cloned = time.perf_counter() - started
        env = child_env(database_url(url, run), folder)
        if options.claim_batch:
            env["NOTIFICATIONS_CLAIM_BATCH"] = str(options.claim_batch)
        entries = options.loans // 10
        batch = folder / "batch.csv"
        common = ["--day", day, "--loans", str(options.loans)]
        common += ["--batch", str(batch), "--entries", str(entries), "--messages", str(entries)]
        load_before = os.getloadavg()
        print(
            f"day bench: {options.loans} loans, bench day {day}, template {template}, "
            f"cloned into {run} in {cloned:.1f} s; load average {load_before[0]:.2f}",
            flush=True,
        )
        run_child("batch", env, folder, common)
        rows = {}
        try:
            for step in DAY_STEPS:
                rows[step] = run_child(step, env, folder, common)
                row = rows[step]
                print(f"  {step}: {row['seconds']:.1f} s {json.dumps(row['details'])}", flush=True)
        finally:
            if not options.keep_run:
                drop(conn, run)
    day_seconds = sum(row["seconds"] for row in rows.values())
    print()
    print(f"{'step':<11}{'seconds':>9}{'rows':>10}  {'rows are':<12}{'rows/s':>9}{'peak MB':>9}")
    for step, row in rows.items():
        rate = row["rows"] / row["seconds"] if row["seconds"] else 0.0
        print(
            f"{step:<11}{row['seconds']:>9.1f}{row['rows']:>10}  {row['unit']:<12}"
            f"{rate:>9,.0f}{row['peak_mb']:>9.0f}"
        )
    peak = max(row["peak_mb"] for row in rows.values())
    print(f"{'day':<11}{day_seconds:>9.1f}{'':>31}{peak:>9.0f}")
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} CPUs)")
    binding = options.loans >= MILLION
    print("targets" if binding else "targets scaled to the book's size (a guide only):")
    failed = False
    for label, met in verdicts(options.loans, rows, day_seconds):
        print(f"  {'met   ' if met else 'MISSED'} {label}")
        failed |= not met
    return 1 if failed and binding else 0


# --- a child: one step, timed, in its own process ------------------------------------------


def main_child(options) -> int:
    sys.path.insert(0, str(ROOT / "bench"))
    import boot  # noqa: F401  (the project, its database, Django)
    import time_machine

    from bench.day import book

    day = dt.date.fromisoformat(options.day)
    now = book.bench_now(day)
    details: dict = {}
    if options.step == "build":
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        with time_machine.travel(now - dt.timedelta(days=1), tick=True):
            book.build(options.loans, day, say=lambda text: print(text, flush=True))
        rows, unit = options.loans, "loans"
        from repayment.models import LedgerEntry

        details = {"entries": LedgerEntry.objects.count()}
    elif options.step == "batch":
        from bench.day.batch import write_batch

        started = time.perf_counter()
        rows = write_batch(
            Path(options.batch), loans=options.loans, entries=options.entries, day=day
        )
        unit = "entries"
    else:
        from bench.day.steps import STEPS

        with time_machine.travel(now, tick=True):
            started = time.perf_counter()
            rows, unit, details = STEPS[options.step](
                now, batch=Path(options.batch), messages=options.messages
            )
    seconds = time.perf_counter() - started
    Path(options.result).write_text(
        json.dumps({"seconds": seconds, "rows": rows, "unit": unit, "details": details})
    )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loans", type=int, default=MILLION)
    parser.add_argument("--rebuild-template", action="store_true")
    parser.add_argument("--keep-run", action="store_true", help="keep the run database")
    parser.add_argument(
        "--claim-batch",
        type=int,
        help="NOTIFICATIONS_CLAIM_BATCH for the sender (default: the setting's own default)",
    )
    # Between the bench and its child processes.
    parser.add_argument("--step", choices=["build", "batch", *DAY_STEPS], help=argparse.SUPPRESS)
    parser.add_argument("--result", help=argparse.SUPPRESS)
    parser.add_argument("--day", help=argparse.SUPPRESS)
    parser.add_argument("--batch", help=argparse.SUPPRESS)
    parser.add_argument("--entries", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--messages", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    return main_child(options) if options.step else main_parent(options)


if __name__ == "__main__":
    sys.exit(main())
