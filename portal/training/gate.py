"""The one check between an untrained login and a change: wrapped around every address of the
console (``portal.support.urls``) and the training pages that change something. A login that has
not passed the current version of its roles' modules may read but not act: any request other
than GET, HEAD or OPTIONS is refused with a page that says why and links to the training. The
staff gate (``staff_view``) still runs after it, so this only ever narrows what a login may do."""

from __future__ import annotations

from functools import wraps

from django.shortcuts import render
from django.urls import URLPattern

from .standing import is_current

READING = frozenset({"GET", "HEAD", "OPTIONS"})


def acts_only_when_trained(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in READING and not is_current(user=request.user):
            # A 403 in a staff area: the audit trail records the refused attempt.
            return render(request, "training/refused.html", status=403)
        return view(request, *args, **kwargs)

    wrapper.acts_only_when_trained = True
    return wrapper


def gate_patterns(patterns: list) -> list:
    """Copies of ``patterns`` with every view behind ``acts_only_when_trained``: one place per
    URLconf, so a new console address cannot act for an untrained login."""
    return [
        URLPattern(p.pattern, acts_only_when_trained(p.callback), p.default_args, p.name)
        for p in patterns
    ]
