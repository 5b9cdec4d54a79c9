"""The staff member's own console settings: their time zone."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from portal.accounts.staff import staff_view

from ..forms.borrowers import TimeZoneForm
from ..staff_zone import set_zone, zone_of


@staff_view("support.use_console")
def settings_page(request):
    if request.method == "POST":
        form = TimeZoneForm(request.POST)
        if form.is_valid():
            set_zone(request.user, form.cleaned_data["time_zone"])
            messages.success(request, _("Saved. Times now show in your chosen time zone."))
            return redirect("support:settings")
        status = 400
    else:
        form = TimeZoneForm(initial={"time_zone": zone_of(request.user)})
        status = 200
    return render(request, "support/settings.html", {"form": form}, status=status)
