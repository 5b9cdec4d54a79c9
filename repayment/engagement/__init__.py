"""Engagement events: recorded where a borrower signs in, opens a statement, reads a lesson or
opens a message (``recording``), and deleted once older than the kept period."""
