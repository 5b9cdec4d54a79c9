import pytest
import time_machine

from tests.education.conftest import ensure_site_structure
from tests.repayment.test_one_position import NOON_SHANGHAI


@pytest.fixture(autouse=True)
def _site_structure(request):
    """Lessons need their pages' tree (what the migrations make)."""
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        request.getfixturevalue("db")
        ensure_site_structure()


@pytest.fixture
def lessons(db, tmp_path):
    """One published English lesson from the education tests' content: reading a statement."""
    import shutil

    from education.demo import load
    from tests.education.conftest import CONTENT

    (tmp_path / "lessons").mkdir()
    shutil.copy(CONTENT / "lessons" / "reading-your-statement.json", tmp_path / "lessons")
    load(tmp_path)


@pytest.fixture
def today():
    """20 May 2026 in Shanghai: the day the borrower states of test_one_position are built for."""
    with time_machine.travel(NOON_SHANGHAI, tick=False):
        yield
