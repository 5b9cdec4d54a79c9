"""Reminders and confirmations to borrowers: contact rules, message texts, the outbox, channels
and replies. docs/reminders.md is the map."""
