"""Answering a request on its console page, and whether the borrower heard."""

from django.urls import reverse

from portal.notifications.models import OutboundMessage


def post(client, name, obj, action, **fields):
    data = {"action": action, **{f"{action}-{k}": v for k, v in fields.items()}}
    return client.post(reverse(f"support:{name}", args=[obj.pk]), data)


def told(loan, event):
    return OutboundMessage.objects.filter(borrower=loan.borrower, event=event).exists()
