"""What staff can do from a borrower's page. Each action runs in one transaction with its audit
record (``record_action``, with the reason staff gave), and anything sent to the borrower goes
only after that transaction commits. An action that cannot be done raises ``Refused`` with a
message for the staff member, and changes nothing."""

from __future__ import annotations

import re
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.accounts.linking import invitation_path
from portal.audit.recording import record_action
from portal.notifications.contact_rules.situations import logical_key
from portal.notifications.models import ContactAttempt, OutboundMessage, Status
from repayment.models import Borrower

from .models import Note

# Rows the staff may send again: the sender gave up on them, or cannot tell whether they went.
RESENDABLE = (Status.FAILED, Status.UNCERTAIN)
# A copy in these states has gone, or is going: another copy could reach the borrower twice.
ALREADY_RESENT = (Status.PLANNED, Status.SENDING, Status.SENT)
_RESEND_SUFFIX = re.compile(r"(:resend\d+)+$")


class Refused(Exception):
    """The action was not done; the message says why, for the staff member."""


def add_note(request, *, borrower: Borrower, text: str, reason: str) -> Note:
    with transaction.atomic():
        note = Note.objects.create(borrower=borrower, author=request.user, text=text)
        record_action(request, action="note.added", borrower=borrower, target=note, reason=reason)
    return note


def record_contact(
    request,
    *,
    borrower: Borrower,
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
    with transaction.atomic():
        contact = ContactAttempt.objects.create(
            borrower=borrower,
            at=at,
            channel=channel,
            kind=kind,
            connected=connected,
            conversation=conversation,
            note=note,
            recorded_by=request.user,
        )
        record_action(
            request,
            action="contact.recorded",
            borrower=borrower,
            target=contact,
            reason=reason,
            details={"channel": channel, "kind": kind, "at": at.isoformat()},
        )
    return contact


def invitation_address(borrower: Borrower) -> str:
    preferences = getattr(borrower, "contact_preferences", None)
    return (preferences.email if preferences else "") or borrower.email


def resend_invitation(request, *, borrower: Borrower, reason: str) -> str:
    """E-mail a fresh invitation link to a borrower with no login yet, in their language.
    Returns the address it went to."""
    with transaction.atomic():
        # Locked, so a borrower who links meanwhile is seen as linked here.
        borrower = Borrower.objects.select_for_update().get(pk=borrower.pk)
        if borrower.user_id is not None:
            raise Refused(_("This borrower already has a login, so no invitation is needed."))
        address = invitation_address(borrower)
        if not address:
            raise Refused(_("We have no e-mail address for this borrower to send the link to."))
        link = settings.SITE_URL.rstrip("/") + invitation_path(borrower=borrower)
        record_action(
            request,
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


def resend_message(
    request, *, borrower: Borrower, message_id: int, reason: str, now: datetime | None = None
) -> OutboundMessage:
    """Plan a copy of a message that failed or may not have arrived.

    The original row is left as it is: it records what happened. The copy is a new outbox row
    with its own key, planned now, and goes through the sender like any other row, so the
    contact rules are asked again before it goes (an opt-out, a pause or the caps since still
    stop it). It keeps the original's address and words. A message that was sent, or that
    has a copy sent or on its way, is never sent again."""
    now = now or timezone.now()
    with transaction.atomic():
        original = (
            OutboundMessage.objects.select_for_update()
            .filter(pk=message_id, borrower=borrower)
            .first()
        )
        if original is None:
            raise Refused(_("That message is not one of this borrower's."))
        if original.status not in RESENDABLE:
            raise Refused(
                _("Only a message that failed or may not have arrived can be sent again.")
            )
        # The channel stays last in the key: the contact rules read the key without it as
        # the message, and count the copy as a contact of its own.
        base = _RESEND_SUFFIX.sub("", logical_key(original.key))
        copies = OutboundMessage.objects.filter(
            borrower=borrower,
            key__startswith=f"{base}:resend",
            key__endswith=f":{original.channel}",
        )
        if copies.filter(status__in=ALREADY_RESENT).exists():
            raise Refused(_("This message has already been sent again."))
        number = copies.count() + 1
        copy = OutboundMessage.objects.create(
            key=f"{base}:resend{number}:{original.channel}",
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
            request,
            action="message.resent",
            borrower=borrower,
            target=copy,
            reason=reason,
            details={"original": original.pk, "original_status": original.status},
        )
    return copy
