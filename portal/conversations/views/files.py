"""Serving an attachment to someone the view has already checked may read it: never a public
address, never shown inline as a page of ours (a PDF opens as a download)."""

from django.http import FileResponse, Http404

INLINE = {"image/jpeg", "image/png"}


def serve(attachment) -> FileResponse:
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        content_type=attachment.content_type,
        as_attachment=attachment.content_type not in INLINE,
        filename=attachment.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
