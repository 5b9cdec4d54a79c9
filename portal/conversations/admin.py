from django.contrib import admin

from .models import ServiceLevel


@admin.register(ServiceLevel)
class ServiceLevelAdmin(admin.ModelAdmin):
    list_display = ("lender", "answer_within_hours")
