"""Message texts in the editor: a snippet with a preview of every channel, refused on save when
a text threatens, shames, pressures, mentions anyone but the borrower, reads hard, uses a
placeholder the planner does not supply, or makes too long a text message
(``message_texts.compose``; docs/message-texts.md)."""

from __future__ import annotations

import django_filters
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.notifications.message_texts import compose as texts
from portal.notifications.message_texts.defaults import PLACEHOLDER_HELP, PLACEHOLDERS

from .models import Event, MessageTemplate


class MessageTemplateForm(WagtailAdminModelForm):
    language = forms.ChoiceField(label=_("language"), choices=settings.LANGUAGES)

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
        for field, messages in problems.items():
            for message in messages:
                self.add_error(field, message)
        return cleaned


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
        label=_("language"),
        choices=settings.LANGUAGES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = MessageTemplate
        fields = ["event", "language"]


class MessageTemplateViewSet(SnippetViewSet):
    model = MessageTemplate
    icon = "mail"
    menu_label = _("Message texts")  # read per request, in the editor's language
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["__str__", "subject", "updated_at"]
    filterset_class = MessageTemplateFilterSet
    search_fields = ["subject", "body", "sms"]
    ordering = ["event", "language"]
    edit_handler = ObjectList(
        [
            FieldPanel("event"),
            FieldPanel("language"),
            PlaceholdersPanel(heading=_("Placeholders you can use")),
            FieldPanel(
                "subject",
                help_text=_(
                    "The e-mail subject and the message-centre title. Keep it short and calm; "
                    "no amounts (others may see a subject line)."
                ),
            ),
            FieldPanel(
                "body",
                help_text=_(
                    "The e-mail and the message-centre message: a few short paragraphs. We add "
                    "the opt-out line ourselves, and the free debt-advice details to messages "
                    "about a missed payment, a plan offer or a plan that ended."
                ),
            ),
            FieldPanel(
                "sms",
                help_text=_(
                    "One text message if you can: about 160 letters in English, 70 characters "
                    "in Chinese. We add the opt-out reply line (and the debt-advice details "
                    "where needed); two messages at most in all."
                ),
            ),
        ],
        base_form_class=MessageTemplateForm,
    )


register_snippet(MessageTemplateViewSet)
