"""Parts of the statement page kept in the cache under the statement's key.

Most of the page's rendering is its figures, terms, chart and transaction list, and they read
only the statement, whose key names its content exactly (ledger, terms, hardship, day and
period, ``statements.cache``), with the language, the glossary's version and a few flags
given with each part. A change to any of them is a new key, so a part is never stale, and a
part is never shared between loans: the statement's key names the loan.

``{% statement_part %}`` (``repayment.templatetags.statement_parts``) keeps a part; the page's
view asks for its parts with the statement, in one round trip (``statement_with``)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache

TIMEOUT = 60 * 60
# The context variable holding parts already read: {cache key: HTML}.
PREFETCHED = "statement_parts"


def part_key(name: str, statement_key: str, *vary) -> str:
    named = ":".join(str(value) for value in (statement_key, *vary))
    digest = hashlib.blake2b(named.encode(), digest_size=16).hexdigest()
    return f"statement-part:{name}:{digest}"


def render_part(*, name: str, statement_key: str, vary: list, prefetched: dict, render) -> str:
    """The part's HTML: already read, else from the cache, else ``render()`` (then kept). A
    statement without a key (not made by ``statement_for``) is rendered, never kept."""
    if not statement_key:
        return render()
    key = part_key(name, statement_key, *vary)
    html = prefetched.get(key)
    if html is None:
        html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, TIMEOUT)
    return html
