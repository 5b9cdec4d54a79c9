"""A read-only view of pauses, disputes and promises to pay in the admin; staff answer pauses
and disputes in the console, and promises are the borrower's word, settled by the ledger."""

from django.contrib import admin

from portal.core.admin import ReadOnlyAdmin
from repayment.models import Dispute, Pause, Promise


@admin.register(Pause)
class PauseAdmin(ReadOnlyAdmin):
    list_display = ["loan", "reason", "status", "starts_on", "ends_on"]
    list_filter = ["status", "reason"]


@admin.register(Dispute)
class DisputeAdmin(ReadOnlyAdmin):
    list_display = ["loan", "entry", "status", "created_at"]
    list_filter = ["status"]


@admin.register(Promise)
class PromiseAdmin(ReadOnlyAdmin):
    list_display = ["loan", "amount", "made_on", "pay_by", "hold_until", "status", "paid"]
    list_filter = ["status"]
    search_fields = ["loan__reference"]
    list_select_related = ["loan"]
    date_hierarchy = "made_on"
