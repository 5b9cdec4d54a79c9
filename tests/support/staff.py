"""Staff logins for console and audit tests: a user in one of the role groups, with an
authenticator app, signed in (``force_login``: the MFA sign-in itself is tested in accounts)."""

from __future__ import annotations

from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from portal.support import roles
from tests import factories

ROLE_NAMES = {
    "agent": roles.AGENTS,
    "supervisor": roles.SUPERVISORS,
    "editor": roles.EDITORS,
    "reviewer": roles.REVIEWERS,
    "administrator": roles.ADMINISTRATORS,
}


def staff_user(role: str, *, totp: bool = True, **fields):
    """A staff login in ``role`` (a key of ``ROLE_NAMES``), with an authenticator unless told
    otherwise."""
    user = factories.UserFactory(is_staff=True, **fields)
    user.groups.add(roles.group(ROLE_NAMES[role]))
    if totp:
        TOTP.activate(user, generate_totp_secret())
    return user


def signed_in(client, user):
    client.force_login(user)
    return client
