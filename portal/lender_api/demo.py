"""The demo lender's API key for trying the lender API from `make demo`."""

from repayment.demo import LENDER_NAME
from repayment.models import Lender

from .keys import SCOPES, create_key, revoke_key
from .models import LenderKey

DEMO_KEY_NAME = "Demo key (made by load_demo)"


def load_demo_key() -> str:
    """A fresh key with every scope for the demo's lender, the previous demo key revoked: a
    key is shown only when it is made, so each run of the demo prints one that works."""
    lender = Lender.objects.get(name=LENDER_NAME)
    for old in LenderKey.objects.filter(lender=lender, name=DEMO_KEY_NAME, revoked_at__isnull=True):
        revoke_key(key=old)
    return create_key(lender=lender, name=DEMO_KEY_NAME, scopes=list(SCOPES)).plaintext
