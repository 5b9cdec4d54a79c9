"""Links in messages: absolute, in the message's language, the same as ``reverse`` makes."""

import pytest
from django.urls import reverse
from django.utils import translation

from portal.notifications.channels.links import page_url


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_page_with_one_or_more_arguments_is_the_address_reverse_gives(settings, language):
    settings.SITE_URL = "https://portal.example/"
    with translation.override(language):
        statement = reverse("loan_statement", args=["HCF 21+7"])
        proposal = reverse("proposal_detail", args=["HCF-219902", 12])

    assert page_url("loan_statement", "HCF 21+7", language=language) == (
        f"https://portal.example{statement}"
    )
    assert page_url("proposal_detail", "HCF-219902", 12, language=language) == (
        f"https://portal.example{proposal}"
    )
