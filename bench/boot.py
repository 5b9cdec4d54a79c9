"""What a bench script that works in-process does first, imported for its effect before any
project import (``import boot``; the script's own folder is on the path): the project on the
path, the benchmark's database made if missing, Django set up."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

from bench.served import ensure_database  # noqa: E402

if "DATABASE_URL" in os.environ:
    ensure_database(os.environ["DATABASE_URL"])

import django  # noqa: E402

django.setup()
