"""Each existing borrower's origin lender, where its loans name exactly one lender.

Borrowers with no loans, or with loans from several lenders, stay without one: no lender's
key may then change their details (only staff can). Tested in
tests/repayment/test_import_tenancy_migration.py."""

from django.db import migrations
from django.db.models import Count, Min, OuterRef, Subquery


def backfill_origin_lender(apps, schema_editor):
    Borrower = apps.get_model("repayment", "Borrower")
    Loan = apps.get_model("repayment", "Loan")
    only_lender = (
        Loan.objects.filter(borrower_id=OuterRef("pk"))
        .order_by()
        .values("borrower_id")
        .annotate(lenders=Count("product__lender_id", distinct=True))
        .filter(lenders=1)
        .annotate(lender=Min("product__lender_id"))
        .values("lender")
    )
    Borrower.objects.filter(origin_lender__isnull=True).update(
        origin_lender_id=Subquery(only_lender)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("repayment", "0008_borrower_origin_lender_product_restructuring"),
    ]

    operations = [
        migrations.RunPython(backfill_origin_lender, migrations.RunPython.noop, elidable=True),
    ]
