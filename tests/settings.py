"""The test suite's settings: the site's own, as the environment makes them (DATABASE_URL and
CELERY_BROKER_URL are read as ever), made fast and kept to the test process.

Subprocesses that stand for the real site (``manage.py check``, a Celery worker) are given
``DJANGO_SETTINGS_MODULE=portal.settings``."""

from portal.settings import *  # noqa: F403
from portal.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Tasks run as they are called: a broker in the environment must not receive the tests' tasks.
# The worker tests start their own worker process, on portal.settings.
CELERY_TASK_ALWAYS_EAGER = True

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "portal.notifications.channels.sms.LocmemBackend"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
