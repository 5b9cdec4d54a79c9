#!/usr/bin/env bash
# Benchmarks on PostgreSQL; results and the machine they ran on go in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get install -y -qq wrk || { echo "wrk is needed (apt-get install wrk)" >&2; exit 1; }; }
export BENCH_DB="${BENCH_DB:-postgres://postgres@127.0.0.1:5432/portal_bench}"
DATABASE_URL="$BENCH_DB" .venv/bin/python bench/statement_bench.py
DATABASE_URL="$BENCH_DB" .venv/bin/python bench/lesson_bench.py
DATABASE_URL="${BENCH_IMPORT_DB:-postgres://postgres@127.0.0.1:5432/portal_bench_import}" .venv/bin/python bench/import_bench.py
DATABASE_URL="${BENCH_REMINDERS_DB:-postgres://postgres@127.0.0.1:5432/portal_bench_reminders}" .venv/bin/python bench/reminder_bench.py
DATABASE_URL="${BENCH_SERVICING_DB:-postgres://postgres@127.0.0.1:5432/portal_bench_servicing}" .venv/bin/python bench/servicing_bench.py
DATABASE_URL="${BENCH_SEARCH_DB:-postgres://postgres@127.0.0.1:5432/portal_bench_search}" .venv/bin/python bench/support_search_bench.py
DATABASE_URL="${BENCH_LENDER_DB:-postgres://postgres@127.0.0.1:5432/portal_bench_lender}" .venv/bin/python bench/lender_api_bench.py
# A day of a 100,000-loan book (the million-loan run: docs/benchmarks.md); its template is kept.
DATABASE_URL="${BENCH_DAY_DB:-postgres://postgres@127.0.0.1:5432/portal_bench_day}" .venv/bin/python bench/day_bench.py --loans 100000
# The contact simulation writes its own book: a fresh database each time.
SIM_DB="${BENCH_SIM_DB:-portal_bench_sim}"
dropdb -h 127.0.0.1 -U postgres --if-exists "$SIM_DB" && createdb -h 127.0.0.1 -U postgres "$SIM_DB"
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$SIM_DB"
.venv/bin/python manage.py migrate -v0
/usr/bin/time -f "simulate_contacts: %e s wall, %M KB max RSS" \
    .venv/bin/python manage.py simulate_contacts --borrowers 10000 --days 90
