"""Search's starting point: synonyms for the words borrowers use that lessons don't (editors
change them under Snippets › Search synonyms), the words of the lessons already published,
and the editors' rights over synonyms, promoted lessons and the searches report."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"

SYNONYMS = [
    (
        "credit score, credit rating, credit report, credit record, credit history",
        "Borrowers ask about their score; the lessons talk about the credit report.",
    ),
    ("信用评分, 信用分, 征信, 征信报告, 信用记录", "征信报告 is the lessons' word."),
    ("monthly payment, instalment, installment, repayment", ""),
    ("月供, 每月还款, 还款", "Borrowers say 月供; lessons say 还款."),
    ("late payment, overdue, missed payment, arrears, behind on payments", ""),
    ("逾期, 晚还款, 拖欠", ""),
    ("fee, charge, penalty", ""),
    ("费用, 罚息, 滞纳金, 逾期费", ""),
    ("can't pay, cannot afford, hardship, struggling to pay", ""),
    ("还不上, 还不起, 经济困难, 困难", ""),
    ("payment holiday, breathing space, pause payments", ""),
    ("暂停还款, 还款假期, 停还", ""),
    ("debt collector, collection agency, collections", ""),
    ("催收, 催债, 讨债", ""),
    ("bill, statement", ""),
    ("账单, 对账单", ""),
]

EDITOR_PERMISSIONS = [
    "add_searchsynonym",
    "change_searchsynonym",
    "delete_searchsynonym",
    "view_searchsynonym",
    "add_promotedlesson",
    "change_promotedlesson",
    "delete_promotedlesson",
    "view_promotedlesson",
    "view_searchlog",
]


def seed(apps, schema_editor):
    from education.search_index import weighted_terms

    SearchSynonym = apps.get_model("education", "SearchSynonym")
    LessonPage = apps.get_model("education", "LessonPage")
    LessonTerm = apps.get_model("education", "LessonTerm")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    if not SearchSynonym.objects.exists():
        for phrases, note in SYNONYMS:
            SearchSynonym.objects.create(
                phrases="\n".join(p.strip() for p in phrases.split(",")), note=note
            )

    for page in LessonPage.objects.only("id", "title", "summary", "search_text"):
        weights = weighted_terms(title=page.title, summary=page.summary, text=page.search_text)
        LessonTerm.objects.filter(page_id=page.pk).delete()
        LessonTerm.objects.bulk_create(
            LessonTerm(page_id=page.pk, term=term, weight=weight)
            for term, weight in weights.items()
        )

    # Django makes model permissions after all migrations; these are needed now.
    app_config = apps.get_app_config("education")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="education", codename__in=EDITOR_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0009_search_index_synonyms_log"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
