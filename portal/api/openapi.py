"""How the schema describes the borrower API's sign-in: the session cookie (the site's own
pages) or allauth's session token in ``X-Session-Token`` (apps). Imported by the views so the
extension is registered before the schema is generated."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class SessionTokenScheme(OpenApiAuthenticationExtension):
    target_class = (
        "allauth.headless.contrib.rest_framework.authentication.XSessionTokenAuthentication"
    )
    name = "sessionToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "X-Session-Token",
            "description": (
                "The session token from allauth's headless login "
                "(POST /_allauth/app/v1/auth/login, then /_allauth/app/v1/auth/2fa/authenticate "
                "when the borrower has an authenticator)."
            ),
        }
