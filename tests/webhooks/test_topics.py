"""Every topic the outbox can carry is one a lender's endpoint can choose and one the lender's
developer can read about."""

from pathlib import Path

from portal.webhooks.topics import TEST_TOPIC, TOPICS

DOCS = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"


def documented_topics() -> set[str]:
    text = DOCS.read_text(encoding="utf-8")
    table = text[text.index("## Topics and payloads") :].split("\n\n")[1]
    return {line.split("`")[1] for line in table.splitlines() if line.startswith("| `")}


def test_every_topic_is_in_the_webhook_documentation():
    assert documented_topics() == {code for code, _label in TOPICS} | {TEST_TOPIC}


def test_a_borrowers_payment_report_topics_can_be_chosen():
    codes = {code for code, _label in TOPICS}
    assert {"payment.reported", "payment.report_arrived", "payment.report_not_found"} <= codes
