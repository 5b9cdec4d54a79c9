"""repayment 0016: borrowers there already get the pinyin of their names, so the console's
search finds them by pinyin from the day it is deployed."""

import datetime as dt

import pytest

from tests.repayment.migrations.migrating import migrate

BEFORE = [("repayment", "0015_payment_reports")]
AFTER = [("repayment", "0016_borrower_name_key")]


@pytest.mark.django_db(transaction=True)
def test_existing_chinese_names_get_their_pinyin_and_others_none():
    apps = migrate(BEFORE)
    Borrower = apps.get_model("repayment", "Borrower")
    for external_id, name in (("B-1", "陈静"), ("B-2", "Chidi Okafor"), ("B-3", "吕 Anna")):
        Borrower.objects.create(
            external_id=external_id, full_name=name, date_of_birth=dt.date(1985, 4, 12)
        )

    apps = migrate(AFTER)

    keys = dict(
        apps.get_model("repayment", "Borrower").objects.values_list("external_id", "name_key")
    )
    assert keys == {"B-1": "chenjing", "B-2": "", "B-3": "lv"}
    migrate(None)
