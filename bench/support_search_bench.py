"""Benchmark: the console's borrower search over 100,000 borrowers on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench_search \\
        .venv/bin/python bench/support_search_bench.py [--borrowers 100000] [--repeat 25]

The book is built once per database and reused: borrowers with English and Chinese names, each
with an e-mail, a phone number written in several styles, and one or two loans. Each typical
search is run ``--repeat`` times through ``portal.support.search.search`` (the two queries the
page makes) and timed by wall clock; the script prints the median and worst per search, the
plan PostgreSQL chose for one of them, and exits non-zero if any median is 100 ms or more.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from decimal import Decimal

import boot  # noqa: F401  (the project, its database, Django)
from django.core.management import call_command
from django.db import connection

from portal.core.pinyin import name_key
from portal.support.search import matching_ids, search
from repayment.models import Borrower, Lender, Loan, LoanProduct

LIMIT_MS = 100.0
PREFIX = "sb"


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Names as people have them: a quarter Chinese, written in Chinese; the rest from many places.
GIVEN = words(
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Amara Chidi Fatima Ngozi Tunde "
    "Aisha Priya Ravi Ananya Arjun Sofia Mateo Lucia Diego Margaret Kwame Esi Yaw Olu Zainab"
)
FAMILY = words(
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
    "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson "
    "White Harris Sanchez Clark Ramirez Lewis Robinson Okafor Mensah Adeyemi Patel Sharma "
    "Nguyen Tran Kim Park Silva"
)
ZH_FAMILY = words("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗")
ZH_GIVEN = words(
    "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀英 霞 平 小明 建华 志强 海燕 桂英"
)
PINYIN = words("wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo")
PHONE_STYLES = ("+86 138 {a} {b}", "+86-139-{a}-{b}", "0086 137{a}{b}", "(020) {a} {b}")

SEARCHES = (
    ("name fragment", "arga"),
    ("surname", "Okafor"),
    ("full name", "Amara Mensah"),
    ("e-mail fragment", "amara.mensah"),
    ("phone fragment, typed with spaces", "138 0012"),
    ("phone, full, another style", "+86 139-0004-5678"),
    ("loan reference, whole", "HCF-045217"),
    ("loan reference, partial", "45217"),
    ("loan reference, no dash", "HCF045217"),
    ("loan reference, a space for the dash", "hcf 045217"),
    ("lender's borrower id", "sb-B45217"),
    ("Chinese name", "王小明"),
    ("Chinese name, two characters", "陈杰"),
    ("Chinese name, one character", "陈"),
    ("pinyin, spaced", "chen jie"),
    ("pinyin, run together", "wangxiaoming"),
    ("pinyin with tones", "Zhāng Wěi"),
    ("two letters", "Li"),
    ("broad: every e-mail", "example"),
    ("broad: every reference", "HCF-0"),
    ("no hits", "zzqx"),
)


def borrower(n: int) -> Borrower:
    if n % 4 == 0:  # a quarter with Chinese names, written in Chinese
        family = ZH_FAMILY[(n // 4) % len(ZH_FAMILY)]
        given = ZH_GIVEN[(n // 13) % len(ZH_GIVEN)]
        name = family + given
        email = f"{PINYIN[n % len(PINYIN)]}{n}@example.cn"
        language = "zh-hans"
    else:
        given, family = GIVEN[(n // 3) % len(GIVEN)], FAMILY[(n // 11) % len(FAMILY)]
        name = f"{given} {family}"
        email = f"{given}.{family}{n % 100}@example.com".lower()
        language = "en"
    a, b = f"{(n // 10) % 10000:04d}", f"{(n * 37) % 10000:04d}"
    return Borrower(
        external_id=f"{PREFIX}-B{n}",
        full_name=name,
        name_key=name_key(name),
        email=email,
        phone=PHONE_STYLES[n % len(PHONE_STYLES)].format(a=a, b=b),
        date_of_birth=dt.date(1960 + n % 40, 1 + n % 12, 1 + n % 28),
        preferred_language=language,
        time_zone="Asia/Shanghai" if language == "zh-hans" else "Europe/London",
    )


def build(count: int) -> None:
    lender = Lender.objects.create(name="Search bench lender", phone="+86 400 800 1234")
    product = LoanProduct.objects.create(
        lender=lender,
        code=f"{PREFIX}-monthly",
        name="Bench loan",
        currency="CNY",
        installment_frequency="monthly",
        annual_interest_rate=Decimal("12"),
    )
    Borrower.objects.bulk_create((borrower(n) for n in range(count)), batch_size=5000)
    ids = dict(
        Borrower.objects.filter(external_id__startswith=f"{PREFIX}-B").values_list(
            "external_id", "pk"
        )
    )
    loans = []
    serial = 0
    for n in range(count):
        for _ in range(1 + (n % 5 == 0)):  # one in five has a second loan
            loans.append(
                Loan(
                    borrower_id=ids[f"{PREFIX}-B{n}"],
                    product=product,
                    external_id=f"{PREFIX}-L{serial}",
                    reference=f"HCF-{serial:06d}",
                    principal=Decimal("6000.00"),
                    disbursed_on=dt.date(2026, 1, 10),
                    first_due_date=dt.date(2026, 2, 10),
                    installment_count=12,
                    installment_amount=Decimal("550.00"),
                )
            )
            serial += 1
    Loan.objects.bulk_create(loans, batch_size=5000)


def explain(query: str) -> str:
    sql, params = (
        Borrower.objects.filter(pk__in=matching_ids(query))
        .order_by("full_name", "pk")
        .values_list("pk")[:21]
        .query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, COSTS OFF) {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--borrowers", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        print("This benchmark needs PostgreSQL: set DATABASE_URL.")
        return 2
    call_command("migrate", verbosity=0)
    if not Borrower.objects.filter(external_id__startswith=f"{PREFIX}-B").exists():
        started = time.perf_counter()
        build(args.borrowers)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"built {args.borrowers} borrowers in {time.perf_counter() - started:.1f} s")
    print(f"book: {Borrower.objects.count()} borrowers, {Loan.objects.count()} loans")
    failed = False
    print(f"{'search':<38} {'query':<20} {'hits':>5} {'median ms':>10} {'worst ms':>9}")
    for label, query in SEARCHES:
        search(query)  # warm: the first run pays for reading the index pages from disk
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            page = search(query)
            times.append((time.perf_counter() - started) * 1000)
        hits = f"{len(page.results)}{'+' if page.has_next else ''}"
        median = statistics.median(times)
        failed |= median >= LIMIT_MS
        print(f"{label:<38} {query:<20} {hits:>5} {median:>10.1f} {max(times):>9.1f}")
    print()
    print(f"plan for {SEARCHES[1][1]!r}:")
    print(explain(SEARCHES[1][1]))
    print("FAIL" if failed else "PASS", f"(limit {LIMIT_MS:.0f} ms median per search)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
