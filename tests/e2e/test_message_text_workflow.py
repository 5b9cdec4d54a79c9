"""End to end, in Debian's Chromium at desk width: the demo editor edits the English and the
Chinese "payment due soon" texts in the CMS and submits them for review; borrowers still get the
old words. The demo compliance reviewer approves both, and the planner then uses the new words
in both languages."""

from importlib import import_module

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from portal.notifications.message_texts.compose import load_texts
from portal.notifications.message_texts.defaults import SAMPLE_VALUES
from portal.notifications.models import Event, MessageTemplate
from portal.support import roles
from portal.support.demo import load_demo_staff
from repayment.demo import DEMO_PASSWORD
from tests.support.staff import authenticator_code

pytestmark = pytest.mark.django_db(transaction=True)

EDITOR = "editor@demo.example"
REVIEWER = "compliance@demo.example"
DESK = {"width": 1366, "height": 900}
BASE = "/cms/snippets/notifications/messagetemplate/"
NEW_SUBJECT = {
    "en": "A reminder: payment due on {{ due_date }}",
    "zh-hans": "温馨提示：{{ due_date }}还款",
}
RENDERED_SUBJECT = {"en": "A reminder: payment due on", "zh-hans": "温馨提示："}
NO_ADVICE = type("Lender", (), {"debt_advice_name": "", "debt_advice_phone": ""})()


@pytest.fixture
def secrets():
    """The texts, the review workflow and the demo staff, as the migrations and the demo leave
    them (a browser test's database is flushed between tests), each with an authenticator."""
    seed = import_module("portal.notifications.migrations.0002_seed_message_texts")
    review = import_module("portal.notifications.migrations.0008_message_text_review")
    seed.seed(apps, None)
    seed.grant(apps, None)
    review.publish_existing(apps, None)
    review.review(apps, None)
    load_demo_staff()
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for name in (roles.EDITORS, roles.REVIEWERS):
        roles.group(name).permissions.add(access)
    found = {}
    for email in (EDITOR, REVIEWER):
        found[email] = generate_totp_secret()
        TOTP.activate(get_user_model().objects.get(email=email), found[email])
    return found


def sign_in(browser, base: str, email: str, secret: str):
    context = browser.new_context(viewport=DESK, locale="en-GB")
    page = context.new_page()
    page.goto(f"{base}/cms/login/")
    page.wait_for_url("**/accounts/login/**")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form:has(input[name=password]) button[type=submit]").click()
    page.wait_for_url("**/2fa/authenticate/**")
    page.locator("input[name=code]").fill(authenticator_code(secret))
    page.locator("form:has(input[name=code]) button[type=submit]:not([form])").click()
    page.wait_for_url("**/cms/")
    return context, page


def action_menu(page, name: str) -> None:
    """A button of the editor's action menu (the footer dropdown beside "Save draft")."""
    page.locator("footer").get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=name, exact=True).click()


def subject_for(language: str) -> str:
    rendered = load_texts().render(
        event=Event.UPCOMING_DUE,
        channel="in_portal",
        language=language,
        context=SAMPLE_VALUES[language],
        lender=NO_ADVICE,
    )
    return rendered.subject


def test_an_edited_text_goes_live_in_both_languages_once_compliance_approves(
    live_server, browser, secrets
):
    rows = {
        language: MessageTemplate.objects.get(event=Event.UPCOMING_DUE, language=language)
        for language in ("en", "zh-hans")
    }
    before = {language: subject_for(language) for language in rows}

    # The editor changes the subject of both texts and submits each for review.
    desk, editor = sign_in(browser, live_server.url, EDITOR, secrets[EDITOR])
    for language, row in rows.items():
        editor.goto(f"{live_server.url}{BASE}edit/{row.pk}/")
        editor.locator("#id_subject").fill(NEW_SUBJECT[language])
        action_menu(editor, "Submit to Lesson review")
        editor.wait_for_url(f"**{BASE}**")
        assert editor.get_by_text("has been submitted for moderation", exact=False).is_visible()
    desk.close()

    # Waiting for review: borrowers still get the old words.
    for language, row in rows.items():
        row.refresh_from_db()
        assert row.workflow_in_progress
        assert subject_for(language) == before[language]

    # The reviewer finds both on the dashboard, opens each and approves it.
    desk, reviewer = sign_in(browser, live_server.url, REVIEWER, secrets[REVIEWER])
    assert reviewer.get_by_text("Awaiting your review").is_visible()
    for row in rows.values():
        reviewer.goto(f"{live_server.url}{BASE}edit/{row.pk}/")
        action_menu(reviewer, "Approve and Publish")
        reviewer.wait_for_url(f"**{BASE}**")
        assert reviewer.get_by_text(f"'{row}' updated", exact=False).is_visible()
    desk.close()

    # Live in both languages: the planner now uses the new words.
    for language, row in rows.items():
        row.refresh_from_db()
        assert not row.workflow_in_progress
        assert row.subject == NEW_SUBJECT[language]
        assert subject_for(language).startswith(RENDERED_SUBJECT[language])
