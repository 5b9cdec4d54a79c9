from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """Logins are deactivated, never deleted: the audit trail names who did what, and on
    PostgreSQL it refuses the change a deletion would make to it."""

    def has_delete_permission(self, request, obj=None):
        return False
