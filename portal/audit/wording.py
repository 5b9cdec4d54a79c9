"""The recorded codes in plain words: for compliance staff on the trail, and for the borrower
on "When our staff looked at your account". The console records short dotted codes
(``borrower.statement``, ``proposal.approved``); an unknown code still reads sensibly."""

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Record, RecordKind
from .recording import ACCESS_REFUSED

# What staff looked at, as the trail says it.
VIEWED = {
    "borrower.search": gettext_lazy("Searched for borrowers"),
    "borrower.account": gettext_lazy("Viewed the borrower's account"),
    "borrower.statement": gettext_lazy("Viewed a loan statement"),
    "borrower.messages": gettext_lazy("Viewed messages and reminders"),
    "borrower.contacts": gettext_lazy("Viewed the contact history"),
    "borrower.notes": gettext_lazy("Viewed staff notes"),
    "proposal": gettext_lazy("Viewed a plan proposal"),
    "pause": gettext_lazy("Viewed a pause request"),
    "dispute": gettext_lazy("Viewed a dispute"),
    "conversation": gettext_lazy("Viewed a conversation with the borrower"),
    "conversation.list": gettext_lazy("Viewed the list of borrowers' messages"),
    "conversation.attachment": gettext_lazy("Opened a file the borrower sent"),
}
# The same, as the borrower reads it.
BORROWER_VIEWED = {
    "borrower.account": gettext_lazy("Your account overview"),
    "borrower.statement": gettext_lazy("A loan statement"),
    "borrower.messages": gettext_lazy("Your messages and reminders"),
    "borrower.contacts": gettext_lazy("The record of our calls and letters to you"),
    "borrower.notes": gettext_lazy("Our notes on your account"),
    "proposal": gettext_lazy("A plan you proposed"),
    "pause": gettext_lazy("Your request for a pause"),
    "dispute": gettext_lazy("An entry you disputed"),
    "conversation": gettext_lazy("Your conversation with support"),
    "conversation.attachment": gettext_lazy("A file you sent us"),
}
ACTIONS = {
    "audit.exported": gettext_lazy("Exported the audit trail"),
    "audit.disclosure_on": gettext_lazy("Let borrowers see when staff viewed their account"),
    "audit.disclosure_off": gettext_lazy(
        "Stopped borrowers seeing when staff viewed their account"
    ),
    "proposal.approved": gettext_lazy("Approved a plan proposal"),
    "proposal.approved_beyond_policy": gettext_lazy("Signed off a plan proposal beyond the policy"),
    "proposal.declined": gettext_lazy("Declined a plan proposal"),
    "proposal.countered": gettext_lazy("Offered different terms for a plan proposal"),
    "proposal.countered_beyond_policy": gettext_lazy(
        "Signed off a counter-offer beyond the policy"
    ),
    "pause.granted": gettext_lazy("Granted a pause"),
    "pause.declined": gettext_lazy("Declined a pause request"),
    "pause.ended": gettext_lazy("Ended a pause"),
    "dispute.upheld": gettext_lazy("Upheld a dispute"),
    "dispute.rejected": gettext_lazy("Rejected a dispute"),
    "contact.recorded": gettext_lazy("Recorded a contact"),
    "note.added": gettext_lazy("Added a note"),
    "invitation.resent": gettext_lazy("Sent a new invitation link"),
    "message.resent": gettext_lazy("Sent a message again"),
    "proposal.taken": gettext_lazy("Took a plan proposal from the queue"),
    "pause.taken": gettext_lazy("Took a pause request from the queue"),
    "dispute.taken": gettext_lazy("Took a dispute from the queue"),
    "conversation.replied": gettext_lazy("Replied to a borrower's message"),
    "webhook.added": gettext_lazy("Added a lender's webhook"),
    "webhook.changed": gettext_lazy("Changed a lender's webhook"),
    "webhook.test_sent": gettext_lazy("Sent a test event to a lender's webhook"),
    "webhook.secret_renewed": gettext_lazy("Made a new signing secret for a lender's webhook"),
    "webhook.try_again": gettext_lazy("Sent a lender's events again"),
    "message_text.wording_override": gettext_lazy(
        "Let a message text the wording check flags go live, with a reason"
    ),
    "message_text.approved": gettext_lazy("Approved a message text"),
    "message_text.published": gettext_lazy("Published a message text"),
    "training.passed": gettext_lazy("Passed a training check"),
    "contact_rules.change_requested": gettext_lazy("Asked to change a lender's contact rules"),
    "contact_rules.change_approved": gettext_lazy("Approved a change to a lender's contact rules"),
    "contact_rules.change_rejected": gettext_lazy(
        "Turned down a change to a lender's contact rules"
    ),
    "contact_rules.change_applied": gettext_lazy("A lender's contact rules changed, as approved"),
}
# What a signed-in login tried and was refused.
REFUSED = {
    ACCESS_REFUSED: gettext_lazy("Tried to open a staff page their role does not open"),
    "proposal.sign_off_refused": gettext_lazy(
        "Tried to agree a plan beyond the policy without the sign-off permission"
    ),
}
# The trail's filter by kind of action: a whole kind, or one code (a code of views covers its
# family, as ``_family`` reads it). Changes to the records (django-auditlog) are one choice.
ANY = "any"
HISTORY = "history"


def _family(code: str, table: dict):
    """``borrower.statement.pdf`` falls back to ``borrower.statement``, then ``borrower``."""
    parts = code.split(".")
    while parts:
        if ".".join(parts) in table:
            return table[".".join(parts)]
        parts.pop()
    return None


def record_summary(record: Record) -> str:
    if record.kind == RecordKind.VIEW:
        if record.action == "borrower.search" and record.details.get("query"):
            return _("Searched for borrowers: “%(query)s”") % {"query": record.details["query"]}
        words = _family(record.action, VIEWED)
        return str(words) if words else _("Viewed: %(code)s") % {"code": record.action}
    if record.kind == RecordKind.REFUSED:
        return _refusal_summary(record)
    words = ACTIONS.get(record.action)
    return str(words) if words else _("Action: %(code)s") % {"code": record.action}


def _refusal_summary(record: Record) -> str:
    if record.action == ACCESS_REFUSED:
        path = record.details.get("path", "")
        if record.details.get("method") in ("GET", "HEAD"):
            return _("Tried to open a staff page: %(path)s") % {"path": path}
        return _("Tried to send a form to a staff page: %(path)s") % {"path": path}
    words = REFUSED.get(record.action)
    return str(words) if words else _("Refused: %(code)s") % {"code": record.action}


def action_choices() -> list:
    """The trail filter's choices, grouped by kind, in the reader's language."""
    return [
        ("", _("Every kind of action")),
        (
            _("Views of borrowers' data"),
            [(f"{RecordKind.VIEW}:{ANY}", _("Any view")), *_codes(RecordKind.VIEW, VIEWED)],
        ),
        (
            _("Staff actions"),
            [(f"{RecordKind.CHANGE}:{ANY}", _("Any action")), *_codes(RecordKind.CHANGE, ACTIONS)],
        ),
        (
            _("Refused attempts"),
            [
                (f"{RecordKind.REFUSED}:{ANY}", _("Any refused attempt")),
                *_codes(RecordKind.REFUSED, REFUSED),
            ],
        ),
        (_("Changes to the records"), [(HISTORY, _("Any change to the records"))]),
    ]


def _codes(kind: str, table: dict) -> list[tuple[str, str]]:
    return [(f"{kind}:{code}", str(words)) for code, words in table.items()]


def borrower_view_summary(code: str) -> str:
    words = _family(code, BORROWER_VIEWED)
    return str(words) if words else _("Your account")


def change_summary(entry: LogEntry) -> str:
    model = entry.content_type.model_class()
    thing = str(model._meta.verbose_name) if model else entry.content_type.model
    values = {"thing": thing, "name": entry.object_repr}
    if entry.action == LogEntry.Action.CREATE:
        return _("Created %(thing)s “%(name)s”") % values
    if entry.action == LogEntry.Action.DELETE:
        return _("Deleted %(thing)s “%(name)s”") % values
    return _("Changed %(thing)s “%(name)s”") % values


def object_words(model: type[models.Model], obj: models.Model | None) -> str:
    """A recorded object in words, for a reader who knows loans by their reference: "plan
    proposal on loan HCF-777", never "repayment.proposal 17". The borrower is named in a column
    of their own. ``obj`` None: it no longer exists, and only its kind can be said."""
    thing = str(model._meta.verbose_name)
    if obj is None:
        return thing
    if model._meta.label == "repayment.Loan":
        return _("loan %(reference)s") % {"reference": obj.reference}
    if has_foreign_key(model, "loan"):
        return _("%(thing)s on loan %(reference)s") % {
            "thing": thing,
            "reference": obj.loan.reference,
        }
    if has_foreign_key(model, "lender"):
        return _("%(thing)s of %(lender)s") % {"thing": thing, "lender": obj.lender.name}
    if model._meta.label == "repayment.Borrower" or has_foreign_key(model, "borrower"):
        return thing
    return _("%(thing)s “%(name)s”") % {"thing": thing, "name": obj}


def has_foreign_key(model, name: str) -> bool:
    """Whether ``model`` has a foreign key called ``name`` (its ``select_related`` names)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return field.concrete and (field.many_to_one or field.one_to_one)
