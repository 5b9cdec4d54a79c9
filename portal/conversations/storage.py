"""Where attachments live: outside MEDIA_ROOT, with no URL, so nothing serves them but the
views that check who is asking (``portal.conversations.views``). ``CONVERSATION_FILES_ROOT``
names the folder (default: private_files beside the code); it is read at each use, so a test
can point it elsewhere."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class AttachmentStorage(FileSystemStorage):
    @property
    def base_location(self):
        return getattr(settings, "CONVERSATION_FILES_ROOT", None) or (
            settings.BASE_DIR / "private_files"
        )

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Attachments have no public address; serve them through their view.")


def attachment_storage():
    return AttachmentStorage()
