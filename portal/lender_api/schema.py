"""How drf-spectacular describes the lender API: its authentication, and its batches as the
import reads them (``serializers``), no stricter, so that what the schema refuses the API
refuses too."""

from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerExtension,
    OpenApiSerializerFieldExtension,
)


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


class LenderInScheme(OpenApiSerializerExtension):
    """A batch, or a record in one: the import refuses a field it does not know, and a batch
    of more than ``MAX_ITEMS`` items (413)."""

    target_class = "portal.lender_api.serializers.LenderIn"
    match_subclasses = True

    def map_serializer(self, auto_schema, direction):
        from .batches import MAX_ITEMS

        schema = auto_schema._map_basic_serializer(self.target, direction)
        for value in schema.get("properties", {}).values():
            if value.get("type") == "array":
                value["maxItems"] = MAX_ITEMS
        return {**schema, "additionalProperties": False}


class LenderTextScheme(OpenApiSerializerFieldExtension):
    target_class = "portal.lender_api.serializers.LenderText"

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        text = {"type": "string", "maxLength": field.max_length}
        if not field.allow_blank:
            text["minLength"] = 1
        return {"oneOf": [text, {"type": "integer"}]}


class LenderAmountScheme(OpenApiSerializerFieldExtension):
    target_class = "portal.lender_api.serializers.LenderAmount"

    def map_serializer_field(self, auto_schema, direction):
        from .serializers import AMOUNT_PATTERN

        text = {"type": "string", "pattern": AMOUNT_PATTERN, "maxLength": 20, "example": "550.00"}
        return {"oneOf": [text, {"type": "number", "exclusiveMinimum": True, "minimum": 0}]}


class LenderCountScheme(OpenApiSerializerFieldExtension):
    target_class = "portal.lender_api.serializers.LenderCount"

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        whole = {"type": "integer", "minimum": field.min_value, "maximum": field.max_value}
        return {"oneOf": [whole, {"type": "string", "pattern": r"^\s*[0-9]+\s*$"}]}
