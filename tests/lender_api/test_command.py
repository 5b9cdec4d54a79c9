"""manage.py lender_key: staff make a key (printed once), list keys, revoke one."""

import io

import pytest
from django.core.management import CommandError, call_command

from portal.lender_api.models import LenderKey

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("lender_key", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_prints_a_working_key_once(lender, client_for):
    out, err = run(
        "create", "--lender", lender.name, "--name", "core", "--scopes", "plans:read,ledger:write"
    )
    plaintext = out.strip()
    key = LenderKey.objects.get()
    assert plaintext.startswith(f"lk_{key.prefix}_")
    assert key.prefix in err and "cannot be shown again" in err
    assert (key.lender, key.name, key.scopes) == (lender, "core", ["ledger:write", "plans:read"])
    assert client_for(plaintext).get("plans/").status_code == 200
    listed, _err = run("list")
    assert plaintext not in listed and key.digest not in listed


def test_create_by_lender_id(lender):
    run("create", "--lender", str(lender.pk), "--name", "core", "--scopes", "plans:read")
    assert LenderKey.objects.get().lender == lender


@pytest.mark.parametrize(
    "args, message",
    [
        (["--lender", "Nobody", "--scopes", "plans:read"], "No lender Nobody."),
        (["--scopes", "plans:write"], "Unknown scope: plans:write"),
        (["--scopes", ","], "Unknown scope"),
    ],
)
def test_create_refuses_bad_input(lender, args, message):
    full = {
        "--lender": lender.name,
        "--name": "core",
        **dict(zip(args[::2], args[1::2], strict=True)),
    }
    with pytest.raises(CommandError, match=message):
        run("create", *[part for pair in full.items() for part in pair])
    assert not LenderKey.objects.exists()


def test_list_shows_each_key_and_its_state(make_key):
    live, gone = make_key(), make_key(scopes=["plans:read"])
    run("revoke", gone.key.prefix)
    out, _err = run("list")
    lines = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}
    assert lines[live.key.prefix][4] == "active"
    assert lines[gone.key.prefix][3] == "plans:read"
    assert lines[gone.key.prefix][4].startswith("revoked ")


def test_revoke_stops_the_key(key, api):
    assert api.get("plans/").status_code == 200
    out, _err = run("revoke", key.key.prefix)
    assert out.strip() == f"Key {key.key.prefix} revoked."
    assert api.get("plans/").status_code == 401
    again, _err = run("revoke", key.key.prefix)
    assert "already revoked" in again


def test_revoke_unknown_prefix(db):
    with pytest.raises(CommandError, match="No key with prefix deadbeef"):
        run("revoke", "deadbeef")
