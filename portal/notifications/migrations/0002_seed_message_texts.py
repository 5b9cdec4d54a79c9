"""The shipped message texts as editable rows, and who may edit them.

- One ``MessageTemplate`` per event and language, from ``default_texts``. A row that exists
  already is left as it is: staff may have edited it.
- "Editors" (made by education 0004) may add, change and view message texts; "Compliance
  reviewers" may change and view them. Nobody deletes one from the admin: the system would fall
  back to the shipped words without anyone having decided so.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
REVIEWERS = "Compliance reviewers"
GRANTS = {EDITORS: ("add", "change", "view"), REVIEWERS: ("change", "view")}


def _ensure_permissions(apps, app_label):
    """Django makes model permissions after all migrations; these are needed now."""
    app_config = apps.get_app_config(app_label)
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module


def seed(apps, schema_editor):
    from portal.notifications.message_texts.defaults import DEFAULTS

    MessageTemplate = apps.get_model("notifications", "MessageTemplate")
    for event, languages in DEFAULTS.items():
        for language, text in languages.items():
            MessageTemplate.objects.get_or_create(
                event=str(event),
                language=language,
                defaults={"subject": text.subject, "body": text.body, "sms": text.sms},
            )


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    _ensure_permissions(apps, "notifications")
    for name, actions in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="notifications",
                codename__in=[f"{action}_messagetemplate" for action in actions],
            )
        )


def create(apps, schema_editor):
    seed(apps, schema_editor)
    grant(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("education", "0004_lessons_index_roles_and_review"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
