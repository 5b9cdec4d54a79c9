"""Rows that are added and never changed or removed: the ledger, and the audit trail. The
application refuses here; on PostgreSQL, triggers refuse in the database as well."""

from django.db import models


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError(self.model.append_only_message)

    def delete(self):
        raise TypeError(self.model.append_only_message)


class AppendOnly(models.Model):
    append_only_message = "These rows are append-only."

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError(self.append_only_message)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(self.append_only_message)
