"""Writing to a conversation: a borrower starts one or writes again, a member of staff replies
or closes it. Each write is one transaction: the post, its files, the thread's new status and,
for staff, the audit record and the borrower's notification exist together or not at all.

The answer-by time is set each time the borrower writes and the thread waits, from the lender's
service level (``service_level``); a thread already waiting keeps the time its first unanswered
message set, so writing again does not push the answer further away."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.audit.actors import Actor
from portal.audit.recording import record_action, record_view
from portal.notifications.channels.links import page_url
from portal.notifications.models import Event
from portal.notifications.outbox.planner import notify
from repayment.models import Borrower, Loan

from . import service_level
from .files import CheckedFile
from .models import About, Attachment, AuthorKind, Post, Thread, ThreadStatus

REPLY_PERMISSION = "conversations.reply_to_borrowers"


class ConversationError(Exception):
    """A write the thread's state refuses; the message is for the person who tried."""


@dataclass(frozen=True, slots=True)
class NewThread:
    about: str
    subject: str
    text: str
    loan: Loan | None = None


def lender_of(*, borrower: Borrower, loan: Loan | None):
    """Whose service level applies: the loan's lender, or the borrower's most recent loan's."""
    if loan is not None:
        return loan.product.lender
    latest = (
        Loan.objects.filter(borrower=borrower)
        .select_related("product__lender")
        .order_by("-disbursed_on", "-pk")
        .first()
    )
    if latest is not None:
        return latest.product.lender
    return borrower.origin_lender


@contextmanager
def _files_kept_on_commit():
    """Files written in the block stay only if it succeeds; on any failure, the transaction's
    included, they are removed from storage by the names kept here (no query: the rows that
    named them are being rolled back)."""
    written: list = []
    try:
        yield written
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise


def _save_files(post: Post, files: list[CheckedFile], written: list) -> None:
    for checked in files:
        attachment = Attachment(
            post=post, name=checked.name, content_type=checked.content_type, size=checked.size
        )
        attachment.file.save(checked.name, checked.upload, save=False)
        written.append((attachment.file.storage, attachment.file.name))
        attachment.save()


def _borrower_post(thread: Thread, text: str, files: list[CheckedFile], now, written) -> Post:
    post = Post.objects.create(thread=thread, author_kind=AuthorKind.BORROWER, text=text)
    _save_files(post, files, written)
    if thread.status != ThreadStatus.WAITING or thread.answer_by is None:
        thread.status = ThreadStatus.WAITING
        thread.answer_by = service_level.answer_by(
            lender=lender_of(borrower=thread.borrower, loan=thread.loan),
            written_at=now,
            time_zone=thread.borrower.time_zone,
        )
    thread.save()
    return post


def start_thread(
    *, borrower: Borrower, new: NewThread, files: list[CheckedFile] = (), now=None
) -> Thread:
    """The borrower writes to support about ``new.loan`` (one of their own, or None)."""
    now = now or timezone.now()
    if new.loan is not None and new.loan.borrower_id != borrower.pk:
        raise ConversationError(_("Choose one of your own loans."))
    if new.about not in About.values:
        raise ConversationError(_("Choose what your message is about."))
    with _files_kept_on_commit() as written, transaction.atomic():
        thread = Thread.objects.create(
            borrower=borrower,
            loan=new.loan,
            about=new.about,
            subject=new.subject,
            status=ThreadStatus.WAITING,
        )
        _borrower_post(thread, new.text, list(files), now, written)
    return thread


def borrower_writes(*, thread: Thread, text: str, files: list[CheckedFile] = (), now=None) -> Post:
    """The borrower writes again in their thread; a closed thread opens again."""
    now = now or timezone.now()
    with _files_kept_on_commit() as written, transaction.atomic():
        thread = (
            Thread.objects.select_for_update(of=("self",))
            .select_related("borrower", "loan")
            .get(pk=thread.pk)
        )
        return _borrower_post(thread, text, list(files), now, written)


def staff_reads(*, thread: Thread, acting: Actor) -> None:
    """A member of staff opened the thread: on the audit trail and the borrower's access log."""
    record_view(acting=acting, borrower=thread.borrower, what="conversation", target=thread)


def staff_replies(*, thread: Thread, text: str, acting: Actor, close: bool = False) -> Post:
    """A reply from ``acting`` (the form has checked its wording). The borrower is told under
    their contact preferences and the contact rules; the reply is on the audit trail."""
    if acting.user is None or not acting.user.has_perm(REPLY_PERMISSION):
        raise ConversationError(_("Your role does not reply to borrowers' messages."))
    with transaction.atomic():
        thread = (
            Thread.objects.select_for_update(of=("self",))
            .select_related("borrower", "loan")
            .get(pk=thread.pk)
        )
        post = Post.objects.create(
            thread=thread, author_kind=AuthorKind.STAFF, staff_user=acting.user, text=text
        )
        thread.status = ThreadStatus.CLOSED if close else ThreadStatus.ANSWERED
        thread.save()
        record_action(
            acting=acting,
            action="conversation.replied",
            borrower=thread.borrower,
            target=thread,
            details={"post": post.pk, "closed": close},
        )
        _tell_borrower(thread, post)
    return post


def notification_loan(thread: Thread) -> Loan | None:
    """The loan a message about ``thread`` goes out under: the contact rules and the lender's
    name are a loan's. A general thread uses the borrower's most recent loan."""
    if thread.loan is not None:
        return thread.loan
    return Loan.objects.filter(borrower=thread.borrower).order_by("-disbursed_on", "-pk").first()


def _tell_borrower(thread: Thread, post: Post) -> None:
    loan = notification_loan(thread)
    if loan is None:
        return  # no loan, no rules to send under: the reply waits on the thread page
    link = page_url("conversations:thread", thread.pk, language=thread.borrower.preferred_language)
    notify(loan=loan, event=Event.SUPPORT_REPLIED, facts={"link": link}, tag=f"post{post.pk}")
