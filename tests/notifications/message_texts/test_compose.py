"""Message texts: the shipped defaults pass the checks an editor's text must pass, every text
renders in both languages with or without its values, a missing text falls back, and the
opt-out and debt-advice lines the system adds survive any edit."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from education import readability
from education import tone_check as tone
from portal.notifications.message_texts import compose as texts
from portal.notifications.message_texts.compose import Texts, load_texts, sms_parts
from portal.notifications.message_texts.defaults import (
    DEFAULTS,
    LANGUAGES,
    PLACEHOLDER_HELP,
    PLACEHOLDERS,
    SAMPLE_VALUES,
)
from portal.notifications.models import Event, MessageTemplate
from portal.notifications.replies import recognise as optout

CASES = [(event, language) for event in Event for language in LANGUAGES]
CHANNELS = ("email", "sms", "in_portal")
ADVICE_EVENTS = {
    Event.PAYMENT_MISSED,
    Event.PLAN_OFFER_AVAILABLE,
    Event.PLAN_BROKEN,
    Event.PROPOSAL_DECLINED,
    Event.PAUSE_DECLINED,
}
OPT_OUT_URL = "https://portal.example/messages/stop/abc123/"

ADVISER = SimpleNamespace(
    debt_advice_name="Money Advice Line",
    debt_advice_phone="0800 123 4567",
    debt_advice_url="https://advice.example",
)
NO_ADVISER = SimpleNamespace(debt_advice_name="", debt_advice_phone="", debt_advice_url="")


def _render(texts_=None, **overrides):
    arguments = {
        "event": Event.PAYMENT_MISSED,
        "channel": "email",
        "language": "en",
        "context": SAMPLE_VALUES["en"],
        "lender": ADVISER,
        "opt_out_url": OPT_OUT_URL,
    }
    arguments.update(overrides)
    return (texts_ or Texts()).render(**arguments)


@pytest.fixture
def chinese_catalogue(monkeypatch):
    """Chinese for the sentences the system adds, whatever the compiled catalogue holds."""
    catalogue = trans_real.translation("zh-hans")._catalog._catalogs[0]
    entries = {
        "Don't want these e-mails? Stop them with one click: %(url)s": (
            "不想再收到这些邮件？点一下就能退订：%(url)s"
        ),
        "Free debt advice: %(name)s, %(contact)s.": "免费债务咨询：%(name)s，%(contact)s。",
    }
    for msgid, msgstr in entries.items():
        monkeypatch.setitem(catalogue, msgid, msgstr)


# --- the shipped defaults -------------------------------------------------------------------


def test_every_event_has_a_text_in_both_languages_and_its_placeholders_listed():
    assert set(DEFAULTS) == set(Event)
    assert set(PLACEHOLDERS) == set(Event)
    for event in Event:
        assert set(DEFAULTS[event]) == set(LANGUAGES)
        assert set(PLACEHOLDERS[event]) <= set(PLACEHOLDER_HELP)
    for language in LANGUAGES:
        assert set(SAMPLE_VALUES[language]) == set(PLACEHOLDER_HELP)


@pytest.mark.parametrize(("event", "language"), CASES)
def test_every_default_passes_the_tone_and_plain_language_checks(event, language):
    text = DEFAULTS[event][language]
    for field in ("subject", "body", "sms"):
        source = getattr(text, field)
        assert tone.check_tone(source, language) == (), (field, source)
        filled = render_source(source, language)
        report = readability.check_text(filled, language)
        assert report.passes, (field, report.findings, report.reading_level)


@pytest.mark.parametrize(("event", "language"), CASES)
def test_every_default_can_be_saved_as_it_is(event, language):
    text = DEFAULTS[event][language]

    problems = texts.check_template(
        event=event, language=language, subject=text.subject, body=text.body, sms=text.sms
    )

    assert problems == {}


@pytest.mark.parametrize(("event", "language"), CASES)
def test_every_default_renders_with_its_placeholders_filled(event, language):
    text = DEFAULTS[event][language]
    values = SAMPLE_VALUES[language]

    for channel in CHANNELS:
        rendered = _render(event=event, channel=channel, language=language, context=values)
        source = text.sms if channel == "sms" else text.body
        assert "{{" not in rendered.body and "}}" not in rendered.body
        for name in PLACEHOLDERS[event]:
            if "{{ %s }}" % name in source:  # noqa: UP031
                assert values[name] in rendered.body, (channel, name)
        assert rendered.subject and "\n" not in rendered.subject


@pytest.mark.parametrize(("event", "language"), CASES)
def test_every_default_renders_without_its_placeholders(event, language):
    for channel in CHANNELS:
        rendered = _render(event=event, channel=channel, language=language, context={})

        assert rendered.subject
        assert rendered.body.strip()
        assert "{{" not in rendered.body and "None" not in rendered.body
        assert rendered.includes_opt_out == (channel != "in_portal")


def render_source(source, language):
    return texts._fill(texts._compile(source), SAMPLE_VALUES[language])


# --- which text ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_migration_seeded_every_default():
    rows = {(row.event, row.language): row for row in MessageTemplate.objects.all()}

    assert set(rows) == {(str(event), language) for event, language in CASES}
    row = rows[(Event.PLAN_BROKEN, "zh-hans")]
    assert row.body == DEFAULTS[Event.PLAN_BROKEN]["zh-hans"].body


@pytest.mark.django_db
def test_running_the_seed_again_keeps_edits_and_restores_missing_rows():
    from django.apps import apps

    seed = import_module("portal.notifications.migrations.0002_seed_message_texts").seed
    MessageTemplate.objects.filter(event=Event.PLAN_COMPLETED, language="en").update(
        subject="Edited"
    )
    MessageTemplate.objects.filter(event=Event.PAUSE_GRANTED).delete()

    seed(apps, None)

    assert MessageTemplate.objects.get(event=Event.PLAN_COMPLETED, language="en").subject == (
        "Edited"
    )
    assert MessageTemplate.objects.filter(event=Event.PAUSE_GRANTED).count() == 2
    assert MessageTemplate.objects.count() == len(CASES)


@pytest.mark.django_db
def test_an_edited_text_is_what_borrowers_get():
    row = MessageTemplate.objects.get(event=Event.UPCOMING_DUE, language="en")
    row.subject = "A friendly reminder about {{ reference }}"
    row.save()

    rendered = _render(load_texts(), event=Event.UPCOMING_DUE, channel="in_portal")

    assert rendered.subject == "A friendly reminder about HCF-000123"


@pytest.mark.django_db
def test_a_missing_row_falls_back_to_the_shipped_default():
    MessageTemplate.objects.filter(event=Event.PAYMENT_RECEIVED).delete()

    rendered = load_texts().render(
        event=Event.PAYMENT_RECEIVED,
        channel="email",
        language="zh-hans",
        context=SAMPLE_VALUES["zh-hans"],
        lender=ADVISER,
        opt_out_url=OPT_OUT_URL,
    )

    assert rendered.subject == DEFAULTS[Event.PAYMENT_RECEIVED]["zh-hans"].subject
    assert "¥1,200.00" in rendered.body


def test_a_language_without_text_falls_back_to_english_throughout():
    rendered = _render(event=Event.UPCOMING_DUE, channel="sms", language="fr")

    assert rendered.subject == DEFAULTS[Event.UPCOMING_DUE]["en"].subject
    assert rendered.body.endswith("Reply STOP to opt out")


def test_a_missing_chinese_row_uses_the_chinese_default_before_any_english_row():
    edited = Texts(
        {(Event.PLAN_COMPLETED, "en"): texts.Text("Edited", "Edited body", "Edited sms")}
    )

    rendered = _render(edited, event=Event.PLAN_COMPLETED, language="zh-hans")

    assert rendered.subject == DEFAULTS[Event.PLAN_COMPLETED]["zh-hans"].subject


def test_a_text_that_does_not_compile_falls_back_to_the_default():
    broken = Texts({(Event.PLAN_COMPLETED, "en"): texts.Text("{% if %}", "{{ name", "x")})

    rendered = _render(broken, event=Event.PLAN_COMPLETED)

    assert rendered.subject == DEFAULTS[Event.PLAN_COMPLETED]["en"].subject


def test_language_codes_are_read_the_way_browsers_write_them():
    rendered = _render(event=Event.PLAN_COMPLETED, language="zh_Hans")

    assert rendered.subject == DEFAULTS[Event.PLAN_COMPLETED]["zh-hans"].subject


def test_load_texts_reads_every_row_in_one_query(django_assert_num_queries, db):
    with django_assert_num_queries(1):
        loaded = load_texts()
    with django_assert_num_queries(0):
        for event, language in CASES:
            for channel in CHANNELS:
                _render(loaded, event=event, channel=channel, language=language)


def test_placeholder_values_are_not_escaped_or_interpreted():
    values = {**SAMPLE_VALUES["en"], "name": "O'Brien <Ann> & {{ co }}"}

    rendered = _render(event=Event.PLAN_COMPLETED, channel="email", context=values)

    assert "Hello O'Brien <Ann> & {{ co }}," in rendered.body


def test_the_call_channel_has_no_text():
    with pytest.raises(ValueError, match="call"):
        _render(channel="call")


# --- what the system adds -----------------------------------------------------------------


@pytest.mark.django_db
def test_an_edit_cannot_remove_the_email_opt_out_or_the_debt_advice():
    row = MessageTemplate.objects.get(event=Event.PAYMENT_MISSED, language="en")
    row.body = "Hello {{ name }}, we can help with your payment."
    row.sms = "{{ lender }}: we can help with your payment."
    row.save()

    texts = load_texts()
    email = _render(texts, channel="email")
    sms = _render(texts, channel="sms", opt_out_url="")

    assert email.body.startswith("Hello Maria, we can help with your payment.")
    assert "Money Advice Line" in email.body and "0800 123 4567" in email.body
    assert "https://advice.example" in email.body
    assert email.body.endswith(f"Don't want these e-mails? Stop them with one click: {OPT_OUT_URL}")
    assert email.includes_opt_out and email.signposts_debt_advice
    assert sms.body == (
        "Harbour Community Finance: we can help with your payment. "
        "Free debt advice: Money Advice Line, 0800 123 4567. Reply STOP to opt out"
    )
    assert sms.includes_opt_out and sms.signposts_debt_advice


@pytest.mark.parametrize("event", list(Event))
def test_debt_advice_goes_with_arrears_reminders_and_an_ended_plan_only(event):
    for channel in CHANNELS:
        rendered = _render(event=event, channel=channel)

        assert rendered.signposts_debt_advice == (event in ADVICE_EVENTS)
        assert ("Money Advice Line" in rendered.body) == (event in ADVICE_EVENTS)


def test_a_lender_without_debt_advice_details_sends_the_message_without_a_signpost():
    for channel in CHANNELS:
        rendered = _render(channel=channel, lender=NO_ADVISER)

        assert not rendered.signposts_debt_advice
        assert "debt advice" not in rendered.body.lower()


def test_a_lender_with_only_a_phone_number_is_still_signposted():
    lender = SimpleNamespace(debt_advice_name="", debt_advice_phone="0800 1", debt_advice_url="")

    email = _render(lender=lender)
    sms = _render(channel="sms", lender=lender)

    assert "Free, independent debt advice\nPhone: 0800 1" in email.body
    assert "Free debt advice: 0800 1." in sms.body
    assert email.signposts_debt_advice and sms.signposts_debt_advice


def test_the_message_centre_gets_the_debt_advice_but_no_opt_out_line():
    rendered = _render(channel="in_portal")

    assert rendered.signposts_debt_advice
    assert not rendered.includes_opt_out
    assert "Stop them with one click" not in rendered.body


def test_an_email_without_an_opt_out_link_says_it_has_none():
    rendered = _render(opt_out_url="")

    assert not rendered.includes_opt_out
    assert "one click" not in rendered.body


def test_the_sms_reply_line_can_be_left_to_the_provider():
    rendered = _render(channel="sms", sms_stop_hint=False)

    assert not rendered.includes_opt_out
    assert "STOP" not in rendered.body


@pytest.mark.parametrize(("language", "keyword"), [("en", "STOP"), ("zh-hans", "TD")])
def test_the_sms_reply_line_names_a_keyword_we_recognise(language, keyword):
    rendered = _render(channel="sms", language=language, context=SAMPLE_VALUES[language])

    assert rendered.body.endswith(texts.SMS_OPT_OUT[language])
    assert keyword in texts.SMS_OPT_OUT[language]
    intent = optout.recognise(keyword)
    assert intent is not None and intent.kind == "stop"


def test_the_lines_the_system_adds_are_in_the_language_of_the_text(chinese_catalogue):
    email = _render(language="zh-hans", context=SAMPLE_VALUES["zh-hans"])
    sms = _render(channel="sms", language="zh-hans", context=SAMPLE_VALUES["zh-hans"])

    assert email.body.endswith(f"不想再收到这些邮件？点一下就能退订：{OPT_OUT_URL}")
    assert sms.body.endswith("免费债务咨询：Money Advice Line，0800 123 4567。回复TD退订")
    # The borrower's language, not the one active where the planner runs.
    assert translation.get_language() == "en"
    assert _render().body.endswith(f"Stop them with one click: {OPT_OUT_URL}")


# --- SMS length ---------------------------------------------------------------------------


@pytest.mark.parametrize(("event", "language"), CASES)
def test_every_default_sms_is_one_message_before_the_reply_line_and_two_at_most(event, language):
    bare = render_source(DEFAULTS[event][language].sms, language)
    rendered = _render(
        event=event,
        channel="sms",
        language=language,
        context=SAMPLE_VALUES[language],
        lender=texts.sample_debt_advice(language),
    )

    assert sms_parts(bare) == 1, (len(bare), bare)
    assert sms_parts(rendered.body) <= 2, (len(rendered.body), rendered.body)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # two GSM places each
        ("€" * 81, 2),
        ("还" * 70, 1),
        ("还" * 71, 2),
        ("还" * 134, 2),
        ("还" * 135, 3),
        ("a" * 69 + "’", 1),  # one curly apostrophe makes the whole text UCS-2
        ("a" * 70 + "’", 2),
        ("", 0),
    ],
)
def test_sms_parts_counts_segments_the_way_carriers_do(text, parts):
    assert sms_parts(text) == parts


@pytest.mark.parametrize(
    ("language", "named", "never"),
    [("en", "NFCC", "12348"), ("zh-hans", "12348 公共法律服务热线", "NFCC")],
)
def test_the_preview_names_the_free_help_of_the_sample_values_country(language, named, never):
    default = DEFAULTS[Event.PAYMENT_MISSED][language]

    shown = texts.preview(
        event=Event.PAYMENT_MISSED,
        language=language,
        subject=default.subject,
        body=default.body,
        sms=default.sms,
    )

    for channel in ("email", "in_portal", "sms"):
        assert named in shown[channel].body and never not in shown[channel].body
