"""Forget cached lessons and glossaries whenever what readers can see changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import cache
from .models import (
    BorrowerRights,
    DebtAdviceService,
    GlossaryTerm,
    HomePage,
    LessonIndexPage,
    LessonPage,
    SearchSynonym,
)

PAGE_MODELS = (HomePage, LessonIndexPage, LessonPage)


def _content_changed(sender, **kwargs):
    cache.bump()


for model in PAGE_MODELS:
    page_published.connect(_content_changed, sender=model, dispatch_uid=f"edu-pub-{model.__name__}")
    page_unpublished.connect(
        _content_changed, sender=model, dispatch_uid=f"edu-unpub-{model.__name__}"
    )
    post_delete.connect(_content_changed, sender=model, dispatch_uid=f"edu-del-{model.__name__}")

post_page_move.connect(_content_changed, dispatch_uid="edu-move")
# A privacy setting on a lesson or above it changes who may be served it (middleware).
post_save.connect(_content_changed, sender=PageViewRestriction, dispatch_uid="edu-restrict")
post_delete.connect(_content_changed, sender=PageViewRestriction, dispatch_uid="edu-unrestrict")
published.connect(_content_changed, sender=GlossaryTerm, dispatch_uid="edu-term-pub")
unpublished.connect(_content_changed, sender=GlossaryTerm, dispatch_uid="edu-term-unpub")
post_delete.connect(_content_changed, sender=GlossaryTerm, dispatch_uid="edu-term-del")
# Synonyms are read once per generation (education.search).
post_save.connect(_content_changed, sender=SearchSynonym, dispatch_uid="edu-synonym-save")
post_delete.connect(_content_changed, sender=SearchSynonym, dispatch_uid="edu-synonym-del")


for model in (DebtAdviceService, BorrowerRights):
    published.connect(_content_changed, sender=model, dispatch_uid=f"edu-pub-{model.__name__}")
    unpublished.connect(_content_changed, sender=model, dispatch_uid=f"edu-unpub-{model.__name__}")
    post_delete.connect(_content_changed, sender=model, dispatch_uid=f"edu-del-{model.__name__}")


@receiver(post_save, sender=GlossaryTerm, dispatch_uid="edu-term-save")
@receiver(post_save, sender=DebtAdviceService, dispatch_uid="edu-advice-save")
@receiver(post_save, sender=BorrowerRights, dispatch_uid="edu-rights-save")
def _live_term_saved(sender, instance, **kwargs):
    """Saving a live term or help text outside the publishing flow (a script, the demo
    loader) changes what readers see too; saving a draft of it does not."""
    if instance.live and not instance.has_unpublished_changes:
        cache.bump()


@receiver(copy_for_translation_done, dispatch_uid="edu-term-translation-draft")
def _translation_starts_as_a_draft(sender, source_obj, target_obj, **kwargs):
    """A new translation of a term holds the original's text until someone translates it: it
    starts as a draft, to be reviewed like any change, never live in English under another
    language. (Page translations are drafts already.)"""
    if isinstance(target_obj, GlossaryTerm) and target_obj.pk is None:
        target_obj.live = False
        target_obj.has_unpublished_changes = True
        target_obj.latest_revision = None
        target_obj.live_revision = None
        target_obj.first_published_at = None
        target_obj.last_published_at = None


@receiver(post_save, sender=LessonPage, dispatch_uid="edu-lesson-search-index")
def _index_lesson_words(sender, instance, update_fields=None, raw=False, **kwargs):
    """The page row's text changed (created, published, or saved whole): index its words. A
    draft revision saves only bookkeeping fields on the row, so it never reaches the index."""
    if raw or (update_fields is not None and "search_text" not in update_fields):
        return
    from .search_index import index_page

    index_page(instance)
