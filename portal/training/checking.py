"""Taking a module's check: marking the answers and recording a pass."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from portal.audit.actors import Actor
from portal.audit.recording import record_action

from . import standing
from .models import TrainingModule, TrainingPass


@dataclass(frozen=True)
class Result:
    right: int
    total: int
    wrong: tuple[int, ...]  # the numbers (from 1) of the questions answered wrong

    @property
    def score(self) -> int:
        return 100 * self.right // self.total if self.total else 100

    @property
    def passed(self) -> bool:
        return self.right == self.total


def mark(module: TrainingModule, answers: dict[int, int]) -> Result:
    """``answers``: question number (from 1) → the chosen answer's number (from 1)."""
    questions = module.questions
    wrong = []
    for number, question in enumerate(questions, start=1):
        chosen = answers.get(number)
        choices = list(question["choices"])
        if chosen is None or not 1 <= chosen <= len(choices) or not choices[chosen - 1]["correct"]:
            wrong.append(number)
    return Result(right=len(questions) - len(wrong), total=len(questions), wrong=tuple(wrong))


@transaction.atomic
def take_check(module: TrainingModule, answers: dict[int, int], *, acting: Actor) -> Result:
    """Mark the answers; all right is a pass of the module's current version, on record."""
    result = mark(module, answers)
    if result.passed:
        _, created = TrainingPass.objects.get_or_create(
            user=acting.user,
            module=module,
            version=module.version,
            defaults={"passed_at": timezone.now(), "score": result.score},
        )
        if created:
            record_action(
                acting=acting,
                action="training.passed",
                target=module,
                details={"module": module.title, "version": module.version},
            )
        standing.forget(acting.user)
    return result


def mark_passed(user, module: TrainingModule, *, score: int = 100) -> TrainingPass:
    """A pass of the module's current version, without the check: the demo's staff and the
    tests' staff start trained."""
    passed, _ = TrainingPass.objects.get_or_create(
        user=user,
        module=module,
        version=module.version,
        defaults={"passed_at": timezone.now(), "score": score},
    )
    standing.forget(user)
    return passed
