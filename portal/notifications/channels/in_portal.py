from __future__ import annotations

from typing import TYPE_CHECKING

from . import Backend

if TYPE_CHECKING:
    from ..models import OutboundMessage


class InPortalChannel(Backend):
    """The message centre shows the outbox's in-portal rows once they are sent, so delivering
    is marking the row sent: nothing leaves the database, and doing it twice changes nothing."""

    idempotent = True

    def deliver(self, message: OutboundMessage) -> str:
        return ""
