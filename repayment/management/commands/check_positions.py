from django.core.management.base import BaseCommand, CommandError

from repayment.position_table.checking import differences

SHOWN = 50


class Command(BaseCommand):
    help = (
        "Compare every loan's kept position with the position function and print where they "
        "differ; exits with an error if any do (docs/position.md)."
    )

    def handle(self, *args, **options):
        found = 0
        for difference in differences():
            found += 1
            if found <= SHOWN:
                self.stdout.write(
                    f"loan {difference.loan_id}: {difference.field} kept {difference.kept!r}, "
                    f"worked out {difference.computed!r}"
                )
        if found:
            raise CommandError(f"{found} differences between the table and the ledger.")
        self.stdout.write("The kept positions agree with the ledger.")
