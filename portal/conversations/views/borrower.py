"""The borrower's conversations with support: the list, a new message, a thread with its
reply form, and the files attached to it. Every query is scoped to the signed-in borrower, so
another borrower's thread is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from repayment.borrowers import borrower_required
from repayment.selectors import loans_of

from .. import threads as conversations
from ..forms import NewThreadForm, ReplyForm
from ..models import About, Attachment, ThreadStatus
from ..selectors import thread_with_posts, threads_of
from ..service_level import hours_for
from .files import serve


@require_GET
@borrower_required
def thread_list(request):
    return render(
        request,
        "conversations/list.html",
        {"threads": threads_of(borrower=request.borrower)},
    )


def _initial(request, loans) -> dict:
    """What a link to this page fills in: ``?loan=REF&about=plan``, from a loan's pages."""
    initial = {}
    about = request.GET.get("about", "")
    if about in About.values:
        initial["about"] = about
    reference = request.GET.get("loan", "")
    if reference and (loan := loans.filter(reference=reference).first()) is not None:
        initial["loan"] = loan
        initial.setdefault("about", About.LOAN)
    elif loans.count() == 1 and initial.get("about") != About.GENERAL:
        initial["loan"] = loans.first()
    return initial


@borrower_required
def new_thread(request):
    borrower = request.borrower
    loans = loans_of(borrower=borrower).order_by("reference")
    if request.method == "POST":
        form = NewThreadForm(request.POST, request.FILES, loans=loans)
        if form.is_valid():
            data = form.cleaned_data
            thread = conversations.start_thread(
                borrower=borrower,
                new=conversations.NewThread(
                    about=data["about"],
                    subject=data["subject"],
                    text=data["text"],
                    loan=data["loan"],
                ),
                files=data["files"],
            )
            messages.success(request, _("Sent. We will answer here, and tell you when we do."))
            return redirect("conversations:thread", pk=thread.pk)
    else:
        form = NewThreadForm(initial=_initial(request, loans), loans=loans)
    # The hours of the lender whose service level the thread will get (threads.lender_of).
    lender = conversations.lender_of(borrower=borrower, loan=None)
    return render(
        request, "conversations/new.html", {"form": form, "hours": hours_for(lender=lender)}
    )


@borrower_required
def thread_page(request, pk):
    borrower = request.borrower
    thread = thread_with_posts(threads_of(borrower=borrower), pk)
    if thread is None:
        raise Http404
    if request.method == "POST":
        form = ReplyForm(request.POST, request.FILES)
        if form.is_valid():
            conversations.borrower_writes(
                thread=thread, text=form.cleaned_data["text"], files=form.cleaned_data["files"]
            )
            messages.success(request, _("Sent. We will answer here, and tell you when we do."))
            return redirect("conversations:thread", pk=thread.pk)
    else:
        form = ReplyForm()
    return render(
        request,
        "conversations/thread.html",
        {
            "thread": thread,
            "posts": thread.posts.all(),
            "form": form,
            "closed": thread.status == ThreadStatus.CLOSED,
        },
    )


@require_GET
@borrower_required
def attachment_file(request, pk, attachment):
    found = get_object_or_404(
        Attachment, pk=attachment, post__thread_id=pk, post__thread__borrower=request.borrower
    )
    return serve(found)
