"""Benchmark: 10,000 ledger entries posted through the lender API in 20 batches of 500, over
HTTP to the site under gunicorn (2 workers, production settings), then the same 20 batches
again, which must change nothing. Target: the first pass under 20 s.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_lender \\
        .venv/bin/python bench/lender_api_bench.py [--in-process]

``--in-process`` posts through DRF's test client instead of HTTP (no server, same code path
from the request on). Each run uses fresh lender ids (a run prefix), so it can be repeated on
the same database. Exits non-zero over the target, or if any batch is refused or the second
pass writes anything.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request
from decimal import Decimal

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench_lender")
# Production settings here as in the server (bench.served.gunicorn): no query log, no debug.
os.environ.update(
    DEBUG="false",
    ALLOWED_HOSTS="127.0.0.1",
    SECURE_SSL_REDIRECT="false",
    LOG_LEVEL="WARNING",
)
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 60)
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/3")
os.environ.setdefault("MFA_ENCRYPTION_KEY", "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg=")

import boot  # noqa: F401  (the project, its database, Django)
from import_bench import ENTRIES_PER_LOAN, make_batch

from bench.served import PORT, gunicorn

LIMIT_SECONDS = 20.0
BATCHES = 20
BATCH_SIZE = 500
PATH = "/api/lender/v1/ledger-entries/"


def prepare(prefix: str) -> tuple[str, list[dict]]:
    """A lender with a product, the run's borrowers and loans (imported directly: not timed),
    a key, and the entries cut into batches in the order the lender would send them."""
    from django.core.management import call_command

    from portal.lender_api.keys import LEDGER_WRITE, PLANS_READ, create_key
    from repayment.importing.parse import records_from_batch
    from repayment.importing.service import import_batch
    from repayment.models import Lender, LoanProduct

    call_command("migrate", verbosity=0, interactive=False)
    lender, _ = Lender.objects.get_or_create(
        name="Bench API Finance", defaults={"phone": "+86 400 800 0001"}
    )
    product, _ = LoanProduct.objects.get_or_create(
        code="bench-api-monthly",
        defaults={
            "lender": lender,
            "name": "Bench API monthly loan",
            "currency": "CNY",
            "installment_frequency": "monthly",
            "annual_interest_rate": Decimal("18"),
            "servicing_enabled": False,
        },
    )
    loans = BATCHES * BATCH_SIZE // ENTRIES_PER_LOAN
    batch = make_batch(prefix=prefix, loans=loans, product_code=product.code)
    import_batch(
        records=records_from_batch(
            batch={"borrowers": batch["borrowers"], "loans": batch["loans"]}
        ),
        lender=lender,
    )
    entries = batch["entries"]
    # Each batch holds whole loans, so every reversal follows the entry it cancels.
    bodies = [
        {"entries": entries[start : start + BATCH_SIZE]}
        for start in range(0, len(entries), BATCH_SIZE)
    ]
    key = create_key(lender=lender, name=f"bench {prefix}", scopes=[LEDGER_WRITE, PLANS_READ])
    return key.plaintext, bodies


def http_poster(base: str, plaintext: str):
    headers = {"Authorization": f"Bearer {plaintext}", "Content-Type": "application/json"}

    def post(body: bytes) -> tuple[int, dict]:
        request = urllib.request.Request(  # noqa: S310 - loopback
            base + PATH, data=body, headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    return post


def in_process_poster(plaintext: str):
    from rest_framework.test import APIClient

    client = APIClient(HTTP_AUTHORIZATION=f"Bearer {plaintext}", SERVER_NAME="127.0.0.1")

    def post(body: bytes) -> tuple[int, dict]:
        response = client.post(PATH, data=body, content_type="application/json")
        return response.status_code, response.json()

    return post


def wait_until_up(base: str, plaintext: str) -> None:
    request = urllib.request.Request(  # noqa: S310 - loopback
        base + "/api/lender/v1/plans/", headers={"Authorization": f"Bearer {plaintext}"}
    )
    for _ in range(150):
        try:
            with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not come up")


def run_pass(post, bodies: list[bytes]) -> tuple[list[float], list[dict]]:
    times, results = [], []
    for body in bodies:
        started = time.perf_counter()
        status, result = post(body)
        times.append(time.perf_counter() - started)
        if status != 200:
            raise SystemExit(f"FAIL: a batch was answered {status}: {json.dumps(result)[:500]}")
        results.append(result)
    return times, results


def report(label: str, times: list[float], results: list[dict]) -> None:
    created = sum(r["entries_created"] for r in results)
    skipped = sum(r["entries_skipped"] for r in results)
    print(
        f"{label}: {sum(times):6.2f} s total, per batch median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s; entries created {created}, already there {skipped}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--in-process", action="store_true")
    options = parser.parse_args()

    from django.db import connection

    from repayment.models import LedgerEntry

    prefix = f"A{int(time.time())}"
    plaintext, batches = prepare(prefix)
    bodies = [json.dumps(body).encode() for body in batches]
    before = LedgerEntry.objects.count()

    if options.in_process:
        post = in_process_poster(plaintext)
        first, first_results = run_pass(post, bodies)
        second, second_results = run_pass(post, bodies)
        transport = "in process (DRF test client)"
    else:
        with gunicorn(port=PORT) as base:
            wait_until_up(base, plaintext)
            post = http_poster(base, plaintext)
            first, first_results = run_pass(post, bodies)
            second, second_results = run_pass(post, bodies)
        transport = "HTTP to gunicorn, 2 workers, one client"
    added = LedgerEntry.objects.count() - before

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    size_kb = statistics.mean(len(body) for body in bodies) / 1024
    print(f"database:   {connection.vendor} {server} {connection.settings_dict['NAME']}")
    print(f"machine:    {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    print(
        f"run {prefix}: {len(bodies)} batches of {BATCH_SIZE} entries ({size_kb:.0f} KB of "
        f"JSON each), {transport}"
    )
    report("first pass ", first, first_results)
    report("second pass", second, second_results)
    failed = False
    total = sum(r["entries_created"] for r in first_results)
    if added != total or total != len(bodies) * BATCH_SIZE:
        print(f"FAIL: expected {len(bodies) * BATCH_SIZE} entries, {added} were written")
        failed = True
    if any(r["changed"] for r in second_results):
        print("FAIL: sending the batches again changed something")
        failed = True
    if sum(first) >= LIMIT_SECONDS:
        print(f"FAIL: over the {LIMIT_SECONDS:.0f} s target")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
