from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.accounts import linking
from repayment.models import Borrower


class Command(BaseCommand):
    help = (
        "Print an invitation link that lets a borrower link their login to their loans. "
        "The link is in the borrower's language, expires after "
        "BORROWER_INVITATION_MAX_AGE_DAYS and stops working once the borrower is linked."
    )

    def add_arguments(self, parser):
        parser.add_argument("external_id", help="The lender's id for the borrower.")
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="The site's public address (default: SITE_URL, %(default)s).",
        )

    def handle(self, *args, external_id, base_url, **options):
        borrower = Borrower.objects.filter(external_id=external_id).first()
        if borrower is None:
            raise CommandError(_("No borrower has the id %(id)s.") % {"id": external_id})
        if borrower.user_id is not None:
            raise CommandError(
                _("Borrower %(id)s is already linked to a login; no invitation is needed.")
                % {"id": external_id}
            )
        path = linking.invitation_path(borrower=borrower)
        self.stdout.write(f"{base_url.rstrip('/')}{path}")
