"""The lender integration API, /api/lender/v1/: thin shells around ``batches`` and the feeds
(``plans_feed``, ``promises_feed``). docs/lender-api.md is the guide for the lender's
developers."""

from collections.abc import Callable
from dataclasses import asdict

from django.core.exceptions import RequestDataTooBig
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.serializers import Serializer
from rest_framework.views import APIView

from portal.audit.recording import client_ip
from repayment.importing.records import LENDER_API, BatchOrigin, BatchRejected, RowError

from . import schema  # noqa: F401  (registers the key scheme with drf-spectacular)
from .authentication import LenderKeyAuthentication
from .batches import SCOPE_OF_LIST, TooManyItems, post_batch, scopes_for
from .cursor_feed import CursorFeed, InvalidCursor, Page
from .keys import PAYMENT_REPORTS_READ, PLANS_READ, PROMISES_READ
from .parsers import DecimalJSONParser, PayloadTooLarge, body_too_large
from .permissions import HasLenderScope
from .plans_feed import PLANS, plans_since
from .promises_feed import PAYMENT_REPORTS, PROMISES, payment_reports_since, promises_since
from .serializers import (
    LenderBatchQuery,
    LenderBorrowerBatchIn,
    LenderEntryBatchIn,
    LenderErrorOut,
    LenderFeedQuery,
    LenderImportResultOut,
    LenderLoanBatchIn,
    LenderMixedBatchIn,
    LenderPaymentReportPageOut,
    LenderPlanPageOut,
    LenderPromisePageOut,
    LenderRejectionOut,
)
from .throttling import LenderKeyThrottle

TAGS = ["lender"]
REFUSALS = {401: LenderErrorOut, 403: LenderErrorOut, 429: LenderErrorOut}
BATCH_RESPONSES = {
    200: LenderImportResultOut,
    400: LenderRejectionOut,
    413: LenderErrorOut,
    **REFUSALS,
}
BATCH_RULES = gettext_lazy(
    "Checked and written as a whole, like a file import (docs/import-format.md): if any item "
    "is wrong nothing is written and the answer lists every problem with its item and field. "
    "Sending the same batch again changes nothing. At most 1000 items."
)

FEED_RULES = gettext_lazy(
    "Oldest first. Keep next_cursor and send it next time: each item comes once. An item "
    "appears about 10 seconds after it is made."
)


def rejection(errors: list[RowError], detail: str | None = None) -> Response:
    return Response(
        {
            "detail": detail or BatchRejected(errors).headline(),
            "errors": [
                {"item": error.row, "field": error.field, "message": error.message}
                for error in errors
            ],
        },
        status=status.HTTP_400_BAD_REQUEST,
    )


def query_rejection(serializer_errors: dict) -> Response:
    return rejection(
        [
            RowError(_("the query"), name, str(message))
            for name, messages in serializer_errors.items()
            for message in messages
        ],
        detail=_("The query is not valid."),
    )


class LenderView(APIView):
    authentication_classes = [LenderKeyAuthentication]
    permission_classes = [HasLenderScope]
    throttle_classes = [LenderKeyThrottle]
    parser_classes = [DecimalJSONParser]
    renderer_classes = [JSONRenderer]
    required_scopes: tuple[str, ...] = ()

    def handle_exception(self, exc):
        if isinstance(exc, RequestDataTooBig):
            # Only if something read request.body before the parser (which never does): a
            # JSON 413 all the same, never Django's HTML 400.
            exc = body_too_large()
        # A body that is not JSON is a refused batch like any other: same shape, with errors.
        if isinstance(exc, exceptions.ParseError):
            detail = str(exc.detail)
            return rejection([RowError(_("the request"), "", detail)], detail=detail)
        return super().handle_exception(exc)


def batch_schema(operation_id: str, summary, text, request):
    """The schema of a batch route's POST: its own words, then the rules every batch follows."""
    return extend_schema_view(
        post=extend_schema(
            operation_id=operation_id,
            summary=summary,
            description=format_lazy("{} {}", text, BATCH_RULES),
            request=request,
            parameters=[LenderBatchQuery],
            responses=BATCH_RESPONSES,
            tags=TAGS,
        )
    )


class BatchView(LenderView):
    lists: tuple[str, ...] = ()
    # A single-kind route requires its list (and its scope); /batches/ takes any of them.
    requires_lists = True

    def post(self, request):
        query = LenderBatchQuery(data=request.query_params)
        if not query.is_valid():
            return query_rejection(query.errors)
        dry_run = query.validated_data["dry_run"]
        try:
            result = post_batch(
                lender=request.auth.lender,
                body=request.data,
                lists=self.lists,
                required=self.requires_lists,
                dry_run=dry_run,
                origin=BatchOrigin(
                    LENDER_API, label=str(request.auth), remote_addr=client_ip(request)
                ),
            )
        except TooManyItems as exc:
            raise PayloadTooLarge(str(exc)) from None
        except BatchRejected as rejected:
            return rejection(list(rejected.errors))
        return Response(
            LenderImportResultOut(
                {"dry_run": dry_run, "changed": result.changed, **asdict(result)}
            ).data
        )


@batch_schema(
    "lender_borrowers_upsert",
    gettext_lazy("Create or update borrowers"),
    gettext_lazy(
        "Scope borrowers:write. A borrower is matched by external_id: new ones are created, "
        "changed ones updated, identical ones left alone. You may update a borrower you created "
        "or who has loans only with you, unless another lender also lends to them."
    ),
    LenderBorrowerBatchIn,
)
class BorrowersView(BatchView):
    lists = ("borrowers",)
    required_scopes = (SCOPE_OF_LIST["borrowers"],)


@batch_schema(
    "lender_loans_upsert",
    gettext_lazy("Create or update loans"),
    gettext_lazy(
        "Scope loans:write. A loan is matched by external_id and must use one of your loan "
        "products; it keeps its borrower and product."
    ),
    LenderLoanBatchIn,
)
class LoansView(BatchView):
    lists = ("loans",)
    required_scopes = (SCOPE_OF_LIST["loans"],)


@batch_schema(
    "lender_ledger_entries_post",
    gettext_lazy("Post ledger entries"),
    gettext_lazy(
        "Scope ledger:write. Entries of your loans, each with your own id: an entry already posted "
        "with the same values is skipped; one with other values is refused (send a reversal to "
        "correct it)."
    ),
    LenderEntryBatchIn,
)
class LedgerEntriesView(BatchView):
    lists = ("entries",)
    required_scopes = (SCOPE_OF_LIST["entries"],)


@batch_schema(
    "lender_batch_post",
    gettext_lazy("Post borrowers, loans and entries together"),
    gettext_lazy(
        "The JSON import format in one request, for a new loan with its borrower and its first "
        "entries at once. Needs the scope of every list sent (borrowers:write, loans:write, "
        "ledger:write)."
    ),
    LenderMixedBatchIn,
)
class MixedBatchView(BatchView):
    lists = ("borrowers", "loans", "entries")
    requires_lists = False

    def get_required_scopes(self, request):
        # The only route whose scopes depend on the body: the permission check reads it.
        return scopes_for(body=request.data, lists=self.lists)


def feed_schema(operation_id: str, summary, text, page):
    """The schema of a feed's GET: its own words, then how every feed is read."""
    return extend_schema_view(
        get=extend_schema(
            operation_id=operation_id,
            summary=summary,
            description=format_lazy("{} {}", text, FEED_RULES),
            parameters=[LenderFeedQuery],
            responses={200: page, 400: LenderRejectionOut, **REFUSALS},
            tags=TAGS,
        )
    )


class FeedView(LenderView):
    """A page of one feed after the cursor the client sent, only ever of the key's lender."""

    feed: CursorFeed
    # The feed's reader, (*, lender, after_id, limit, now) -> Page: it scopes to the lender.
    read: Callable[..., Page]
    page_out: type[Serializer]

    def get(self, request):
        query = LenderFeedQuery(data=request.query_params)
        if not query.is_valid():
            return query_rejection(query.errors)
        cursor = query.validated_data.get("cursor")
        try:
            after_id = self.feed.decode(cursor) if cursor else 0
        except InvalidCursor as exc:
            return query_rejection({"cursor": [str(exc)]})
        page = self.read(
            lender=request.auth.lender,
            after_id=after_id,
            limit=query.validated_data["limit"],
            now=timezone.now(),
        )
        return Response(self.page_out(page).data)


@feed_schema(
    "lender_plans_list",
    gettext_lazy("Plans agreed since a cursor"),
    gettext_lazy(
        "Scope plans:read. Plans borrowers agreed on your loans. A plan's status is the one it "
        "has when read, and later changes (completed, broken) arrive by webhook."
    ),
    LenderPlanPageOut,
)
class PlansView(FeedView):
    required_scopes = (PLANS_READ,)
    feed = PLANS
    read = staticmethod(plans_since)
    page_out = LenderPlanPageOut


@feed_schema(
    "lender_promises_list",
    gettext_lazy("Promises to pay made since a cursor"),
    gettext_lazy(
        "Scope promises:read. Promises to pay borrowers made on your loans. A promise's status "
        "is the one it has when read, and later changes arrive by webhook (promise.kept, "
        "promise.broken)."
    ),
    LenderPromisePageOut,
)
class PromisesView(FeedView):
    required_scopes = (PROMISES_READ,)
    feed = PROMISES
    read = staticmethod(promises_since)
    page_out = LenderPromisePageOut


@feed_schema(
    "lender_payment_reports_list",
    gettext_lazy("Payments borrowers told us of since a cursor"),
    gettext_lazy(
        "Scope payment-reports:read. Payments borrowers say they made on your loans, while the "
        "money is on its way. A report's status is the one it has when read, and later changes "
        "arrive by webhook (payment.report_arrived, payment.report_not_found)."
    ),
    LenderPaymentReportPageOut,
)
class PaymentReportsView(FeedView):
    required_scopes = (PAYMENT_REPORTS_READ,)
    feed = PAYMENT_REPORTS
    read = staticmethod(payment_reports_since)
    page_out = LenderPaymentReportPageOut
