"""Fail when a page string has no Simplified Chinese translation.

Extracts the messages afresh (Django's makemessages, in a scratch copy of the source) and checks
each catalogue: every message that makemessages puts in it must be there with a translation
that is neither empty nor fuzzy. Django files a string under the nearest ``locale`` directory,
so there are two catalogues: the site's (``locale/``) and the lessons app's
(``education/locale/``).
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["portal", "education", "repayment", "templates", "manage.py"]
# Where each catalogue's messages land when extracted (relative to the scratch copy).
CATALOGUES = {
    ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po": Path("locale"),
    ROOT / "education" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po": Path(
        "education", "locale"
    ),
}


def _key(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def extracted_ids() -> dict[Path, set[str]]:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for name in SOURCES:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(
                    source,
                    scratch / name,
                    ignore=shutil.ignore_patterns("migrations", "__pycache__", "demo_content"),
                )
            else:
                shutil.copy(source, scratch / name)
        for locale_dir in CATALOGUES.values():
            (scratch / locale_dir).mkdir(parents=True, exist_ok=True)
        subprocess.run(
            # Extracted as English: its two plural forms match the template xgettext writes.
            [sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-location"],
            cwd=scratch,
            check=True,
            capture_output=True,
            env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": ""},
        )
        found = {}
        for po, locale_dir in CATALOGUES.items():
            extracted = scratch / locale_dir / "en" / "LC_MESSAGES" / "django.po"
            if not extracted.exists():
                found[po] = set()
                continue
            with open(extracted, "rb") as fh:
                found[po] = {_key(message) for message in read_po(fh) if message.id}
        return found


def check(po: Path, extracted: set[str] | None) -> tuple[list[str], int]:
    with open(po, "rb") as fh:
        catalog = read_po(fh)
    problems = []
    translated = set()
    for message in catalog:
        if not message.id:
            continue
        key = _key(message)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"{po.relative_to(ROOT)}: untranslated or fuzzy: {key!r}")
        else:
            translated.add(key)
    if extracted is not None:
        for key in sorted(extracted - translated):
            if not any(problem.endswith(f"fuzzy: {key!r}") for problem in problems):
                problems.append(f"missing from {po.relative_to(ROOT)}: {key!r}")
    return problems, len(translated)


def main() -> int:
    extracted = extracted_ids() if shutil.which("xgettext") else {}
    if not extracted:
        print("xgettext not found: checked the catalogues only, not the source", file=sys.stderr)
    problems = []
    for po in CATALOGUES:
        found, count = check(po, extracted.get(po))
        problems += found
        if not found:
            print(f"zh_Hans: all {count} messages translated in {po.relative_to(ROOT)}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
