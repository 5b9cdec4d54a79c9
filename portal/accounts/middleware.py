import re

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .linking import is_staff_login
from .models import User

# Every part of the site from which staff can see borrower data. Matched with or without a
# language prefix, so a console mounted under i18n_patterns is covered too.
STAFF_AREAS = ("/cms/", "/django-admin/", "/support/", "/api/")

# Wagtail's and Django's own sign-in forms know nothing of allauth: signing in there would skip
# the authenticator code. Both are sent to allauth's sign-in instead (the allauth docs suggest
# the same for Django's admin with ``secure_admin_login``).
OTHER_LOGIN_PAGES = ("/cms/login/", "/django-admin/login/")

_LANGUAGE_CODES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
_LANGUAGE_PREFIX = re.compile(rf"^/(?:{_LANGUAGE_CODES})(?=/)")


def _unprefixed(path: str) -> str:
    return _LANGUAGE_PREFIX.sub("", path, count=1)


def needs_mfa(*, user: User) -> bool:
    """Staff and superusers; Wagtail editors too, since /cms/ lets them in without is_staff;
    and anyone whose groups open the support console or the audit trail."""
    return (
        is_staff_login(user=user)
        or user.has_perm("wagtailadmin.access_admin")
        or user.has_module_perms("support")
        or user.has_module_perms("audit")
    )


def has_totp(*, user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffMfaRequiredMiddleware:
    """Staff reach borrower data only with an authenticator app set up.

    Runs after allauth's AccountMiddleware. Only the staff areas are guarded, so the MFA pages,
    sign-out and the rest of the site stay reachable while staff set their authenticator up.
    Staff with an authenticator signed in through allauth, which asked for a code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = _unprefixed(request.path_info)
        if path in OTHER_LOGIN_PAGES:
            return self._to_allauth_login(request, area=path.removesuffix("login/"))
        if path.startswith(STAFF_AREAS):
            user = request.user
            if user.is_authenticated and needs_mfa(user=user) and not has_totp(user=user):
                messages.warning(
                    request,
                    _(
                        "Staff accounts can see borrowers' personal and financial details, "
                        "so they need two-factor authentication. Activate an authenticator app "
                        "to continue: from then on, signing in also asks for a code from it."
                    ),
                )
                return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def _to_allauth_login(self, request: HttpRequest, *, area: str) -> HttpResponse:
        # allauth checks ``next`` is on this site before it follows it.
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or area
        login_url = resolve_url(settings.LOGIN_URL)
        return HttpResponseRedirect(f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
