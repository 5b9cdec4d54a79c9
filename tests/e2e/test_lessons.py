"""Lessons in a real browser: a borrower learns on a phone, in Chinese; an editor submits a
lesson and a compliance reviewer publishes it through the admin."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from education.demo import load
from education.models import LessonIndexPage, LessonPage
from repayment.models import Borrower
from tests.e2e.helpers import scrolls_sideways, serious_accessibility_violations
from tests.education.conftest import CONTENT, ensure_site_structure
from tests.factories import PASSWORD, UserFactory
from tests.repayment.plan_fixtures import late_loan
from tests.support.staff import authenticator_code

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _site_structure(transactional_db):
    """Browser tests flush the database after them, migration-made rows included."""
    ensure_site_structure()


def check_page(page):
    assert not scrolls_sideways(page), f"{page.url} scrolls sideways at 390px"
    violations = serious_accessibility_violations(page)
    assert violations == [], f"{page.url}: {violations}"


@pytest.fixture
def chinese_borrower():
    load(CONTENT)
    user = UserFactory(email="lin@example.com")
    loan = late_loan(paid=0, late_days=45, user=user)
    Borrower.objects.filter(pk=loan.borrower_id).update(
        full_name="林芳", preferred_language="zh-hans"
    )
    return user, loan


def test_borrower_reads_a_lesson_in_chinese_answers_and_sees_progress(
    live_server, page, chinese_borrower, tmp_path
):
    user, loan = chinese_borrower
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/zh-hans/my/")

    suggestions = page.locator("section.lessons-for-you")
    assert suggestions.get_by_role("heading", name="为您推荐的课程").is_visible()
    assert suggestions.get_by_text("您已完成 3 门课程中的 0 门。").is_visible()
    check_page(page)

    suggestions.get_by_role("link", name="晚还款会怎样").click()
    page.wait_for_url("**/zh-hans/lessons/when-a-payment-is-late/")
    assert page.get_by_role("heading", name="晚还款会怎样", level=1).is_visible()
    check_page(page)

    question = page.locator("section.check-question")
    question.get_by_label("联系放款方").check()
    question.get_by_role("button", name="看看我答得对不对").click()
    page.wait_for_load_state()
    feedback = page.locator(".feedback")
    assert feedback.get_by_text("答对了。").is_visible()
    assert feedback.get_by_text("对。尽早沟通，选择更多。").is_visible()
    assert page.locator("section.check-question").get_by_label("联系放款方").is_checked()
    check_page(page)

    page.get_by_role("button", name="我已读完这门课程").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="您已完成这门课程").is_visible()
    page.screenshot(path=str(tmp_path / "lesson-zh.png"), full_page=True)

    page.goto(f"{live_server.url}/zh-hans/my/")
    suggestions = page.locator("section.lessons-for-you")
    assert suggestions.get_by_text("您已完成 3 门课程中的 1 门。").is_visible()
    assert suggestions.get_by_role("link", name="晚还款会怎样").count() == 0
    check_page(page)

    suggestions.get_by_role("link", name="查看您的课程").click()
    page.wait_for_url("**/zh-hans/lessons/progress/")
    assert page.get_by_text("如果还不上钱，首先应该做什么？").is_visible()
    check_page(page)

    for path, text in (
        ("/zh-hans/lessons/", "还款计划怎么用"),
        ("/zh-hans/lessons/search/?q=逾期", "晚还款会怎样"),
        ("/zh-hans/lessons/search/?q=信用评分", "信用"),
        ("/zh-hans/lessons/search/?q=xyzzyq", "浏览全部课程"),
        ("/zh-hans/my/help/", "常见问题"),
        ("/zh-hans/my/help/?q=罚息是什么", "为什么这样回答"),
        ("/zh-hans/my/conversations/", "您还没有给我们留言。"),
        ("/zh-hans/my/conversations/new/", "关于"),
        ("/zh-hans/lessons/glossary/", "最早一笔没还的款已经晚了多少天。"),
        ("/zh-hans/lessons/reading-your-statement/", "此课程还没有中文版"),
    ):
        page.goto(f"{live_server.url}{path}")
        assert page.get_by_text(text).first.is_visible(), path
        check_page(page)

    page.goto(f"{live_server.url}/zh-hans/my/loans/{loan.reference}/")
    term = page.locator("details.term", has_text="本金").first
    term.locator("summary").click()
    expect(term.get_by_text("您借的、还没还的那部分钱。")).to_be_visible()
    check_page(page)
    page.screenshot(path=str(tmp_path / "statement-zh.png"), full_page=True)


def staff(group: str, email: str) -> tuple:
    user = UserFactory(email=email)
    user.groups.add(Group.objects.get(name=group))
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def sign_in_to_the_admin(browser, live_server, user, secret):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    admin = context.new_page()
    admin.goto(f"{live_server.url}/en/accounts/login/?next=/cms/")
    admin.get_by_label("Email").fill(user.email)
    admin.get_by_label("Password").fill(PASSWORD)
    admin.get_by_role("button", name="Sign in").click()
    admin.wait_for_url("**/accounts/2fa/authenticate/**")
    admin.get_by_label("Code").fill(authenticator_code(secret))
    admin.get_by_role("button", name="Sign in").click()
    admin.wait_for_url("**/cms/")
    return context, admin


def test_editor_submits_a_lesson_and_a_reviewer_publishes_it(live_server, browser, client):
    editor, editor_secret = staff("Editors", "editor@example.com")
    reviewer, reviewer_secret = staff("Compliance reviewers", "reviewer@example.com")
    index = LessonIndexPage.objects.get(locale__language_code="en")
    lesson = LessonPage(
        title="Talking to us early",
        slug="talking-early",
        summary="Why calling us early gives you more choices.",
        topic="getting-help",
        body=[("text", "<p>Call us as soon as you know a payment will be late.</p>")],
        live=False,
        owner=editor,
    )
    index.add_child(instance=lesson)
    lesson.save_revision(user=editor)
    assert client.get("/en/lessons/talking-early/").status_code == 404

    context, admin = sign_in_to_the_admin(browser, live_server, editor, editor_secret)
    admin.goto(f"{live_server.url}/cms/pages/{lesson.pk}/edit/")
    assert admin.locator("[data-readability]").is_visible()
    assert admin.get_by_role("button", name="Publish").count() == 0
    admin.get_by_role("button", name="More actions").click()
    admin.get_by_role("button", name="Submit to Lesson review").click()
    admin.wait_for_load_state()
    lesson.refresh_from_db()
    assert lesson.workflow_in_progress
    assert not lesson.live
    context.close()

    context, admin = sign_in_to_the_admin(browser, live_server, reviewer, reviewer_secret)
    admin.get_by_role("link", name="Talking to us early").first.click()
    admin.wait_for_url(f"**/cms/pages/{lesson.pk}/edit/")
    admin.get_by_role("button", name="More actions").click()
    admin.get_by_role("button", name="Approve and Publish", exact=True).click()
    admin.wait_for_load_state()
    context.close()

    lesson.refresh_from_db()
    assert lesson.live
    assert client.get("/en/lessons/talking-early/").status_code == 200
