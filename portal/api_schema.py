def only_public_api(endpoints):
    """The schema documents our own API under /api/, not Wagtail's internal admin API."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
