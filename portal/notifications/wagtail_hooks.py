"""Message texts in the editor: a snippet with drafts, revisions, locking, a preview of every
channel and the "Lesson review" workflow (editors submit, compliance reviewers approve). Saving
refuses a text with a placeholder the planner does not supply, hard reading or too long a text
message (``message_texts.compose``); words the tone check flags may be saved as a draft, with a
warning, but go live only once a compliance reviewer has overridden the check for that revision,
with a reason (``message_texts.review``; docs/message-texts.md)."""

from __future__ import annotations

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import TaskState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, WorkflowActionView

from education import wording
from portal.audit.actors import Actor
from portal.notifications.message_texts import compose as texts
from portal.notifications.message_texts import review
from portal.notifications.message_texts.defaults import PLACEHOLDER_HELP, PLACEHOLDERS

from .models import Event, MessageTemplate

CONTENT_FIELDS = ("event", "language", "subject", "body", "sms")
URL_NAMESPACE = "wagtailsnippets_notifications_messagetemplate"


class MessageTemplateForm(WagtailAdminModelForm):
    language = forms.ChoiceField(label=gettext_lazy("language"), choices=settings.LANGUAGES)

    def _clean_text(self, name: str) -> str:
        return (self.cleaned_data.get(name) or "").replace("\r\n", "\n").replace("\r", "\n")

    def clean_body(self):
        return self._clean_text("body")

    def clean_sms(self):
        return self._clean_text("sms")

    def clean(self):
        cleaned = super().clean()
        event, language = cleaned.get("event"), cleaned.get("language")
        if not event or not language:
            return cleaned
        problems = texts.check_template(
            event=event,
            language=language,
            subject=cleaned.get("subject", ""),
            body=cleaned.get("body", ""),
            sms=cleaned.get("sms", ""),
        )
        for field, refusals in problems.items():
            for message in refusals:
                self.add_error(field, message)
        return cleaned


def _same_words(cleaned: dict, text) -> bool:
    return all(
        (cleaned.get(name) or "") == (getattr(text, name, "") or "") for name in CONTENT_FIELDS
    )


class WordingPanel(Panel):
    """The tone check's findings on the words being edited, as warnings: whether they stop the
    text going live, whether a reviewer let them, and the way to do so for one who may."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "notifications/texts/wording_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            found = review.flags(self.instance)
            revision = self.instance.latest_revision
            override = review.override_of(self.instance, revision) if found else None
            context.update(
                findings=[review.describe(flag) for flag in found],
                override=override,
                override_url=(
                    reverse(f"{URL_NAMESPACE}:wording", args=[self.instance.pk])
                    if found
                    and override is None
                    and revision is not None
                    and wording.may_override(self.request.user)
                    else ""
                ),
            )
            return context


class PlaceholdersPanel(Panel):
    """The placeholders the text may use: those of its event, or of every event when adding."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "notifications/texts/placeholders_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = getattr(self.instance, "event", "")
            events = [event] if event in PLACEHOLDERS else list(PLACEHOLDERS)
            context["events"] = [
                {
                    "label": Event(name).label,
                    "placeholders": [
                        {"name": placeholder, "help": PLACEHOLDER_HELP[placeholder]}
                        for placeholder in PLACEHOLDERS[name]
                    ],
                }
                for name in events
            ]
            return context


class MessageTemplateFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=gettext_lazy("language"),
        choices=settings.LANGUAGES,
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = MessageTemplate
        fields = ["event", "language"]


def _blocked_message(found) -> str:
    return ngettext(
        "This text cannot go live yet: the wording check found %(count)d thing that may "
        "upset or mislead a borrower. Change the words, or ask a compliance reviewer to "
        "let this version go live with a reason.",
        "This text cannot go live yet: the wording check found %(count)d things that may "
        "upset or mislead a borrower. Change the words, or ask a compliance reviewer to "
        "let this version go live with a reason.",
        len(found),
    ) % {"count": len(found)}


class MessageTemplateEditView(EditView):
    """The snippet editor, with the wording gate before publishing and before approving, and
    the approval and the publishing written to the audit trail."""

    def save_instance(self):
        # Publishing or approving words that did not change goes on with the revision under
        # review, so a reviewer's override of it still applies (Wagtail would save a copy).
        revision = self.live_object.latest_revision
        if (
            self.action in ("publish", "workflow-action")
            and revision is not None
            and _same_words(self.form.cleaned_data, revision.as_object())
        ):
            self.new_revision = revision
            return self.object
        return super().save_instance()

    def _refuse(self, found):
        message = _blocked_message(found)
        if self.expects_json_response:
            return self.json_error_response("wording_blocked", message)
        messages.error(self.request, message)
        return redirect(self.get_edit_url())

    def publish_action(self):
        found = review.blocking_flags(self.live_object, self.new_revision)
        if found:
            return self._refuse(found)
        with transaction.atomic():
            response = super().publish_action()
            review.record_publish(
                template=self.live_object,
                revision=self.new_revision,
                acting=Actor.of(self.request),
            )
        return response

    def workflow_action_action(self):
        if self.workflow_action != "approve":
            return super().workflow_action_action()
        # Approving the last task publishes the latest revision: the one just saved.
        found = review.blocking_flags(self.live_object, self.new_revision)
        if found:
            return self._refuse(found)
        task_state = self.object.current_workflow_task_state
        with transaction.atomic():
            response = super().workflow_action_action()
            review.record_approval(
                template=self.live_object,
                revision=TaskState.objects.get(pk=task_state.pk).revision,
                acting=Actor.of(self.request),
            )
        return response

    def form_valid(self, form):
        response = super().form_valid(form)
        # A separate warning, not part of the green "saved": the draft is kept, but flagged.
        if self.action == "edit" and not self.expects_json_response:
            found = review.flags(self.form.instance)
            if found:
                messages.warning(
                    self.request,
                    ngettext(
                        "The wording check found %(count)d thing to look at (see “Wording "
                        "check”): the draft is saved, but it cannot go live as it is.",
                        "The wording check found %(count)d things to look at (see “Wording "
                        "check”): the draft is saved, but it cannot go live as it is.",
                        len(found),
                    )
                    % {"count": len(found)},
                )
        return response


class MessageTemplateWorkflowActionView(WorkflowActionView):
    """Approving from the dashboard or the review screen passes the same wording gate."""

    def post(self, request, *args, **kwargs):
        if self.action_name != "approve":
            return super().post(request, *args, **kwargs)
        revision = self.object.get_latest_revision()
        found = review.blocking_flags(self.object, revision)
        if found:
            messages.error(request, _blocked_message(found))
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return self.render_modal_json(
                    request, {"step": "success", "redirect": self.redirect_url}
                )
            return redirect(self.redirect_url)
        with transaction.atomic():
            response = super().post(request, *args, **kwargs)
            self.task_state.refresh_from_db()
            if self.task_state.status == TaskState.STATUS_APPROVED:
                review.record_approval(
                    template=self.object,
                    revision=self.task_state.revision,
                    acting=Actor.of(request),
                )
        return response


class OverrideForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=gettext_lazy("Why these words may go live"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=gettext_lazy(
            "For the record: what you checked and why the words are right here (for example, "
            "they quote a rule). Borrowers never see this."
        ),
    )


class WordingOverrideView(WagtailAdminTemplateMixin, FormView):
    """A compliance reviewer lets the latest revision of a flagged text go live, with a reason.
    The override covers that revision only: any later edit is checked again."""

    model = MessageTemplate
    form_class = OverrideForm
    template_name = "notifications/texts/wording_override.html"
    header_icon = "warning"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.template = get_object_or_404(MessageTemplate, pk=kwargs["pk"])
        self.revision = self.template.latest_revision

    def dispatch(self, request, *args, **kwargs):
        if not wording.may_override(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Let flagged words go live")

    def get_page_subtitle(self):
        return str(self.template)

    def get_edit_url(self):
        return reverse(f"{URL_NAMESPACE}:edit", args=[self.template.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{URL_NAMESPACE}:list"), "label": _("Message texts")},
            {"url": self.get_edit_url(), "label": str(self.template)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        return {"revision": getattr(self.revision, "pk", None)}

    def get_context_data(self, **kwargs):
        text = self.revision.as_object() if self.revision else self.template
        found = review.flags(text)
        return super().get_context_data(
            text=text,
            revision=self.revision,
            findings=[review.describe(flag) for flag in found],
            override=review.override_of(self.template, self.revision),
            edit_url=self.get_edit_url(),
            **kwargs,
        )

    def form_valid(self, form):
        if self.revision is None or form.cleaned_data["revision"] != self.revision.pk:
            messages.error(
                self.request,
                _("The text was changed while you were reading it. Check the new version."),
            )
            return redirect(self.request.path)
        if not review.flags(self.revision.as_object()):
            messages.success(self.request, _("The wording check finds nothing in this version."))
            return redirect(self.get_edit_url())
        review.override(
            template=self.template,
            revision=self.revision,
            acting=Actor.of(self.request),
            reason=form.cleaned_data["reason"],
        )
        messages.success(
            self.request,
            _("Recorded. This version of “%(text)s” may now be approved and go live.")
            % {"text": self.template},
        )
        return redirect(self.get_edit_url())


class MessageTemplateViewSet(SnippetViewSet):
    model = MessageTemplate
    icon = "mail"
    menu_label = gettext_lazy("Message texts")  # read per request, in the editor's language
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["__str__", "subject", "live", "updated_at"]
    edit_view_class = MessageTemplateEditView
    workflow_action_view_class = MessageTemplateWorkflowActionView
    filterset_class = MessageTemplateFilterSet
    search_fields = ["subject", "body", "sms"]
    ordering = ["event", "language"]
    edit_handler = ObjectList(
        [
            FieldPanel("event"),
            FieldPanel("language"),
            WordingPanel(heading=gettext_lazy("Wording check")),
            PlaceholdersPanel(heading=gettext_lazy("Placeholders you can use")),
            FieldPanel(
                "subject",
                help_text=gettext_lazy(
                    "The e-mail subject and the message-centre title. Keep it short and calm; "
                    "no amounts (others may see a subject line)."
                ),
            ),
            FieldPanel(
                "body",
                help_text=gettext_lazy(
                    "The e-mail and the message-centre message: a few short paragraphs. We add "
                    "the opt-out line ourselves, and the free debt-advice details to messages "
                    "about a missed payment, a plan offer or a plan that ended."
                ),
            ),
            FieldPanel(
                "sms",
                help_text=gettext_lazy(
                    "One text message if you can: about 160 letters in English, 70 characters "
                    "in Chinese. We add the opt-out reply line (and the debt-advice details "
                    "where needed); two messages at most in all."
                ),
            ),
        ],
        base_form_class=MessageTemplateForm,
    )

    @property
    def wording_view(self):
        return WordingOverrideView.as_view(model=self.model)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"wording/<{self.pk_path_converter}:pk>/", self.wording_view, name="wording"),
        ]


register_snippet(MessageTemplateViewSet)
