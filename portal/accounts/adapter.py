from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.requests import RequestSite
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.translation import gettext as _

from repayment.borrowers import borrower_of

from . import linking
from .models import User
from .staff import is_staff_member

# Where staff land, first match: the console, the audit trail, the dashboard, the CMS.
STAFF_LANDINGS = (
    ("support.use_console", "support:search"),
    ("audit.view_trail", "audit_trail"),
    ("support.view_dashboard", "support:dashboard"),
    ("wagtailadmin.access_admin", "wagtailadmin_home"),
)


def landing_path(*, user: User) -> str:
    """Where a login goes after signing in: staff to the first place their role opens; a
    borrower to their home, in their own language whatever page they signed in from; a login
    not linked yet to the page that links it."""
    if is_staff_member(user=user):
        for permission, name in STAFF_LANDINGS:
            if user.has_perm(permission):
                return reverse(name)
        return reverse("admin:index") if user.is_staff else "/"
    borrower = borrower_of(user=user)
    if borrower is None:
        return reverse("link_borrower")
    return linking.home_path(borrower=borrower)


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        # Only used when the request carries no safe ``next``: an invitation link that sent
        # someone to sign in gets them back to it.
        return landing_path(user=request.user)

    def get_signup_redirect_url(self, request: HttpRequest) -> str:
        # Worked out before the new login exists; a brand-new login is never linked yet.
        return reverse("link_borrower")

    # Without django.contrib.sites allauth names the site by its host name ("Hello from
    # portal.example.com"); borrowers know it as the portal, in their language.

    def format_email_subject(self, subject: str) -> str:
        return f"[{_('Borrower portal')}] {force_str(subject)}"

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        site = RequestSite(allauth_context.request)
        site.name = _("Borrower portal")
        super().send_mail(template_prefix, email, {"current_site": site, **context})


def user_display(user: User) -> str:
    """How allauth names a login in messages ("Signed in as ..."): its e-mail, not the
    internal username."""
    return user.email or user.get_username()
