import uuid

from django.db import migrations

INTRO = {
    "en": (
        "<p>See exactly what you owe, how it is made up and what happens next. "
        "Learn how loans work, in plain words. If you are finding it hard to pay, "
        "find out what you can do.</p>"
    ),
    "zh-hans": (
        "<p>清楚地看到您欠多少钱、这笔钱是怎么构成的、接下来会发生什么。"
        "用简单的话了解贷款是怎么回事。如果您还款有困难，看看您可以怎么做。</p>"
    ),
}
TITLE = {"en": "Your loan, explained", "zh-hans": "您的贷款，一看就懂"}


def create_homepages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("education.HomePage")

    # Replace the "Welcome to Wagtail" page that wagtailcore's own migration creates.
    Page.objects.filter(content_type__app_label="wagtailcore", content_type__model="page",
                        depth=2).delete()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="education")
    root = Page.objects.get(depth=1)
    translation_key = uuid.uuid4()
    homes = {}
    for position, language in enumerate(["en", "zh-hans"], start=1):
        locale, _ = Locale.objects.get_or_create(language_code=language)
        homes[language] = HomePage.objects.create(
            title=TITLE[language],
            draft_title=TITLE[language],
            seo_title="",
            slug="home",
            content_type=content_type,
            path=f"{root.path}{position:04d}",
            depth=2,
            numchild=0,
            url_path="/home/",
            locale=locale,
            translation_key=translation_key,
            live=True,
            intro=INTRO[language],
        )
    root.numchild = 2
    root.save(update_fields=["numchild"])
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=homes["en"],
                        is_default_site=True, site_name="Borrower portal")


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0001_initial"),
        ("wagtailcore", "0096_referenceindex_referenceindex_source_object_and_more"),
    ]

    operations = [migrations.RunPython(create_homepages, migrations.RunPython.noop)]
