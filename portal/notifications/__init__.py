"""Reminders and contact rules (issue 5).

``rules`` decides, as a pure function, whether one proposed message may go; ``presets`` holds
the contact-rules profiles whose numbers come from real rules. Channels, templates, the outbox
and the Celery planner and sender build on these and live beside them.
"""
