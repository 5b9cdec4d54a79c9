"""Linking a login to the borrower record it belongs to.

A login is linked to at most one borrower and a borrower to at most one login (the one-to-one
``Borrower.user``); staff logins are linked to none. There are two ways in:

- An invitation: a signed token bound to one borrower (``make_invitation_token``), sent by the
  lender. It expires after ``settings.BORROWER_INVITATION_MAX_AGE_DAYS`` and stops working as
  soon as that borrower is linked, so a forwarded or leaked link can't be used a second time.
- The borrower's own details: a loan reference and a date of birth. Every way this can fail
  (wrong reference, wrong date, borrower already linked to another login) raises the same
  ``NoMatch``, so an answer never tells a guesser which half was right or that a borrower
  exists. Callers must limit attempts; the view does, with allauth's rate limiter.

Linking is one conditional UPDATE (``WHERE user_id IS NULL``), so two logins racing for the
same borrower can't both win, and the unique ``user`` column stops one login from taking two.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation

from repayment.models import Borrower, Lender

from .models import User
from .staff import is_staff_member

logger = logging.getLogger(__name__)

# Namespaces the signature: a value signed for anything else in the project can't pass here.
INVITATION_SALT = "portal.accounts.linking.invitation"


class LinkError(Exception):
    """The login was not linked."""


class NoMatch(LinkError):
    """The details match no borrower that can be linked (deliberately not saying why)."""


class AlreadyLinked(LinkError):
    """This login is already linked to a borrower."""


class StaffLogin(LinkError):
    """Staff logins are never linked to a borrower: staff see borrowers through the console,
    where each access is recorded."""


class InvitationError(LinkError):
    """The invitation can't be used."""


class InvitationInvalid(InvitationError):
    """Not a token this site signed, or altered since."""


class InvitationExpired(InvitationError):
    """Signed by us, but older than ``BORROWER_INVITATION_MAX_AGE_DAYS``."""


class InvitationUsed(InvitationError):
    """The borrower it was for is already linked to a login."""


def lenders_of(*, borrower: Borrower) -> QuerySet[Lender]:
    """The lenders this borrower has loans with: who is asking them to link."""
    return Lender.objects.filter(products__loans__borrower=borrower).distinct().order_by("name")


def home_path(*, borrower: Borrower) -> str:
    """The borrower's home page in the borrower's own language."""
    with translation.override(borrower.preferred_language):
        return reverse("borrower_home")


def make_invitation_token(*, borrower: Borrower) -> str:
    """A token naming this borrower, signed with SECRET_KEY and timestamped.

    The external id rides along with the primary key so that a token can only ever name the
    record it was made for."""
    return signing.dumps(
        {"b": borrower.pk, "x": borrower.external_id}, salt=INVITATION_SALT, compress=True
    )


def invitation_path(*, borrower: Borrower) -> str:
    """The path of a fresh invitation for this borrower, in the borrower's language."""
    token = make_invitation_token(borrower=borrower)
    with translation.override(borrower.preferred_language):
        return reverse("link_borrower_invitation", kwargs={"token": token})


def borrower_for_invitation(*, token: str) -> Borrower:
    """The unlinked borrower an invitation is for, or an ``InvitationError`` saying why not."""
    max_age = dt.timedelta(days=settings.BORROWER_INVITATION_MAX_AGE_DAYS)
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise InvitationExpired from exc
    except signing.BadSignature as exc:
        raise InvitationInvalid from exc
    borrower = _invited(payload).first()
    if borrower is None:
        raise InvitationInvalid
    if borrower.user_id is not None:
        raise InvitationUsed
    return borrower


def invitation_is_for(*, token: str, borrower: Borrower) -> bool:
    """Whether the token was made for this borrower, used, expired or not: tells a second
    click on "link" apart from someone opening another person's invitation."""
    try:
        payload = signing.loads(token, salt=INVITATION_SALT)
    except signing.BadSignature:
        return False
    return _invited(payload).filter(pk=borrower.pk).exists()


def _invited(payload) -> QuerySet[Borrower]:
    if not isinstance(payload, dict):
        return Borrower.objects.none()
    return Borrower.objects.filter(pk=payload.get("b"), external_id=payload.get("x"))


def link_by_invitation(*, user: User, token: str) -> Borrower:
    """Link ``user`` to the borrower the invitation is for."""
    _check_can_link(user=user)
    borrower = borrower_for_invitation(token=token)
    return _link(user=user, borrower=borrower, taken=InvitationUsed, how="invitation")


def link_by_details(*, user: User, loan_reference: str, date_of_birth: dt.date) -> Borrower:
    """Link ``user`` to the borrower with a loan of this reference and this date of birth.

    References are compared ignoring case and surrounding spaces, as people type them from
    paper. Raises ``NoMatch`` for every kind of mismatch, including a borrower who is already
    linked to another login."""
    _check_can_link(user=user)
    reference = loan_reference.strip()
    if not reference:
        raise NoMatch
    candidates = list(
        Borrower.objects.filter(
            loans__reference__iexact=reference,
            date_of_birth=date_of_birth,
            user__isnull=True,
        ).distinct()[:2]
    )
    if len(candidates) != 1:
        raise NoMatch
    return _link(user=user, borrower=candidates[0], taken=NoMatch, how="details")


def _check_can_link(*, user: User) -> None:
    if is_staff_member(user=user):
        raise StaffLogin
    if Borrower.objects.filter(user=user).exists():
        raise AlreadyLinked


def _link(*, user: User, borrower: Borrower, taken: type[LinkError], how: str) -> Borrower:
    try:
        with transaction.atomic():
            updated = Borrower.objects.filter(pk=borrower.pk, user__isnull=True).update(user=user)
    except IntegrityError as exc:
        # The unique user column: this login was linked elsewhere since we checked.
        raise AlreadyLinked from exc
    if not updated:
        # Another login linked this borrower since we read it.
        raise taken
    borrower.user = user
    logger.info("Linked login %s to borrower %s by %s", user.pk, borrower.pk, how)
    return borrower
