from wagtail.admin.panels import Panel


class ReadabilityPanel(Panel):
    """The plain-language check of the lesson as last saved: its reading level and each
    sentence that needs attention. Saving the page (draft or publish) runs the check again."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "education/admin/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["saved"] = bool(page.pk)
            context["report"] = page.readability_report() if page.pk else None
            return context
