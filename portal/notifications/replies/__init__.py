"""Replies from borrowers: recognising STOP and START, and the provider's inbound webhook."""
