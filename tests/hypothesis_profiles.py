"""How many examples a property test draws under the Hypothesis profile in use (tests/conftest.py
registers them). A count written in ``@settings(max_examples=...)`` overrides any profile, so a
test that sets its own count writes ``scaled(count)``: that count under "full", and the same
share of it under another profile as that profile's ``max_examples`` is of full's (a tenth under
"dev")."""

from hypothesis import settings


def scaled(count: int) -> int:
    share = settings.default.max_examples / settings.get_profile("full").max_examples
    return max(1, round(count * share))
