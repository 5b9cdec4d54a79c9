"""A read-only view of pauses and disputes in the admin; staff answer them in the console."""

from django.contrib import admin

from portal.core.admin import ReadOnlyAdmin
from repayment.models import Dispute, Pause


@admin.register(Pause)
class PauseAdmin(ReadOnlyAdmin):
    list_display = ["loan", "reason", "status", "starts_on", "ends_on"]
    list_filter = ["status", "reason"]


@admin.register(Dispute)
class DisputeAdmin(ReadOnlyAdmin):
    list_display = ["loan", "entry", "status", "created_at"]
    list_filter = ["status"]
