"""`make demo` prints a lender API key that works; the one printed before stops working."""

import io
import re

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def _printed_key() -> str:
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return re.search(r"Authorization: Bearer (\S+)", out.getvalue()).group(1)


def _plans(key: str) -> int:
    return APIClient().get("/api/lender/v1/plans/", HTTP_AUTHORIZATION=f"Bearer {key}").status_code


def test_the_demo_prints_a_working_lender_key_and_retires_the_last_one():
    first = _printed_key()
    assert _plans(first) == 200

    second = _printed_key()

    assert _plans(second) == 200
    assert _plans(first) == 401
