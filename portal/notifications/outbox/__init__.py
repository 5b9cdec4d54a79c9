"""The reminders' outbox: the planner writes one row per message, the sender delivers them."""
