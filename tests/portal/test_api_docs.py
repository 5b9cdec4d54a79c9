"""The API's description is served to developers: the OpenAPI schema and a page to browse it,
with its scripts from our own static files (no CDN, and the strict content policy holds)."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3_and_describes_both_apis(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    assert "/api/v1/loans/" in paths
    assert "/api/lender/v1/ledger-entries/" in paths
    assert not any(path.startswith("/cms/") for path in paths)


# What drf-spectacular writes, as a 200, for a view that says nothing about what it returns.
UNSPECIFIED = "Unspecified response body"


def test_every_operation_describes_its_responses(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()

    undescribed = [
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if method in {"get", "post", "put", "patch", "delete"}
        and (
            not any(code.startswith("2") for code in operation.get("responses", {}))
            or UNSPECIFIED in json.dumps(operation["responses"])
        )
    ]
    assert undescribed == []


def test_the_browsable_page_loads_its_scripts_from_this_site(client):
    response = client.get("/api/docs/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_path_under_api_that_names_no_endpoint_is_a_json_404(client, method):
    response = getattr(client, method)("/api/v1/no-such-thing/")

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"
