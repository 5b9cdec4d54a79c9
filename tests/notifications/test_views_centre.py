"""The message centre: the borrower's own in-portal messages, newest first, unread ones marked in
words; opening one marks it read; the home page counts the unread ones in one query."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.notifications.models import OutboundMessage, Status
from tests.factories import UserFactory

from .views_helpers import borrower, message

pytestmark = pytest.mark.django_db

CENTRE = "/en/my/messages/"
HOME = "/en/my/"


@pytest.fixture
def person(client):
    person = borrower()
    client.force_login(person.user)
    return person


def detail(pk, language="en"):
    return f"/{language}/my/messages/{pk}/"


def test_the_urls(person):
    assert reverse("message_centre") == CENTRE
    assert reverse("message_detail", args=[7]) == detail(7)


def test_the_centre_lists_only_the_borrowers_sent_in_portal_messages_newest_first(client, person):
    now = timezone.now()
    message(person, subject="Older reminder", sent_at=now - dt.timedelta(days=3))
    message(
        person,
        subject="Payment received",
        body="\n\nThank you: we have your payment of CN¥550.00.\nSecond line.",
        sent_at=now - dt.timedelta(days=1),
        read_at=now,
    )
    message(person, subject="As an e-mail", channel="email")
    message(person, subject="Not sent yet", status=Status.PLANNED)
    message(borrower(), subject="Someone else's message")

    page = client.get(CENTRE).text
    assert page.index("Payment received") < page.index("Older reminder")
    for hidden in ("As an e-mail", "Not sent yet", "Someone else"):
        assert hidden not in page
    # The first line with words on it previews the message; the rest waits for the message.
    assert "Thank you: we have your payment of CN¥550.00." in page
    assert "Second line." not in page
    assert "You have 1 unread message." in page
    # Unread is said in words, once, next to the unread message.
    assert page.count(">Unread<") == 1
    assert page.index(">Unread<") > page.index("Payment received")


def test_opening_a_message_shows_all_of_it_and_marks_it_read(client, person):
    unread = message(person, body="Hello,\nyour next payment is due on 10 June.\n\nThank you.")
    page = client.get(detail(unread.pk)).text
    assert "Hello,<br>your next payment is due on 10 June.</p>" in page
    assert "<p>Thank you.</p>" in page
    unread.refresh_from_db()
    assert unread.read_at is not None
    first_read = unread.read_at
    client.get(detail(unread.pk))
    unread.refresh_from_db()
    assert unread.read_at == first_read
    assert "You have read all your messages." in client.get(CENTRE).text


@pytest.mark.parametrize(
    "other",
    [
        lambda person: message(borrower(), subject="Someone else's"),
        lambda person: message(person, channel="email"),
        lambda person: message(person, status=Status.PLANNED),
    ],
    ids=["another-borrower", "e-mail", "not-sent"],
)
def test_a_message_that_is_not_in_the_borrowers_centre_is_404_and_stays_unread(
    client, person, other
):
    hidden = other(person)
    assert client.get(detail(hidden.pk)).status_code == 404
    hidden.refresh_from_db()
    assert hidden.read_at is None


def test_mark_all_as_read_reads_only_the_borrowers_own(client, person):
    mine = [message(person) for _ in range(3)]
    theirs = message(borrower())
    assert "Mark all as read" in client.get(CENTRE).text
    response = client.post(reverse("message_mark_all_read"), follow=True)
    assert response.redirect_chain == [(CENTRE, 302)]
    assert "All your messages are marked as read." in response.text
    assert "Mark all as read" not in response.text
    assert all(m.read_at for m in OutboundMessage.objects.filter(pk__in=[m.pk for m in mine]))
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert client.get(reverse("message_mark_all_read")).status_code == 405


def test_the_centre_pages_through_many_messages(client, person):
    start = timezone.now() - dt.timedelta(days=30)
    for n in range(25):
        message(person, subject=f"Message number {n:02d}", sent_at=start + dt.timedelta(hours=n))
    first = client.get(CENTRE).text
    assert "Message number 24" in first and "Message number 05" in first
    assert "Message number 04" not in first
    assert "Page 1 of 2" in first
    second = client.get(CENTRE + "?page=2").text
    assert "Message number 04" in second and "Message number 05" not in second


def test_an_empty_centre_says_what_will_appear(client, person):
    assert "No messages yet." in client.get(CENTRE).text


def test_the_home_page_counts_unread_messages_and_links_to_the_centre(client, person):
    first, *_ = [message(person) for _ in range(3)]
    message(person, read_at=timezone.now())
    page = client.get(HOME).text
    assert f'<a class="button button--secondary" href="{CENTRE}">Messages (3 unread)</a>' in page
    assert f'href="{CENTRE}">Messages</a></li>' in page  # and in the site navigation
    client.get(detail(first.pk))
    assert "Messages (2 unread)" in client.get(HOME).text
    client.post(reverse("message_mark_all_read"))
    page = client.get(HOME).text
    assert "unread)" not in page and f'href="{CENTRE}">Messages</a>' in page


def outbox_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME)
    assert response.status_code == 200
    return [q["sql"] for q in queries if "notifications_outboundmessage" in q["sql"]], len(queries)


def test_the_unread_count_costs_one_query_however_many_messages(client, person):
    client.get(HOME)  # warm the caches the home page keeps
    few, total_with_none = outbox_queries(client)
    for _ in range(30):
        message(person)
    many, total_with_many = outbox_queries(client)
    assert len(few) == len(many) == 1
    assert "COUNT(" in many[0]
    assert total_with_many == total_with_none


def test_staff_see_no_messages_link(client):
    client.force_login(UserFactory(is_staff=True))
    assert f'href="{CENTRE}"' not in client.get("/en/accounts/email/").text


def test_the_centre_needs_a_signed_in_borrower(client):
    assert "/accounts/login/" in client.get(CENTRE).url
    client.force_login(UserFactory())
    assert client.get(CENTRE).url == reverse("link_borrower")


def test_the_centre_speaks_chinese(client, person):
    unread = message(person, subject="还款提醒", body="您好，\n下一期还款日是6月10日。")
    assert "消息（1 条未读）" in client.get("/zh-hans/my/").text
    page = client.get("/zh-hans/my/messages/").text
    assert 'lang="zh-hans"' in page
    assert "您有 1 条未读消息。" in page
    assert ">未读<" in page and ">Unread<" not in page
    assert "还款提醒" in client.get(detail(unread.pk, "zh-hans")).text
    assert "条未读" not in client.get("/zh-hans/my/").text


def test_the_list_previews_what_the_message_says_not_its_greeting(client, person):
    message(person, body="Hello Maria,\n\nWe have received your payment of $50.00.\n\nThanks.")
    message(person, body="玛丽亚，您好：\n\n我们已收到您的还款。")
    page = client.get(CENTRE).content.decode()
    assert "We have received your payment of $50.00." in page
    assert "我们已收到您的还款。" in page
    assert "Hello Maria," not in page


def test_a_message_links_to_the_site_it_is_read_on(client, person, settings):
    settings.SITE_URL = "https://portal.example"
    opened = message(
        person,
        body=(
            "Your loan: /en/my/loans/HCF-1/\n"
            "Written before: https://portal.example/en/my/loans/HCF-1/help/.\n"
            "Free advice: https://advice.example/?a=1&b=2 <script>"
        ),
    )

    page = client.get(detail(opened.pk)).text

    assert '<a href="/en/my/loans/HCF-1/">' in page
    assert '<a href="/en/my/loans/HCF-1/help/">' in page
    assert "https://portal.example" not in page
    assert '<a href="https://advice.example/?a=1&amp;b=2" rel="nofollow">' in page
    assert "&lt;script&gt;" in page
