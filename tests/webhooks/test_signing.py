"""A lender's developer can check that a request came from us, unchanged and recently."""

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portal.webhooks import signing
from portal.webhooks.signing import SignatureError, sign, verify

DOCS = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
NOW = 1_750_000_000
secrets_ = st.text(min_size=1, max_size=80)
bodies = st.binary(max_size=2000)


@given(secret=secrets_, body=bodies)
def test_any_body_signed_with_any_secret_verifies(secret, body):
    assert verify(secret, sign(secret, body, NOW), body, now=NOW) == NOW


@given(secret=secrets_, body=bodies, data=st.data())
def test_any_change_to_the_body_fails(secret, body, data):
    header = sign(secret, body, NOW)
    changed = data.draw(bodies.filter(lambda other: other != body))
    with pytest.raises(SignatureError):
        verify(secret, header, changed, now=NOW)


@given(secret=secrets_, other=secrets_, body=bodies)
def test_another_secret_fails(secret, other, body):
    if other == secret:
        return
    with pytest.raises(SignatureError):
        verify(other, sign(secret, body, NOW), body, now=NOW)


def test_a_changed_timestamp_fails_even_when_recent():
    header = sign("s3cret", b"{}", NOW)
    moved = header.replace(f"t={NOW}", f"t={NOW + 1}")
    with pytest.raises(SignatureError):
        verify("s3cret", moved, b"{}", now=NOW)


@pytest.mark.parametrize("age", [301, -301, 86_400])
def test_a_request_older_or_newer_than_the_tolerance_is_refused(age):
    header = sign("s3cret", b"{}", NOW - age)
    with pytest.raises(SignatureError, match="tolerance"):
        verify("s3cret", header, b"{}", now=NOW, tolerance=300)


def test_a_request_within_the_tolerance_passes():
    assert verify("s3cret", sign("s3cret", b"{}", NOW - 299), b"{}", now=NOW) == NOW - 299


@pytest.mark.parametrize(
    "header",
    ["", "garbage", f"t={NOW}", "v1=abc", f"t=soon,v1={'0' * 64}", f"t={NOW},v0={'0' * 64}"],
)
def test_a_malformed_header_is_refused(header):
    with pytest.raises(SignatureError):
        verify("s3cret", header, b"{}", now=NOW)


def test_any_of_several_signatures_will_do():
    good = sign("s3cret", b"{}", NOW)
    header = f"t={NOW},v1={'0' * 64},{good.split(',')[1]}"
    assert verify("s3cret", header, b"{}", now=NOW) == NOW


def test_the_header_has_the_documented_shape():
    header = sign("s3cret", b'{"a":1}', NOW)
    assert re.fullmatch(rf"t={NOW},v1=[0-9a-f]{{64}}", header)
    assert signing.HEADER == "Portal-Signature"


def test_the_receiver_code_in_the_docs_accepts_our_signature_and_refuses_a_tampered_body():
    """The snippet a lender's developer copies must agree with what we send."""
    code = re.search(r"```python\n(.*?)```", DOCS.read_text(), re.S).group(1)
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 (our own documentation)
    check = namespace["verify_portal_signature"]
    body = b'{"data":{},"id":"plan.accepted:1","topic":"plan.accepted"}'
    header = sign("whsec_abc", body, NOW)
    assert check("whsec_abc", header, body, now=NOW) is True
    assert check("whsec_abc", header, body.replace(b"1", b"2"), now=NOW) is False
    assert check("whsec_abc", header, body, now=NOW + 301) is False
