"""``manage.py help_report --half heldout|tune``: how often the help box recognises the labelled
questions of tests/help_questions/, per language, per round of questions and both rounds
together, and per intent, with the phrasings it uses now (built in and editors' own)."""

from django.core.management.base import BaseCommand, CommandError

from portal.answers.evaluation import (
    HALVES,
    LANGUAGES,
    evaluate,
    read_questions,
    round_paths,
)
from portal.answers.phrasebook import matcher


class Command(BaseCommand):
    help = "Accuracy of the help box's question matching on a half of the labelled questions."

    def add_arguments(self, parser):
        parser.add_argument("--half", choices=HALVES, required=True)
        parser.add_argument(
            "--misses", action="store_true", help="List the questions it got wrong."
        )

    def handle(self, *args, half, misses, **options):
        current = matcher()
        for language in LANGUAGES:
            rounds = {}
            for number, path in round_paths(half, language).items():
                if not path.exists():
                    raise CommandError(f"{path} is missing")
                rounds[number] = read_questions(path)
            for number, rows in rounds.items():
                report = evaluate(current, language, rows)
                self.stdout.write(
                    f"{language} round {number}: {report.correct}/{report.total} = "
                    f"{report.accuracy:.1%} ({half})"
                )
            everything = [row for rows in rounds.values() for row in rows]
            report = evaluate(current, language, everything)
            self.stdout.write(
                f"{language}: {report.correct}/{report.total} = {report.accuracy:.1%} "
                f"({half}, rounds {', '.join(str(n) for n in rounds)} together)"
            )
            for intent, (right, total) in report.by_intent.items():
                self.stdout.write(f"  {intent:<16} {right}/{total} = {right / total:.0%}")
            if misses:
                for number, rows in rounds.items():
                    for expected, got, question in evaluate(current, language, rows).misses:
                        self.stdout.write(
                            f"    miss (round {number}): expected {expected}, got {got}: {question}"
                        )
