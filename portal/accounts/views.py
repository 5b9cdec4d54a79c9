from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.i18n import LANGUAGE_QUERY_PARAMETER

from repayment.borrowers import borrower_of
from repayment.engagement.recording import SESSION_KEY as ENGAGEMENT_SESSION_KEY
from repayment.models import Borrower, Language

from . import linking
from .forms import LinkByDetailsForm
from .language_switch import address_in, remember_language
from .ratelimits import consume_link_attempt, minutes_to_wait, tries_left
from .staff import is_staff_member


@require_GET
def to_allauth_login(request, *, default_next: str = "/"):
    """Where Django's admin login, Wagtail's admin login and Wagtail's login for private pages
    used to be. Those forms know nothing of two-factor authentication, rate limits or e-mail
    verification: every sign-in goes through allauth's instead, which checks ``next`` is on
    this site before it follows it."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME) or default_next
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")


@require_POST
def set_language(request):
    """Show the page the borrower was on in the language they chose, whatever their browser
    or an earlier choice's cookie asks for; for a signed-in borrower also remember it as their
    preferred language, so the PDF, e-mails and reminders follow. Choosing here is the only
    way a page changes it. (Django's own view, which this replaces, is the model.)"""
    back_to = _page_to_return_to(request)
    language = request.POST.get(LANGUAGE_QUERY_PARAMETER)
    if language not in Language.values:
        return HttpResponseRedirect(back_to)
    response = HttpResponseRedirect(address_in(back_to, language, request=request))
    remember_language(response, language)
    if request.user.is_authenticated:
        Borrower.objects.filter(user=request.user).exclude(preferred_language=language).update(
            preferred_language=language
        )
    return response


def _page_to_return_to(request) -> str:
    """``next``, else the page the form was on, if it is on this site; else the front page."""
    for url in (request.POST.get("next"), request.META.get("HTTP_REFERER")):
        if url and url_has_allowed_host_and_scheme(
            url=url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return url
    return "/"


def _linked(request, borrower: Borrower):
    # Pages that record engagement read the borrower from the session (repayment/engagement).
    request.session[ENGAGEMENT_SESSION_KEY] = borrower.pk
    with translation.override(borrower.preferred_language):
        messages.success(request, _("Your account is now linked to your loans."))
    return redirect(linking.home_path(borrower=borrower))


@login_required
@require_http_methods(["GET", "POST"])
def link_borrower(request):
    """Link this login by a loan reference and date of birth."""
    borrower = borrower_of(user=request.user)
    if borrower is not None:
        return redirect(linking.home_path(borrower=borrower))
    form = LinkByDetailsForm(request.POST or None)
    context = {"form": form, "staff": is_staff_member(user=request.user)}
    if request.method == "POST" and form.is_valid() and not context["staff"]:
        reference = form.cleaned_data["loan_reference"]
        wait = consume_link_attempt(request, loan_reference=reference)
        if wait is not None:
            context["minutes_to_wait"] = minutes_to_wait(wait)
            return render(
                request,
                "accounts/link_borrower.html",
                context,
                status=HTTPStatus.TOO_MANY_REQUESTS,
            )
        try:
            borrower = linking.link_by_details(
                user=request.user,
                loan_reference=reference,
                date_of_birth=form.cleaned_data["date_of_birth"],
            )
        except linking.AlreadyLinked:
            return redirect("link_borrower")
        except linking.NoMatch:
            context["no_match"] = True
            context["tries_left"] = tries_left(request, loan_reference=reference)
        else:
            return _linked(request, borrower)
    return render(request, "accounts/link_borrower.html", context)


@require_http_methods(["GET", "POST"])
def link_borrower_invitation(request, token):
    """An invitation from the lender: explain who is asking, then link on a confirming POST.

    Signed out, the page offers sign-in and sign-up, both coming back here afterwards."""
    borrower = borrower_of(user=request.user)
    if borrower is not None:
        if not linking.invitation_is_for(token=token, borrower=borrower):
            messages.info(
                request,
                _(
                    "You are signed in with an account that is already linked to loans, so "
                    "the invitation was not used. If it is for someone else, sign out and "
                    "open it again."
                ),
            )
        return redirect(linking.home_path(borrower=borrower))
    try:
        invited = linking.borrower_for_invitation(token=token)
    except linking.InvitationError as exc:
        return _unusable_invitation(request, exc)
    context = {"lenders": list(linking.lenders_of(borrower=invited)), "next": request.path}
    if not request.user.is_authenticated:
        return render(request, "accounts/invitation_signed_out.html", context)
    if is_staff_member(user=request.user):
        return render(request, "accounts/invitation_staff.html", context, status=403)
    if request.method == "POST":
        try:
            borrower = linking.link_by_invitation(user=request.user, token=token)
        except linking.InvitationError as exc:
            return _unusable_invitation(request, exc)
        except linking.AlreadyLinked:
            return redirect(request.path)
        return _linked(request, borrower)
    return render(request, "accounts/invitation_confirm.html", context)


def _unusable_invitation(request, exc: linking.InvitationError):
    reason, status = {
        linking.InvitationExpired: ("expired", HTTPStatus.GONE),
        linking.InvitationUsed: ("used", HTTPStatus.GONE),
    }.get(type(exc), ("invalid", HTTPStatus.NOT_FOUND))
    return render(request, "accounts/invitation_unusable.html", {"reason": reason}, status=status)
