"""Django's staff flag opens Django's admin, so only administrators keep it. Logins in the other
staff roles (agents, supervisors, editors, compliance reviewers) lose it; their own tools ask
for their role's permissions, not for the flag."""

from django.db import migrations

ADMINISTRATORS = "Administrators"
OTHER_ROLES = ("Support agents", "Support supervisors", "Editors", "Compliance reviewers")


def clear_flag(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    (
        User.objects.filter(is_staff=True, is_superuser=False, groups__name__in=OTHER_ROLES)
        .exclude(groups__name=ADMINISTRATORS)
        .update(is_staff=False)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0004_integration_permissions"),
        ("accounts", "0001_initial"),
    ]

    operations = [migrations.RunPython(clear_flag, migrations.RunPython.noop)]
