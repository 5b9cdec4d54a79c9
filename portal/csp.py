from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

# Wagtail's editor and Django's admin still rely on inline scripts and styles. The borrower
# pages, where the risk of injected content matters most, keep the strict policy.
_ADMIN_ALLOWANCES = {
    "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # Wagtail renders a preview through the middleware with a made-up request for "/",
        # which it marks ``is_preview``; the editor shows it in a frame on its own page.
        relaxed = request.path_info.startswith(settings.CSP_RELAXED_PATH_PREFIXES) or getattr(
            request, "is_preview", False
        )
        if not report_only and relaxed:
            parts.replace = {**(parts.replace or {}), **_ADMIN_ALLOWANCES}
        return parts
