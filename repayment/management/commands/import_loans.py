from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from repayment.importing.parse import FORMATS, parse_file
from repayment.importing.records import FILE_IMPORT, BatchOrigin, BatchRejected
from repayment.importing.service import import_batch
from repayment.management.lenders import find_lender


class Command(BaseCommand):
    # Plain strings: argparse formats help text itself and takes no lazy translations.
    help = (
        "Import a lender's batch of borrowers, loans and ledger entries from a CSV or JSON "
        "file (see docs/import-format.md). A batch with any bad row is rejected whole."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--format",
            dest="file_format",
            choices=FORMATS,
            help="csv or json; by default the file's extension decides.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the batch and report what it would do; write nothing.",
        )
        parser.add_argument(
            "--lender",
            help=(
                "The lender's id or exact name: the batch may then use and change only that "
                "lender's data, as through the lender API. Without it, any lender's."
            ),
        )

    def handle(
        self,
        *args,
        file: Path,
        file_format: str | None,
        dry_run: bool,
        lender: str | None,
        **options,
    ):
        if not file.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": file})
        owner = find_lender(lender) if lender else None
        try:
            records = parse_file(path=file, file_format=file_format)
            result = import_batch(
                records=records,
                dry_run=dry_run,
                lender=owner,
                origin=BatchOrigin(FILE_IMPORT, label=file.name),
            )
        except BatchRejected as rejected:
            raise CommandError(rejected.summary()) from None
        if dry_run:
            self.stdout.write(_("Dry run: the batch is valid; nothing was written."))
        self.stdout.write(result.summary())
