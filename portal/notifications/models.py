"""What the reminders keep: the borrower's choices, suppressed addresses, the outbox (which is
also the message centre), contacts made by people, and the staff-edited message texts."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from education.models import WordingGatedMixin
from portal.notifications.contact_rules.rules import Channel, Kind, Rule


class Event(models.TextChoices):
    UPCOMING_DUE = "upcoming_due", _("Payment due soon")
    PAYMENT_RECEIVED = "payment_received", _("Payment received")
    PAYMENT_MISSED = "payment_missed", _("Payment missed")
    PLAN_OFFER_AVAILABLE = "plan_offer_available", _("Repayment plan available")
    PLAN_ACCEPTED = "plan_accepted", _("Plan set up")
    PLAN_INSTALLMENT_DUE = "plan_installment_due", _("Plan payment due soon")
    PLAN_PAYMENT_MOVED_TO_END = "plan_payment_moved_to_end", _("Plan payment moved to the end")
    PLAN_COMPLETED = "plan_completed", _("Plan completed")
    PLAN_BROKEN = "plan_broken", _("Plan ended")
    PAUSE_GRANTED = "pause_granted", _("Pause granted")
    PAUSE_DECLINED = "pause_declined", _("Pause declined")
    PAUSE_ENDED = "pause_ended", _("Pause ended")
    PROPOSAL_APPROVED = "proposal_approved", _("Plan proposal approved")
    PROPOSAL_COUNTERED = "proposal_countered", _("Plan proposal: counter-offer")
    PROPOSAL_DECLINED = "proposal_declined", _("Plan proposal declined")
    DISPUTE_RECEIVED = "dispute_received", _("Question received")
    DISPUTE_RESOLVED = "dispute_resolved", _("Question answered")
    PROMISE_BROKEN = "promise_broken", _("Promise to pay not kept")
    PROMISE_PART_KEPT = "promise_part_kept", _("Promise to pay partly kept")
    PROMISE_MADE = "promise_made", _("Promise to pay received")
    PAYMENT_REPORTED = "payment_reported", _("Payment the borrower told us of")
    PAYMENT_NOT_FOUND = "payment_not_found", _("Payment not found yet")
    SUPPORT_REPLIED = "support_replied", _("Support replied to a message")


# How the contact rules treat each event (docs/contact-rules.md says what binds each kind).
EVENT_KIND: dict[str, Kind] = {
    Event.UPCOMING_DUE: Kind.COURTESY,
    Event.PAYMENT_RECEIVED: Kind.SERVICE,
    Event.PAYMENT_MISSED: Kind.COLLECTION,
    Event.PLAN_OFFER_AVAILABLE: Kind.COLLECTION,
    Event.PLAN_ACCEPTED: Kind.SERVICE,
    Event.PLAN_INSTALLMENT_DUE: Kind.COURTESY,
    Event.PLAN_PAYMENT_MOVED_TO_END: Kind.SERVICE,
    Event.PLAN_COMPLETED: Kind.SERVICE,
    Event.PLAN_BROKEN: Kind.SERVICE,
    Event.PAUSE_GRANTED: Kind.SERVICE,
    Event.PAUSE_DECLINED: Kind.SERVICE,
    Event.PAUSE_ENDED: Kind.SERVICE,
    Event.PROPOSAL_APPROVED: Kind.SERVICE,
    Event.PROPOSAL_COUNTERED: Kind.SERVICE,
    Event.PROPOSAL_DECLINED: Kind.SERVICE,
    Event.DISPUTE_RECEIVED: Kind.SERVICE,
    Event.DISPUTE_RESOLVED: Kind.SERVICE,
    Event.PROMISE_BROKEN: Kind.SERVICE,
    Event.PROMISE_PART_KEPT: Kind.SERVICE,
    Event.PROMISE_MADE: Kind.SERVICE,
    Event.PAYMENT_REPORTED: Kind.SERVICE,
    Event.PAYMENT_NOT_FOUND: Kind.SERVICE,
    Event.SUPPORT_REPLIED: Kind.SERVICE,
}

ChannelChoices = models.TextChoices(
    "ChannelChoices",
    [
        ("EMAIL", (Channel.EMAIL.value, _("E-mail"))),
        ("SMS", (Channel.SMS.value, _("Text message (SMS)"))),
        ("IN_PORTAL", (Channel.IN_PORTAL.value, _("Message centre"))),
        ("CALL", (Channel.CALL.value, _("Phone call"))),
    ],
)
KindChoices = models.TextChoices(
    "KindChoices",
    [
        ("COLLECTION", (Kind.COLLECTION.value, _("arrears reminder"))),
        ("COURTESY", (Kind.COURTESY.value, _("courtesy reminder"))),
        ("SERVICE", (Kind.SERVICE.value, _("confirmation"))),
    ],
)
RuleChoices = models.TextChoices("RuleChoices", [(rule.name, rule.value) for rule in Rule])


class ContactPreferences(models.Model):
    """The borrower's own choices. In-portal messages always go to the message centre; the
    address fields override the account's e-mail and the lender's phone number."""

    borrower = models.OneToOneField(
        "repayment.Borrower", on_delete=models.CASCADE, related_name="contact_preferences"
    )
    email_enabled = models.BooleanField(_("send me e-mails"), default=True)
    sms_enabled = models.BooleanField(_("send me text messages"), default=False)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("mobile number"), max_length=40, blank=True)
    contact_from = models.TimeField(_("contact me from"), null=True, blank=True)
    contact_until = models.TimeField(_("contact me until"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contact preferences")
        verbose_name_plural = _("contact preferences")

    def __str__(self):
        return str(self.borrower)


class Suppression(models.Model):
    """An address that must not get messages: the owner opted out, or it bounced. Kept per
    address, not per borrower, so an opt-out survives the borrower's records changing."""

    class Reason(models.TextChoices):
        OPTED_OUT = "opted_out", _("opted out")
        BOUNCED = "bounced", _("bounced")

    channel = models.CharField(_("channel"), max_length=12, choices=ChannelChoices.choices)
    address = models.CharField(_("address"), max_length=254)  # normalised, see addresses
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices)
    source = models.CharField(_("how we heard"), max_length=40)  # link, reply, provider, ...
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "address", "reason"], name="one_suppression_per_reason"
            )
        ]

    def __str__(self):
        return f"{self.channel} {self.address} ({self.reason})"


class InboundReplySeen(models.Model):
    """A text reply (STOP, START) the SMS provider delivered and we acted on, by the provider's
    message id, so the same request sent again has no effect (``replies.inbound``). The database's
    unique constraint decides between two copies arriving at once. Pruned after
    ``inbound.KEEP_SEEN``."""

    provider_id = models.CharField(_("provider's message id"), max_length=64)
    received_at = models.DateTimeField(_("received"))

    class Meta:
        verbose_name = _("inbound reply seen")
        verbose_name_plural = _("inbound replies seen")
        constraints = [
            models.UniqueConstraint(fields=["provider_id"], name="inbound_reply_seen_once")
        ]
        indexes = [models.Index(fields=["received_at"], name="inbound_reply_seen_at")]

    def __str__(self):
        return self.provider_id


class Status(models.TextChoices):
    PLANNED = "planned", _("waiting to send")
    SUPPRESSED = "suppressed", _("held back by a contact rule")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    UNCERTAIN = "uncertain", _("may have been sent")


class OutboundMessage(models.Model):
    """One message to one borrower on one channel: the outbox, the delivery log and, for the
    in-portal channel, the message centre. ``key`` makes planning idempotent."""

    key = models.CharField(max_length=200, unique=True)
    borrower = models.ForeignKey(
        "repayment.Borrower", on_delete=models.CASCADE, related_name="messages"
    )
    loan = models.ForeignKey(
        "repayment.Loan", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    event = models.CharField(_("event"), max_length=40, choices=Event.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=KindChoices.choices)
    channel = models.CharField(_("channel"), max_length=12, choices=ChannelChoices.choices)
    due_on = models.DateField(_("due on"))
    address = models.CharField(_("address"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))
    rule = models.CharField(_("rule"), max_length=30, choices=RuleChoices.choices)
    reason = models.CharField(_("why"), max_length=400)
    citation = models.CharField(_("source of the rule"), max_length=400, blank=True)
    send_at = models.DateTimeField(_("send at"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    provider_ref = models.CharField(max_length=200, blank=True)
    last_error = models.CharField(max_length=400, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            # The sender's claim, oldest first. Partial, and in the claim's own order, so
            # PostgreSQL walks it with a plain index scan that skips (and marks) the entries
            # of rows sent since: a queue table's index otherwise fills with them between
            # vacuums, and a bitmap scan visited every one (29 ms a claim in the simulation).
            models.Index(
                fields=["send_at", "id"],
                condition=Q(status="planned"),
                name="outbox_planned",
            ),
            # Rows a dead worker left "sending" (sweep_stale).
            models.Index(
                fields=["claimed_at"], condition=Q(status="sending"), name="outbox_sending"
            ),
            models.Index(fields=["borrower", "send_at"], name="outbox_borrower_recent"),
            models.Index(fields=["borrower", "channel", "status"], name="outbox_centre"),
        ]

    def __str__(self):
        return self.key


class ContactAttempt(models.Model):
    """A contact a person made or tried (a call, a letter): the call rules count these."""

    borrower = models.ForeignKey(
        "repayment.Borrower", on_delete=models.CASCADE, related_name="contact_attempts"
    )
    at = models.DateTimeField(_("when"))
    channel = models.CharField(_("channel"), max_length=12, choices=ChannelChoices.choices)
    kind = models.CharField(
        _("kind"), max_length=12, choices=KindChoices.choices, default=Kind.COLLECTION
    )
    connected = models.BooleanField(_("answered"), default=False)
    conversation = models.BooleanField(_("spoke about the debt"), default=False)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        indexes = [models.Index(fields=["borrower", "at"], name="contact_borrower_at")]

    def __str__(self):
        return f"{self.get_channel_display()} {self.at:%Y-%m-%d %H:%M}"


class MessageTemplate(
    WordingGatedMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    models.Model,
):
    """The words of one event's message in one language, edited by staff. Placeholders use
    Django template syntax ({{ amount }}); the opt-out line and the debt-advice signpost are
    added by the system, so no edit can drop them. The editor's preview shows the e-mail, the
    message-centre message and the SMS as the borrower sees them (``compose.preview``).

    An edit is a draft (a revision) until it is published: editors submit it to the "Lesson
    review" workflow and a compliance reviewer approves it. The row's own columns hold the
    live words, which are all the planner reads (``compose.load_texts``); a row never
    published (``live`` false) is not used at all. Words the tone check flags cannot go live
    without a reviewer's recorded reason (``message_texts.review``)."""

    event = models.CharField(_("event"), max_length=40, choices=Event.choices)
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject (e-mail and message centre)"), max_length=200)
    body = models.TextField(_("text (e-mail and message centre)"))
    sms = models.TextField(_("text message"), max_length=300)
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="message_template",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="message_template",
        for_concrete_model=False,
    )

    class Meta:
        verbose_name = _("message template")
        verbose_name_plural = _("message templates")
        ordering = ["event", "language"]
        constraints = [
            models.UniqueConstraint(fields=["event", "language"], name="one_template_per_event")
        ]

    def __str__(self):
        return f"{self.get_event_display()} ({self.language})"

    @property
    def revisions(self):
        return self._revisions

    def wording_texts(self):
        # The editor's views refuse first, with the findings; the mixin's publish() stops any
        # other way in (a revert, a script) from putting flagged words live.
        from portal.notifications.message_texts.review import wording_of

        return wording_of(self)

    def get_preview_template(self, request, mode_name):
        return "notifications/texts/preview.html"

    def get_preview_context(self, request, mode_name):
        from education.debt_advice import advice_book
        from portal.notifications.message_texts.compose import (
            SAMPLE_JURISDICTION,
            normalise_language,
            preview,
        )

        # The free help of the country the sample values are from, as editors publish it.
        language = normalise_language(self.language)
        lender = advice_book().advice(
            jurisdiction=SAMPLE_JURISDICTION.get(language, "US"), language=language
        )
        return {
            **super().get_preview_context(request, mode_name),
            **preview(
                event=self.event,
                language=self.language,
                subject=self.subject,
                body=self.body,
                sms=self.sms,
                lender=lender,
            ),
        }
