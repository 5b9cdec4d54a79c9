"""Before a loan may have only one open proposal: where a loan has several (a borrower could
send a new proposal while staff were looking at an earlier one), the newest stays open and the
older ones lapse, as a newer proposal has always replaced an older one awaiting the borrower."""

from django.db import migrations

OPEN = ("awaiting_borrower", "in_review", "approved")


def lapse_older_open_proposals(apps, schema_editor):
    Proposal = apps.get_model("repayment", "Proposal")
    newest_by_loan: dict[int, int] = {}
    older: list[int] = []
    for pk, loan_id in (
        Proposal.objects.filter(status__in=OPEN)
        .order_by("-created_at", "-pk")
        .values_list("pk", "loan_id")
    ):
        if loan_id in newest_by_loan:
            older.append(pk)
        else:
            newest_by_loan[loan_id] = pk
    for start in range(0, len(older), 500):
        Proposal.objects.filter(pk__in=older[start : start + 500]).update(status="lapsed")


class Migration(migrations.Migration):
    dependencies = [("repayment", "0009_backfill_borrower_origin_lender")]

    operations = [
        # Nothing to undo: going back, lapsed proposals stay lapsed.
        migrations.RunPython(lapse_older_open_proposals, migrations.RunPython.noop),
    ]
