"""Staff logins for console and audit tests: a user in one of the role groups, with an
authenticator app, signed in as allauth would leave them after the code (``signed_in``: the
sign-in itself is tested in tests/accounts)."""

from __future__ import annotations

import time

from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)

from portal.support import roles
from tests import factories

ROLE_NAMES = {
    "agent": roles.AGENTS,
    "supervisor": roles.SUPERVISORS,
    "editor": roles.EDITORS,
    "reviewer": roles.REVIEWERS,
    "administrator": roles.ADMINISTRATORS,
}


def staff_user(role: str, *, totp: bool = True, trained: bool = True, **fields):
    """A staff login in ``role`` (a key of ``ROLE_NAMES``), with an authenticator unless told
    otherwise, and passes of the live training modules for the role unless ``trained=False``
    (tests/training tries the console untrained). Only administrators carry Django's staff
    flag, as in the roles migration."""
    fields.setdefault("is_staff", role == "administrator")
    user = factories.UserFactory(**fields)
    group = roles.group(ROLE_NAMES[role])
    user.groups.add(group)
    if totp:
        TOTP.activate(user, generate_totp_secret())
    if trained:
        # Imported here: this module is imported while pytest collects, before Django is set up.
        from portal.training.checking import mark_passed
        from portal.training.models import TrainingModule

        for module in TrainingModule.objects.live().filter(roles=group):
            mark_passed(user, module)
    return user


def signed_in(client, user):
    """``client`` signed in as ``user``, with allauth's record that this session gave a password
    and, where the user has an authenticator, its code."""
    client.force_login(user)
    session = client.session
    now = time.time()
    records = [{"method": "password", "at": now, "email": user.email}]
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is not None:
        records.append({"method": "mfa", "at": now, "id": authenticator.pk, "type": "totp"})
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


def authenticator_code(secret: str) -> str:
    """The code an authenticator app with ``secret`` shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))
