"""Django's admin, asking why before anything changes.

Every model the admin shows is registered through ``PortalAdminSite``, which gives its admin
class ``ReasonedChanges``: the add and change forms gain a required reason, a deletion and
every action ask for one on their confirmation page, and the bulk "delete selected" action is
off (one reason per deletion). The reason goes with the change into django-auditlog's entry
(``portal.admin_reasons``)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .admin_reasons import change_reason

REASON = "change_reason"
REASON_LABEL = _("Why are you making this change?")
REASON_HELP = _("Kept with the change in the audit trail, for whoever reviews it later.")


def reason_field() -> forms.CharField:
    return forms.CharField(
        label=REASON_LABEL,
        help_text=REASON_HELP,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReasonedChanges:
    """Mixed into every ModelAdmin the site registers."""

    delete_confirmation_template = "admin/delete_with_reason.html"

    def _asks_reason(self, request, obj) -> bool:
        if obj is None:
            return self.has_add_permission(request)
        return self.has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._asks_reason(request, obj) or REASON in flatten_fieldsets(fieldsets):
            return fieldsets
        return [*fieldsets, (_("Reason"), {"fields": [REASON]})]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # The model form knows nothing of the reason; it is declared on the form made here.
        if kwargs.get("fields") is not None:
            kwargs["fields"] = [name for name in kwargs["fields"] if name != REASON]
        elif "fields" not in kwargs:
            fieldsets = self.get_fieldsets(request, obj)
            kwargs["fields"] = [name for name in flatten_fieldsets(fieldsets) if name != REASON]
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self._asks_reason(request, obj):
            return form
        return type(form.__name__, (form,), {REASON: reason_field()})

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # An address typed without a scheme is taken as https (Django 6's default).
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        with change_reason(form.cleaned_data.get(REASON, "")):
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        with change_reason(form.cleaned_data.get(REASON, "")):
            super().save_related(request, form, formsets, change)

    def delete_view(self, request, object_id, extra_context=None):
        if request.method == "POST":
            reason = request.POST.get(REASON, "").strip()
            if reason:
                with change_reason(reason):
                    return super().delete_view(request, object_id, extra_context)
            # Shown again, saying what is missing: an empty POST is the confirmation page.
            request.POST = QueryDict()
            extra_context = {**(extra_context or {}), "reason_missing": True}
        return super().delete_view(
            request, object_id, {**(extra_context or {}), "reason_label": REASON_LABEL}
        )

    def response_action(self, request, queryset):
        reason = request.POST.get(REASON, "").strip()
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        action = request.POST.get("action", "")
        if reason or not selected or not action:
            with change_reason(reason):
                return super().response_action(request, queryset)
        return TemplateResponse(
            request,
            "admin/action_reason.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Why?"),
                "action": action,
                "action_name": self._action_name(request, action),
                "selected": selected,
                "objects": queryset.filter(pk__in=selected),
                "checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "reason_label": REASON_LABEL,
                "reason_help": REASON_HELP,
                "reason_missing": REASON in request.POST,
                "select_across": request.POST.get("select_across", "0"),
            },
        )

    def _action_name(self, request, action: str) -> str:
        for name, description in self.get_action_choices(request, default_choices=[]):
            if name == action:
                return description
        return action


class PortalAdminSite(admin.AdminSite):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One deletion at a time, each with its reason.
        self.disable_action("delete_selected")

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, ReasonedChanges):
            admin_class = type(
                admin_class.__name__,
                (ReasonedChanges, admin_class),
                {"__module__": admin_class.__module__},
            )
        super().register(model_or_iterable, admin_class, **options)


def replace_third_party_admins() -> None:
    """Admins other packages register that show what staff must not see."""
    from allauth.mfa.models import Authenticator

    from portal.accounts.admin import AuthenticatorAdmin

    if admin.site.is_registered(Authenticator):
        admin.site.unregister(Authenticator)
    admin.site.register(Authenticator, AuthenticatorAdmin)
