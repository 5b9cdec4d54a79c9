"""The staff roles, as Django groups, and what each may do. A data migration makes the groups;
this is the one list of who holds which permission, read by that migration and the tests."""

from django.utils.translation import gettext_lazy as _

AGENTS = "Support agents"
SUPERVISORS = "Support supervisors"
EDITORS = "Editors"
REVIEWERS = "Compliance reviewers"
ADMINISTRATORS = "Administrators"

# What the console's header calls someone in each role.
ROLE_LABELS = {
    AGENTS: _("Support agent"),
    SUPERVISORS: _("Support supervisor"),
    EDITORS: _("Editor"),
    REVIEWERS: _("Compliance reviewer"),
    ADMINISTRATORS: _("Administrator"),
}

# Every role reads its training and takes its checks (portal.training).
TRAINEE_PERMISSIONS = ("training.take_training",)
AGENT_PERMISSIONS = (
    *TRAINEE_PERMISSIONS,
    "support.use_console",
    "support.answer_proposals",
    "support.decide_pauses",
    "support.record_contacts",
    "support.add_notes",
    "support.resend_invitations",
    "support.resend_messages",
    # Borrowers' written messages (portal.conversations), answered from the queue.
    "conversations.reply_to_borrowers",
)
SUPERVISOR_PERMISSIONS = (
    *AGENT_PERMISSIONS,
    "support.approve_beyond_policy",
    "support.resolve_disputes",
    "support.view_dashboard",
    "support.reassign_work",
)
# Compliance reviewers read the trail and the figures; they do not open borrowers' accounts.
REVIEWER_PERMISSIONS = (
    *TRAINEE_PERMISSIONS,
    # Who is current with training; changes to a lender's contact rules go live only with a
    # reviewer's approval.
    "training.view_standing",
    "training.approve_preset_change",
    "audit.view_trail",
    "audit.set_disclosure",
    "support.view_dashboard",
    # Words the tone check flags go live only with a reviewer's recorded reason.
    "education.override_wording",
)
ADMINISTRATOR_PERMISSIONS = (
    *SUPERVISOR_PERMISSIONS,
    "audit.view_trail",
    "audit.set_disclosure",
    "accounts.view_user",
    "accounts.change_user",
    "auth.view_group",
    "auth.change_group",
    # The lender's integration: its API keys, its webhook, and the events sent to it.
    "lender_api.view_lenderkey",
    "lender_api.add_lenderkey",
    "lender_api.change_lenderkey",
    "webhooks.view_webhookendpoint",
    "webhooks.add_webhookendpoint",
    "webhooks.change_webhookendpoint",
    "webhooks.view_delivery",
    "repayment.view_lenderevent",
    "repayment.change_lenderevent",
    "training.view_standing",
    # Administrators choose a lender's rules; a reviewer approves the change.
    "training.request_preset_change",
)

ROLES: dict[str, tuple[str, ...]] = {
    AGENTS: AGENT_PERMISSIONS,
    # Editors' CMS rights are the education migrations'; here only their training.
    EDITORS: TRAINEE_PERMISSIONS,
    SUPERVISORS: SUPERVISOR_PERMISSIONS,
    REVIEWERS: REVIEWER_PERMISSIONS,
    ADMINISTRATORS: ADMINISTRATOR_PERMISSIONS,
}


def group(name: str):
    """The role's group, made as the roles migration makes it if it is missing (a flushed test
    database has lost the rows migrations made; the demo may run on one)."""
    from django.contrib.auth.models import Group, Permission

    found, _created = Group.objects.get_or_create(name=name)
    for dotted in ROLES.get(name, ()):
        app_label, codename = dotted.split(".")
        found.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return found
