"""The blocks a plain-language lesson is built from.

Migrations record each block's import path: blocks stay in this module.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "education/blocks/text.html"
        description = _(
            "A few short paragraphs. One idea per paragraph, sentences under 20 words, and "
            "'you' for the reader."
        )
        preview_value = (
            "<p>Your statement shows what you owe today. It also shows how that amount is "
            "made up.</p>"
        )


class KeyPointBlock(blocks.TextBlock):
    class Meta:
        icon = "warning"
        label = _("Key point")
        template = "education/blocks/key_point.html"
        description = _(
            "The one thing to remember from this part of the lesson, in one or two sentences. "
            "Shown in a highlighted box."
        )
        preview_value = "Paying even part of what is due stops more interest from building up."


class AmountRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        label=_("What it is"), max_length=120, help_text=_("For example: 'Interest for March'.")
    )
    amount = blocks.CharBlock(
        label=_("Amount"),
        max_length=40,
        help_text=_("As the reader would see it, for example '1,000.00' or '¥1,000.00'."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Row")


class WorkedExampleBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        help_text=_("Say what the example shows, for example 'A payment 10 days late'."),
    )
    rows = blocks.ListBlock(
        AmountRowBlock(),
        label=_("Rows"),
        min_num=1,
        help_text=_("The figures, in the order the reader should follow them."),
    )
    explanation = blocks.TextBlock(
        label=_("What this shows"),
        help_text=_("Two or three sentences that walk through the figures."),
    )

    class Meta:
        icon = "table"
        label = _("Worked example")
        template = "education/blocks/worked_example.html"
        description = _("An example with real numbers, laid out as a short table.")
        preview_value = {
            "heading": "How a balance is made up",
            "rows": [
                {"label": "Principal", "amount": "5,000.00"},
                {"label": "Interest", "amount": "75.00"},
                {"label": "Total", "amount": "5,075.00"},
            ],
            "explanation": "The interest is added to the principal you still owe.",
        }


class DoDontBlock(blocks.StructBlock):
    dos = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("Do")), label=_("Do"), min_num=0
    )
    donts = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("Don't")), label=_("Don't"), min_num=0
    )

    def clean(self, value):
        value = super().clean(value)
        if not value["dos"] and not value["donts"]:
            raise StructBlockValidationError(
                block_errors={"dos": ValidationError(_("Add at least one 'do' or 'don't'."))}
            )
        return value

    class Meta:
        icon = "tick"
        label = _("Do and don't")
        template = "education/blocks/do_dont.html"
        description = _("Two short lists: what helps, and what to avoid. Start each with a verb.")
        preview_value = {
            "dos": ["Call your lender as soon as you know a payment will be late."],
            "donts": ["Don't ignore letters or messages about your loan."],
        }


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Question"),
        max_length=200,
        help_text=_("Write it the way a borrower would ask it."),
    )
    answer = blocks.TextBlock(label=_("Answer"), help_text=_("Answer it directly first."))

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FaqBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(QuestionAnswerBlock(), min_num=1, **kwargs)

    class Meta:
        icon = "help"
        label = _("Questions and answers")
        template = "education/blocks/faq.html"
        description = _("Common questions, each opening to show its answer.")
        preview_value = [
            {
                "question": "Will one late payment affect my credit report?",
                "answer": "Usually only if it stays unpaid for 30 days or more.",
            }
        ]


class NextStepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"),
        max_length=120,
        help_text=_("For example 'What happens next' or 'What you can do now'."),
    )
    steps = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=_("Step")),
        label=_("Steps"),
        min_num=1,
        help_text=_("In the order they happen. One action or event per step."),
    )

    class Meta:
        icon = "list-ol"
        label = _("What happens next")
        template = "education/blocks/next_steps.html"
        description = _("A numbered list of steps, in the order they happen.")
        preview_value = {
            "heading": "What you can do now",
            "steps": ["Check what is due on your statement.", "Call us if you can't pay it all."],
        }


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=200)
    correct = blocks.BooleanBlock(label=_("This is a right answer"), required=False)
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        help_text=_(
            "Shown after the reader picks this answer. Say why it is right or wrong, kindly."
        ),
    )

    class Meta:
        icon = "radio-empty"
        label = _("Choice")


class CheckQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    choices = blocks.ListBlock(
        ChoiceBlock(),
        label=_("Choices"),
        min_num=2,
        max_num=5,
        help_text=_(
            "Two to five answers. Keep their order the same in every language: answers are "
            "remembered by position."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["correct"] for choice in value["choices"]):
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Mark at least one answer as right."))}
            )
        return value

    class Meta:
        icon = "circle-check"
        label = _("Check your understanding")
        template = "education/blocks/check_question.html"
        description = _(
            "A short question with feedback for each answer. Signed-in borrowers' answers "
            "are saved."
        )
        preview_value = {
            "question": "What does 'days past due' count?",
            "choices": [
                {
                    "text": "The days since the oldest unpaid payment was due",
                    "correct": True,
                    "feedback": "Right. It counts from the oldest payment still unpaid.",
                },
                {
                    "text": "The days until your next payment",
                    "correct": False,
                    "feedback": "Not quite: that is the time until your next due date.",
                },
            ],
        }


class LessonBodyBlock(blocks.StreamBlock):
    text = TextBlock()
    key_point = KeyPointBlock()
    worked_example = WorkedExampleBlock()
    do_dont = DoDontBlock()
    faq = FaqBlock()
    next_steps = NextStepsBlock()
    check_question = CheckQuestionBlock()
