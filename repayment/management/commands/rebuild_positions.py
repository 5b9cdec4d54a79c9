from django.core.management.base import BaseCommand

from repayment.models import Loan
from repayment.position_table.keeping import CHUNK, refresh


class Command(BaseCommand):
    help = (
        "Work out every loan's kept position again from its ledger, plans, pauses, disputes "
        "and promises, a chunk at a time (docs/position.md). Safe to run at any time."
    )

    def handle(self, *args, **options):
        loan_ids = list(Loan.objects.order_by("pk").values_list("pk", flat=True))
        written = 0
        for start in range(0, len(loan_ids), CHUNK):
            written += refresh(loan_ids[start : start + CHUNK])
        self.stdout.write(f"Positions worked out again: {written}.")
