import factory

from portal.notifications.models import Suppression

from .base import ModelFactory


class SuppressionFactory(ModelFactory):
    class Meta:
        model = Suppression

    channel = "email"
    address = factory.Sequence(lambda n: f"person{n}@example.com")
    reason = Suppression.Reason.OPTED_OUT
    source = "test"
