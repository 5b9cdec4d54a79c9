import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .models import User
from .staff import has_totp, is_staff_member, passed_second_factor

# Every part of the site from which staff can see borrower data. Matched with or without a
# language prefix, so a console mounted under i18n_patterns is covered too. A test checks that
# every staff view in the URLconf lies under one of these.
STAFF_AREAS = ("/cms/", "/django-admin/", "/support/", "/api/")

_LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
_LANGUAGE_PREFIX = re.compile(rf"^/(?:{_LANGUAGE_CODES})(?=/)")


def _unprefixed(path: str) -> str:
    return _LANGUAGE_PREFIX.sub("", path, count=1)


def may_open_tool(*, user: User, path: str) -> bool:
    """Whether a signed-in login's role opens the tool at ``path`` (unprefixed). Wagtail and
    Django's admin send a login that may not use them to their sign-in page, which sends a
    signed-in login straight back: a loop. Refusing here ends it with a 403 instead."""
    if path.startswith("/cms/"):
        return user.has_perm("wagtailadmin.access_admin")
    if path.startswith("/django-admin/"):
        return user.is_active and user.is_staff
    return True


class StaffMfaRequiredMiddleware:
    """Staff reach borrower data only after giving an authenticator code in this session.

    Runs after allauth's AccountMiddleware. Only the staff areas are guarded, so the account
    pages (setting up the authenticator, sign-out) stay reachable. A staff login without an
    authenticator is sent to set one up; one whose session has no record of a code (a session
    made by any way other than allauth's sign-in) is asked for one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = _unprefixed(request.path_info)
        user = request.user
        if not path.startswith(STAFF_AREAS) or not user.is_authenticated:
            return self.get_response(request)
        if is_staff_member(user=user):
            if not has_totp(user=user):
                messages.warning(
                    request,
                    _(
                        "Staff accounts can see borrowers' personal and financial details, "
                        "so they need two-factor authentication. Activate an authenticator app "
                        "to continue: from then on, signing in also asks for a code from it."
                    ),
                )
                return HttpResponseRedirect(reverse("mfa_activate_totp"))
            if not passed_second_factor(request):
                messages.info(
                    request,
                    _("To open staff pages, enter the code from your authenticator app."),
                )
                query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{query}")
        if not may_open_tool(user=user, path=path):
            raise PermissionDenied
        return self.get_response(request)
