"""The staff roles as groups (see ``portal.support.roles``). Editors and compliance reviewers
exist already (education 0004) and keep what they have; this adds the console's and the audit
trail's permissions. Re-running adds what is missing and removes nothing."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def _ensure_permissions(apps, app_label):
    """Django makes model permissions after all migrations; these are needed now."""
    app_config = apps.get_app_config(app_label)
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module


def grant_for(apps, labels):
    """Give each role its permissions from the apps in ``labels``. The roles table is read as
    it is today: permissions of apps that later migrations bring are granted by those."""
    from portal.support.roles import ROLES

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label in labels:
        _ensure_permissions(apps, label)
    for name, permissions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in permissions:
            app_label, codename = dotted.split(".")
            if app_label not in labels:
                continue
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def grant(apps, schema_editor):
    grant_for(apps, ("support", "audit", "accounts", "auth"))


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0001_initial"),
        ("audit", "0001_initial"),
        ("accounts", "0001_initial"),
        ("education", "0004_lessons_index_roles_and_review"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
