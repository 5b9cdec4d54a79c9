from django.urls import reverse
from wagtail.admin.panels import Panel


class ReadabilityPanel(Panel):
    """The plain-language check of the lesson as it is in the editor, in the lesson's own
    language: its reading level and each sentence that needs attention. It updates as the
    editor writes (static/js/plain-language-check.js asks ``views_admin.plain_language_check``
    with the form as it stands); saving stores the figures with the revision."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "education/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            context["report"] = page.current_readability_report() if page.pk else None
            context["live_url"] = (
                reverse("education_plain_language_check", args=[page.pk]) if page.pk else ""
            )
            return context


class WordingPanel(Panel):
    """What the tone check flags in the saved draft, which stops it going live, and the way to
    a compliance reviewer's override of that revision."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "education/admin/wording_panel.html"

        def get_context_data(self, parent_context=None):
            from . import wording

            context = super().get_context_data(parent_context)
            obj = self.instance
            context["saved"] = bool(obj.pk)
            if not obj.pk:
                return context
            revision = wording.latest_revision(obj)
            found = wording.flags(obj.wording_texts())
            override = wording.override_for(obj, revision) if found else None
            context.update(
                {
                    "found": found,
                    "override": override,
                    "may_override": wording.may_override(self.request.user),
                    "override_url": wording.override_url(obj, revision) if revision else "",
                }
            )
            return context


class TranslationPanel(Panel):
    """On a translation: what changed in the English lesson since this translation was last
    saved, line by line, so the translator knows what to bring across. Nothing on an English
    lesson."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "education/admin/translation_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.instance.source_lesson() is not None

        def get_context_data(self, parent_context=None):
            from .translation_changes import changes_since

            context = super().get_context_data(parent_context)
            page = self.instance
            source = page.source_lesson()
            context["source"] = source
            context["changes"] = changes_since(page.source_revision, source)
            context["never_saved"] = page.source_revision_id is None
            return context
