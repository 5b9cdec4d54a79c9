"""Training modules made for tests: published, under the staff training index."""

from __future__ import annotations

from wagtail.models import Locale, Page

from portal.support import roles
from portal.training.models import TrainingIndexPage, TrainingModule

QUESTIONS = [
    (
        "question",
        {
            "question": "A US borrower asks for a call at 21:30 their time. May you call?",
            "choices": [
                {"text": "Yes", "correct": False},
                {"text": "No", "correct": True},
            ],
            "explanation": "Regulation F: not after 21:00 local time.",
        },
    ),
    (
        "question",
        {
            "question": "May you discuss the debt with the borrower's sister?",
            "choices": [
                {"text": "No", "correct": True},
                {"text": "Yes", "correct": False},
                {"text": "Only the amount", "correct": False},
            ],
            "explanation": "",
        },
    ),
]
# The right answers of QUESTIONS, as the check form posts them.
RIGHT = {"q1": "2", "q2": "1"}


def training_module(*role_names: str, title="Contact rules", version=1) -> TrainingModule:
    index = TrainingIndexPage.objects.first()
    if index is None:
        # Browser tests flush the database, root page included.
        english, _ = Locale.objects.get_or_create(language_code="en")
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=english)
        )
        index = root.add_child(
            instance=TrainingIndexPage(title="Staff training", slug="staff-training")
        )
    module = TrainingModule(
        title=title,
        slug=f"module-{TrainingModule.objects.count() + 1}",
        summary="When we may contact a borrower.",
        version=version,
        body=[("text", "<p>Contact only between 08:00 and 21:00.</p>")],
        check_questions=QUESTIONS,
    )
    index.add_child(instance=module)
    module.roles.set([roles.group(name) for name in role_names or (roles.AGENTS,)])
    module.save()
    return module


def bump(module: TrainingModule) -> TrainingModule:
    """The editor raises the version after a material change."""
    module.version += 1
    module.save_revision().publish()
    module.refresh_from_db()
    return module
