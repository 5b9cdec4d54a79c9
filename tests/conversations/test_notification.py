"""The borrower is told of a reply as their contact preferences say: the message centre
always, e-mail and text when they have switched them on, and never the reply's words."""

from portal.audit.actors import Actor
from portal.conversations.threads import NewThread, staff_replies, start_thread
from portal.notifications.models import ContactPreferences, OutboundMessage


def _reply(loan, agent, about="loan"):
    thread = start_thread(
        borrower=loan.borrower,
        new=NewThread(
            about=about, subject="Q", text="A question.", loan=loan if about != "general" else None
        ),
    )
    staff_replies(thread=thread, text="Our private answer.", acting=Actor(user=agent))
    return thread


def _channels(loan):
    return {
        m.channel
        for m in OutboundMessage.objects.filter(borrower=loan.borrower, event="support_replied")
    }


def test_texts_and_emails_follow_the_preferences(loan, agent):
    ContactPreferences.objects.create(borrower=loan.borrower, email_enabled=False, sms_enabled=True)
    _reply(loan, agent)
    assert _channels(loan) == {"in_portal", "sms"}
    sms = OutboundMessage.objects.get(event="support_replied", channel="sms")
    assert "replied to your message" in sms.body
    assert "Our private answer." not in sms.body


def test_with_the_defaults_an_email_goes_and_no_text(loan, agent):
    _reply(loan, agent)
    assert _channels(loan) == {"in_portal", "email"}


def test_a_general_question_is_answered_under_the_borrowers_loan(loan, agent):
    _reply(loan, agent, about="general")
    message = OutboundMessage.objects.get(event="support_replied", channel="in_portal")
    assert message.loan_id == loan.pk


def test_each_reply_is_its_own_message(loan, agent):
    thread = _reply(loan, agent)
    staff_replies(thread=thread, text="One more thing.", acting=Actor(user=agent))
    assert OutboundMessage.objects.filter(event="support_replied", channel="in_portal").count() == 2
