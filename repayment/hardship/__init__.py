"""Hardship: pauses, disputes, and the windows in which servicing charges nothing."""
