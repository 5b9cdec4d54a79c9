"""What staff do from a borrower's page: add a note, record a contact, send a new invitation
link, send a message again. An action that cannot be done raises ``Refused`` with a message for
the staff member, and changes nothing."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.accounts.linking import invitation_path
from portal.audit.actors import Actor
from portal.audit.recording import record_action
from portal.notifications.models import ContactAttempt, OutboundMessage, Status
from portal.notifications.outbox import keys
from repayment.models import Borrower

from ..models import Note

# Rows the staff may send again: the sender gave up on them, or cannot tell whether they went.
RESENDABLE = (Status.FAILED, Status.UNCERTAIN)
# A copy in these states has gone, or is going: another copy could reach the borrower twice.
ALREADY_RESENT = (Status.PLANNED, Status.SENDING, Status.SENT)


class Refused(Exception):
    """The action was not done; the message says why, for the staff member."""


@transaction.atomic(durable=True)
def do_add_note(borrower: Borrower, *, acting: Actor, text: str, reason: str) -> Note:
    note = Note.objects.create(borrower=borrower, author=acting.user, text=text)
    record_action(acting=acting, action="note.added", borrower=borrower, target=note, reason=reason)
    return note


@transaction.atomic(durable=True)
def do_record_contact(
    borrower: Borrower,
    *,
    acting: Actor,
    channel: str,
    kind: str,
    at: datetime,
    connected: bool,
    conversation: bool,
    note: str,
    reason: str,
) -> ContactAttempt:
    """A contact a person made. The contact rules count it from now on (calls in the last
    seven days, conversations), so it is recorded at the time it happened."""
    contact = ContactAttempt.objects.create(
        borrower=borrower,
        at=at,
        channel=channel,
        kind=kind,
        connected=connected,
        conversation=conversation,
        note=note,
        recorded_by=acting.user,
    )
    record_action(
        acting=acting,
        action="contact.recorded",
        borrower=borrower,
        target=contact,
        reason=reason,
        details={"channel": channel, "kind": kind, "at": at.isoformat()},
    )
    return contact


def invitation_address(borrower: Borrower) -> str:
    """Where an invitation goes: the e-mail chosen for messages, else the one on file."""
    preferences = getattr(borrower, "contact_preferences", None)
    return (preferences.email if preferences else "") or borrower.email


@transaction.atomic(durable=True)
def do_resend_invitation(borrower: Borrower, *, acting: Actor, reason: str) -> str:
    """E-mail a fresh invitation link to a borrower with no login yet, in their language, once
    the record is committed. Returns the address it goes to."""
    # Locked, so a borrower who links meanwhile is seen as linked here.
    borrower = Borrower.objects.select_for_update().get(pk=borrower.pk)
    if borrower.user_id is not None:
        raise Refused(_("This borrower already has a login, so no invitation is needed."))
    address = invitation_address(borrower)
    if not address:
        raise Refused(_("We have no e-mail address for this borrower to send the link to."))
    link = settings.SITE_URL.rstrip("/") + invitation_path(borrower=borrower)
    record_action(
        acting=acting,
        action="invitation.resent",
        borrower=borrower,
        target=borrower,
        reason=reason,
        details={"to": address},
    )
    transaction.on_commit(lambda: _send_invitation(borrower, address, link))
    return address


def _send_invitation(borrower: Borrower, address: str, link: str) -> None:
    with translation.override(borrower.preferred_language):
        subject = _("Your link to see your loan online")
        body = _(
            "Hello %(name)s,\n\n"
            "You asked us for a new link to set up your online account. Open this link to "
            "see your loan, what you owe and what you can do:\n\n%(link)s\n\n"
            "The link works once and expires after %(days)d days. If you did not ask for it, "
            "you can ignore this e-mail.\n"
        ) % {
            "name": borrower.full_name,
            "link": link,
            "days": settings.BORROWER_INVITATION_MAX_AGE_DAYS,
        }
    send_mail(subject, body, None, [address])


@transaction.atomic(durable=True)
def do_resend_message(
    borrower: Borrower,
    message_id: int,
    *,
    acting: Actor,
    reason: str,
    now: datetime | None = None,
) -> OutboundMessage:
    """Plan a copy of a message that failed or may not have arrived.

    The original row is left as it is: it records what happened. The copy is a new outbox row
    with its own key, planned now, and goes through the sender like any other row, so the
    contact rules are asked again before it goes (an opt-out, a pause or the caps since still
    stop it). It keeps the original's address and words. A message that was sent, or that
    has a copy sent or on its way, is never sent again."""
    now = now or timezone.now()
    original = (
        OutboundMessage.objects.select_for_update().filter(pk=message_id, borrower=borrower).first()
    )
    if original is None:
        raise Refused(_("That message is not one of this borrower's."))
    if original.status not in RESENDABLE:
        raise Refused(_("Only a message that failed or may not have arrived can be sent again."))
    message = keys.parse(original.key).logical
    copies = OutboundMessage.objects.filter(
        borrower=borrower,
        key__startswith=keys.copy_prefix(message),
        key__endswith=f":{original.channel}",
    )
    if copies.filter(status__in=ALREADY_RESENT).exists():
        raise Refused(_("This message has already been sent again."))
    number = copies.count() + 1
    copy = OutboundMessage.objects.create(
        key=keys.build(keys.copy(message, number), original.channel),
        borrower=borrower,
        loan_id=original.loan_id,
        event=original.event,
        kind=original.kind,
        channel=original.channel,
        due_on=original.due_on,
        address=original.address,
        language=original.language,
        subject=original.subject,
        body=original.body,
        rule=original.rule,
        reason=original.reason,
        citation=original.citation,
        send_at=now,
        status=Status.PLANNED,
    )
    record_action(
        acting=acting,
        action="message.resent",
        borrower=borrower,
        target=copy,
        reason=reason,
        details={"original": original.pk, "original_status": original.status},
    )
    return copy
