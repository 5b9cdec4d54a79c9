from django.utils.translation import gettext as _
from rest_framework import permissions

from .models import LenderKey


class HasLenderScope(permissions.BasePermission):
    """A live lender key holding every scope the view asks for (``view.required_scopes``, or
    ``view.get_required_scopes(request)`` when it depends on the request)."""

    def has_permission(self, request, view):
        key = request.auth
        if not isinstance(key, LenderKey):
            return False  # DRF answers 401: no credentials were sent
        getter = getattr(view, "get_required_scopes", None)
        required = getter(request) if getter else view.required_scopes
        missing = [scope for scope in required if scope not in key.scopes]
        if missing:
            self.message = _("This API key lacks the scope %(scopes)s.") % {
                "scopes": ", ".join(missing)
            }
            return False
        return True
