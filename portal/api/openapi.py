"""How the schema describes the borrower API's sign-in (the session cookie for the site's own
pages, allauth's session token in ``X-Session-Token`` for apps) and its request bodies.
Imported by the views so the extensions are registered before the schema is generated."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiSerializerExtension


class SessionTokenScheme(OpenApiAuthenticationExtension):
    target_class = (
        "allauth.headless.contrib.rest_framework.authentication.XSessionTokenAuthentication"
    )
    name = "sessionToken"
    priority = 1  # over allauth's own, which says less

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


class StrictRequestScheme(OpenApiSerializerExtension):
    """A request body takes no field it does not declare (``StrictSerializer`` refuses one)."""

    target_class = "portal.api.v1.serializers.strict.StrictSerializer"
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_basic_serializer(self.target, direction)
        return {**schema, "additionalProperties": False}
