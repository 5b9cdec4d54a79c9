"""Run the reminder planner and sender over a synthetic book for simulated days.

    manage.py simulate_contacts --borrowers 10000 --days 90

Writes the book into the configured database (everything prefixed "sim", removed first by
--fresh), prints messages planned, sent and held back by each rule, and the rule violations
the independent checker finds among the messages sent. Exits with status 1 if there are any.
"""

import time as clock
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from portal.notifications.contact_rules import checker
from portal.notifications.models import OutboundMessage, Status
from portal.notifications.simulation import run as simulation


class Command(BaseCommand):
    help = "Simulate reminders over a synthetic book and check every message against the rules."

    def add_arguments(self, parser):
        parser.add_argument("--borrowers", type=int, default=1000)
        parser.add_argument("--days", type=int, default=30)
        parser.add_argument("--start", type=date.fromisoformat, default=date(2026, 1, 5))
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--plan-every-hours", type=int, default=6)

    def handle(self, *args, **options):
        if options["borrowers"] < 1 or options["days"] < 1:
            raise CommandError("--borrowers and --days must be at least 1")
        if simulation.already_built(options["seed"]):
            raise CommandError(
                f"A simulated book with seed {options['seed']} is already in this database; "
                "use another --seed or a fresh database."
            )
        started = clock.perf_counter()
        book = simulation.build_book(
            borrowers=options["borrowers"],
            days=options["days"],
            start=options["start"],
            seed=options["seed"],
        )
        built = clock.perf_counter()
        counts = simulation.run(
            book, plan_every_hours=options["plan_every_hours"], seed=options["seed"]
        )
        ran = clock.perf_counter()
        # The checker reads who, when, where and what kind, never the words: leaving those
        # out keeps a large run's messages small in memory.
        sent = OutboundMessage.objects.filter(
            status=Status.SENT, borrower__external_id__startswith=simulation.book_prefix(book)
        ).defer("subject", "body", "reason", "citation")
        violations = checker.check(sent)
        checked = clock.perf_counter()
        out = self.stdout.write
        out(
            f"Book: {book.borrowers} borrowers, {book.loans} loans, "
            f"{book.days} days from {book.start}"
        )
        out(f"Happenings: {len(book.happenings)} (opt-outs, disputes opened and answered)")
        planned = sum(v for k, v in counts.items() if k.startswith("planned:"))
        out(f"Messages planned: {planned}")
        for status in Status:
            out(f"  now {status.label}: {counts.get(f'status:{status}', 0)}")
        out("Held back, by rule (planner and sender):")
        for rule, number in sorted(simulation.held_back_by_rule(book).items()):
            out(f"  {rule}: {number}")
        if counts["maintenance:started"]:
            out(
                "This server's autovacuum is off; its stand-in ran "
                f"{counts['maintenance:VACUUM']} vacuums with analyze and "
                f"{counts['maintenance:ANALYZE']} analyzes beside the run."
            )
        out(f"Rule violations found by the independent checker: {len(violations)}")
        for violation in violations[:20]:
            out(f"  {violation.rule}: {violation.message_key} ({violation.detail})")
        out(
            f"Time: build {built - started:.1f} s, simulate {ran - built:.1f} s, "
            f"check {checked - ran:.1f} s"
        )
        if violations:
            raise SystemExit(1)
