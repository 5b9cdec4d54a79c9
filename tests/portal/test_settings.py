"""Production settings: safe by default, and they refuse to run half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-" + "x" * 20,
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "portal.example.com",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
    "MFA_ENCRYPTION_KEY": "ZmDfcTF7_60GrrY167zsiPd67pEvs0aGOv2oasOM1Pg=",
}


def manage(*args, env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "CACHE_URL", "MFA_ENCRYPTION_KEY"]
)
def test_production_refuses_to_start_without_a_required_setting(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.parametrize("cache", ["locmemcache://", "dummycache://"])
def test_production_refuses_a_cache_each_process_keeps_to_itself(cache):
    # Rate limits counted per process would multiply by the number of processes.
    result = manage("check", env={**PRODUCTION, "CACHE_URL": cache})
    assert result.returncode != 0
    assert "CACHE_URL must name a cache every web process shares" in result.stderr


def test_production_refuses_a_malformed_encryption_key():
    result = manage("check", env={**PRODUCTION, "MFA_ENCRYPTION_KEY": "not-a-key"})
    assert result.returncode != 0
    assert "MFA_ENCRYPTION_KEY" in result.stderr


def test_pages_carry_a_strict_content_security_policy(client, db):
    response = client.get("/en/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
