"""The free help and rights texts the migration publishes, for tests in any app: made again if
a transactional test's flush emptied the test database."""

from importlib import import_module

from django.apps import apps

from education import cache

MIGRATION = "education.migrations.0006_free_help_content"


def ensure_free_help() -> None:
    """Every country's published services and rights text, as migration 0006 writes them
    (it leaves alone a country that has some already)."""
    import_module(MIGRATION).create(apps, None)
    cache.bump()
