from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .models import LenderKey


class LenderKeyThrottle(SimpleRateThrottle):
    """Requests per key, at the rate named "lender" (``API_LENDER_RATE``)."""

    scope = "lender"

    def get_rate(self):
        # SimpleRateThrottle.THROTTLE_RATES is the dict read at import; read the current one so
        # an overridden setting (a test, a reload) takes effect.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, LenderKey):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.prefix}
