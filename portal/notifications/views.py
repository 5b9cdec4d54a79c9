"""Borrower pages for reminders (preferences, message centre), the opt-out link from e-mails,
and the webhook for inbound text replies. Thin: each view validates, calls one function in
``preferences`` or ``centre`` and shows the result."""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.accounts.language_switch import remember_language
from portal.notifications import centre
from portal.notifications.contact_rules.rules import Channel
from portal.notifications.replies import inbound
from portal.notifications.replies.recognise import has_chinese, recognise
from repayment.borrowers import borrower_required
from repayment.models import Language
from repayment.selectors import loans_of
from repayment.statements.cache import statement_for

from .addresses import normalise, read_opt_out_token
from .forms import E164, PreferencesForm
from .models import Suppression
from .preferences import (
    SWITCHABLE,
    channel_states,
    current_preferences,
    form_values,
    language_of_number,
    legal_window_for,
    opt_out,
    profiles_for,
    save_preferences,
)

MESSAGES_PAGE_SIZE = 20
ONE_CLICK = "One-Click"  # RFC 8058: the body a mail provider posts is List-Unsubscribe=One-Click


def mask(channel: str, address: str) -> str:
    """Enough of an address for its owner to recognise it, not enough to learn it."""
    if channel == Channel.EMAIL and "@" in address:
        local, domain = address.rsplit("@", 1)
        return f"{local[:1]}•••@{domain}"
    return f"•••{address[-4:]}" if len(address) > 4 else "•••"


def _back_on(channel: str, address: str) -> str:
    if channel == Channel.EMAIL:
        return _("You will get e-mails at {address} again.").format(address=address)
    return _("You will get text messages at {address} again.").format(address=address)


# --- Preferences.


@require_http_methods(["GET", "POST"])
@borrower_required
def contact_preferences(request):
    borrower = request.borrower
    preferences = current_preferences(borrower)
    states = channel_states(borrower=borrower, preferences=preferences)
    profiles = profiles_for(borrower=borrower)
    window = legal_window_for(profiles)
    form = PreferencesForm(
        request.POST or None,
        initial=form_values(borrower, preferences, states),
        profiles=profiles,
        window=window,
        default_email=states[Channel.EMAIL].default,
        default_phone=states[Channel.SMS].default,
        current_time_zone=borrower.time_zone,
    )
    if request.method == "POST" and form.is_valid():
        saved = save_preferences(borrower=borrower, choices=form.choices())
        with translation.override(borrower.preferred_language):
            messages.success(request, _("Your choices are saved."))
            for channel, address in saved.opted_back_in:
                messages.info(request, _back_on(channel, address))
            response = redirect(reverse("contact_preferences"))
        if saved.language_changed:
            remember_language(response, borrower.preferred_language)
        return response
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "borrower": borrower,
            "email_state": states[Channel.EMAIL],
            "sms_state": states[Channel.SMS],
            "window": window,
            "paused": _paused_loans(borrower),
        },
    )


def _paused_loans(borrower) -> list[tuple[str, object]]:
    """(reference, last paused day) of the borrower's loans paused today, from their
    statements' positions: the same pause the loan's own pages show."""
    paused = []
    for loan in loans_of(borrower=borrower):
        until = statement_for(loan=loan).position.paused_until
        if until:
            paused.append((loan.reference, until))
    return paused


# --- Opt-out link (from e-mails; no sign-in: the signed token is the authority).


def _read_token(token: str) -> tuple[str, str] | None:
    try:
        channel, address = read_opt_out_token(token)
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if channel not in SWITCHABLE or not isinstance(address, str) or not address:
        return None
    return channel, address


@csrf_exempt  # the signed token is the authority, and mail providers post without a session
@require_http_methods(["GET", "POST"])
def notification_opt_out(request, token):
    found = _read_token(token)
    if found is None:
        return render(request, "notifications/opt_out_invalid.html", status=400)
    channel, address = found
    context = {
        "channel": channel,
        "is_email": channel == Channel.EMAIL,
        "masked": mask(channel, address),
    }
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == ONE_CLICK
        opt_out(
            channel=channel,
            address=address,
            source="link",
            detail="RFC 8058 one-click" if one_click else "",
        )
        return render(request, "notifications/opt_out_done.html", context)
    context["already"] = Suppression.objects.filter(
        channel=channel, address=address, reason=Suppression.Reason.OPTED_OUT
    ).exists()
    return render(request, "notifications/opt_out.html", context)


# --- Inbound text replies (webhook from the SMS provider; who is believed: ``inbound``).


def _plain(text: str, status: int = 200) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


@csrf_exempt  # authenticated by the provider's signature or a shared secret, not a session
@require_POST
def sms_inbound(request):
    """A reply to one of our texts, in Twilio's field names (From, Body, MessageSid). STOP (in
    the ways people write it) opts the number out; START opts it back in, but only when the
    provider signed the request; anything else is left alone with a 200 so the provider does
    not retry. The answer is the text sent back."""
    trust = inbound.authenticate(request)
    if trust is inbound.Trust.NONE:
        return HttpResponseForbidden("Forbidden.", content_type="text/plain")
    number = normalise(Channel.SMS, request.POST.get("From", ""))
    if not E164.match(number):
        return HttpResponseBadRequest("No From number.", content_type="text/plain")
    body = request.POST.get("Body", "")
    intent = recognise(body)
    if intent is None:
        return _plain("")
    outcome = inbound.act_on_reply(
        number=number,
        intent=intent,
        message_id=request.POST.get(inbound.MESSAGE_ID, "").strip(),
        trust=trust,
    )
    if outcome is inbound.Outcome.REPEAT:
        return _plain("")
    language = language_of_number(number) or (
        Language.CHINESE if has_chinese(body) else Language.ENGLISH
    )
    with translation.override(language):
        if outcome is inbound.Outcome.STOPPED:
            return _plain(
                _(
                    "Done. We will not send you any more text messages. Your loan details are "
                    "still in your online account. To get texts again, reply START."
                )
            )
        if outcome is inbound.Outcome.START_NOT_TRUSTED:
            return _plain(
                _(
                    "To get text messages again, sign in to your online account and turn them "
                    "on in your contact preferences."
                )
            )
        return _plain(
            _("Text messages to this number are on again. Reply STOP at any time to stop them.")
        )


# --- Message centre.


@require_GET
@borrower_required
def message_centre(request):
    borrower = request.borrower
    page = Paginator(centre.messages_of(borrower_id=borrower.pk), MESSAGES_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "notifications/message_centre.html",
        {
            "borrower": borrower,
            "page": page,
            "unread": centre.unread_count(borrower_id=borrower.pk),
        },
    )


@require_GET
@borrower_required
def message_detail(request, pk):
    message = get_object_or_404(centre.messages_of(borrower_id=request.borrower.pk), pk=pk)
    was_unread = message.read_at is None
    centre.mark_read(message=message)
    return render(
        request,
        "notifications/message_detail.html",
        {"borrower": request.borrower, "message": message, "was_unread": was_unread},
    )


@require_POST
@borrower_required
def message_mark_all_read(request):
    if centre.mark_all_read(borrower_id=request.borrower.pk):
        messages.success(request, _("All your messages are marked as read."))
    return redirect("message_centre")
