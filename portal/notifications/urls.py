"""Borrower pages (inside the language prefix) and the provider webhook (outside it)."""

from django.urls import path

from . import views

urlpatterns = [
    path("my/preferences/", views.contact_preferences, name="contact_preferences"),
    path("my/messages/", views.message_centre, name="message_centre"),
    path("my/messages/read/", views.message_mark_all_read, name="message_mark_all_read"),
    path("my/messages/<int:pk>/", views.message_detail, name="message_detail"),
    path("messages/stop/<str:token>/", views.notification_opt_out, name="notification_opt_out"),
]

hook_urlpatterns = [
    path("hooks/sms/inbound/", views.sms_inbound, name="sms_inbound"),
]
