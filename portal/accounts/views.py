from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from repayment.models import Borrower, Language


@require_POST
def set_language(request):
    """Switch the page language; for a signed-in borrower also remember it as their
    preferred language, so the PDF, e-mails and reminders follow."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in Language.values:
        Borrower.objects.filter(user=request.user).exclude(preferred_language=language).update(
            preferred_language=language
        )
    return response
