from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.conversations.demo import load_demo_conversation
from portal.lender_api.demo import load_demo_key
from portal.notifications.demo import load_demo_messages, load_demo_pending_text
from portal.support.demo import load_demo_queue, load_demo_staff
from portal.training.demo import load_demo_training
from repayment.demo import ADMIN_EMAIL, DEMO_PASSWORD, load_demo, load_demo_promises
from repayment.models import Borrower
from repayment.statements.cache import statement_for


class Command(BaseCommand):
    help = "Load the demo lender, products and borrowers (once), and print the demo logins."

    def handle(self, *args, **options):
        stories = load_demo()
        staff = load_demo_staff()
        load_demo_queue()
        load_demo_conversation()  # a borrower's message waiting for support
        load_demo_training()
        # The demo borrowers' message centres, through the real rules and sender (before the
        # logins are printed, so any e-mail echoed to the console comes first).
        load_demo_messages()
        load_demo_pending_text()  # an edited message text waiting for the compliance reviewer
        # After the history: the promise and the reported payment hold the reminders from now.
        load_demo_promises()
        lender_key = load_demo_key()
        # The demo's entries are written directly, not through a batch: the kept positions
        # are worked out once for the whole demo book.
        call_command("rebuild_positions", stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(f"\nDemo borrowers (password for all: {DEMO_PASSWORD})")
        )
        for story, _created in stories:
            borrower = Borrower.objects.get(external_id=story.external_id)
            loan = borrower.loans.select_related("product__lender", "borrower").get()
            statement = statement_for(loan=loan)
            position = statement.position
            situation = (
                f"{position.days_past_due} days late"
                if position.status == "late"
                else position.status.replace("_", " ")
            )
            if position.disputed_amount:
                situation += ", fee questioned"
            if loan.promises.filter(status="open").exists():
                situation += ", open promise to pay"
            if loan.payment_reports.filter(status="open").exists():
                situation += ", says they paid"
            login = (
                story.email
                if story.linked
                else (
                    f"(no login yet: sign up, then link with loan {story.reference} "
                    f"and date of birth {story.date_of_birth.isoformat()})"
                )
            )
            self.stdout.write(f"  {story.name:<14} {situation:<46} {story.language:<8} {login}")
        self.stdout.write(
            self.style.SUCCESS("\nStaff (same password; each sets up an authenticator app first)")
        )
        for email, role in staff:
            self.stdout.write(f"  {role:<22} {email}")
        self.stdout.write(
            "  Support console: /en/support/   Wagtail: /cms/   "
            f"Django admin ({ADMIN_EMAIL}): /django-admin/"
        )
        self.stdout.write(self.style.SUCCESS("\nAPIs (docs: /api/docs/)"))
        self.stdout.write(
            "  Borrower API /api/v1/: sign in at /_allauth/app/v1/auth/login, then send the "
            "X-Session-Token it gives"
        )
        self.stdout.write(
            f"  Lender API /api/lender/v1/ (demo lender, every scope; a new key each run):\n"
            f"    Authorization: Bearer {lender_key}"
        )
