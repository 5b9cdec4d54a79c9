"""Lessons, the glossary and what a borrower has learnt.

The page tree is pinned: the home page (one per language) holds one lessons index, which holds
the lessons. Lessons and glossary terms are translatable (Wagtail i18n): a translation shares
its original's ``translation_key``, which is also how progress is kept, so a lesson finished in
one language counts in the other.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.url_routing import RouteResult

from . import readability
from .blocks import LessonBodyBlock
from .panels import ReadabilityPanel, TranslationPanel, WordingPanel
from .text import block_lines, glossary_linked_phrases, lesson_lines, lesson_search_text

if TYPE_CHECKING:
    from django.http import HttpRequest

# Paths the site itself serves under the lessons index (education/urls.py).
RESERVED_SLUGS = frozenset({"search", "glossary", "progress"})
# Reading speeds for the reading-time estimate: words a minute in English, characters in Chinese.
WORDS_PER_MINUTE = 200
CHINESE_CHARACTERS_PER_MINUTE = 300


class Topic(models.TextChoices):
    """Fixed on purpose: code suggests lessons by topic and the index groups by it, so a topic
    is not something an editor should add or rename. Labels are translated with the site's
    messages."""

    UNDERSTANDING_YOUR_LOAN = "understanding-your-loan", _("Understanding your loan")
    FALLING_BEHIND = "falling-behind", _("If you fall behind")
    GETTING_HELP = "getting-help", _("Getting help")
    YOUR_RIGHTS = "your-rights", _("Your rights")


class WordingBlocked(PermissionDenied):
    """Publishing refused: the tone check flags this revision and no override covers it. A
    permission error, so Wagtail's admin refuses it as it refuses any publish not allowed."""

    def __init__(self, found):
        self.found = found
        super().__init__(
            "the wording check flags this revision: "
            + "; ".join(f"{flag.where}: {flag.phrase}" for flag in found)
        )


class WordingGatedMixin:
    """Nothing goes live while ``education.wording`` flags the revision being published: not
    from the editor, not on a reviewer's approval in the workflow, not from a script. A revision
    scheduled for later passed the gate when it was scheduled (``approved_go_live_at`` is set
    then), so the scheduled go-live does not ask again."""

    def wording_texts(self) -> list[tuple[str, str, str]]:
        """(where, text, language) of everything a borrower reads, in the object's language."""
        raise NotImplementedError

    def wording_blocked(self, revision):
        from .wording import blocked

        return blocked(self, revision, revision.as_object().wording_texts())

    def publish(self, revision, *args, **kwargs):
        if revision.approved_go_live_at is None:
            found = self.wording_blocked(revision)
            if found:
                raise WordingBlocked(found)
        return super().publish(revision, *args, **kwargs)


class HomePage(Page):
    """The public front page of the site, one per language."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_(
            "Two or three short sentences for someone who has just arrived, perhaps worried "
            "about a debt. Say what the site lets them do. Plain words, no jargon."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["education.LessonIndexPage"]

    class Meta:
        verbose_name = _("home page")


class LessonIndexPage(Page):
    """All lessons, grouped by topic. One per language, under that language's home page."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences above the list of lessons."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["education.HomePage"]
    subpage_types = ["education.LessonPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("lessons index")

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """A lesson by its slug in this language; if there is none, its translation under
        another slug (a redirect) or the English lesson with a notice (``fallback``)."""
        if len(path_components) != 1:
            return super().route(request, path_components)
        slug = path_components[0]
        lesson = (
            LessonPage.objects.child_of(self).live().filter(slug=slug).select_related("locale")
        ).first()
        if lesson is not None:
            lesson._cached_parent_obj = self
            return RouteResult(lesson)
        default_locale = Locale.get_default()
        if self.locale_id == default_locale.pk:
            raise Http404
        original = (
            LessonPage.objects.live()
            .filter(locale=default_locale, slug=slug)
            .descendant_of(self.get_translation(default_locale))
            .first()
            if self.has_translation(default_locale)
            else None
        )
        if original is None:
            raise Http404
        translation = original.get_translation_or_none(self.locale)
        if translation is not None and translation.live:
            return RouteResult(translation, kwargs={"redirect_to_translation": True})
        return RouteResult(original)

    def serve(self, request, *args, **kwargs):
        from .serving import mark_cacheable

        response = super().serve(request, *args, **kwargs)
        mark_cacheable(request, response)
        return response

    def get_context(self, request, *args, **kwargs):
        from .catalogue import lessons_by_topic
        from .progress import finished_keys

        context = super().get_context(request, *args, **kwargs)
        context["topics"] = lessons_by_topic(language=self.locale.language_code)
        context["finished_keys"] = finished_keys(user=request.user)
        return context


class LessonPage(WordingGatedMixin, Page):
    summary = models.CharField(
        _("summary"),
        max_length=200,
        help_text=_(
            "One sentence that says what the reader will learn, for example 'What happens, "
            "day by day, when a payment is late, and what you can do'. Shown in lists and "
            "search results."
        ),
    )
    topic = models.CharField(
        _("topic"),
        max_length=40,
        choices=Topic.choices,
        help_text=_("Where the lesson is listed, and which borrowers are offered it."),
    )
    position = models.PositiveSmallIntegerField(
        _("order within the topic"),
        default=10,
        help_text=_("Lessons are listed in this order within their topic, lowest first."),
    )
    body = StreamField(
        LessonBodyBlock(),
        verbose_name=_("body"),
        help_text=_(
            "Short blocks, in the order a worried reader needs them: what it means, what "
            "happens, what you can do. The plain-language panel below checks it when you save."
        ),
    )
    reading_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )
    reading_level = models.DecimalField(
        _("reading level"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "English: Flesch-Kincaid grade. Chinese: sentence length and uncommon characters."
        ),
    )
    readability = models.JSONField(_("plain-language check"), default=dict, editable=False)
    search_text = models.TextField(editable=False, blank=True, default="")
    # A translation: the revision of the English lesson it was last saved against, so the
    # translator sees what changed in the English since (TranslationPanel).
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        TranslationPanel(heading=_("The English lesson")),
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("topic"), FieldPanel("position")],
            heading=_("Listing"),
        ),
        FieldPanel("body"),
        ReadabilityPanel(heading=_("Plain-language check")),
        WordingPanel(heading=_("Wording check")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("search_text"),
        index.FilterField("locale_id"),
        index.FilterField("topic"),
    ]
    parent_page_types = ["education.LessonIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    @property
    def language(self) -> str:
        return self.locale.language_code

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _("'%(slug)s' is used by the site itself. Choose another slug.")
                    % {"slug": self.slug}
                }
            )
        self.refresh_derived_fields()

    def save(self, *args, clean=True, **kwargs):
        # Wagtail's save(clean=True) of a live page runs full_clean(), whose clean() has just
        # refreshed them; a draft gets only its minimal_clean(), so refresh them here.
        if not clean or not self.live:
            self.refresh_derived_fields()
        return super().save(*args, clean=clean, **kwargs)

    def refresh_derived_fields(self) -> None:
        """Reading time, the plain-language check and the search text, from the content.
        Stored on the page, so each revision records the figures it was published with."""
        self.follow_source()
        language = self.language_or_default
        text = "\n".join(lesson_lines(self))
        report = self.current_readability_report()
        self.readability = report.as_dict()
        self.reading_level = (
            None if report.reading_level is None else Decimal(str(report.reading_level))
        )
        self.reading_minutes = reading_minutes(text, language)
        self.search_text = lesson_search_text(self)

    def source_lesson(self) -> LessonPage | None:
        """The English lesson this one translates; None for an English lesson."""
        if not self.locale_id or self.locale.language_code == settings.LANGUAGE_CODE:
            return None
        return (
            LessonPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=settings.LANGUAGE_CODE
            )
            .select_related("latest_revision")
            .first()
        )

    def follow_source(self) -> None:
        """A translation whose slug is not plain ASCII (Wagtail makes a Unicode one from a
        retitled Chinese lesson) takes its English lesson's slug; one an editor chose in
        letters and digits (pinyin) stays. And it records which English revision it was saved
        against."""
        source = self.source_lesson()
        if source is None:
            return
        if not self.slug or not self.slug.isascii():
            self.slug = source.slug
        self.source_revision = source.latest_revision

    @property
    def language_or_default(self) -> str:
        return self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE

    def current_readability_report(self) -> readability.Report:
        """The check of the lesson as it is now, in its own language: what the editor sees (a
        new translation copy is checked in its language at once, not by its original's
        stored English figures). A word the lesson links to the glossary is explained."""
        return readability.check_text(
            "\n".join(lesson_lines(self)),
            self.language_or_default,
            explained=glossary_linked_phrases(self.body),
        )

    def readability_report(self) -> readability.Report:
        """The check as it ran when the lesson was last saved (stored with the page), unless
        it was stored for another language (a translation copy of the original)."""
        stored_language = self.readability.get("language") if self.readability else None
        if stored_language != readability.base_language(self.language_or_default):
            return self.current_readability_report()
        return readability.Report.from_dict(self.readability)

    def wording_texts(self) -> list[tuple[str, str, str]]:
        language = self.language_or_default
        texts = [("title", self.title, language), ("summary", self.summary, language)]
        for number, block in enumerate(self.body, start=1):
            # Figures' labels too: borrowers read them, though the readability check skips them.
            lines = block_lines(block.block_type, block.value, for_search=True)
            texts.append(
                (f"body {number}", "\n".join(str(line) for line in lines if line), language)
            )
        return texts

    def serve_preview(self, request, mode_name):
        """The lesson exactly as readers get it (``serve``), for the editor's preview and the
        reviewer's in the workflow: Wagtail's default preview would render only the context."""
        request.is_preview = True
        from .serving import serve_lesson

        return serve_lesson(request, self)

    def serve(self, request, *args, redirect_to_translation=False, **kwargs):
        from .serving import serve_lesson

        if redirect_to_translation:
            from django.shortcuts import redirect

            return redirect(self.get_url(request))
        return serve_lesson(request, self)


def reading_minutes(text: str, language: str) -> int:
    if language.startswith("zh"):
        characters = readability.chinese_length(text)
        return max(1, math.ceil(characters / CHINESE_CHARACTERS_PER_MINUTE))
    return max(1, math.ceil(len(readability.english_words(text)) / WORDS_PER_MINUTE))


class GlossaryTerm(
    WordingGatedMixin,
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A word borrowers meet on their statement or in letters, explained plainly."""

    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "The term's fixed name in the site's code, the same in every language, e.g. "
            "'days-past-due'. The statement page finds terms by it: don't change it."
        ),
    )
    term = models.CharField(
        _("term"), max_length=80, help_text=_("As the borrower sees it, e.g. 'Days past due'.")
    )
    short_definition = models.CharField(
        _("short definition"),
        max_length=240,
        help_text=_(
            "One plain sentence, shown right under the term on the statement page when the "
            "borrower taps it."
        ),
    )
    explanation = models.TextField(
        _("explanation"),
        blank=True,
        help_text=_(
            "A few more sentences for the glossary page: an example, or what it means for "
            "the borrower. Leave a blank line between paragraphs."
        ),
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("lesson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The lesson that explains this best. The borrower is sent to it in their own "
            "language when there is a translation."
        ),
    )

    _revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="glossary_term",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="glossary_term",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("short_definition"),
        FieldPanel("explanation"),
        FieldPanel("lesson"),
        WordingPanel(heading=_("Wording check")),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("term"),
        index.SearchField("short_definition"),
        index.SearchField("explanation"),
        index.AutocompleteField("term"),
        # The CMS's list sorts its search results by term.
        index.FilterField("term"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="education_glossary_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.term

    @property
    def revisions(self):
        return self._revisions

    @property
    def language_or_default(self) -> str:
        return self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE

    def wording_texts(self) -> list[tuple[str, str, str]]:
        language = self.language_or_default
        return [
            ("term", self.term, language),
            ("short_definition", self.short_definition, language),
            ("explanation", self.explanation, language),
        ]

    def readability_reports(self) -> list[tuple[str, readability.Report]]:
        """The plain-language check of the definition and the explanation."""
        language = self.language_or_default
        return [
            (str(label), readability.check_text(text, language))
            for label, text in (
                (_("short definition"), self.short_definition),
                (_("explanation"), self.explanation),
            )
            if (text or "").strip()
        ]

    def get_preview_template(self, request, mode_name):
        return "education/glossary_term_preview.html"

    def get_preview_context(self, request, mode_name):
        return {
            **super().get_preview_context(request, mode_name),
            "term": self,
            "content_language": self.language_or_default,
        }


class LessonProgress(models.Model):
    """A lesson a signed-in reader marked as finished. Keyed by the lesson's translation key,
    so it holds in every language."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lessons_finished"
    )
    lesson_key = models.UUIDField(_("lesson"), db_index=True)
    finished_at = models.DateTimeField(_("finished at"))

    class Meta:
        verbose_name = _("finished lesson")
        verbose_name_plural = _("finished lessons")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key"], name="education_progress_once_per_lesson"
            )
        ]

    def __str__(self):
        return f"{self.lesson_key} finished by {self.user_id}"


class CheckAnswer(models.Model):
    """A reader's latest answer to one "check your understanding" question.

    The question is the block's id (kept by translations); the choice is its position."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_answers"
    )
    lesson_key = models.UUIDField(_("lesson"), db_index=True)
    question_id = models.CharField(_("question"), max_length=64)
    choice = models.PositiveSmallIntegerField(_("choice"))
    correct = models.BooleanField(_("correct"))
    answered_at = models.DateTimeField(_("answered at"))

    class Meta:
        verbose_name = _("answer to a check question")
        verbose_name_plural = _("answers to check questions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson_key", "question_id"],
                name="education_one_answer_per_question",
            )
        ]

    def __str__(self):
        return f"{self.lesson_key}/{self.question_id}: {self.choice}"


class Jurisdiction(models.TextChoices):
    """The countries whose free help and borrower rights editors write (ISO 3166-1 codes). A
    loan belongs to the country whose contact rules it follows: the portal maps each rulebook
    to one of these codes, so a borrower is shown only their own country's help."""

    CHINA = "CN", _("China (mainland)")
    UNITED_KINGDOM = "GB", _("United Kingdom")
    UNITED_STATES = "US", _("United States")


class DebtAdviceService(WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    """A free, independent service a borrower in one country can turn to when money is tight.

    Its name and description are written in both languages side by side, and its phone number
    and website once: a hotline's number must be the same whichever language a borrower reads,
    and a translated copy could keep an old one."""

    jurisdiction = models.CharField(
        _("country"),
        max_length=2,
        choices=Jurisdiction.choices,
        help_text=_(
            "Whose borrowers see this service: those whose loan follows this country's contact "
            "rules. Borrowers never see another country's services, so list only services "
            "that people in this country can use."
        ),
    )
    name = models.CharField(
        _("name (English)"),
        max_length=120,
        help_text=_(
            "As borrowers reading English see it, e.g. 'MoneyHelper'. Keep it short: the "
            "first service of a country is also named in text messages."
        ),
    )
    name_zh_hans = models.CharField(
        _("name (Chinese)"),
        max_length=120,
        blank=True,
        help_text=_(
            "As borrowers reading Chinese see it, e.g. '12348 公共法律服务热线'. Leave empty "
            "only if the service is known by its English name; Chinese readers then see that."
        ),
    )
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_(
            "The number as people in that country dial it, e.g. '0800 138 7777'. Borrowers "
            "can tap it to call. Give only a number that is free or costs a local call."
        ),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The service's own site, e.g. 'https://www.moneyhelper.org.uk'."),
    )
    description = models.CharField(
        _("what it does (English)"),
        max_length=240,
        help_text=_(
            "One plain sentence: who runs it and how it helps, e.g. 'A charity that gives "
            "free, confidential debt advice by phone or online.' Say 'free' only if it is."
        ),
    )
    description_zh_hans = models.CharField(
        _("what it does (Chinese)"),
        max_length=240,
        blank=True,
        help_text=_(
            "The same sentence in Chinese. Leave empty and Chinese readers see the English."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("order"),
        default=10,
        help_text=_(
            "Lower numbers come first. The first published service of a country is the one "
            "reminders and the borrower app name, so put the most helpful one first."
        ),
    )

    _revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="debt_advice_service",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="debt_advice_service",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("jurisdiction"),
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("name_zh_hans")],
            heading=_("Service name"),
        ),
        MultiFieldPanel(
            [FieldPanel("description"), FieldPanel("description_zh_hans")],
            heading=_("What it does"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("website")],
            heading=_("How to reach it"),
        ),
        FieldPanel("order"),
    ]

    class Meta:
        verbose_name = _("free help service")
        verbose_name_plural = _("free help services")
        ordering = ["jurisdiction", "order", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_jurisdiction_display()})"

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if not (self.phone or self.website):
            raise ValidationError(
                _("Give a phone number or a website, so borrowers can reach the service.")
            )


class BorrowerRights(WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    """What a borrower who is behind on payments may expect from us, in their country, and
    where to turn if we fall short: a few plain sentences under the free help."""

    jurisdiction = models.CharField(
        _("country"),
        max_length=2,
        choices=Jurisdiction.choices,
        unique=True,
        help_text=_(
            "Whose borrowers read this: those whose loan follows this country's contact rules. "
            "One text per country."
        ),
    )
    text = models.TextField(
        _("your rights (English)"),
        max_length=1200,
        help_text=_(
            "A few short sentences, shown under 'Your rights' below the free help: on the "
            "help and plan pages, and on the statement when a payment is late. Say how we "
            "must treat the borrower, and where they can complain if we do not. Only what is "
            "true in this country; no legal references or jargon. Write web addresses out in "
            "full. Leave a blank line between paragraphs."
        ),
    )
    text_zh_hans = models.TextField(
        _("your rights (Chinese)"),
        max_length=1200,
        blank=True,
        help_text=_("The same text in Chinese. Leave empty and Chinese readers see the English."),
    )
    source = models.TextField(
        _("source (not shown to borrowers)"),
        blank=True,
        help_text=_(
            "For reviewers: the rules or pages each sentence rests on, so the text can be "
            "checked and kept up to date."
        ),
    )

    _revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="borrower_rights",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="borrower_rights",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("jurisdiction"),
        FieldPanel("text"),
        FieldPanel("text_zh_hans"),
        FieldPanel("source"),
    ]

    class Meta:
        verbose_name = _("rights text")
        verbose_name_plural = _("rights texts")
        ordering = ["jurisdiction"]

    def __str__(self):
        return str(self.get_jurisdiction_display())

    @property
    def revisions(self):
        return self._revisions


class WordingOverride(models.Model):
    """A compliance reviewer's recorded decision that words the tone check flags may go live
    anyway (a quotation of a rule, say), for one revision of one object. Publishing anything a
    borrower reads is blocked while the check flags it and no override covers the revision
    (``education.wording``)."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    findings = models.JSONField(_("what the check found"), default=list)
    reason = models.TextField(_("why it may go live"))
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wording override")
        verbose_name_plural = _("wording overrides")
        ordering = ["-created_at"]
        permissions = [
            ("override_wording", _("Can let flagged wording go live, with a reason")),
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} r{self.revision_id}"


# Search's own models live beside the search code; importing them here registers them.
from .search_models import (  # noqa: E402, F401
    LessonTerm,
    PromotedLesson,
    SearchLog,
    SearchSynonym,
)
