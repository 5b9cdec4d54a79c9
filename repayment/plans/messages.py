"""The e-mails a borrower gets when their plan, pause or dispute changes.

A stop-gap channel: the notifications app will route these through the borrower's chosen
channels and contact rules. Until then they go by e-mail, in the borrower's language, and say
nothing about the debt beyond what the borrower needs (no amounts in the subject line)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..models import Borrower, Plan

SUBJECTS = {
    "plan_accepted": _("Your repayment plan is set up"),
    "plan_completed": _("You have completed your repayment plan"),
    "plan_payment_moved_to_end": _("We moved a plan payment to the end of your plan"),
    "plan_broken": _("Your repayment plan has ended: let's find what works now"),
    "pause_granted": _("Your pause is in place"),
    "dispute_received": _("We have your message about your statement"),
}


def send(*, borrower_id: int, event: str, reference: str, context: dict) -> bool:
    borrower = Borrower.objects.select_related("user").get(pk=borrower_id)
    address = (borrower.user.email if borrower.user else "") or borrower.email
    if not address or event not in SUBJECTS:
        return False
    with translation.override(borrower.preferred_language):
        plan = None
        if "plan" in context:
            plan = (
                Plan.objects.filter(pk=context["plan"], loan__borrower=borrower)
                .prefetch_related("installments")
                .first()
            )
        body = render_to_string(
            f"repayment/messages/{event}.txt",
            {
                "borrower": borrower,
                "reference": reference,
                "plan": plan,
                "context": context,
                "link": settings.SITE_URL.rstrip("/") + reverse("loan_statement", args=[reference]),
            },
        )
        send_mail(str(SUBJECTS[event]), body, None, [address])
    return True
