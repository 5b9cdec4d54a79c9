"""A lesson page served by gunicorn (2 workers), with wrk on loopback at 8 concurrent clients.
Target: p95 under 50 ms, for a reader who is signed out and for a signed-in borrower.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \
        .venv/bin/python bench/lesson_bench.py
"""

import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
# The session made here must be readable by the server: same key for both.
os.environ["SECRET_KEY"] = "bench-" + "x" * 60
PORT = int(os.environ.get("BENCH_PORT", "8124"))
from bench.served import ensure_database, gunicorn, p95, wait_for, wrk  # noqa: E402

DURATION = os.environ.get("BENCH_DURATION", "20s")
PATH = "/zh-hans/lessons/when-a-payment-is-late/"
TARGET_MS = 50


def prepare() -> str:
    """Migrate, load the demo lessons, and sign a borrower in: their session key."""
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from portal.accounts.models import User
    from repayment.models import Borrower

    call_command("migrate", verbosity=0)
    call_command("load_demo_lessons", verbosity=0)
    user, _ = User.objects.get_or_create(
        username="lesson-bench", defaults={"email": "lesson-bench@example.com"}
    )
    Borrower.objects.get_or_create(
        external_id="lesson-bench",
        defaults={
            "full_name": "Bench Reader",
            "user": user,
            "date_of_birth": dt.date(1980, 1, 1),
            "preferred_language": "zh-hans",
        },
    )
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def main() -> int:
    ensure_database(os.environ["DATABASE_URL"])
    session_key = prepare()
    with gunicorn(port=PORT) as site:
        url = site + PATH
        wait_for(url, cookie=None, expect="晚还款".encode())
        failed = False
        for label, cookie in (
            ("signed out", None),
            ("signed-in borrower", f"sessionid={session_key}"),
        ):
            wrk(url, "5s", cookie)  # warm-up: both workers fill their caches
            output = wrk(url, DURATION, cookie)
            print(f"lesson page {PATH}, {label}, gunicorn 2 workers, wrk 8 connections")
            print(output)
            failed = failed or p95(output) >= TARGET_MS
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
