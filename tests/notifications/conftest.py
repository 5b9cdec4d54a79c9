from importlib import import_module

import pytest

SEEDED_MODULES = {
    "tests.notifications.message_texts.test_compose",
    "tests.notifications.test_wagtail_hooks",
    "tests.notifications.test_message_text_review",
}


@pytest.fixture(autouse=True)
def _message_texts_seeded(request):
    """The texts tests read the rows migration 0002 seeds. A browser or worker test earlier in
    the run flushes the database (TransactionTestCase), taking migration data with it, so seed
    again (get_or_create: nothing changes when the rows are there)."""
    if request.module.__name__ not in SEEDED_MODULES:
        return
    if request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("db")
    from django.apps import apps

    migration = import_module("portal.notifications.migrations.0002_seed_message_texts")
    migration.seed(apps, None)
    migration.grant(apps, None)
    # Live, with an initial revision, under the review workflow (as migration 0008 leaves them).
    review = import_module("portal.notifications.migrations.0008_message_text_review")
    review.publish_existing(apps, None)
    review.review(apps, None)
