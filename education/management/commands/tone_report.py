from django.core.management.base import BaseCommand

from education.tone_check import LANGUAGES
from education.tone_scoring import HALVES, load, score


def _share(part: float | None) -> str:
    return "-" if part is None else f"{part:.1%}"


class Command(BaseCommand):
    help = (
        "How the tone check does on the labelled corpus (tests/tone_corpus): per language and "
        "category, the share of harmful sentences refused and of fair sentences passed. "
        "Tune patterns on the tune half only; --half heldout is the honest figure."
    )

    def add_arguments(self, parser):
        parser.add_argument("--half", choices=HALVES, default="tune")
        parser.add_argument(
            "--show", action="store_true", help="list the sentences it gets wrong (tune half only)"
        )

    def handle(self, *args, half: str, show: bool, **options):
        if show and half != "tune":
            # Reading the held-out mistakes is how a held-out half stops being held out.
            self.stderr.write("--show lists mistakes on the tune half only.")
            show = False
        header = f"{'language':<9} {'category':<20} {'harmful refused':>20} {'fair passed':>18}"
        self.stdout.write(f"Tone check on the {half} half of tests/tone_corpus")
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for language in LANGUAGES:
            scores = score(load(half, language), language)
            for category in [*sorted(c for c in scores if c != "all"), "all"]:
                entry = scores[category]
                refused = f"{entry.refused}/{entry.harmful} {_share(entry.refused_share)}"
                passed = f"{entry.passed}/{entry.fair} {_share(entry.passed_share)}"
                if not entry.harmful:
                    refused = "-"
                if not entry.fair:
                    passed = "-"
                self.stdout.write(f"{language:<9} {category:<20} {refused:>20} {passed:>18}")
                if show:
                    for sentence in entry.misses:
                        self.stdout.write(f"    missed: {sentence}")
                    for sentence in entry.false_alarms:
                        self.stdout.write(f"    refused: {sentence}")
