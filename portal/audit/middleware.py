from auditlog.middleware import AuditlogMiddleware as BaseAuditlogMiddleware

from .recording import client_ip


class AuditlogMiddleware(BaseAuditlogMiddleware):
    """django-auditlog's middleware, taking the address as the console's own records do: the
    stock one believes the first X-Forwarded-For hop, which any client can write."""

    @staticmethod
    def _get_remote_addr(request):
        return client_ip(request)
