from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """Logins are deactivated, never deleted: the audit trail names who did what, and on
    PostgreSQL it refuses the change a deletion would make to it."""

    def has_delete_permission(self, request, obj=None):
        return False


class AuthenticatorAdmin(admin.ModelAdmin):
    """Who has which authenticator, and removing one (a lost phone). Never its secret or
    recovery codes: whoever reads those can make the owner's codes. Replaces allauth's own
    admin, which shows and edits them (see ``portal.admin_site``)."""

    list_display = ("login", "type", "created_at", "last_used_at")
    list_filter = ("type",)
    search_fields = ("user__email",)
    list_select_related = ("user",)
    fields = ("login", "type", "created_at", "last_used_at")
    readonly_fields = fields

    @admin.display(description=_("login"), ordering="user__email")
    def login(self, authenticator):
        return authenticator.user.email or authenticator.user.get_username()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
