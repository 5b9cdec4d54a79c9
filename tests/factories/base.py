"""What every factory here shares: the time a model stamps with ``auto_now_add`` can be given."""

import contextlib

import factory


@contextlib.contextmanager
def _kept(fields):
    """While the row is inserted, ``fields`` keep the value the instance has instead of taking
    the time of the insert."""
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


class ModelFactory(factory.django.DjangoModelFactory):
    """``created_at=`` (or the model's other ``auto_now_add`` field: a plan's ``accepted_at``, a
    ledger entry's ``recorded_at``) makes the row with that time in its INSERT: there is no
    UPDATE afterwards for an append-only row to refuse, and ``post_save`` sees the time given."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        given = [
            field
            for field in model_class._meta.concrete_fields
            if getattr(field, "auto_now_add", False) and kwargs.get(field.name) is not None
        ]
        with _kept(given):
            return super()._create(model_class, *args, **kwargs)
