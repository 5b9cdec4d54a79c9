"""The console's borrower pages: search, the borrower's account, the statement as the borrower
sees it, and the forms of the actions on the account (``portal.support.actions.borrowers``).
Every page that shows a borrower's data records the view."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal.accounts.staff import staff_view
from portal.audit.actors import Actor
from portal.audit.recording import record_view
from portal.hostile import page_number
from portal.support import search as finder
from portal.support.actions.borrowers import (
    Refused,
    do_add_note,
    do_record_contact,
    do_resend_invitation,
    do_resend_message,
    invitation_address,
)
from portal.support.borrower_view import (
    account_of,
    borrower_or_404,
    contacts_of,
    messages_of,
    notes_of,
    recent,
)
from portal.support.forms.borrowers import ContactForm, NoteForm, ReasonForm, SearchForm
from repayment.selectors import loans_of
from repayment.statements.views import statement_context

from ..staff_zone import zone_of

HISTORY_PAGE_SIZE = 50
HISTORIES = {
    "messages": (messages_of, "borrower.messages"),
    "contacts": (contacts_of, "borrower.contacts"),
    "notes": (notes_of, "borrower.notes"),
}


@require_GET
@staff_view("support.use_console")
def search(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    page = None
    if form.is_bound and form.is_valid():
        page = finder.search(form.cleaned_data["q"], page=form.cleaned_data["page"])
        # Results show names, e-mails and phone numbers: who searched for what is on record.
        record_view(
            acting=Actor.of(request),
            borrower=None,
            what="borrower.search",
            details={"query": page.query, "page": page.number, "shown": len(page.results)},
        )
    return render(request, "support/search.html", {"form": form, "page": page})


@require_GET
@staff_view("support.use_console")
def borrower(request, pk):
    return _account_page(request, borrower_or_404(pk))


def _account_page(request, borrower, *, status=200, **forms):
    """The borrower's page, with blank action forms except those given (bound, with errors)."""
    account = account_of(borrower)
    record_view(acting=Actor.of(request), borrower=borrower, what="borrower.account")
    context = {
        "account": account,
        "note_form": forms.get("note_form") or NoteForm(auto_id="note_%s"),
        "contact_form": forms.get("contact_form")
        or ContactForm(auto_id="contact_%s", time_zone=zone_of(request.user)),
        "invitation_form": forms.get("invitation_form") or ReasonForm(auto_id="invitation_%s"),
        "resend_failed": forms.get("resend_failed"),
        "invitation_address": invitation_address(borrower),
    }
    return render(request, "support/borrower.html", context, status=status)


@require_GET
@staff_view("support.use_console")
def borrower_history(request, pk, kind):
    if kind not in HISTORIES:
        raise Http404
    rows_of, what = HISTORIES[kind]
    borrower = borrower_or_404(pk)
    number = page_number(request.GET.get("page"))
    rows = recent(
        rows_of(borrower), size=HISTORY_PAGE_SIZE, offset=(number - 1) * HISTORY_PAGE_SIZE
    )
    record_view(acting=Actor.of(request), borrower=borrower, what=what)
    return render(
        request,
        "support/borrower_history.html",
        {
            "borrower": borrower,
            "kind": kind,
            "rows": rows,
            "number": number,
        },
    )


@require_GET
@staff_view("support.use_console")
def borrower_statement(request, pk, reference):
    borrower = borrower_or_404(pk)
    loan = get_object_or_404(loans_of(borrower=borrower), reference=reference)
    context = statement_context(loan=loan, params=request.GET)
    record_view(acting=Actor.of(request), borrower=borrower, what="borrower.statement", target=loan)
    return render(request, "support/borrower_statement.html", {**context, "borrower": borrower})


@require_POST
@staff_view("support.add_notes")
def add_note(request, pk):
    borrower = borrower_or_404(pk)
    form = NoteForm(request.POST, auto_id="note_%s")
    if not form.is_valid():
        return _account_page(request, borrower, status=400, note_form=form)
    do_add_note(
        borrower,
        acting=Actor.of(request),
        text=form.cleaned_data["text"],
        reason=form.cleaned_data["reason"],
    )
    messages.success(request, _("Note added."))
    return redirect("support:borrower", pk=borrower.pk)


@require_POST
@staff_view("support.record_contacts")
def record_contact(request, pk):
    borrower = borrower_or_404(pk)
    form = ContactForm(request.POST, auto_id="contact_%s", time_zone=zone_of(request.user))
    if not form.is_valid():
        return _account_page(request, borrower, status=400, contact_form=form)
    do_record_contact(borrower, acting=Actor.of(request), **form.cleaned_data)
    messages.success(request, _("Contact recorded."))
    return redirect("support:borrower", pk=borrower.pk)


@require_POST
@staff_view("support.resend_invitations")
def resend_invitation(request, pk):
    borrower = borrower_or_404(pk)
    form = ReasonForm(request.POST, auto_id="invitation_%s")
    if not form.is_valid():
        return _account_page(request, borrower, status=400, invitation_form=form)
    try:
        address = do_resend_invitation(
            borrower, acting=Actor.of(request), reason=form.cleaned_data["reason"]
        )
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, _("A new invitation link is on its way to %(address)s.") % {"address": address}
        )
    return redirect("support:borrower", pk=borrower.pk)


@require_POST
@staff_view("support.resend_messages")
def resend_message(request, pk, message):
    borrower = borrower_or_404(pk)
    form = ReasonForm(request.POST, auto_id=f"resend{message}_%s")
    if not form.is_valid():
        return _account_page(
            request, borrower, status=400, resend_failed={"pk": message, "form": form}
        )
    try:
        do_resend_message(
            borrower, message, acting=Actor.of(request), reason=form.cleaned_data["reason"]
        )
    except Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("The message will be sent again, if the contact rules allow it now."),
        )
    return redirect("support:borrower", pk=borrower.pk)
