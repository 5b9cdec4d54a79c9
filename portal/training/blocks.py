"""The blocks a training module's check is built from.

Migrations record each block's import path: blocks stay in this module.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(
        label=_("This is the right answer"),
        required=False,
        help_text=_("Tick exactly one answer of each question."),
    )

    class Meta:
        icon = "radio-empty"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(
        label=_("Question"),
        help_text=_(
            "One plain question about a situation staff meet, for example a call at 21:30."
        ),
    )
    choices = blocks.ListBlock(ChoiceBlock(), min_num=2, max_num=5, label=_("Answers"))
    explanation = blocks.TextBlock(
        label=_("Why"),
        required=False,
        help_text=_("Shown after the check: why the right answer is right, with its rule."),
    )

    class Meta:
        icon = "help"
        label = _("Question")
        template = "training/blocks/question.html"
        description = _("A multiple-choice question with one right answer.")
        preview_value = {
            "question": "A borrower in the US asks you to call at 21:30. May you?",
            "choices": [
                {"text": "Yes, they asked", "correct": False},
                {"text": "No, not after 21:00 their time", "correct": True},
            ],
        }

    def clean(self, value):
        value = super().clean(value)
        right = sum(1 for choice in value["choices"] if choice["correct"])
        if right != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Tick exactly one right answer."))}
            )
        return value


class BodyTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "training/blocks/text.html"
        description = _("What staff must know and do, with the rule and its source.")
        preview_value = "<p>Contact a US borrower only between 08:00 and 21:00 their time.</p>"
