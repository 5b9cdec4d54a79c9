"""Each role can do what it should and nothing more.

One table: every URL of the console and the audit trail, with the permission it needs. Each
role, a borrower and a stranger go through all of it: a role holding the permission gets the
page (or, for an empty form, its errors); anyone else gets 403, or the sign-in page, and
nothing changes. A console URL missing from the table fails the test, so a new page cannot
slip past it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.urls import get_resolver, reverse
from django.utils import timezone

from portal.audit.models import Record, RecordKind
from portal.daily_run.models import Run
from portal.support import roles
from portal.support.models import Assignment, Note, SignOff
from repayment.models import Dispute, Pause, Proposal
from tests.repayment.plan_fixtures import late_loan

from .staff import ROLE_NAMES, signed_in, staff_user
from .test_borrower_view import message
from .work_fixtures import waiting_dispute, waiting_pause, waiting_proposal

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class World:
    borrower: object
    loan: object
    proposal: object
    pause: object
    dispute: object
    message: object
    run: object


@dataclass(frozen=True)
class Case:
    name: str
    method: str
    permission: str
    args: Callable[[World], list] = lambda w: []


CASES = (
    Case("support:search", "get", "support.use_console"),
    Case("support:borrower", "get", "support.use_console", lambda w: [w.borrower.pk]),
    Case(
        "support:borrower_statement",
        "get",
        "support.use_console",
        lambda w: [w.borrower.pk, w.loan.reference],
    ),
    Case(
        "support:borrower_history",
        "get",
        "support.use_console",
        lambda w: [w.borrower.pk, "messages"],
    ),
    Case("support:add_note", "post", "support.add_notes", lambda w: [w.borrower.pk]),
    Case("support:record_contact", "post", "support.record_contacts", lambda w: [w.borrower.pk]),
    Case(
        "support:resend_invitation", "post", "support.resend_invitations", lambda w: [w.borrower.pk]
    ),
    Case(
        "support:resend_message",
        "post",
        "support.resend_messages",
        lambda w: [w.borrower.pk, w.message.pk],
    ),
    Case("support:queue", "get", "support.use_console"),
    Case("support:proposal", "get", "support.answer_proposals", lambda w: [w.proposal.pk]),
    Case("support:proposal", "post", "support.answer_proposals", lambda w: [w.proposal.pk]),
    Case("support:pause", "get", "support.decide_pauses", lambda w: [w.pause.pk]),
    Case("support:pause", "post", "support.decide_pauses", lambda w: [w.pause.pk]),
    Case("support:dispute", "get", "support.resolve_disputes", lambda w: [w.dispute.pk]),
    Case("support:dispute", "post", "support.resolve_disputes", lambda w: [w.dispute.pk]),
    Case("support:dashboard", "get", "support.view_dashboard"),
    Case("support:daily_runs", "get", "support.view_dashboard"),
    Case("support:daily_run", "get", "support.view_dashboard", lambda w: [w.run.pk]),
    Case("support:settings", "get", "support.use_console"),
    Case("support:settings", "post", "support.use_console"),
    # An empty form gives nobody the item and asks nobody: the page says what is missing.
    Case("support:assign", "post", "support.use_console", lambda w: ["proposal", w.proposal.pk]),
    Case("support:ask_sign_off", "post", "support.use_console", lambda w: ["pause", w.pause.pk]),
    Case("support:answer_sign_off", "post", "support.approve_beyond_policy", lambda w: [1]),
    Case("audit_trail", "get", "audit.view_trail"),
    Case("audit_export", "get", "audit.view_trail"),
    Case("audit_disclosure", "get", "audit.set_disclosure"),
    Case("audit_disclosure", "post", "audit.set_disclosure"),
    # Taking an item is the one action an empty form completes; it comes last.
    Case(
        "support:take",
        "post",
        "support.answer_proposals",
        lambda w: ["proposal", w.proposal.pk],
    ),
)

STAFF_ROLES = tuple(ROLE_NAMES)
# Who else tries: a borrower's own login; a borrower's login someone put in the agents' group;
# an agent who has not set up an authenticator; a stranger.
OTHERS = ("borrower", "borrower_in_agents_group", "agent_without_authenticator", "stranger")


def test_the_table_covers_every_console_and_audit_url():
    support = get_resolver().namespace_dict["support"][1]
    names = {f"support:{name}" for name in support.reverse_dict if isinstance(name, str)}
    names |= {name for name in get_resolver().reverse_dict if str(name).startswith("audit_")}
    assert names == {case.name for case in CASES}


@pytest.fixture
def world():
    loan = late_loan()
    now = timezone.now()
    return World(
        borrower=loan.borrower,
        loan=loan,
        proposal=waiting_proposal(loan),
        pause=waiting_pause(late_loan()),
        dispute=waiting_dispute(loan),
        message=message(loan.borrower, 1, status="failed", loan=loan),
        run=Run.objects.create(day=now.date(), as_of=now, started_at=now),
    )


def login_for(who: str, world: World):
    if who in ROLE_NAMES:
        return staff_user(who)
    if who == "agent_without_authenticator":
        return staff_user("agent", totp=False)
    if who == "stranger":
        return None
    user = world.borrower.user
    if who == "borrower_in_agents_group":
        # Everything a real agent has, authenticator included.
        user.groups.add(roles.group(roles.AGENTS))
        TOTP.activate(user, generate_totp_secret())
    return user


def holds(who: str, permission: str) -> bool:
    return who in ROLE_NAMES and permission in roles.ROLES.get(ROLE_NAMES[who], ())


def state() -> tuple:
    """What a refused request must leave as it was."""
    return (
        Record.objects.filter(kind=RecordKind.CHANGE).count(),
        Note.objects.count(),
        Assignment.objects.count(),
        SignOff.objects.count(),
        list(Proposal.objects.values_list("status", flat=True)),
        list(Pause.objects.values_list("status", flat=True)),
        list(Dispute.objects.values_list("status", flat=True)),
        get_user_model().objects.count(),
    )


@pytest.mark.parametrize("who", STAFF_ROLES + OTHERS)
def test_each_role_reaches_what_its_permissions_open_and_nothing_else(client, world, who):
    user = login_for(who, world)
    if user is not None:
        signed_in(client, user)
    wrong = []
    for case in CASES:
        url = reverse(case.name, args=case.args(world))
        before = state()
        response = getattr(client, case.method)(url)
        status = response.status_code
        where = response.get("Location", "")
        if holds(who, case.permission):
            if status not in (200, 302, 400) or "/accounts/" in where:
                wrong.append(f"{case.method} {url}: {status} {where} (should open)")
        else:
            if who == "stranger":
                refused = status == 302 and "/accounts/login/" in where
            elif who == "agent_without_authenticator":
                refused = status == 302 and "/2fa/totp/activate/" in where
            else:
                refused = status == 403
            if not refused:
                wrong.append(f"{case.method} {url}: {status} {where} (should be refused)")
            if state() != before:
                wrong.append(f"{case.method} {url}: refused, but something changed")
    assert wrong == []


def test_every_staff_role_is_a_group_with_its_permissions():
    for name, permissions in roles.ROLES.items():
        group = roles.group(name)
        held = {
            f"{app}.{code}"
            for app, code in group.permissions.values_list("content_type__app_label", "codename")
        }
        assert set(permissions) <= held, name


# Pages that show a borrower's data, and what each records.
SHOWS_BORROWER_DATA = {
    "support:borrower": "borrower.account",
    "support:borrower_statement": "borrower.statement",
    "support:borrower_history": "borrower.messages",
    "support:proposal": "proposal",
    "support:pause": "pause",
    "support:dispute": "dispute",
}


def test_every_page_showing_a_borrower_records_who_looked_from_where(client, world):
    signed_in(client, staff_user("administrator"))
    for case in CASES:
        if case.method != "get" or case.name not in SHOWS_BORROWER_DATA:
            continue
        before = Record.objects.filter(kind=RecordKind.VIEW).count()

        client.get(reverse(case.name, args=case.args(world)), REMOTE_ADDR="203.0.113.9")

        record = Record.objects.filter(kind=RecordKind.VIEW).latest("pk")
        assert Record.objects.filter(kind=RecordKind.VIEW).count() == before + 1, case.name
        assert record.action == SHOWS_BORROWER_DATA[case.name]
        shown = world.pause.loan.borrower if case.name == "support:pause" else world.borrower
        assert record.borrower_id == shown.pk
        assert record.ip == "203.0.113.9" and record.actor_label.endswith("@example.com")


def test_a_search_records_what_was_searched(client, world):
    signed_in(client, staff_user("agent"))

    client.get(reverse("support:search"), {"q": world.borrower.full_name[:4]})

    record = Record.objects.get(kind=RecordKind.VIEW, action="borrower.search")
    assert record.details["query"] == world.borrower.full_name[:4]
    assert record.borrower_id is None
