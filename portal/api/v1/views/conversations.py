"""The borrower's conversations with support: ``portal.conversations.threads``, checked by the
pages' own forms, each POST once per Idempotency-Key. Files are attached on the website; the
API lists them."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from portal.conversations import threads as conversations
from portal.conversations.forms import NewThreadForm, ReplyForm
from portal.conversations.selectors import thread_with_posts, threads_of
from repayment.selectors import loans_of

from ... import idempotency
from ...errors import form_errors
from ..serializers.conversations import (
    PostRequestSerializer,
    PostSerializer,
    ThreadDetailSerializer,
    ThreadRequestSerializer,
    ThreadSerializer,
)
from .base import BorrowerView, refuse_if_invalid
from .errors import ERRORS


class Threads(BorrowerView):
    @extend_schema(
        operation_id="conversations_list",
        summary="My conversations with support",
        description="The borrower's threads, the most recently active first.",
        responses={200: ThreadSerializer(many=True), **ERRORS.auth},
    )
    def get(self, request):
        return Response(ThreadSerializer(threads_of(borrower=self.borrower), many=True).data)

    @extend_schema(
        operation_id="conversation_create",
        summary="Write to support",
        description="Starts a conversation. A person answers by answer_by; the borrower is "
        "told of the reply through their contact preferences.",
        request=ThreadRequestSerializer,
        parameters=[idempotency.PARAMETER],
        responses={201: ThreadDetailSerializer, **ERRORS.write},
    )
    def post(self, request):
        def attempt():
            body = self.body()
            check = ThreadRequestSerializer(data=body)
            check.refuse_wrong_shape()
            loans = loans_of(borrower=self.borrower)
            form = NewThreadForm(
                {key: body.get(key, "") for key in ("about", "loan", "subject", "text")},
                loans=loans,
            )
            refuse_if_invalid(check, {} if form.is_valid() else form_errors(form))
            data = form.cleaned_data
            thread = conversations.start_thread(
                borrower=self.borrower,
                new=conversations.NewThread(
                    about=data["about"],
                    subject=data["subject"],
                    text=data["text"],
                    loan=data["loan"],
                ),
            )
            return Response(
                ThreadDetailSerializer(_detail(self.borrower, thread.pk)).data,
                status=status.HTTP_201_CREATED,
            )

        return idempotency.run(request, attempt)


def _detail(borrower, pk):
    thread = thread_with_posts(threads_of(borrower=borrower), pk)
    if thread is None:
        raise Http404
    return thread


class ThreadDetail(BorrowerView):
    @extend_schema(
        operation_id="conversation_detail",
        summary="A conversation",
        description="The thread and every message in it, oldest first. Another borrower's "
        "thread is 404.",
        responses={200: ThreadDetailSerializer, **ERRORS.read},
    )
    def get(self, request, pk):
        return Response(ThreadDetailSerializer(_detail(self.borrower, pk)).data)


class ThreadPosts(BorrowerView):
    @extend_schema(
        operation_id="conversation_post_create",
        summary="Write again in a conversation",
        description="Adds the borrower's message; a closed conversation opens again.",
        request=PostRequestSerializer,
        parameters=[idempotency.PARAMETER],
        responses={201: PostSerializer, **ERRORS.write},
    )
    def post(self, request, pk):
        thread = _detail(self.borrower, pk)

        def attempt():
            body = self.body()
            check = PostRequestSerializer(data=body)
            check.refuse_wrong_shape()
            form = ReplyForm({"text": body.get("text", "")})
            refuse_if_invalid(check, {} if form.is_valid() else form_errors(form))
            post = conversations.borrower_writes(thread=thread, text=form.cleaned_data["text"])
            return Response(PostSerializer(post).data, status=status.HTTP_201_CREATED)

        return idempotency.run(request, attempt)
