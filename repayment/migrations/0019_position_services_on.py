from django.db import migrations, models
from django.db.models import F


def due_at_once(apps, schema_editor):
    # Rows kept before the day was known: servicing reads each of them once at its next run
    # and works the day out (early is harmless; a null day would never be serviced).
    apps.get_model("repayment", "LoanPosition").objects.update(services_on=F("as_of"))


class Migration(migrations.Migration):
    dependencies = [
        ("repayment", "0018_loan_positions"),
    ]

    operations = [
        migrations.AddField(
            model_name="loanposition",
            name="services_on",
            field=models.DateField(null=True),
        ),
        migrations.AddIndex(
            model_name="loanposition",
            index=models.Index(fields=["services_on"], name="position_services_on"),
        ),
        migrations.RunPython(due_at_once, migrations.RunPython.noop, elidable=True),
    ]
