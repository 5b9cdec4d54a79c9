"""Lessons and the glossary, published content only."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from education.blocks import LessonBodyBlock
from education.models import Topic

from ..fields import LabelField

# The lesson body's own block names: a block added there is in the schema too.
BLOCK_TYPES = tuple(LessonBodyBlock.base_blocks)


class LessonSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="The same lesson in every language.")
    slug = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    topic = serializers.ChoiceField(choices=Topic.choices)
    topic_label = LabelField(Topic, source="topic")
    position = serializers.IntegerField()
    reading_minutes = serializers.IntegerField()
    language = serializers.CharField(help_text="The language of the content.")
    fallback = serializers.BooleanField(
        help_text="No translation in the language asked for: this is the English lesson."
    )
    url = serializers.SerializerMethodField(help_text="The lesson on the website.")

    def get_url(self, lesson) -> str:
        return self.context["request"].build_absolute_uri(lesson.url)


@extend_schema_field(
    {
        "description": (
            "Depends on type. text: HTML (p, a, b, i, ol, ul, li). key_point: a string. "
            "worked_example: {heading, rows: [{label, amount}], explanation}. do_dont: {dos: "
            "[string], donts: [string]}. faq: [{question, answer}]. next_steps: {heading, "
            "steps: [string]}. check_question: {question, choices: [{text, correct, "
            "feedback}]}."
        ),
        "oneOf": [{"type": "string"}, {"type": "object"}, {"type": "array", "items": {}}],
    }
)
class BlockValueField(serializers.JSONField):
    pass


class BlockSerializer(serializers.Serializer):
    id = serializers.CharField()
    type = serializers.ChoiceField(choices=BLOCK_TYPES)
    value = BlockValueField()


class LessonDetailSerializer(LessonSerializer):
    body = serializers.SerializerMethodField(help_text="The lesson's blocks, in reading order.")

    @extend_schema_field(BlockSerializer(many=True))
    def get_body(self, lesson) -> list:
        return self.context["body"]


class GlossaryEntrySerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="The term's fixed name, the same in every language.")
    term = serializers.CharField()
    short_definition = serializers.CharField()
    explanation = serializers.CharField(help_text="Paragraphs separated by a blank line.")
    lesson_title = serializers.CharField()
    lesson_url = serializers.SerializerMethodField(help_text="The lesson on the website, or empty.")
    language = serializers.CharField()
    fallback = serializers.BooleanField()

    def get_lesson_url(self, entry) -> str:
        if not entry.lesson_url:
            return ""
        return self.context["request"].build_absolute_uri(entry.lesson_url)
