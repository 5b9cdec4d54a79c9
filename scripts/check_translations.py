"""Fail when a page string has no Simplified Chinese translation.

Extracts the messages afresh (Django's makemessages, in a scratch copy of the source) and checks
that every one is in locale/zh_Hans with a translation that is neither empty nor fuzzy.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
SOURCES = ["portal", "education", "repayment", "templates", "manage.py"]


def extracted_ids() -> set[str]:
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        for name in SOURCES:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(
                    source,
                    scratch / name,
                    ignore=shutil.ignore_patterns("migrations", "__pycache__"),
                )
            else:
                shutil.copy(source, scratch / name)
        (scratch / "locale").mkdir()
        subprocess.run(
            # Extracted as English: its two plural forms match the template xgettext writes.
            [sys.executable, "-m", "django", "makemessages", "-l", "en", "--no-location"],
            cwd=scratch,
            check=True,
            capture_output=True,
            env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": ""},
        )
        with open(scratch / "locale" / "en" / "LC_MESSAGES" / "django.po", "rb") as fh:
            return {
                message.id if isinstance(message.id, str) else message.id[0]
                for message in read_po(fh)
                if message.id
            }


def main() -> int:
    with open(PO, "rb") as fh:
        catalog = read_po(fh)
    problems = []
    translated = set()
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {key!r}")
        else:
            translated.add(key)
    if shutil.which("xgettext"):
        for key in sorted(extracted_ids() - translated):
            if f"untranslated or fuzzy: {key!r}" not in problems:
                problems.append(f"missing from {PO.relative_to(ROOT)}: {key!r}")
    else:
        print("xgettext not found: checked the catalogue only, not the source", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problem(s)", file=sys.stderr)
        return 1
    print(f"zh_Hans: all {len(translated)} messages translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
