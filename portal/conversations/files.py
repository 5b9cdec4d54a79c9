"""Checks on the files a borrower attaches: what the file is, read from its first bytes (its
name and the browser's word for its type can both be wrong or invented), how big it is, and how
many come at once. Only photos (JPEG, PNG) and PDF documents are taken."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_FILES = 3

# Each type taken, by the bytes its files start with.
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"%PDF-", "application/pdf"),
)


@dataclass(frozen=True, slots=True)
class CheckedFile:
    upload: object  # the UploadedFile, read from its start again when saved
    name: str
    content_type: str
    size: int


def sniff(head: bytes) -> str | None:
    """The type the first bytes of a file show, or None for a type we do not take."""
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def check_files(uploads) -> list[CheckedFile]:
    """Every file checked; one ValidationError listing each problem, so nothing is kept when
    any file is refused."""
    uploads = [upload for upload in uploads or [] if upload]
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            _("Attach at most %(count)s files to one message.") % {"count": MAX_FILES},
            code="too_many",
        )
    checked, problems = [], []
    for upload in uploads:
        name = (getattr(upload, "name", "") or _("file"))[-120:]
        if upload.size > MAX_BYTES:
            problems.append(
                ValidationError(
                    _("“%(name)s” is %(size)s: files can be up to %(limit)s.")
                    % {
                        "name": name,
                        "size": filesizeformat(upload.size),
                        "limit": filesizeformat(MAX_BYTES),
                    },
                    code="too_big",
                )
            )
            continue
        upload.seek(0)
        content_type = sniff(upload.read(16))
        upload.seek(0)
        if content_type is None or upload.size == 0:
            problems.append(
                ValidationError(
                    _(
                        "“%(name)s” is not a photo or a PDF. Attach a JPEG or PNG photo, or a "
                        "PDF document."
                    )
                    % {"name": name},
                    code="wrong_type",
                )
            )
            continue
        checked.append(CheckedFile(upload, name, content_type, upload.size))
    if problems:
        raise ValidationError(problems)
    return checked
