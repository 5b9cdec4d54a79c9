"""How drf-spectacular describes the lender API's authentication."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class LenderKeyScheme(OpenApiAuthenticationExtension):
    target_class = "portal.lender_api.authentication.LenderKeyAuthentication"
    name = "lenderKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "lk_<prefix>_<secret>",
            "description": (
                "A lender API key, made by the portal's staff with the scopes it needs: "
                "Authorization: Bearer lk_<prefix>_<secret>. See docs/lender-api.md."
            ),
        }
