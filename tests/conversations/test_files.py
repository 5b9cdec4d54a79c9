"""Attachments: only photos and PDFs, told by their content; a size and a count limit; a clear
message and nothing written when a file is refused; served only to the thread's borrower and
to staff, never from a public address."""

import pytest
from django.urls import reverse

from portal.audit.models import Record
from portal.conversations.files import MAX_FILES
from portal.conversations.models import Attachment, Post, Thread
from tests.factories import UserFactory
from tests.repayment.plan_fixtures import late_loan

from .files import PNG, disguised, pdf, png, too_big


def _new(client, loan, files):
    return client.post(
        reverse("conversations:new"),
        {
            "about": "loan",
            "loan": loan.reference,
            "subject": "My receipt",
            "text": "Here is the receipt for my payment.",
            "files": files,
        },
    )


def _nothing_written(folder):
    assert not Thread.objects.exists()
    assert not Post.objects.exists()
    assert not Attachment.objects.exists()
    assert not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))


def test_a_photo_and_a_pdf_are_kept_privately(borrower_client, loan, _private_files, settings):
    response = _new(borrower_client, loan, [png(), pdf()])
    assert response.status_code == 302
    kept = list(Attachment.objects.order_by("pk"))
    assert [(a.name, a.content_type) for a in kept] == [
        ("receipt.png", "image/png"),
        ("letter.pdf", "application/pdf"),
    ]
    for attachment in kept:
        path = attachment.file.path
        assert path.startswith(str(_private_files))
        assert not path.startswith(str(settings.MEDIA_ROOT))


def test_a_file_pretending_to_be_a_photo_is_refused(borrower_client, loan, _private_files):
    response = _new(borrower_client, loan, [disguised()])
    assert response.status_code == 200
    assert "“receipt.png” is not a photo or a PDF" in response.content.decode()
    _nothing_written(_private_files)


def test_a_file_over_the_limit_is_refused_with_its_size(borrower_client, loan, _private_files):
    response = _new(borrower_client, loan, [png(), too_big()])
    assert response.status_code == 200
    page = response.content.decode()
    assert "“scan.pdf” is 5.0\xa0MB: files can be up to 5.0\xa0MB." in page
    _nothing_written(_private_files)


def test_too_many_files_are_refused(borrower_client, loan, _private_files):
    response = _new(borrower_client, loan, [png(f"{n}.png") for n in range(MAX_FILES + 1)])
    assert f"Attach at most {MAX_FILES} files to one message." in response.content.decode()
    _nothing_written(_private_files)


def _thread_with_file(client, loan):
    _new(client, loan, [png()])
    attachment = Attachment.objects.get()
    return attachment.post.thread, attachment


def test_the_borrower_downloads_their_own_file(borrower_client, loan):
    thread, attachment = _thread_with_file(borrower_client, loan)
    response = borrower_client.get(
        reverse("conversations:attachment", args=[thread.pk, attachment.pk])
    )
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_another_borrower_gets_404_for_the_file(borrower_client, loan, client):
    thread, attachment = _thread_with_file(borrower_client, loan)
    other = late_loan()
    client.force_login(other.borrower.user)
    url = reverse("conversations:attachment", args=[thread.pk, attachment.pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())  # signed in, linked to no borrower
    assert client.get(url).status_code != 200


def test_staff_open_the_file_and_it_is_recorded(borrower_client, loan, agent, client):
    from tests.support.staff import signed_in

    thread, attachment = _thread_with_file(borrower_client, loan)
    staff = signed_in(client, agent)
    response = staff.get(
        reverse("console_conversations:attachment", args=[thread.pk, attachment.pk])
    )
    assert response.status_code == 200
    record = Record.objects.get(action="conversation.attachment")
    assert (record.actor, record.borrower) == (agent, loan.borrower)


def test_files_have_no_public_address(borrower_client, loan):
    _, attachment = _thread_with_file(borrower_client, loan)
    with pytest.raises(ValueError):
        _ = attachment.file.url


def test_when_sending_fails_after_the_files_are_stored_none_is_left(
    borrower_client, loan, _private_files, monkeypatch
):
    """The thread's answer time is worked out after the files are written; if that (or the
    commit) fails, the message is not sent and its files do not stay behind on disk."""

    def broken(**_kwargs):
        raise RuntimeError("service level unreadable")

    monkeypatch.setattr("portal.conversations.service_level.answer_by", broken)
    with pytest.raises(RuntimeError):
        _new(borrower_client, loan, [png(), pdf()])

    _nothing_written(_private_files)
