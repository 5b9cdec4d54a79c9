"""The console's conversations: every thread, waiting ones first by their answer-by time, and
a thread's page where staff with the permission reply. Opening a thread, or one of its files,
is recorded: the borrower's access log shows it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal.accounts.staff import can_use, staff_view
from portal.audit.actors import Actor
from portal.audit.recording import record_view

from .. import threads as conversations
from ..forms import StaffReplyForm
from ..models import Attachment, Thread, ThreadStatus
from ..selectors import console_threads, thread_with_posts
from ..threads import REPLY_PERMISSION
from .files import serve

PAGE_SIZE = 50
SHOWS = {
    "waiting": ThreadStatus.WAITING,
    "answered": ThreadStatus.ANSWERED,
    "closed": ThreadStatus.CLOSED,
    "all": "",
}


@require_GET
@staff_view("support.use_console")
def thread_list(request):
    show = request.GET.get("show", "waiting")
    if show not in SHOWS:
        show = "waiting"
    now = timezone.now()
    threads = list(console_threads(status=SHOWS[show])[:PAGE_SIZE])
    rows = [
        {
            "thread": thread,
            "overdue": thread.status == ThreadStatus.WAITING
            and thread.answer_by is not None
            and thread.answer_by < now,
        }
        for thread in threads
    ]
    # The list names borrowers and subjects: who looked is on record, as for search results.
    record_view(
        acting=Actor.of(request),
        borrower=None,
        what="conversation.list",
        details={"show": show, "shown": len(rows)},
    )
    return render(
        request,
        "conversations/console/list.html",
        {
            "rows": rows,
            "show": show,
            "shows": [
                (value, label)
                for value, label in (
                    ("waiting", _("Waiting for us")),
                    ("answered", _("Answered")),
                    ("closed", _("Closed")),
                    ("all", _("All")),
                )
            ],
            "cut_short": len(rows) == PAGE_SIZE,
        },
    )


@staff_view("support.use_console")
def thread_page(request, pk):
    thread = thread_with_posts(Thread.objects.all(), pk)
    if thread is None:
        raise Http404
    acting = Actor.of(request)
    may_reply = can_use(request.user, REPLY_PERMISSION)
    form = None
    if may_reply:
        form = StaffReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_reply:
            raise PermissionDenied
        if form.is_valid():
            conversations.staff_replies(
                thread=thread,
                text=form.cleaned_data["text"],
                acting=acting,
                close=form.cleaned_data["close"],
            )
            messages.success(request, _("Reply sent. The borrower is being told."))
            return redirect("console_conversations:list")
    else:
        conversations.staff_reads(thread=thread, acting=acting)
    now = timezone.now()
    return render(
        request,
        "conversations/console/thread.html",
        {
            "thread": thread,
            "borrower": thread.borrower,
            "posts": thread.posts.all(),
            "form": form,
            "overdue": thread.status == ThreadStatus.WAITING
            and thread.answer_by is not None
            and thread.answer_by < now,
        },
    )


@require_GET
@staff_view("support.use_console")
def attachment_file(request, pk, attachment):
    found = get_object_or_404(
        Attachment.objects.select_related("post__thread__borrower"),
        pk=attachment,
        post__thread_id=pk,
    )
    thread = found.post.thread
    record_view(
        acting=Actor.of(request),
        borrower=thread.borrower,
        what="conversation.attachment",
        target=thread,
        details={"attachment": found.pk},
    )
    return serve(found)
