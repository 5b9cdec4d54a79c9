"""The demo has one home that knows every app: ``manage.py load_demo`` is ``portal.demo``'s."""

from django.core.management import get_commands


def test_load_demo_is_the_demo_apps_command():
    assert get_commands()["load_demo"] == "portal.demo"
