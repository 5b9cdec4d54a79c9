"""The wording gate: flagged words stop a revision going live until a compliance reviewer
overrides that revision with a reason; nobody else can."""

import pytest
from django.contrib.auth.models import Group

from education import wording
from education.models import DebtAdviceService
from portal.support import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

THREAT = ("description", "Pay today or we will have you arrested.", "en")


def _service():
    service = DebtAdviceService.objects.create(
        jurisdiction="US", name="Help", description="Free advice.", phone="0800 000", live=False
    )
    return service, service.save_revision()


def test_flagged_words_block_until_a_reviewer_overrides_that_revision():
    service, revision = _service()
    assert {flag.where for flag in wording.blocked(service, revision, [THREAT])} == {"description"}
    reviewer = UserFactory()
    reviewer.groups.add(roles.group(roles.REVIEWERS))
    assert wording.may_override(reviewer)
    override = wording.record_override(
        obj=service,
        revision=revision,
        reviewer=reviewer,
        reason="Quoted from the rule, as an example of what is forbidden.",
        found=wording.flags([THREAT]),
    )
    assert override.findings[0]["where"] == "description"
    assert wording.blocked(service, revision, [THREAT]) == []
    # A new revision is a new text: the override does not carry over.
    assert wording.blocked(service, service.save_revision(), [THREAT]) != []


def test_an_editor_cannot_override_and_a_reason_is_required():
    service, revision = _service()
    editor = UserFactory()
    editor.groups.add(Group.objects.get_or_create(name=roles.EDITORS)[0])
    with pytest.raises(PermissionError):
        wording.record_override(
            obj=service, revision=revision, reviewer=editor, reason="Fine", found=[]
        )
    reviewer = UserFactory()
    reviewer.groups.add(roles.group(roles.REVIEWERS))
    with pytest.raises(ValueError):
        wording.record_override(
            obj=service, revision=revision, reviewer=reviewer, reason="  ", found=[]
        )
    assert service.revisions.count() == 1


def test_calm_words_pass():
    service, revision = _service()
    calm = ("description", "If paying is hard, we can help with a smaller plan.", "en")
    assert wording.blocked(service, revision, [calm]) == []
