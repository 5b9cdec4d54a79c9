"""Conversations with support: what the borrower sends to start one or write again, and the
threads as they see them. A member of staff is "support", never a name."""

from rest_framework import serializers

from portal.conversations.forms import MAX_TEXT
from portal.conversations.models import About, AuthorKind, ThreadStatus

from ..fields import LabelField
from .strict import StrictSerializer


class ThreadRequestSerializer(StrictSerializer):
    about = serializers.ChoiceField(choices=About.choices, help_text="What the message is about.")
    loan = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=40,
        help_text="The reference of one of the borrower's loans. Required for loan, plan and "
        "dispute when the borrower has loans; empty or absent for a general question.",
    )
    subject = serializers.CharField(max_length=120, help_text="A few words.")
    text = serializers.CharField(max_length=MAX_TEXT, help_text="The message.")


class PostRequestSerializer(StrictSerializer):
    text = serializers.CharField(max_length=MAX_TEXT, help_text="The message.")


class AttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()
    content_type = serializers.CharField(help_text="image/jpeg, image/png or application/pdf.")
    size = serializers.IntegerField(help_text="In bytes.")


class PostSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    author = serializers.ChoiceField(
        choices=AuthorKind.choices,
        source="author_kind",
        help_text="borrower: the borrower wrote it; staff: support replied.",
    )
    text = serializers.CharField()
    created_at = serializers.DateTimeField()
    attachments = AttachmentSerializer(many=True, source="attachments.all")


class ThreadSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    about = serializers.ChoiceField(choices=About.choices)
    about_label = LabelField(About, source="about")
    loan = serializers.CharField(source="loan.reference", allow_null=True, default=None)
    subject = serializers.CharField()
    status = serializers.ChoiceField(
        choices=ThreadStatus.choices,
        help_text="waiting: support has not answered yet; answered; closed (writing again "
        "opens it).",
    )
    status_label = LabelField(ThreadStatus, source="status")
    answer_by = serializers.DateTimeField(
        allow_null=True,
        help_text="While waiting: when support will have answered, from the lender's service "
        "level (working hours; Saturdays and Sundays do not count).",
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class ThreadDetailSerializer(ThreadSerializer):
    posts = PostSerializer(many=True, source="posts.all", help_text="Oldest first.")
