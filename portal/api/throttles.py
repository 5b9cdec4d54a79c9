from rest_framework.throttling import UserRateThrottle


class BorrowerRateThrottle(UserRateThrottle):
    """Per login, at the rate named "borrower" in settings.REST_FRAMEWORK."""

    scope = "borrower"
