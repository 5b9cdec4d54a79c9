"""`make demo` has a message waiting for support, once, in the console's list."""

import pytest
from django.urls import reverse

from portal.conversations.demo import load_demo_conversation
from portal.conversations.models import Thread, ThreadStatus
from repayment.demo import load_demo

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_waiting_thread_in_the_console(agent_client):
    load_demo()
    load_demo_conversation()
    load_demo_conversation()
    thread = Thread.objects.get()
    assert thread.status == ThreadStatus.WAITING
    assert thread.borrower.full_name == "Amina Yusuf"
    page = agent_client.get(reverse("console_conversations:list")).content.decode()
    assert "Can I pay on a different day?" in page
