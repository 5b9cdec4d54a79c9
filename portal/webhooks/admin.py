"""Admin for the lender's webhook: staff set a lender's endpoint, read the delivery log, send a
test event, and put events the sender gave up on back in the queue. Each of those changes
writes an audit record in the same transaction."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.audit.actors import Actor
from portal.audit.recording import record_action
from portal.core.admin import ReadOnlyAdmin
from repayment.admin import LenderEventAdmin
from repayment.models import LenderEvent

from . import delivery
from .models import Delivery, WebhookEndpoint
from .topics import TOPICS


class EndpointForm(forms.ModelForm):
    url = forms.URLField(
        label=_("address"),
        max_length=500,
        assume_scheme="https",
        help_text=WebhookEndpoint._meta.get_field("url").help_text,
    )
    topics = forms.MultipleChoiceField(
        label=_("topics"),
        choices=TOPICS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Send only these topics. None ticked: send every topic."),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["lender", "url", "active", "topics"]


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    form = EndpointForm
    list_display = ["lender", "url", "active", "created_at"]
    list_filter = ["active"]
    readonly_fields = ["secret", "created_at"]
    actions = ["send_test_event", "new_secret"]

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            # The secret is left out: the audit trail is read by more people than this page.
            record_action(
                acting=Actor.of(request),
                action="webhook.changed" if change else "webhook.added",
                target=obj,
                details={
                    "changed": form.changed_data,
                    "url": obj.url,
                    "active": obj.active,
                    "topics": obj.topics,
                },
            )

    @admin.action(description=_("Send a test event"), permissions=["change"])
    def send_test_event(self, request, queryset):
        for endpoint in queryset.select_related("lender"):
            sent = delivery.send_test(endpoint=endpoint)
            record_action(acting=Actor.of(request), action="webhook.test_sent", target=endpoint)
            if sent.success:
                self.message_user(
                    request,
                    _("%(lender)s: the test event was delivered (HTTP %(status)s).")
                    % {"lender": endpoint.lender, "status": sent.status_code},
                    messages.SUCCESS,
                )
            else:
                self.message_user(
                    request,
                    _("%(lender)s: the test event was not delivered: %(error)s")
                    % {"lender": endpoint.lender, "error": sent.error or sent.status_code},
                    messages.WARNING,
                )

    @admin.action(
        description=_("Make a new signing secret (the old one stops working at once)"),
        permissions=["change"],
    )
    def new_secret(self, request, queryset):
        for endpoint in queryset:
            with transaction.atomic():
                delivery.rotate_secret(endpoint=endpoint)
                record_action(
                    acting=Actor.of(request), action="webhook.secret_renewed", target=endpoint
                )
        self.message_user(
            request,
            _("New secrets made. Give each lender's developer the new one."),
            messages.SUCCESS,
        )


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    """The delivery log: written by the sender only."""

    list_display = [
        "started_at",
        "topic",
        "event",
        "endpoint",
        "attempt",
        "status_code",
        "success",
        "duration_ms",
        "error",
    ]
    list_filter = ["success", "topic", "endpoint"]
    search_fields = ["event__key"]
    list_select_related = ["event", "endpoint__lender"]
    date_hierarchy = "started_at"
    show_full_result_count = False


class DeliveryInline(admin.TabularInline):
    model = Delivery
    fields = ["started_at", "attempt", "status_code", "success", "duration_ms", "error"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


class WebhookLenderEventAdmin(LenderEventAdmin):
    """The outbox's page, with the delivery log and the "try again" action."""

    inlines = [DeliveryInline]
    actions = ["try_again"]

    def has_try_again_permission(self, request):
        return request.user.has_perm("repayment.change_lenderevent")

    @admin.action(
        description=_("Try again: send the selected events that were given up on or not wanted"),
        permissions=["try_again"],
    )
    def try_again(self, request, queryset):
        with transaction.atomic():
            keys = delivery.try_again(events=queryset)
            record_action(
                acting=Actor.of(request), action="webhook.try_again", details={"events": keys[:100]}
            )
        count = len(keys)
        self.message_user(
            request,
            ngettext(
                "%(count)d event is waiting to be sent again.",
                "%(count)d events are waiting to be sent again.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


# The outbox belongs to repayment, which knows nothing of webhooks: this app extends its page.
if admin.site.is_registered(LenderEvent):
    admin.site.unregister(LenderEvent)
admin.site.register(LenderEvent, WebhookLenderEventAdmin)
