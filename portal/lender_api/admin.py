"""Lender API keys for staff: make a key (shown once, on the page that follows), see who has
which key and when it was last used, revoke. The digest never appears; keys are not deleted,
so revoked ones stay on record."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .keys import SCOPES, create_key, revoke_key
from .models import LenderKey


class NewKeyForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("scopes"),
        choices=list(SCOPES.items()),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Give each key only what its system needs."),
    )

    class Meta:
        model = LenderKey
        fields = ["lender", "name", "scopes"]


@admin.register(LenderKey)
class LenderKeyAdmin(admin.ModelAdmin):
    list_display = [
        "prefix",
        "name",
        "lender",
        "scope_list",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["lender", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["prefix", "name", "lender__name"]
    list_select_related = ["lender"]
    readonly_fields = [
        "prefix",
        "lender",
        "name",
        "scope_list",
        "created_at",
        "created_by",
        "last_used_at",
        "revoked_at",
    ]
    actions = ["revoke"]

    @admin.display(description=_("scopes"))
    def scope_list(self, key):
        return ", ".join(key.scopes)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = NewKeyForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else []

    def get_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ["lender", "name", "scopes"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        if change:
            return
        new = create_key(
            lender=obj.lender,
            name=obj.name,
            scopes=form.cleaned_data["scopes"],
            created_by=request.user,
        )
        obj.pk = new.key.pk
        obj.prefix = new.key.prefix
        request._new_lender_key = new.plaintext

    def response_add(self, request, obj, post_url_continue=None):
        """The one page that shows the whole key: not in a message, which the session or a
        cookie would keep, and not cached."""
        response = TemplateResponse(
            request,
            "lender_api/key_created.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "key": obj,
                "plaintext": request._new_lender_key,
                "title": _("New lender API key"),
            },
        )
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description=_("Revoke the selected keys"), permissions=["change"])
    def revoke(self, request, queryset):
        count = sum(revoke_key(key=key) for key in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d key revoked; it is refused from now on.",
                "%(count)d keys revoked; they are refused from now on.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
