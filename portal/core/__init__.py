"""Shared infrastructure the apps build on, knowing none of them: append-only rows, read-only
admin pages, bulk inserts, text normalising, and tracking a model's change history."""
