from django.contrib import admin

from .models import Record


@admin.register(Record)
class RecordAdmin(admin.ModelAdmin):
    """Read-only: records are searched here and in the console, never written."""

    list_display = ["at", "actor_label", "kind", "action", "borrower_id", "ip"]
    list_filter = ["kind"]
    search_fields = ["actor_label", "action"]
    date_hierarchy = "at"
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
