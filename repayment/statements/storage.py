"""Where statement PDFs made by a task are kept until the borrower fetches them: outside
MEDIA_ROOT, with no URL, so only the view that checks whose loan it is serves them
(``repayment.statements.pdf_views``), as conversation attachments are kept
(``portal.conversations.storage``). ``STATEMENT_FILES_ROOT`` names the folder (default:
private_files beside the code); it is read at each use, so a test can point it elsewhere."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class StatementPdfStorage(FileSystemStorage):
    @property
    def base_location(self):
        return getattr(settings, "STATEMENT_FILES_ROOT", None) or (
            settings.BASE_DIR / "private_files"
        )

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Statement PDFs have no public address; serve them through their view.")


def statement_pdf_storage():
    return StatementPdfStorage()
