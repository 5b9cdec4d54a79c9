"""The lessons index in each language, the two editorial roles and the review workflow.

- The Chinese home page gets its own slug. Migration 0002 gave both home pages the slug
  "home", so both had the url_path "/home/", and Wagtail (which tells a page's site and
  language by its url_path) built /en/ addresses for every Chinese page.

- A lessons index under each home page (English, and its Chinese translation).
- "Editors" write and translate lessons and glossary terms and submit them for review; they
  cannot publish. Wagtail's own migrations made an "Editors" group with rights over the whole
  tree; here its page rights are narrowed to the lessons.
- "Compliance reviewers" can do all that and also approve, which publishes (and unpublish).
- The "Lesson review" workflow, one group-approval task for compliance reviewers, applies to
  both lessons indexes (so to every lesson under them) and to glossary terms.
"""

import uuid

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

EDITORS = "Editors"
REVIEWERS = "Compliance reviewers"
WORKFLOW = "Lesson review"
TASK = "Compliance review"

INDEX = {
    "en": {
        "title": "Lessons",
        "intro": (
            "<p>Short lessons in plain words: how your loan works, what happens if a payment "
            "is late, and where to get help.</p>"
        ),
    },
    "zh-hans": {
        "title": "贷款小课堂",
        "intro": "<p>用简单的话讲清楚：您的贷款是怎么回事，晚还款会怎样，以及去哪里获得帮助。</p>",
    },
}

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_TERM_PERMISSIONS = ["add", "change", "view", "lock"]
REVIEWER_TERM_PERMISSIONS = ["add", "change", "delete", "view", "publish", "lock", "unlock"]


def _ensure_permissions(apps, app_label):
    """Django makes model permissions after all migrations; these are needed now."""
    app_config = apps.get_app_config(app_label)
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module


def _separate_home_paths(apps):
    HomePage = apps.get_model("education.HomePage")
    Page = apps.get_model("wagtailcore.Page")
    for home in HomePage.objects.filter(depth=2).exclude(locale__language_code="en"):
        slug = f"home-{home.locale.language_code}"
        old_path, new_path = home.url_path, f"/{slug}/"
        if old_path == new_path:
            continue
        for pk, url_path in Page.objects.filter(path__startswith=home.path).values_list(
            "pk", "url_path"
        ):
            Page.objects.filter(pk=pk).update(url_path=new_path + url_path[len(old_path):])
        Page.objects.filter(pk=home.pk).update(slug=slug)


def _create_indexes(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("education.HomePage")
    LessonIndexPage = apps.get_model("education.LessonIndexPage")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="education", model="lessonindexpage"
    )
    translation_key = uuid.uuid4()
    now = timezone.now()
    indexes = []
    for language in ("en", "zh-hans"):
        home = HomePage.objects.filter(locale__language_code=language, depth=2).first()
        if home is None:
            continue
        existing = LessonIndexPage.objects.filter(path__startswith=home.path, depth=3).first()
        if existing is not None:
            indexes.append(existing)
            continue
        last_child = Page.objects.filter(path__startswith=home.path, depth=3).order_by("path").last()
        position = int(last_child.path[-4:], 36) + 1 if last_child else 1
        indexes.append(
            LessonIndexPage.objects.create(
                title=INDEX[language]["title"],
                draft_title=INDEX[language]["title"],
                slug="lessons",
                content_type=content_type,
                path=f"{home.path}{_base36(position)}",
                depth=3,
                numchild=0,
                url_path=f"{home.url_path}lessons/",
                locale_id=home.locale_id,
                translation_key=translation_key,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                intro=INDEX[language]["intro"],
            )
        )
        Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)
    return indexes


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text.rjust(4, "0")


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    _ensure_permissions(apps, "education")
    _ensure_permissions(apps, "simple_translation")
    term_type, _ = ContentType.objects.get_or_create(app_label="education", model="glossaryterm")
    for action in ("publish", "lock", "unlock"):
        Permission.objects.get_or_create(
            content_type=term_type,
            codename=f"{action}_glossaryterm",
            defaults={"name": f"Can {action} glossary term"},
        )

    _separate_home_paths(apps)
    indexes = _create_indexes(apps)

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    common = list(
        Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    ) + list(
        Permission.objects.filter(
            content_type__app_label="simple_translation", codename="submit_translation"
        )
    )
    for group, page_codenames, term_actions in (
        (editors, EDITOR_PAGE_PERMISSIONS, EDITOR_TERM_PERMISSIONS),
        (reviewers, REVIEWER_PAGE_PERMISSIONS, REVIEWER_TERM_PERMISSIONS),
    ):
        group.permissions.add(*common)
        group.permissions.add(
            *Permission.objects.filter(
                content_type=term_type,
                codename__in=[f"{action}_glossaryterm" for action in term_actions],
            )
        )
        # Only the lessons: no rights elsewhere in the page tree (e.g. the home pages).
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in page_codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            for index in indexes:
                GroupPagePermission.objects.create(group=group, page_id=index.pk, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([reviewers])
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index in indexes:
        WorkflowPage.objects.update_or_create(page_id=index.pk, defaults={"workflow": workflow})
    WorkflowContentType.objects.update_or_create(
        content_type=term_type, defaults={"workflow": workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0003_lessons_glossary_progress"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("simple_translation", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
