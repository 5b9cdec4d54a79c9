from django.db import models
from django.utils.translation import gettext_lazy as _

from .intents import CHOICES, LANGUAGE_CHOICES


class IntentPhrasing(models.Model):
    """A way a borrower asks one of the help box's questions, added by an editor to the ones
    built into the code (``portal/answers/phrasings.py``)."""

    intent = models.CharField(
        _("question"),
        max_length=32,
        choices=CHOICES,
        help_text=_("The question this phrasing asks. The help box answers it from the account."),
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=LANGUAGE_CHOICES,
        help_text=_("The language the borrower writes in."),
    )
    text = models.CharField(
        _("phrasing"),
        max_length=200,
        help_text=_(
            "Write it as a borrower would type it, in their own everyday words, for example "
            "'why is my loan more than last month'. One way of asking per row. The help box "
            "shows it to the borrower as the reason for its answer."
        ),
    )
    live = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Untick to stop the help box using this phrasing without deleting it."),
    )

    class Meta:
        verbose_name = _("help phrasing")
        verbose_name_plural = _("help phrasings")
        ordering = ["intent", "language", "text"]
        constraints = [
            models.UniqueConstraint(
                fields=["intent", "language", "text"], name="answers_phrasing_unique"
            )
        ]

    def __str__(self):
        return self.text
