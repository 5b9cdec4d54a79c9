"""What the page benchmarks share: a scratch PostgreSQL database, the site under gunicorn with
production settings (2 workers), and wrk on loopback at 8 connections reporting its p95."""

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8124"))


def ensure_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", name], capture_output=True, check=False
    )


@contextlib.contextmanager
def gunicorn(*, port: int = PORT):
    """The site on ``port`` as production runs it, until the block ends."""
    env = {
        **os.environ,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        # Production refuses a per-process cache: sessions, rate limits and the page caches
        # live in Redis there, and so they do here.
        "CACHE_URL": os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/3"),
        "MFA_ENCRYPTION_KEY": os.environ.get(
            "MFA_ENCRYPTION_KEY", "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg="
        ),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait()


def wait_for(url: str, *, cookie: str | None, expect: bytes) -> None:
    """Until the server answers ``url`` with a page containing ``expect``."""
    headers = {"Cookie": cookie} if cookie else {}
    for _ in range(100):
        try:
            request = urllib.request.Request(url, headers=headers)  # noqa: S310 - loopback
            with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback
                assert response.status == 200 and expect in response.read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def wrk(url: str, duration: str, cookie: str | None = None) -> str:
    command = ["wrk", "-t2", "-c8", f"-d{duration}", "-s", str(ROOT / "bench" / "p95.lua")]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    return subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout


def p95(output: str) -> float:
    return float(next(line for line in output.splitlines() if line.startswith("p95")).split()[1])
