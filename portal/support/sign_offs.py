"""Asking a supervisor to sign off a queue item before it is answered, and the supervisor's
answer: signed off, or sent back with a note. One request waits per item at a time; the
supervisor is a named login that may sign off beyond the policy."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import queue
from .actions.proposals import SIGN_OFF as SIGNS_OFF
from .models import QueueKind, SignOff, SignOffStatus

NOTE_LENGTH = 2000


class SignOffError(Exception):
    pass


def supervisors():
    """Who may be asked: active staff logins holding the sign-off permission, by name."""
    app_label, codename = SIGNS_OFF.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True, borrower__isnull=True)
        .filter(
            Q(groups__permissions__in=permission)
            | Q(user_permissions__in=permission)
            | Q(is_superuser=True)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _note(text: str, *, missing: str) -> str:
    note = (text or "").strip()
    if not note:
        raise SignOffError(missing)
    if len(note) > NOTE_LENGTH:
        raise SignOffError(_("Keep the note under %(count)d characters.") % {"count": NOTE_LENGTH})
    return note


def request(*, kind: str, pk: int, supervisor, note: str, user) -> tuple[SignOff, object]:
    """Ask ``supervisor`` to sign the waiting item off. Raises SignOffError, changing nothing,
    when it is not waiting, the asker cannot answer it, the supervisor may not sign off, or a
    request already waits. Call inside the transaction that records it."""
    item = queue.item_of(kind, pk)
    if item is None:
        raise SignOffError(_("This is no longer waiting: someone has answered it."))
    if not user.has_perm(queue.ANSWERING[kind]):
        raise SignOffError(_("Your role cannot answer this kind of request."))
    if supervisor is None or not supervisors().filter(pk=supervisor.pk).exists():
        raise SignOffError(_("Choose a supervisor who can sign this off."))
    if supervisor.pk == user.pk:
        raise SignOffError(_("Ask someone other than yourself to sign this off."))
    text = _note(note, missing=_("Say what the supervisor should look at."))
    try:
        with transaction.atomic():
            sign_off = SignOff.objects.create(
                kind=kind, object_id=pk, requested_by=user, supervisor=supervisor, note=text
            )
    except IntegrityError:
        raise SignOffError(
            _("A sign-off is already waiting for this. Wait for the supervisor's answer.")
        ) from None
    return sign_off, item


def answer(*, sign_off_id: int, approve: bool, note: str, user) -> tuple[SignOff, object]:
    """The supervisor signs off (``approve``) or sends back with ``note``. Raises
    SignOffError, changing nothing, unless the request waits for ``user``. The item may have
    been answered since: the answer is recorded all the same."""
    sign_off = (
        SignOff.objects.select_for_update()
        .filter(pk=sign_off_id, supervisor=user, status=SignOffStatus.WAITING)
        .first()
    )
    if sign_off is None:
        raise SignOffError(_("This request is not waiting for you any more."))
    if not user.has_perm(SIGNS_OFF):
        raise SignOffError(_("Your role cannot sign this off."))
    if approve:
        text = (note or "").strip()[:NOTE_LENGTH]
    else:
        text = _note(note, missing=_("Say why you are sending it back, so they can put it right."))
    sign_off.status = SignOffStatus.SIGNED_OFF if approve else SignOffStatus.SENT_BACK
    sign_off.answer = text
    sign_off.answered_at = timezone.now()
    sign_off.save(update_fields=["status", "answer", "answered_at"])
    return sign_off, target_of(sign_off)


def target_of(sign_off: SignOff):
    """The proposal, pause, dispute or thread the request is about, answered or not."""
    model = queue.model_of(sign_off.kind)
    related = "borrower" if sign_off.kind == QueueKind.MESSAGE else "loan__borrower"
    return model.objects.select_related(related).filter(pk=sign_off.object_id).first()


def waiting_for(user) -> list[SignOff]:
    """The requests waiting for ``user``'s sign-off, oldest first, with who asked."""
    return list(
        SignOff.objects.filter(supervisor=user, status=SignOffStatus.WAITING)
        .select_related("requested_by")
        .order_by("requested_at", "pk")
    )
