from django.contrib import admin

from portal.core.admin import ReadOnlyAdmin

from .models import Record


@admin.register(Record)
class RecordAdmin(ReadOnlyAdmin):
    """Read-only: records are searched here and in the console, never written."""

    list_display = ["at", "actor_label", "kind", "action", "borrower_id", "ip"]
    list_filter = ["kind"]
    search_fields = ["actor_label", "action"]
    date_hierarchy = "at"
    show_full_result_count = False
