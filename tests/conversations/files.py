"""Small real files, as a phone or scanner makes them, and impostors."""

from django.core.files.uploadedfile import SimpleUploadedFile

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png(name="receipt.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def pdf(name="letter.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def disguised(name="receipt.png"):
    """A script named and typed as a photo."""
    return SimpleUploadedFile(name, b"<html><script>alert(1)</script>", content_type="image/png")


def too_big(name="scan.pdf", size=5 * 1024 * 1024 + 1):
    return SimpleUploadedFile(name, PDF + b"0" * (size - len(PDF)), content_type="application/pdf")
