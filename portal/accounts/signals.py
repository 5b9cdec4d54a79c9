from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation

from repayment.models import Borrower


@receiver(user_logged_in, dispatch_uid="accounts.speak_the_borrowers_language")
def speak_the_borrowers_language(sender, request, user, **kwargs):
    """From sign-in on, the request speaks the borrower's language: the "signed in" message
    that follows is written in it, as is the page the borrower lands on."""
    language = (
        Borrower.objects.filter(user=user).values_list("preferred_language", flat=True).first()
    )
    if language:
        translation.activate(language)
        if request is not None:
            request.LANGUAGE_CODE = language
