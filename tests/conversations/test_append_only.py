"""A message once written stays as written: on PostgreSQL the database refuses even SQL that
would change or remove a post, as it does for the ledger and the audit trail."""

import pytest
from django.db import DatabaseError, connection, transaction

from portal.conversations.models import About, Post
from portal.conversations.threads import NewThread, start_thread

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL only"
    ),
]


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE conversations_post SET text = 'something else' WHERE id = %s",
        "DELETE FROM conversations_post WHERE id = %s",
    ],
)
def test_the_database_refuses_to_change_or_remove_a_post(loan, sql):
    thread = start_thread(
        borrower=loan.borrower,
        new=NewThread(about=About.GENERAL, subject="Payment day", text="Can I pay on the 16th?"),
    )
    post = thread.posts.get()

    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql, [post.pk])

    assert Post.objects.get(pk=post.pk).text == "Can I pay on the 16th?"
