"""Finding a borrower by name (in Chinese characters or pinyin), e-mail, phone, the lender's
borrower id or loan reference.

Each field is searched on its own and the matching ids are combined with UNION, so that on
PostgreSQL every branch can use its own trigram index (migration support/0003 builds them on
exactly these expressions: ``UPPER(col::text)`` for a case-insensitive match, and the phone with
its spaces, pluses, dashes, brackets and dots removed; migration support/0008 adds the pinyin
key and the loan reference without its separators, so "HCF220388" and "hcf 220388" find
HCF-220388). An OR across the borrower and loan tables would make PostgreSQL read every borrower
instead. The lender's borrower id is matched whole, through its unique index.

One Chinese character is a search (陈 finds the 陈 family); other queries need two characters.

Pages are fetched one row beyond their size, so there is no COUNT of a broad match: the extra
row only says whether another page follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Prefetch, Q, Value
from django.db.models.functions import Replace, Upper

from portal.core.pinyin import has_han, pinyin_query
from repayment.models import Borrower, Loan

MIN_LENGTH = 2
SHORT = 3  # a trigram: shorter queries match the start of a word
MAX_LENGTH = 100
PAGE_SIZE = 20
MOST = 500  # matches the pages reach; a broader search asks for more letters
# Ids read from each field. Above MOST, so more than MOST ids in all means matches were left
# out; well above it, so that PostgreSQL still reads a field of a few thousand matches through
# its index instead of scanning the table until it has enough rows (at 2,000 it scanned the
# table for a surname found in about 3,000 e-mails: docs/benchmarks.md).
FIELD_MOST = 5000
# What people type between the digits of a phone number.
PHONE_PUNCTUATION = (" ", "+", "-", "(", ")", ".")
# What people type between the parts of a loan reference, or in place of its dash.
REFERENCE_PUNCTUATION = ("-", " ", "/", ".", "_")
_PHONE_LIKE = re.compile(r"^[\d\s+\-().]+$")


class QueryTooShort(ValueError):
    """Fewer than ``MIN_LENGTH`` characters once spaces are trimmed (one Chinese character is
    enough)."""


@dataclass(frozen=True, slots=True)
class Result:
    borrower: Borrower
    references: tuple[str, ...]

    @property
    def linked(self) -> bool:
        return self.borrower.user_id is not None


@dataclass(frozen=True, slots=True)
class ResultPage:
    query: str
    number: int
    results: tuple[Result, ...]
    has_next: bool
    # More matches than the pages reach: the search should be narrowed.
    too_many: bool = False

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def phone_digits(expression="phone"):
    """The phone column without punctuation, as the index stores it. Plain REPLACE works the
    same on SQLite and PostgreSQL."""
    result = F(expression)
    for mark in PHONE_PUNCTUATION:
        result = Replace(result, Value(mark), Value(""))
    return result


def reference_key(expression="reference"):
    """The loan reference in capitals without its separators, as the index stores it."""
    result = F(expression)
    for mark in REFERENCE_PUNCTUATION:
        result = Replace(result, Value(mark), Value(""))
    return Upper(result)


def clean_query(raw: str) -> str:
    query = " ".join(raw.split())[:MAX_LENGTH]
    if len(query) < MIN_LENGTH and not (query and has_han(query)):
        raise QueryTooShort
    return query


def _found(field: str, query: str, *, words: bool = True) -> Q:
    """``query`` anywhere in the field, case-insensitively. A trigram index cannot narrow a
    two-character search down (it has no whole trigram to look up), so a short query matches
    the start of a word instead, which the index can answer: "王芳" or "Li" find the names
    that begin with them."""
    if len(query) >= SHORT:
        return Q(**{f"{field}__icontains": query})
    if not words:  # an e-mail address is one word: its start only
        return Q(**{f"{field}__istartswith": query})
    return Q(**{f"{field}__istartswith": query}) | Q(**{f"{field}__icontains": f" {query}"})


def matching_ids(query: str):
    """The ids of borrowers with ``query`` in any searched field, as one UNION query. Each
    field gives at most ``FIELD_MOST`` ids, so a query that matches nearly everyone ("example",
    "HCF") costs no more than a narrow one."""
    branches = [
        Borrower.objects.filter(_found("full_name", query)).values_list("pk"),
        Borrower.objects.filter(external_id__in={query, query.upper()}).values_list("pk"),
    ]
    # Only the fields the query could be in: an e-mail has no spaces and (here) no Chinese;
    # a loan reference has digits; pinyin splits into syllables.
    if " " not in query and not has_han(query):
        branches.append(
            Borrower.objects.filter(_found("email", query, words=False)).values_list("pk")
        )
    pinyin = pinyin_query(query)
    if pinyin and len(pinyin) >= SHORT:
        branches.append(Borrower.objects.filter(name_key__contains=pinyin).values_list("pk"))
    reference = re.sub(r"[\W_]", "", query).upper()
    if len(reference) >= MIN_LENGTH and re.search(r"\d", reference) and not has_han(query):
        lookup = "contains" if len(reference) >= SHORT else "startswith"
        branches.append(
            Loan.objects.alias(key=reference_key())
            .filter(**{f"key__{lookup}": reference})
            .values_list("borrower_id")
        )
    digits = re.sub(r"\D", "", query)
    if _PHONE_LIKE.match(query) and len(digits) >= SHORT:
        branches.append(
            Borrower.objects.alias(digits=phone_digits())
            .filter(digits__contains=digits)
            .values_list("pk")
        )
    if connection.features.supports_slicing_ordering_in_compound:
        branches = [branch[:FIELD_MOST] for branch in branches]
    first, *rest = branches
    return first.union(*rest)


def search(raw: str, *, page: int = 1, size: int = PAGE_SIZE) -> ResultPage:
    """One page of borrowers matching ``raw``, by name then id; two queries whatever the
    number of matches (the borrowers, then their loan references). Pages reach as far as the
    first ``MOST`` matches."""
    query = clean_query(raw)
    page = min(max(page, 1), -(-MOST // size))
    start = (page - 1) * size
    found = list(
        Borrower.objects.filter(pk__in=matching_ids(query))
        .order_by("full_name", "pk")
        .prefetch_related(
            Prefetch(
                "loans",
                queryset=Loan.objects.only("borrower_id", "reference").order_by("reference"),
            )
        )[start : start + size + 1]
    )
    results = tuple(
        Result(borrower, tuple(loan.reference for loan in borrower.loans.all()))
        for borrower in found[:size]
    )
    more = len(found) > size
    last = start + size >= MOST
    return ResultPage(
        query=query,
        number=page,
        results=results,
        has_next=more and not last,
        too_many=more and last,
    )
