"""Contact-rules profiles whose numbers come from real rules, each number with its source;
compliance owns them. See docs/contact-rules.md."""

from dataclasses import dataclass
from datetime import date, time

from portal.notifications.contact_rules.rules import Profile, Window
from repayment.models import ContactRules, LoanProduct

LENDER_POLICY_DAILY = "Lender policy, not a legal number: at most 1 reminder a day."
LENDER_POLICY_WEEKLY = "Lender policy, not a legal number: at most 3 reminders in 7 days."
LENDER_POLICY_OPT_OUT = "Lender policy: every e-mail and SMS carries a clear one-step opt-out."

US_REG_F = Profile(
    name="US Regulation F",
    window=Window(time(8, 0), time(21, 0)),
    max_call_attempts=7,
    call_attempt_days=7,
    no_call_days_after_conversation=7,
    opt_out_notice_required=True,
    citations={
        "window": (
            "12 CFR 1006.6(b)(1)(i) (CFPB Regulation F): before 8:00 a.m. or after 9:00 p.m. "
            "local time at the consumer's location is an inconvenient time."
        ),
        "max_call_attempts": (
            "12 CFR 1006.14(b)(2): more than 7 telephone calls within 7 consecutive days is "
            "presumed to be harassment."
        ),
        "no_call_days_after_conversation": (
            "12 CFR 1006.14(b)(2): no telephone call within 7 consecutive days after a "
            "telephone conversation about the debt; the conversation's date is day 1."
        ),
        "third_party_contact_forbidden": (
            "12 CFR 1006.6(d): no communication about the debt with anyone but the consumer; "
            "the portal uses none of the exceptions."
        ),
        "opt_out_notice_required": (
            "12 CFR 1006.6(e): every electronic communication (e-mail, text message) includes "
            "a clear and conspicuous, simple way to opt out."
        ),
        "daily_cap": LENDER_POLICY_DAILY,
        "weekly_cap": LENDER_POLICY_WEEKLY,
    },
)

_NIFA = "NIFA (中国互联网金融协会) guidance on internet lending post-loan collection, 2024"

CHINA_NIFA = Profile(
    name="China NIFA",
    window=Window(time(8, 0), time(22, 0)),
    max_connected_calls_per_day=3,
    opt_out_notice_required=True,
    citations={
        "window": f"{_NIFA}: no collection contact between 22:00 and 08:00.",
        "max_connected_calls_per_day": (
            f"{_NIFA}: at most 3 connected calls a day per borrower, counted across the lender "
            "and its collection agencies."
        ),
        "third_party_contact_forbidden": (
            f"{_NIFA}: contact the borrower only, never their contacts, relatives or employer."
        ),
        "opt_out_notice_required": LENDER_POLICY_OPT_OUT,
        "daily_cap": LENDER_POLICY_DAILY,
        "weekly_cap": LENDER_POLICY_WEEKLY,
    },
)

UK_FCA = Profile(
    name="UK FCA",
    window=Window(time(8, 0), time(21, 0)),
    opt_out_notice_required=True,
    debt_advice_signpost_required=True,
    breathing_space_days=60,
    citations={
        "window": (
            "FCA CONC 7.9: no contact at unreasonable times. CONC fixes no hours; "
            "08:00-21:00 is lender policy."
        ),
        "third_party_contact_forbidden": (
            "FCA CONC 7.9: no disclosure of the debt to third parties; reasonable steps so "
            "that third parties do not learn of it."
        ),
        "opt_out_notice_required": LENDER_POLICY_OPT_OUT,
        "debt_advice_signpost_required": (
            "FCA CONC 7.3.7A: a customer in arrears or default is told that free and "
            "independent debt advice is available, and where."
        ),
        "breathing_space_days": (
            "Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis "
            "Moratorium) (England and Wales) Regulations 2020: a standard breathing space "
            "lasts 60 days, with no contact to seek payment, and no interest or charges."
        ),
        "daily_cap": LENDER_POLICY_DAILY,
        "weekly_cap": LENDER_POLICY_WEEKLY,
    },
)

# By the lender's setting (``repayment.models.ContactRules``), whose labels are these names.
PRESETS: dict[str, Profile] = {
    ContactRules.US_REG_F: US_REG_F,
    ContactRules.CHINA_NIFA: CHINA_NIFA,
    ContactRules.UK_FCA: UK_FCA,
}


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a preset's numbers come from, and when compliance last checked them against it.
    The numbers are code: changing one is a code change, reviewed by compliance, which moves
    ``reviewed_on`` (docs/training.md)."""

    source: str
    reviewed_on: date


PROVENANCE: dict[str, Provenance] = {
    ContactRules.US_REG_F: Provenance(
        source=(
            "Regulation F, 12 CFR part 1006 (Fair Debt Collection Practices Act), "
            "Consumer Financial Protection Bureau"
        ),
        reviewed_on=date(2026, 11, 2),
    ),
    ContactRules.CHINA_NIFA: Provenance(source=_NIFA, reviewed_on=date(2026, 11, 2)),
    ContactRules.UK_FCA: Provenance(
        source=(
            "FCA Handbook, Consumer Credit sourcebook (CONC 7); Debt Respite Scheme "
            "(Breathing Space) Regulations 2020"
        ),
        reviewed_on=date(2026, 11, 2),
    ),
}


def profile_for(product: LoanProduct) -> Profile:
    """The rules reminders about this product's loans follow: its own, or its lender's."""
    return PRESETS[product.contact_rules_in_force]
