"""The help page: a question in, the borrower's own answer out. Thin: the form checks the
question, ``matching`` names the intent, ``answering`` reads the account."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from repayment import selectors
from repayment.borrowers import borrower_required

from . import intents
from .answering import answer
from .forms import MAX_REFERENCE, AskForm
from .phrasebook import matcher


def suggestions() -> list[str]:
    """One common question per intent, in the page's language; each is recognised as its own
    intent (tests/answers/test_matching.py)."""
    return [
        _("When is my next payment?"),
        _("Why did my balance go up?"),
        _("What is this fee?"),
        _("How do I pay?"),
        _("I can't pay this month"),
        _("Stop sending me text messages"),
        _("What are my rights?"),
        _("I want to talk to a person"),
    ]


def person_url(loan=None) -> str | None:
    """Where to write to a person: a new conversation, about this loan if there is one."""
    try:
        url = reverse("conversations:new")
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode({'loan': loan.reference})}" if loan is not None else url


@require_GET
@borrower_required
def ask(request):
    loans = selectors.loans_of(borrower=request.borrower)
    reference = request.GET.get("loan", "")
    loan = None
    if reference:
        # Not one of the borrower's own loans (or not a reference at all): a 404, like the
        # statement of another borrower's loan.
        if len(reference) > MAX_REFERENCE or "\x00" in reference:
            raise Http404
        loan = get_object_or_404(loans, reference=reference)
    form = AskForm(request.GET if "q" in request.GET else None, initial={"loan": reference})
    asked_about = [loan] if loan is not None else list(loans)
    result = None
    if form.is_bound and form.is_valid():
        question = form.cleaned_data["q"]
        result = answer(
            question=question,
            match=matcher().match(question),
            borrower=request.borrower,
            loans=asked_about,
            language=get_language() or "en",
        )
    return render(
        request,
        "answers/ask.html",
        {
            "form": form,
            "answer": result,
            "loan": loan,
            "intent_label": dict(intents.CHOICES).get(result.intent, "") if result else "",
            "answer_template": f"answers/intents/{result.intent}.html" if result else "",
            # A message to a person is about the loan asked on, or the borrower's only loan.
            "person_url": person_url(asked_about[0] if len(asked_about) == 1 else None),
            "suggestions": suggestions(),
        },
    )
