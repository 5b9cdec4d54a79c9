"""Chinese pages address the borrower politely (您) throughout, including the text that comes
from Django's and allauth's own catalogues."""

import pytest


@pytest.mark.parametrize("path", ["/zh-hans/accounts/signup/", "/zh-hans/accounts/login/"])
def test_account_pages_in_chinese_never_use_the_familiar_you(client, db, path):
    html = client.get(path).content.decode()
    assert 'lang="zh-hans"' in html
    assert "您" in html
    assert "你" not in html
