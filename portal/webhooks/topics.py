"""The topics the outbox carries (``repayment.plans.events.tell_lender`` callers), for the
endpoint's topic filter and the documentation."""

from django.utils.translation import gettext_lazy as _

TOPICS = [
    ("plan.accepted", _("A plan was agreed")),
    ("plan.broken", _("A plan was broken")),
    ("plan.completed", _("A plan was completed")),
    ("pause.granted", _("A pause was granted")),
    ("pause.ended", _("A pause was ended early")),
    ("dispute.opened", _("A dispute was opened")),
    ("dispute.resolved", _("A dispute was resolved")),
]
# Sent only by the admin's "send a test event"; never stored in the outbox.
TEST_TOPIC = "webhook.test"
