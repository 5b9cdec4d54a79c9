"""The examples in docs/import-format.md import as the document says they do."""

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command

from repayment.models import LedgerEntry, Loan
from tests.factories import LoanProductFactory

pytestmark = pytest.mark.django_db

DOC = Path(__file__).resolve().parents[3] / "docs" / "import-format.md"


def examples(language):
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("language", ["csv", "json"])
def test_documented_example_imports(tmp_path, language):
    LoanProductFactory(code="microloan", currency="CNY", servicing_enabled=False)
    path = tmp_path / f"example.{language}"
    (batch,) = examples(language)
    path.write_text(batch, encoding="utf-8")
    out = io.StringIO()

    call_command("import_loans", str(path), stdout=out)

    success = examples("text")[-1]
    assert out.getvalue().strip() == success.strip()
    loan = Loan.objects.get(external_id="L-2001")
    assert loan.borrower.time_zone == "Asia/Shanghai"
    reversal = LedgerEntry.objects.get(loan=loan, external_id="T-5")
    assert reversal.reverses.external_id == "T-2"
    assert reversal.amount == Decimal("110.00")
