"""CMS views of the education app: the plain-language check as the editor writes, and a
compliance reviewer's override of the wording check for one revision."""

from __future__ import annotations

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.pages.preview import PreviewOnEditView
from wagtail.log_actions import log

from . import wording
from .models import GlossaryTerm, LessonPage

OVERRIDE_LOG_ACTION = "education.wording_override"
GATED_MODELS = (LessonPage, GlossaryTerm)


class PlainLanguageCheckView(PreviewOnEditView):
    """The lesson's plain-language check of the form as it stands, unsaved: Wagtail's own
    preview form handling builds the page from the posted form, so what is checked is what
    the editor sees. Answers with the panel's HTML; nothing is stored."""

    http_method_names = ("post",)

    def get_object(self):
        page = super().get_object()
        if not isinstance(page, LessonPage):
            raise Http404
        return page

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not self.validate_form(form):
            return JsonResponse({"is_valid": False})
        form.save(commit=False)
        html = render_to_string(
            "education/admin/readability_panel.html",
            {
                "saved": True,
                "report": self.object.current_readability_report(),
                "live_url": request.path,
            },
            request=request,
        )
        return JsonResponse({"is_valid": True, "html": html})


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why these words may go live"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=gettext_lazy(
            "For the record: for example, the words quote a rule as an example of what we "
            "must not say. The override covers this revision only; any later change is "
            "checked again."
        ),
    )


def wording_override(request, content_type_id: int, object_id: str, revision_id: int):
    if not wording.may_override(request.user):
        raise PermissionDenied
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model not in GATED_MODELS:
        raise Http404
    obj = get_object_or_404(model, pk=object_id)
    revision = get_object_or_404(obj.revisions, pk=revision_id)
    found = wording.flags(revision.as_object().wording_texts())
    edit_url = AdminURLFinder(request.user).get_edit_url(obj)
    existing = wording.override_for(obj, revision)
    if not found or existing is not None:
        messages.info(
            request,
            _("The wording check does not stop this version of '%(name)s' going live.")
            % {"name": obj},
        )
        return redirect(edit_url)
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        try:
            wording.record_override(
                obj=obj, revision=revision, reviewer=request.user, reason=reason, found=found
            )
        except ValueError:
            form.add_error("reason", _("Give a reason."))
        else:
            log(
                instance=obj,
                action=OVERRIDE_LOG_ACTION,
                user=request.user,
                revision=revision,
                data={"reason": reason.strip(), "phrases": [flag.phrase for flag in found]},
            )
            messages.success(
                request,
                _("Override recorded. This version of '%(name)s' can now be published or approved.")
                % {"name": obj},
            )
            return redirect(edit_url)
    return TemplateResponse(
        request,
        "education/admin/wording_override.html",
        {"object": obj, "revision": revision, "found": found, "form": form, "edit_url": edit_url},
    )
