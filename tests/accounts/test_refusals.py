"""A login sent to a tool its role does not open gets a page saying so, in its language, with
the way back: no redirect between two sign-in pages, no pile of messages."""

import pytest
from django.contrib.messages import get_messages

from tests import factories
from tests.support.staff import signed_in, staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "tool", "back"),
    [
        ("agent", "/cms/", "/en/support/"),
        ("agent", "/cms/pages/", "/en/support/"),
        ("reviewer", "/en/support/", "/en/support/audit/"),
        ("agent", "/en/support/audit/", "/en/support/"),
        ("agent", "/django-admin/", "/en/support/"),
    ],
)
def test_a_tool_of_another_role_is_refused_with_the_way_back(client, role, tool, back):
    signed_in(client, staff_user(role))

    response = client.get(tool)

    assert response.status_code == 403
    assert "This page is not open to your account" in response.text
    assert f'href="{back}"' in response.text
    assert list(get_messages(response.wsgi_request)) == []


def test_a_borrower_sent_to_the_cms_is_refused_with_the_way_home(client):
    borrower = factories.BorrowerFactory(user=factories.UserFactory())
    client.force_login(borrower.user)

    response = client.get("/cms/")

    assert response.status_code == 403
    assert 'href="/en/my/"' in response.text


def test_the_refusal_speaks_the_readers_language(client):
    signed_in(client, staff_user("agent"))

    response = client.get("/cms/", headers={"accept-language": "zh-hans"})

    assert response.status_code == 403
    assert 'lang="zh-hans"' in response.text
    assert "此页面不对您的账户开放" in response.text
