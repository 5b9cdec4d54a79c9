"""One training module per staff role, each passed by that role's demo login at its current
version, so the demo console opens ready to act. Used by ``manage.py load_demo``; never in
production."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page

from portal.support import roles
from portal.support.demo import STAFF

from .checking import mark_passed
from .models import TrainingIndexPage, TrainingModule


def _q(question: str, right: str, *wrong: str, why: str = "") -> tuple:
    choices = [{"text": right, "correct": True}] + [{"text": w, "correct": False} for w in wrong]
    # The right answer is not always first.
    choices = choices[1:2] + choices[:1] + choices[2:] if len(question) % 2 else choices
    return ("question", {"question": question, "choices": choices, "explanation": why})


MODULES = (
    {
        "slug": "contact-rules",
        "title": "Contact rules of each jurisdiction",
        # Everyone who talks to borrowers or acts on their accounts.
        "roles": (roles.AGENTS, roles.SUPERVISORS, roles.ADMINISTRATORS),
        "summary": "When and how often we may contact a borrower in the US, China and the UK, "
        "and why the console and reminders hold some contact back.",
        "body": (
            "<h2>Hours</h2><p>US (Regulation F): only between 08:00 and 21:00 in the "
            "borrower's own time zone. China (NIFA): not between 22:00 and 08:00. UK (FCA CONC "
            "7.9): no contact at unreasonable times; our lenders use 08:00 to 21:00.</p>"
            "<h2>How often</h2><p>US: no more than 7 call attempts in 7 days, and no call for "
            "7 days after a conversation about the debt. China: at most 3 connected calls a "
            "day. Everywhere: at most 1 reminder a day and 3 in 7 days (lender policy).</p>"
            "<h2>Never</h2><p>Never talk about the debt with anyone but the borrower.</p>"
        ),
        "questions": (
            _q(
                "A US borrower asks you to call back at 21:30 their time. What do you do?",
                "Offer a time before 21:00 their time",
                "Call at 21:30, as they asked",
                "Call at 21:30 our time",
                why="12 CFR 1006.6(b)(1)(i): after 21:00 local time is an inconvenient time.",
            ),
            _q(
                "A borrower's sister answers the phone. What may you tell her?",
                "Nothing about the debt",
                "That a payment is late",
                "The amount owed, if she offers to pay",
            ),
        ),
    },
    {
        "slug": "vulnerability-and-disputes",
        "title": "Vulnerability, disputes and decisions beyond policy",
        "roles": (roles.SUPERVISORS,),
        "summary": "How to spot a borrower in a vulnerable situation, how to resolve a disputed "
        "fee fairly, and when to sign off terms beyond the lender's policy.",
        "body": (
            "<h2>Vulnerability</h2><p>Illness, bereavement, a sudden loss of income or a "
            "mental health crisis change what is fair. Slow down, offer a pause, and signpost "
            "free debt advice.</p><h2>Disputes</h2><p>While a fee is disputed, it is not "
            "chased. Uphold it when the records do not support it; explain a rejection in "
            "plain words.</p>"
        ),
        "questions": (
            _q(
                "A borrower disputes a late fee. While the dispute is open, the fee is…",
                "Not chased in reminders",
                "Chased as usual",
                "Doubled",
            ),
            _q(
                "A borrower tells you they are in a mental health crisis. First you…",
                "Slow down, offer a pause and signpost free debt advice",
                "Ask for payment today",
                "Close the call",
            ),
        ),
    },
    {
        "slug": "reviewing-rules-and-records",
        "title": "Reviewing contact rules and the audit trail",
        "roles": (roles.REVIEWERS,),
        "summary": "What a compliance reviewer checks before approving a change to a lender's "
        "contact rules, and how to read the audit trail.",
        "body": (
            "<p>A change to a lender's contact rules needs a reason and an effective date. "
            "Check the law the new rules come from, that the date gives staff time to learn "
            "them, and that you did not ask for the change yourself.</p>"
        ),
        "questions": (
            _q(
                "You asked for a lender's rules to change. Who approves it?",
                "Another compliance reviewer",
                "You",
                "The support agent on duty",
            ),
        ),
    },
    {
        "slug": "fair-wording",
        "title": "Fair wording",
        "roles": (roles.EDITORS,),
        "summary": "Plain, calm, kind words: no threats, no false urgency, no shame.",
        "body": (
            "<p>Say what happens and what the borrower can do. Never threaten action the "
            "lender cannot or will not take, never imply a criminal matter, and keep "
            "sentences short.</p>"
        ),
        "questions": (
            _q(
                "Which sentence is fair?",
                "Your payment is 10 days late. Here is how we can help.",
                "Pay now or face the consequences.",
                "Final warning!",
            ),
        ),
    },
)


@transaction.atomic
def load_demo_training() -> None:
    """The modules (once) and the demo staff's passes at each module's current version."""
    index = TrainingIndexPage.objects.first()
    if index is None:
        # A flushed database (the demo may run on one) has lost the root migrations made.
        english, _ = Locale.objects.get_or_create(language_code="en")
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=english)
        )
        index = root.add_child(
            instance=TrainingIndexPage(title="Staff training", slug="staff-training")
        )
    _editors_may_edit(index)
    for spec in MODULES:
        module = TrainingModule.objects.filter(slug=spec["slug"]).first()
        if module is None:
            module = TrainingModule(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                body=[("text", spec["body"])],
                check_questions=list(spec["questions"]),
            )
            index.add_child(instance=module)
            module.roles.set([roles.group(name) for name in spec["roles"]])
            module.save_revision().publish()
    User = get_user_model()
    for email, group, _role in STAFF:
        user = User.objects.filter(email=email).first()
        if user is None:
            continue
        for module in TrainingModule.objects.live().filter(roles__name=group):
            mark_passed(user, module)


def _editors_may_edit(index: TrainingIndexPage) -> None:
    """Editors write and revise the modules; compliance reviewers also publish them. Only
    under the training index: the index sits outside the lessons' tree and its rights."""
    rights = {
        roles.EDITORS: ("add_page", "change_page"),
        roles.REVIEWERS: ("add_page", "change_page", "publish_page"),
    }
    for name, codenames in rights.items():
        group = roles.group(name)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=index,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
