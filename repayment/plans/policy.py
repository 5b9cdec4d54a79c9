"""The plan policy that applies to a loan product."""

from ..models import LoanProduct, PlanPolicy


def policy_for(product: LoanProduct) -> PlanPolicy:
    """The product's saved policy, or the defaults if its lender has not set one."""
    try:
        return product.plan_policy
    except PlanPolicy.DoesNotExist:
        return PlanPolicy(product=product)
