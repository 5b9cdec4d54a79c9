"""A signed-in borrower opening a statement (the page or its PDF) or reading a lesson is
recorded once the page has been served: only pages that were shown count, and the views stay
about what they show. Lessons are served by their own middleware, inside this one, without
Wagtail's serve view (education.middleware): a lesson is told by the page its response shows.

It costs each page one insert: the borrower's id is kept in the session from sign-in, and a
statement view names the loan it showed."""

from education.models import LessonPage
from repayment.engagement.recording import STATEMENT_SHOWN, record, session_borrower_id
from repayment.models import EngagementKind


class EngagementMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "GET" and response.status_code == 200:
            if hasattr(request, STATEMENT_SHOWN):
                self._statement(request)
            elif isinstance(_page_shown(response), LessonPage):
                borrower_id = session_borrower_id(request)
                if borrower_id is not None:
                    record(EngagementKind.LESSON_READ, borrower_id=borrower_id)
        return response

    def _statement(self, request):
        # The view names the loan it showed (``mark_statement_shown``): always the signed-in
        # borrower's own, so nothing is looked up again.
        borrower = getattr(request, "borrower", None)
        loan_id = getattr(request, STATEMENT_SHOWN, None)
        if borrower is not None and loan_id is not None:
            record(EngagementKind.STATEMENT_VIEWED, borrower_id=borrower.pk, loan_id=loan_id)


def _page_shown(response):
    return (getattr(response, "context_data", None) or {}).get("page")
