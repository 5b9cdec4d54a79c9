"""Messages for staff answers (issue 6): a proposal approved, countered or declined, a pause
declined or ended. Seeds their shipped texts as editable rows, as 0002 did for the first
events; a row that exists already is left as it is."""

from django.db import migrations, models

from portal.notifications.migrations._seeding import seed_texts

NEW_EVENTS = (
    "pause_declined",
    "pause_ended",
    "proposal_approved",
    "proposal_countered",
    "proposal_declined",
)


def seed(apps, schema_editor):
    seed_texts(apps, NEW_EVENTS)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_seed_message_texts"),
    ]

    operations = [
        migrations.AlterField(
            model_name="messagetemplate",
            name="event",
            field=models.CharField(
                choices=[
                    ("upcoming_due", "Payment due soon"),
                    ("payment_received", "Payment received"),
                    ("payment_missed", "Payment missed"),
                    ("plan_offer_available", "Repayment plan available"),
                    ("plan_accepted", "Plan set up"),
                    ("plan_installment_due", "Plan payment due soon"),
                    ("plan_payment_moved_to_end", "Plan payment moved to the end"),
                    ("plan_completed", "Plan completed"),
                    ("plan_broken", "Plan ended"),
                    ("pause_granted", "Pause granted"),
                    ("pause_declined", "Pause declined"),
                    ("pause_ended", "Pause ended"),
                    ("proposal_approved", "Plan proposal approved"),
                    ("proposal_countered", "Plan proposal: counter-offer"),
                    ("proposal_declined", "Plan proposal declined"),
                    ("dispute_received", "Question received"),
                    ("dispute_resolved", "Question answered"),
                ],
                max_length=40,
                verbose_name="event",
            ),
        ),
        migrations.AlterField(
            model_name="outboundmessage",
            name="event",
            field=models.CharField(
                choices=[
                    ("upcoming_due", "Payment due soon"),
                    ("payment_received", "Payment received"),
                    ("payment_missed", "Payment missed"),
                    ("plan_offer_available", "Repayment plan available"),
                    ("plan_accepted", "Plan set up"),
                    ("plan_installment_due", "Plan payment due soon"),
                    ("plan_payment_moved_to_end", "Plan payment moved to the end"),
                    ("plan_completed", "Plan completed"),
                    ("plan_broken", "Plan ended"),
                    ("pause_granted", "Pause granted"),
                    ("pause_declined", "Pause declined"),
                    ("pause_ended", "Pause ended"),
                    ("proposal_approved", "Plan proposal approved"),
                    ("proposal_countered", "Plan proposal: counter-offer"),
                    ("proposal_declined", "Plan proposal declined"),
                    ("dispute_received", "Question received"),
                    ("dispute_resolved", "Question answered"),
                ],
                max_length=40,
                verbose_name="event",
            ),
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
