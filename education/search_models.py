"""What lesson search keeps: the words of each lesson, the editors' synonyms and promoted
lessons, and the anonymous log of searches. Imported by ``education.models``; the rules are in
``education.search`` and docs/education.md."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .text_analysis import words

MAX_TERM_LENGTH = 64
MAX_QUERY_LENGTH = 100


class LessonTerm(models.Model):
    """One word of one lesson page (a language version), with how much it weighs there: its
    count in the text, more in the title and summary. Rebuilt whenever the page is saved with
    new text (``education.search_index``)."""

    page = models.ForeignKey("education.LessonPage", on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=MAX_TERM_LENGTH)
    weight = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "term"], name="lesson_term_once_per_page")
        ]
        indexes = [models.Index(fields=["term"], name="lesson_term_term")]

    def __str__(self):
        return f"{self.term} ({self.page_id})"


def split_phrases(text: str) -> list[str]:
    """Phrases an editor listed, one per line or separated by commas (either language's)."""
    found = []
    for line in (text or "").replace("，", ",").replace("、", ",").splitlines():
        for phrase in line.split(","):
            phrase = " ".join(phrase.split())
            if phrase and phrase.casefold() not in {p.casefold() for p in found}:
                found.append(phrase)
    return found


class SearchSynonym(models.Model):
    phrases = models.TextField(
        _("words that mean the same"),
        help_text=_(
            "Two or more words or phrases a borrower might use for the same thing, one per "
            "line or separated by commas, for example 'credit score, credit report'. A search "
            "for any of them also finds lessons that use the others. English and Chinese may "
            "be in the same group (月供, 还款)."
        ),
    )
    note = models.CharField(
        _("note for editors"),
        max_length=200,
        blank=True,
        help_text=_("Why these belong together, if it is not obvious. Readers never see it."),
    )

    panels = [FieldPanel("phrases"), FieldPanel("note")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["phrases"]

    def __str__(self):
        return " ↔ ".join(self.phrase_list())

    def phrase_list(self) -> list[str]:
        return split_phrases(self.phrases)

    def clean(self):
        super().clean()
        phrases = self.phrase_list()
        if len(phrases) < 2:
            raise ValidationError(
                {"phrases": _("List at least two words or phrases, separated by commas.")}
            )
        empty = [phrase for phrase in phrases if not words(phrase)]
        if empty:
            raise ValidationError(
                {
                    "phrases": _("“%(phrase)s” has no words a search can match.")
                    % {"phrase": empty[0]}
                }
            )
        self.phrases = "\n".join(phrases)


class PromotedLesson(models.Model):
    query = models.CharField(
        _("search words"),
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "When a search contains all of these words (in any form: 'fee' also covers "
            "'fees'), the lesson below is shown first. For example 'can't pay'."
        ),
    )
    lesson = models.ForeignKey(
        "education.LessonPage",
        verbose_name=_("lesson"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_(
            "Readers see it in their own language where it is translated, in English otherwise."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=10,
        help_text=_("When several promoted lessons match, the lowest number comes first."),
    )

    panels = [FieldPanel("query"), FieldPanel("lesson"), FieldPanel("order")]

    class Meta:
        verbose_name = _("promoted lesson")
        verbose_name_plural = _("promoted lessons")
        ordering = ["order", "query"]

    def __str__(self):
        return f"{self.query} → {self.lesson}"

    def clean(self):
        super().clean()
        if not words(self.query):
            raise ValidationError({"query": _("Enter words a borrower might search for.")})


class SearchLog(models.Model):
    """One search, with no trace of who made it: no user, session, address or time of day,
    only the date (so a row cannot be matched to a server log), and the query with long
    numbers and email addresses masked (``education.search_log``). Pruned after
    ``EDUCATION_SEARCH_LOG_DAYS``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    searched_on = models.DateField(_("date"), db_index=True)
    language = models.CharField(_("language"), max_length=10)
    query = models.CharField(_("search"), max_length=MAX_QUERY_LENGTH)
    results = models.PositiveIntegerField(_("results"))
    clicked = models.BooleanField(_("a result was opened"), default=False)
    opened_lesson = models.CharField(
        _("lesson opened"), max_length=40, blank=True, editable=False
    )  # its translation key: the same lesson in every language

    class Meta:
        verbose_name = _("logged search")
        verbose_name_plural = _("logged searches")
        indexes = [models.Index(fields=["language", "query"], name="search_log_language_query")]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.searched_on})"
