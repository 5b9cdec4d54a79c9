import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from education.demo import CONTENT_DIR, ContentError, load
from education.search_demo import load_demo_searches


class Command(BaseCommand):
    help = (
        "Load the demo lessons and glossary, in English and Chinese, and publish them. Reads "
        "DIR/lessons/<slug>.json and DIR/glossary.json (DIR defaults to "
        "education/demo_content). Running it again updates what changed and creates nothing "
        "twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", type=Path, default=CONTENT_DIR, help="content directory")

    def handle(self, *args, path: Path, **options):
        if not (path / "lessons").is_dir():
            raise CommandError(f"No lessons found: {path / 'lessons'} is not a directory.")
        # Wagtail and its task runner log every publish at INFO: a line per page and term.
        quiet = [logging.getLogger(name) for name in ("wagtail", "django_tasks")]
        levels = [logger.level for logger in quiet]
        if options["verbosity"] < 2:
            for logger in quiet:
                logger.setLevel(logging.WARNING)
        try:
            lessons, terms = load(path)
        except ContentError as exc:
            raise CommandError(str(exc)) from exc
        finally:
            for logger, level in zip(quiet, levels, strict=True):
                logger.setLevel(level)
        searches = load_demo_searches() if path == CONTENT_DIR else 0
        if options["verbosity"] < 1:
            return
        for label, summary in (("Lessons", lessons), ("Glossary terms", terms)):
            self.stdout.write(
                f"{label}: {len(summary.created)} created, {len(summary.updated)} updated, "
                f"{len(summary.unchanged)} unchanged"
            )
        if searches:
            self.stdout.write(f"Logged searches: {searches} added")
