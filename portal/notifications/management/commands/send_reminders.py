"""Plan today's reminders and send what is due now, once: what the beat schedule does every
hour and every minute, for a demo, a first deployment or an operator who cannot wait."""

from django.core.management.base import BaseCommand

from portal.notifications.outbox.planner import plan
from portal.notifications.outbox.sender import send_all_due


class Command(BaseCommand):
    help = "Plan today's reminders and send the messages that are due now."

    def handle(self, *args, **options):
        planned = plan()
        sent = send_all_due()
        self.stdout.write(f"Planned: {sum(planned.values())} {dict(sorted(planned.items()))}")
        self.stdout.write(f"Sent now: {dict(sorted(sent.items()))}")
