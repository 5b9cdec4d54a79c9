"""The recorded codes in plain words: for compliance staff on the trail, and for the borrower
on "When our staff looked at your account". The console records short dotted codes
(``borrower.statement``, ``proposal.approved``); an unknown code still reads sensibly."""

from auditlog.models import LogEntry
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Record, RecordKind

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
}
ACTIONS = {
    "audit.exported": gettext_lazy("Exported the audit trail"),
    "audit.disclosure_on": gettext_lazy("Let borrowers see when staff viewed their account"),
    "audit.disclosure_off": gettext_lazy(
        "Stopped borrowers seeing when staff viewed their account"
    ),
    "proposal.approved": gettext_lazy("Approved a plan proposal"),
    "proposal.declined": gettext_lazy("Declined a plan proposal"),
    "proposal.countered": gettext_lazy("Offered different terms for a plan proposal"),
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
}


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
    words = ACTIONS.get(record.action)
    return str(words) if words else _("Action: %(code)s") % {"code": record.action}


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
