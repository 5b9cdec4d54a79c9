from importlib import import_module
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group

from tests import factories

CONTENT = Path(__file__).parent / "content"


def ensure_site_structure():
    """What the migrations make (locales, home pages, lessons indexes, groups, the review
    workflow), made again if a browser test's flush emptied the test database."""
    from django.apps import apps
    from wagtail.models import Locale, Page, Workflow

    from education.models import HomePage, LessonIndexPage

    if (
        LessonIndexPage.objects.count() == 2
        and Workflow.objects.filter(name="Lesson review").exists()
        and Group.objects.filter(name="Compliance reviewers").exists()
    ):
        return
    english, _ = Locale.objects.get_or_create(language_code="en")
    Locale.objects.get_or_create(language_code="zh-hans")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=english))
    if not HomePage.objects.exists():
        import_module("education.migrations.0002_create_homepages").create_homepages(apps, None)
    import_module("education.migrations.0004_lessons_index_roles_and_review").create(apps, None)


@pytest.fixture(autouse=True)
def _site_structure(request):
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        request.getfixturevalue("db")
        ensure_site_structure()


@pytest.fixture
def lessons(db):
    """Three small lessons (one in English only) and four glossary terms, published."""
    from education.demo import load

    load(CONTENT)


def lesson(slug: str, language: str = "en"):
    from education.models import LessonPage

    return LessonPage.objects.get(slug=slug, locale__language_code=language)


def staff_member(group_name: str):
    """A user in one of the editorial groups, with an authenticator (the CMS requires one)."""
    user = factories.UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def editor(db):
    return staff_member("Editors")


@pytest.fixture
def reviewer(db):
    return staff_member("Compliance reviewers")
