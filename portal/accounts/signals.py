# allauth's own record of how this session signed in (pinned release: see pyproject.toml).
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from repayment.engagement.recording import record, remember_borrower
from repayment.models import Borrower, EngagementKind

from .staff import is_staff_member


@receiver(user_logged_in, dispatch_uid="accounts.speak_the_borrowers_language")
def speak_the_borrowers_language(sender, request, user, **kwargs):
    """From sign-in on, the request speaks the borrower's language: the "signed in" message
    that follows is written in it, as is the page the borrower lands on."""
    language = (
        Borrower.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    )
    if language:
        translation.activate(language)
        if request is not None:
            request.LANGUAGE_CODE = language


@receiver(authenticator_added, dispatch_uid="accounts.code_given_at_activation")
def code_given_at_activation(sender, request, user, authenticator, **kwargs):
    """Activating an authenticator asks for a code from it: that is the second factor, shown in
    this session, so staff are not asked for another code straight away."""
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


@receiver(user_logged_in, dispatch_uid="accounts.remember_staff_in_session")
def remember_staff_in_session(sender, request, user, **kwargs):
    """Pages show staff other links than borrowers (no message centre): asked once at sign-in
    and kept in the session, so no page asks the database again. Only what a page shows
    depends on it; every gate asks the permissions themselves."""
    if request is not None and hasattr(request, "session"):
        request.session["staff_member"] = is_staff_member(user=user)


@receiver(user_logged_in, dispatch_uid="accounts.record_borrower_sign_in")
def record_borrower_sign_in(sender, request, user, **kwargs):
    """A borrower's sign-in is an engagement event (a staff login records nothing). The
    borrower's id stays in the session, so the pages that record events need no lookup."""
    if request is not None and hasattr(request, "session"):
        borrower_id = remember_borrower(request.session, user_id=user.pk)
    else:
        borrower_id = Borrower.objects.filter(user=user).values_list("pk", flat=True).first()
    if borrower_id:
        record(EngagementKind.SIGNED_IN, borrower_id=borrower_id)
