"""Contact rules: table-driven examples for every rule and preset, and property tests that an
allowed reminder never breaks a rule, checked by an independent, deliberately plain checker."""

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from portal.notifications.contact_rules.presets import CHINA_NIFA, PRESETS, UK_FCA, US_REG_F
from portal.notifications.contact_rules.rules import (
    CITED_FIELDS,
    RULE_ORDER,
    Channel,
    Contact,
    ContactSituation,
    Kind,
    Message,
    Profile,
    Recipient,
    Rule,
    Window,
    decide,
    effective_window,
    next_allowed_time,
)
from tests.hypothesis_profiles import scaled

NEW_YORK = "America/New_York"
SHANGHAI = "Asia/Shanghai"
LONDON = "Europe/London"


def local(zone: str, *args) -> datetime:
    """A UTC instant from a local wall-clock reading (fold=0: the first, if it happens twice)."""
    return datetime(*args, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def message(send_at: datetime, **changes) -> Message:
    """A well-formed arrears SMS: to the borrower, with its opt-out and its advice signpost."""
    values = {
        "borrower_id": 1,
        "channel": Channel.SMS,
        "kind": Kind.COLLECTION,
        "send_at": send_at,
        "includes_opt_out": True,
        "signposts_debt_advice": True,
    }
    return Message(**{**values, **changes})


def call(send_at: datetime, **changes) -> Message:
    return message(send_at, channel=Channel.CALL, **changes)


def calls(zone: str, *days_and_hours, **flags) -> tuple[Contact, ...]:
    """Call records at (year, month, day, hour) local times."""
    return tuple(
        Contact(at=local(zone, *when), channel=Channel.CALL, kind=Kind.COLLECTION, **flags)
        for when in days_and_hours
    )


def reminder(at: datetime, channel=Channel.SMS, kind=Kind.COLLECTION) -> Contact:
    return Contact(at=at, channel=channel, kind=kind)


# Values


def test_window_includes_its_start_and_excludes_its_end():
    window = Window(time(8), time(21))
    assert window.contains(time(8))
    assert window.contains(time(20, 59, 59))
    assert not window.contains(time(7, 59, 59))
    assert not window.contains(time(21))


@pytest.mark.parametrize(
    ("start", "end"), [(time(9), time(9)), (time(21), time(8)), (time(8, tzinfo=UTC), time(9))]
)
def test_window_must_be_a_forward_span_of_wall_clock_times(start, end):
    with pytest.raises(ValueError):
        Window(start, end)


def test_window_intersection_is_the_stricter_window_or_none():
    law = Window(time(8), time(21))
    assert law.intersection(Window(time(10), time(23))) == Window(time(10), time(21))
    assert law.intersection(Window(time(6), time(8))) is None


def test_every_number_in_every_preset_has_a_citation():
    for profile in PRESETS.values():
        for name in CITED_FIELDS:
            if getattr(profile, name) not in (None, False):
                assert profile.cite(name), (profile.name, name)


def test_preset_numbers_match_the_rules():
    assert (US_REG_F.window, US_REG_F.max_call_attempts, US_REG_F.call_attempt_days) == (
        Window(time(8), time(21)),
        7,
        7,
    )
    assert US_REG_F.no_call_days_after_conversation == 7
    assert "1006.6(e)" in US_REG_F.cite("opt_out_notice_required")
    assert CHINA_NIFA.window == Window(time(8), time(22))
    assert CHINA_NIFA.max_connected_calls_per_day == 3
    assert "中国互联网金融协会" in CHINA_NIFA.cite("third_party_contact_forbidden")
    assert UK_FCA.debt_advice_signpost_required
    assert UK_FCA.breathing_space_days == 60
    assert "CONC 7.3.7A" in UK_FCA.cite("debt_advice_signpost_required")
    assert all(p.third_party_contact_forbidden for p in PRESETS.values())


def test_a_profile_number_without_a_citation_is_refused():
    with pytest.raises(ValueError, match="without a citation"):
        replace(US_REG_F, max_connected_calls_per_day=5)


def test_a_citation_for_an_unknown_field_is_refused():
    with pytest.raises(ValueError, match="unknown fields"):
        replace(US_REG_F, citations={**US_REG_F.citations, "max_calls": "typo"})


def test_a_profile_that_allows_third_party_contact_is_refused():
    with pytest.raises(ValueError, match="third parties"):
        replace(US_REG_F, third_party_contact_forbidden=False)


def test_citations_cannot_be_changed_after_construction():
    with pytest.raises(TypeError):
        US_REG_F.citations["window"] = "anything"


def test_naive_times_unknown_zones_and_impossible_contacts_are_refused():
    with pytest.raises(ValueError, match="aware"):
        message(datetime(2024, 5, 1, 12))
    with pytest.raises(ValueError, match="aware"):
        Contact(at=datetime(2024, 5, 1, 12), channel=Channel.SMS, kind=Kind.COLLECTION)
    with pytest.raises(ValueError):
        ContactSituation(time_zone="Mars/Olympus_Mons")
    with pytest.raises(ValueError):
        message(local(NEW_YORK, 2024, 5, 1, 12), channel="fax")
    with pytest.raises(ValueError, match="only a call"):
        Contact(
            at=local(NEW_YORK, 2024, 5, 1, 12), channel="sms", kind="collection", connected=True
        )
    with pytest.raises(ValueError, match="connected call"):
        Contact(
            at=local(NEW_YORK, 2024, 5, 1, 12), channel="call", kind="collection", conversation=True
        )


def test_plain_strings_are_accepted_and_become_enums():
    sent = message(local(NEW_YORK, 2024, 5, 1, 12), channel="email", kind="service")
    assert (sent.channel, sent.kind, sent.recipient) == (Channel.EMAIL, Kind.SERVICE, "borrower")
    assert ContactSituation(time_zone=NEW_YORK, opted_out={"sms"}).opted_out == {Channel.SMS}


def test_profile_accepts_only_borrower_hours_inside_the_legal_window():
    assert US_REG_F.accepts(Window(time(9), time(20)))
    assert not US_REG_F.accepts(Window(time(7), time(20)))


# Quiet hours, per preset


@pytest.mark.parametrize(
    ("profile", "zone", "wall", "allowed"),
    [
        (US_REG_F, NEW_YORK, (7, 59), False),
        (US_REG_F, NEW_YORK, (8, 0), True),
        (US_REG_F, NEW_YORK, (20, 59), True),
        (US_REG_F, NEW_YORK, (21, 0), False),
        (US_REG_F, NEW_YORK, (3, 0), False),
        (CHINA_NIFA, SHANGHAI, (7, 59), False),
        (CHINA_NIFA, SHANGHAI, (8, 0), True),
        (CHINA_NIFA, SHANGHAI, (21, 59), True),
        (CHINA_NIFA, SHANGHAI, (22, 0), False),
        (UK_FCA, LONDON, (7, 59), False),
        (UK_FCA, LONDON, (12, 0), True),
        (UK_FCA, LONDON, (21, 0), False),
    ],
)
def test_legal_contact_hours_in_the_borrowers_zone(profile, zone, wall, allowed):
    decision = decide(
        message(local(zone, 2024, 5, 15, *wall)), ContactSituation(time_zone=zone), profile
    )
    assert decision.allowed is allowed
    assert decision.rule == (Rule.ALLOWED if allowed else Rule.QUIET_HOURS)
    if not allowed:
        assert decision.citation == profile.cite("window")


@pytest.mark.parametrize(
    ("profile", "zone", "sent", "opens"),
    [
        # Early morning: the same day's opening.
        (US_REG_F, NEW_YORK, (2024, 5, 15, 7, 59), (2024, 5, 15, 8, 0)),
        # At the close: the next morning.
        (US_REG_F, NEW_YORK, (2024, 5, 15, 21, 0), (2024, 5, 16, 8, 0)),
        (CHINA_NIFA, SHANGHAI, (2024, 5, 15, 22, 0), (2024, 5, 16, 8, 0)),
        (CHINA_NIFA, SHANGHAI, (2024, 5, 15, 7, 59), (2024, 5, 15, 8, 0)),
        (UK_FCA, LONDON, (2024, 12, 31, 23, 30), (2025, 1, 1, 8, 0)),
    ],
)
def test_quiet_hours_say_when_the_window_opens(profile, zone, sent, opens):
    decision = decide(message(local(zone, *sent)), ContactSituation(time_zone=zone), profile)
    assert decision.rule == Rule.QUIET_HOURS
    assert decision.next_allowed_at == local(zone, *opens)
    assert decision.next_allowed_at.tzinfo is UTC


@pytest.mark.parametrize(
    ("wall", "rule", "opens"),
    [
        ((9, 0), Rule.QUIET_HOURS, (2024, 5, 15, 10, 0)),  # legal, but before the borrower's
        ((10, 0), Rule.ALLOWED, None),
        ((17, 59), Rule.ALLOWED, None),
        ((18, 0), Rule.QUIET_HOURS, (2024, 5, 16, 10, 0)),  # legal, but after the borrower's
        ((7, 0), Rule.QUIET_HOURS, (2024, 5, 15, 10, 0)),
    ],
)
def test_borrowers_own_hours_narrower_than_the_law_win(wall, rule, opens):
    situation = ContactSituation(time_zone=NEW_YORK, borrower_window=Window(time(10), time(18)))
    decision = decide(message(local(NEW_YORK, 2024, 5, 15, *wall)), situation, US_REG_F)
    assert decision.rule == rule
    assert decision.next_allowed_at == (opens and local(NEW_YORK, *opens))


def test_borrowers_hours_wider_than_the_law_do_not_widen_it():
    situation = ContactSituation(time_zone=SHANGHAI, borrower_window=Window(time(6), time(23, 30)))
    assert effective_window(CHINA_NIFA, situation) == CHINA_NIFA.window
    for wall in [(7, 0), (22, 30)]:
        decision = decide(message(local(SHANGHAI, 2024, 5, 15, *wall)), situation, CHINA_NIFA)
        assert decision.rule == Rule.QUIET_HOURS


def test_borrowers_hours_outside_the_law_leave_no_time_to_send():
    situation = ContactSituation(time_zone=NEW_YORK, borrower_window=Window(time(6), time(7, 30)))
    decision = decide(message(local(NEW_YORK, 2024, 5, 15, 7)), situation, US_REG_F)
    assert decision.rule == Rule.QUIET_HOURS
    assert decision.next_allowed_at is None


# Daylight saving: America/New_York springs forward on 2024-03-10 and falls back on 2024-11-03.


@pytest.mark.parametrize(
    ("sent_utc", "allowed", "opens_utc"),
    [
        # Spring forward: 08:00 EDT is 12:00 UTC, an hour earlier in UTC than the day before.
        (datetime(2024, 3, 10, 11, 59, tzinfo=UTC), False, datetime(2024, 3, 10, 12, tzinfo=UTC)),
        (datetime(2024, 3, 10, 12, 0, tzinfo=UTC), True, None),
        (datetime(2024, 3, 9, 12, 30, tzinfo=UTC), False, datetime(2024, 3, 9, 13, tzinfo=UTC)),
        # 01:30 EST, just before the gap.
        (datetime(2024, 3, 10, 6, 30, tzinfo=UTC), False, datetime(2024, 3, 10, 12, tzinfo=UTC)),
        # 21:00 EST on the eve: the next opening is after the change.
        (datetime(2024, 3, 10, 2, 0, tzinfo=UTC), False, datetime(2024, 3, 10, 12, tzinfo=UTC)),
        (datetime(2024, 3, 11, 0, 59, tzinfo=UTC), True, None),  # 20:59 EDT
        (datetime(2024, 3, 11, 1, 0, tzinfo=UTC), False, datetime(2024, 3, 11, 12, tzinfo=UTC)),
        # Fall back: 12:30 UTC was 08:30 EDT yesterday and is 07:30 EST today.
        (datetime(2024, 11, 2, 12, 30, tzinfo=UTC), True, None),
        (datetime(2024, 11, 3, 12, 30, tzinfo=UTC), False, datetime(2024, 11, 3, 13, tzinfo=UTC)),
        # 01:30 happens twice; both are quiet, and the window opens at 08:00 EST.
        (datetime(2024, 11, 3, 5, 30, tzinfo=UTC), False, datetime(2024, 11, 3, 13, tzinfo=UTC)),
        (datetime(2024, 11, 3, 6, 30, tzinfo=UTC), False, datetime(2024, 11, 3, 13, tzinfo=UTC)),
        # 21:00 EDT on the eve.
        (datetime(2024, 11, 3, 1, 0, tzinfo=UTC), False, datetime(2024, 11, 3, 13, tzinfo=UTC)),
        (datetime(2024, 11, 4, 1, 59, tzinfo=UTC), True, None),  # 20:59 EST
        (datetime(2024, 11, 4, 2, 0, tzinfo=UTC), False, datetime(2024, 11, 4, 13, tzinfo=UTC)),
    ],
)
def test_us_window_across_daylight_saving_changes(sent_utc, allowed, opens_utc):
    decision = decide(message(sent_utc), ContactSituation(time_zone=NEW_YORK), US_REG_F)
    assert decision.allowed is allowed
    assert decision.next_allowed_at == opens_utc


def test_a_window_opening_inside_the_spring_forward_gap_opens_when_the_clocks_jump():
    # 02:30 does not exist on 2024-03-10 in New York: clocks go from 02:00 EST to 03:00 EDT.
    opens = next_allowed_time(
        datetime(2024, 3, 10, 5, tzinfo=UTC), NEW_YORK, Window(time(2, 30), time(5))
    )
    assert opens == datetime(2024, 3, 10, 7, tzinfo=UTC)  # 03:00 EDT


def test_a_window_lost_entirely_in_the_gap_opens_the_next_day():
    opens = next_allowed_time(
        datetime(2024, 3, 10, 5, tzinfo=UTC), NEW_YORK, Window(time(2, 15), time(2, 45))
    )
    assert opens == local(NEW_YORK, 2024, 3, 11, 2, 15)


def test_a_window_opening_in_the_repeated_hour_opens_on_its_first_pass():
    opens = next_allowed_time(
        datetime(2024, 11, 3, 4, tzinfo=UTC), NEW_YORK, Window(time(1, 30), time(5))
    )
    assert opens == datetime(2024, 11, 3, 5, 30, tzinfo=UTC)  # 01:30 EDT, not 01:30 EST


def test_a_window_opening_in_the_repeated_hour_uses_its_second_pass_if_still_ahead():
    # 01:10 EST is the second pass of the repeated hour; 01:30 EST is still to come that day.
    opens = next_allowed_time(
        datetime(2024, 11, 3, 6, 10, tzinfo=UTC), NEW_YORK, Window(time(1, 30), time(5))
    )
    assert opens == datetime(2024, 11, 3, 6, 30, tzinfo=UTC)


def test_next_allowed_time_inside_the_window_is_the_time_itself():
    sent = local(SHANGHAI, 2024, 5, 15, 12)
    assert next_allowed_time(sent, SHANGHAI, CHINA_NIFA.window) == sent


# Every rule


MIDDAY_NY = local(NEW_YORK, 2024, 5, 15, 12)


@pytest.mark.parametrize("profile", PRESETS.values(), ids=lambda p: p.name)
@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("channel", list(Channel))
def test_a_third_party_is_never_contacted(profile, kind, channel):
    sent = message(MIDDAY_NY, kind=kind, channel=channel, recipient=Recipient.THIRD_PARTY)
    decision = decide(sent, ContactSituation(time_zone=NEW_YORK), profile)
    assert (decision.allowed, decision.rule) == (False, Rule.THIRD_PARTY)
    assert decision.citation


@pytest.mark.parametrize("kind", list(Kind))
def test_an_opted_out_channel_is_never_used_even_for_service(kind):
    situation = ContactSituation(time_zone=NEW_YORK, opted_out={Channel.SMS})
    assert decide(message(MIDDAY_NY, kind=kind), situation, US_REG_F).rule == Rule.OPTED_OUT
    email = message(MIDDAY_NY, kind=kind, channel=Channel.EMAIL)
    assert decide(email, situation, US_REG_F).allowed


@pytest.mark.parametrize("kind", list(Kind))
def test_a_bounced_channel_is_suspended_even_for_service(kind):
    situation = ContactSituation(time_zone=NEW_YORK, bounced={Channel.EMAIL})
    email = message(MIDDAY_NY, kind=kind, channel=Channel.EMAIL)
    assert decide(email, situation, US_REG_F).rule == Rule.BOUNCED


@pytest.mark.parametrize(
    ("channel", "rule"),
    [
        (Channel.EMAIL, Rule.OPT_OUT_NOTICE_MISSING),
        (Channel.SMS, Rule.OPT_OUT_NOTICE_MISSING),
        (Channel.IN_PORTAL, Rule.ALLOWED),
        (Channel.CALL, Rule.ALLOWED),
    ],
)
def test_every_email_and_sms_must_carry_an_opt_out(channel, rule):
    sent = message(MIDDAY_NY, channel=channel, includes_opt_out=False, kind=Kind.SERVICE)
    decision = decide(sent, ContactSituation(time_zone=NEW_YORK), US_REG_F)
    assert decision.rule == rule
    if rule == Rule.OPT_OUT_NOTICE_MISSING:
        assert "1006.6(e)" in decision.citation


@pytest.mark.parametrize(
    ("profile", "kind", "rule"),
    [
        (UK_FCA, Kind.COLLECTION, Rule.DEBT_ADVICE_MISSING),
        (UK_FCA, Kind.COURTESY, Rule.ALLOWED),
        (UK_FCA, Kind.SERVICE, Rule.ALLOWED),
        (US_REG_F, Kind.COLLECTION, Rule.ALLOWED),
        (CHINA_NIFA, Kind.COLLECTION, Rule.ALLOWED),
    ],
)
def test_uk_arrears_messages_must_signpost_free_debt_advice(profile, kind, rule):
    sent = message(local(LONDON, 2024, 5, 15, 12), kind=kind, signposts_debt_advice=False)
    decision = decide(sent, ContactSituation(time_zone=LONDON), profile)
    assert decision.rule == rule


@pytest.mark.parametrize(
    ("flag", "rule", "stops"),
    [
        ("breathing_space_active", Rule.BREATHING_SPACE, {Kind.COLLECTION, Kind.COURTESY}),
        ("dispute_open", Rule.DISPUTE_OPEN, {Kind.COLLECTION, Kind.COURTESY}),
        ("pause_active", Rule.PAUSE_ACTIVE, {Kind.COLLECTION, Kind.COURTESY}),
        ("plan_in_good_standing", Rule.PLAN_IN_GOOD_STANDING, {Kind.COLLECTION}),
        ("promise_open", Rule.PROMISE_OPEN, {Kind.COLLECTION}),
    ],
)
@pytest.mark.parametrize("kind", list(Kind))
def test_holds_stop_reminders_but_never_service_messages(flag, rule, stops, kind):
    situation = ContactSituation(time_zone=LONDON, **{flag: True})
    decision = decide(message(local(LONDON, 2024, 5, 15, 12), kind=kind), situation, UK_FCA)
    assert decision.rule == (rule if kind in stops else Rule.ALLOWED)


def test_breathing_space_cites_the_60_day_regulations():
    situation = ContactSituation(time_zone=LONDON, breathing_space_active=True)
    decision = decide(message(local(LONDON, 2024, 5, 15, 12)), situation, UK_FCA)
    assert "60 days" in decision.citation


def test_service_messages_still_wait_for_the_window_during_a_breathing_space():
    situation = ContactSituation(time_zone=LONDON, breathing_space_active=True)
    sent = message(local(LONDON, 2024, 5, 15, 23), kind=Kind.SERVICE)
    assert decide(sent, situation, UK_FCA).rule == Rule.QUIET_HOURS


def test_the_eighth_call_attempt_in_seven_days_is_refused():
    # Seven unanswered attempts on 9-15 May; the eighth on 15 May is refused.
    history = calls(NEW_YORK, *[(2024, 5, day, 10) for day in range(9, 16)])
    situation = ContactSituation(time_zone=NEW_YORK, recent_contacts=history)
    decision = decide(call(local(NEW_YORK, 2024, 5, 15, 18)), situation, US_REG_F)
    assert decision.rule == Rule.CALL_ATTEMPTS
    assert "1006.14(b)(2)" in decision.citation
    # On 16 May the 9 May attempt has left the seven days: six remain, and a call may go.
    later = decide(
        call(local(NEW_YORK, 2024, 5, 16, 9)),
        situation,
        replace(US_REG_F, daily_cap=None, weekly_cap=None),
    )
    assert later.rule == Rule.ALLOWED


def test_the_seventh_call_attempt_in_seven_days_is_allowed():
    history = calls(NEW_YORK, *[(2024, 5, day, 10) for day in range(10, 16)])
    profile = replace(US_REG_F, daily_cap=None, weekly_cap=None)
    situation = ContactSituation(time_zone=NEW_YORK, recent_contacts=history)
    assert decide(call(local(NEW_YORK, 2024, 5, 15, 18)), situation, profile).allowed


@pytest.mark.parametrize(
    ("call_day", "rule"),
    [(10, Rule.AFTER_CONVERSATION), (16, Rule.AFTER_CONVERSATION), (17, Rule.ALLOWED)],
)
def test_no_call_within_seven_days_after_a_conversation(call_day, rule):
    # A conversation on 10 May: 10 May is day 1, 16 May day 7, 17 May the first free day.
    history = calls(NEW_YORK, (2024, 5, 10, 11), connected=True, conversation=True)
    situation = ContactSituation(time_zone=NEW_YORK, recent_contacts=history)
    decision = decide(call(local(NEW_YORK, 2024, 5, call_day, 12)), situation, US_REG_F)
    assert decision.rule == rule


def test_a_conversation_does_not_stop_written_reminders():
    history = calls(NEW_YORK, (2024, 5, 14, 11), connected=True, conversation=True)
    profile = replace(US_REG_F, daily_cap=None, weekly_cap=None)
    situation = ContactSituation(time_zone=NEW_YORK, recent_contacts=history)
    assert decide(message(MIDDAY_NY), situation, profile).allowed


def test_the_fourth_connected_call_of_the_day_in_china_is_refused():
    history = calls(
        SHANGHAI, (2024, 5, 15, 9), (2024, 5, 15, 11), (2024, 5, 15, 14), connected=True
    )
    profile = replace(CHINA_NIFA, daily_cap=None, weekly_cap=None)
    situation = ContactSituation(time_zone=SHANGHAI, recent_contacts=history)
    decision = decide(call(local(SHANGHAI, 2024, 5, 15, 16)), situation, profile)
    assert decision.rule == Rule.CONNECTED_CALLS
    assert "中国互联网金融协会" in decision.citation
    # The next local day starts a fresh count.
    assert decide(call(local(SHANGHAI, 2024, 5, 16, 9)), situation, profile).allowed


def test_unanswered_calls_do_not_use_up_the_chinese_connected_call_limit():
    history = calls(SHANGHAI, *[(2024, 5, 15, hour) for hour in (9, 10, 11, 12)])
    profile = replace(CHINA_NIFA, daily_cap=None, weekly_cap=None)
    situation = ContactSituation(time_zone=SHANGHAI, recent_contacts=history)
    assert decide(call(local(SHANGHAI, 2024, 5, 15, 16)), situation, profile).allowed


def test_the_day_for_the_connected_call_limit_is_the_borrowers_local_day():
    # 23:30 UTC on 14 May is 07:30 on 15 May in Shanghai: the same local day as the proposal.
    history = tuple(
        Contact(at=at, channel=Channel.CALL, kind=Kind.COLLECTION, connected=True)
        for at in (
            datetime(2024, 5, 14, 23, 30, tzinfo=UTC),
            local(SHANGHAI, 2024, 5, 15, 9),
            local(SHANGHAI, 2024, 5, 15, 10),
        )
    )
    profile = replace(CHINA_NIFA, daily_cap=None, weekly_cap=None)
    situation = ContactSituation(time_zone=SHANGHAI, recent_contacts=history)
    decision = decide(call(local(SHANGHAI, 2024, 5, 15, 12)), situation, profile)
    assert decision.rule == Rule.CONNECTED_CALLS


@pytest.mark.parametrize("kind", [Kind.COLLECTION, Kind.COURTESY])
def test_the_daily_cap_counts_reminders_across_channels(kind):
    history = (reminder(local(NEW_YORK, 2024, 5, 15, 9), channel=Channel.EMAIL, kind=kind),)
    situation = ContactSituation(time_zone=NEW_YORK, recent_contacts=history)
    decision = decide(message(MIDDAY_NY, kind=kind), situation, US_REG_F)
    assert decision.rule == Rule.DAILY_CAP
    assert decide(message(local(NEW_YORK, 2024, 5, 16, 9)), situation, US_REG_F).allowed


def test_the_weekly_cap_counts_the_last_seven_local_days():
    history = tuple(reminder(local(NEW_YORK, 2024, 5, day, 10)) for day in (9, 11, 13))
    situation = ContactSituation(time_zone=NEW_YORK, recent_contacts=history)
    assert decide(message(MIDDAY_NY), situation, US_REG_F).rule == Rule.WEEKLY_CAP
    # On 16 May the 9 May reminder is eight days back and no longer counts.
    assert decide(message(local(NEW_YORK, 2024, 5, 16, 12)), situation, US_REG_F).allowed


def test_service_messages_neither_count_towards_nor_are_bound_by_the_caps():
    confirmations = tuple(
        reminder(local(NEW_YORK, 2024, 5, 15, hour), kind=Kind.SERVICE) for hour in (8, 9, 10)
    )
    situation = ContactSituation(time_zone=NEW_YORK, recent_contacts=confirmations)
    assert decide(message(MIDDAY_NY), situation, US_REG_F).allowed
    busy = ContactSituation(
        time_zone=NEW_YORK,
        recent_contacts=tuple(reminder(local(NEW_YORK, 2024, 5, 15, h)) for h in (8, 9, 10)),
    )
    assert decide(message(MIDDAY_NY), busy, US_REG_F).rule == Rule.WEEKLY_CAP
    assert decide(message(MIDDAY_NY, kind=Kind.SERVICE), busy, US_REG_F).allowed


def test_no_caps_means_no_cap():
    busy = ContactSituation(
        time_zone=NEW_YORK,
        recent_contacts=tuple(reminder(local(NEW_YORK, 2024, 5, 15, h)) for h in range(8, 12)),
    )
    profile = replace(US_REG_F, daily_cap=None, weekly_cap=None)
    assert decide(message(MIDDAY_NY), busy, profile).allowed


# Rule order


def test_the_rule_order_is_the_documented_one_and_covers_every_rule():
    assert [rule for rule, _check in RULE_ORDER] == [
        Rule.THIRD_PARTY,
        Rule.OPTED_OUT,
        Rule.BOUNCED,
        Rule.OPT_OUT_NOTICE_MISSING,
        Rule.DEBT_ADVICE_MISSING,
        Rule.BREATHING_SPACE,
        Rule.DISPUTE_OPEN,
        Rule.PAUSE_ACTIVE,
        Rule.PLAN_IN_GOOD_STANDING,
        Rule.PROMISE_OPEN,
        Rule.PAYMENT_REPORTED,
        Rule.AFTER_CONVERSATION,
        Rule.CALL_ATTEMPTS,
        Rule.CONNECTED_CALLS,
        Rule.WEEKLY_CAP,
        Rule.DAILY_CAP,
        Rule.QUIET_HOURS,
    ]
    assert {rule for rule, _check in RULE_ORDER} | {Rule.ALLOWED} == set(Rule)


def test_when_every_rule_objects_each_is_reported_in_turn():
    """Remove the reported cause one at a time: the next rule in the order reports."""
    night = local(NEW_YORK, 2024, 5, 15, 23)
    everything = {
        "recipient": Recipient.THIRD_PARTY,
        "includes_opt_out": False,
        "signposts_debt_advice": False,
    }
    profile = replace(
        UK_FCA,
        max_call_attempts=1,
        no_call_days_after_conversation=7,
        max_connected_calls_per_day=1,
        weekly_cap=1,
        citations={**UK_FCA.citations, **dict.fromkeys(CITED_FIELDS[1:4], "test")},
    )
    history = calls(NEW_YORK, (2024, 5, 15, 9), connected=True, conversation=True)
    state = {
        "opted_out": {Channel.CALL},
        "bounced": {Channel.CALL},
        "breathing_space_active": True,
        "dispute_open": True,
        "pause_active": True,
        "plan_in_good_standing": True,
        "promise_open": True,
    }
    steps = [
        (Rule.THIRD_PARTY, lambda m, s: (replace(m, recipient=Recipient.BORROWER), s)),
        (Rule.OPTED_OUT, lambda m, s: (m, replace(s, opted_out=frozenset()))),
        (Rule.BOUNCED, lambda m, s: (m, replace(s, bounced=frozenset()))),
        (Rule.DEBT_ADVICE_MISSING, lambda m, s: (replace(m, signposts_debt_advice=True), s)),
        (Rule.BREATHING_SPACE, lambda m, s: (m, replace(s, breathing_space_active=False))),
        (Rule.DISPUTE_OPEN, lambda m, s: (m, replace(s, dispute_open=False))),
        (Rule.PAUSE_ACTIVE, lambda m, s: (m, replace(s, pause_active=False))),
        (Rule.PLAN_IN_GOOD_STANDING, lambda m, s: (m, replace(s, plan_in_good_standing=False))),
        (Rule.PROMISE_OPEN, lambda m, s: (m, replace(s, promise_open=False))),
        (
            Rule.AFTER_CONVERSATION,
            lambda m, s: (
                m,
                replace(s, recent_contacts=calls(NEW_YORK, (2024, 5, 15, 9), connected=True)),
            ),
        ),
        (
            Rule.CALL_ATTEMPTS,
            lambda m, s: (
                m,
                replace(s, recent_contacts=(reminder(local(NEW_YORK, 2024, 5, 10, 9)),)),
            ),
        ),
        (Rule.WEEKLY_CAP, lambda m, s: (m, replace(s, recent_contacts=()))),
        (Rule.QUIET_HOURS, lambda m, s: (replace(m, send_at=MIDDAY_NY), s)),
        (Rule.ALLOWED, None),
    ]
    sent = call(night, **everything)
    situation = ContactSituation(time_zone=NEW_YORK, recent_contacts=history, **state)
    for rule, fix in steps:
        assert decide(sent, situation, profile).rule == rule
        if fix:
            sent, situation = fix(sent, situation)


def test_connected_calls_report_before_the_caps_and_daily_cap_before_quiet_hours():
    profile = replace(CHINA_NIFA, max_connected_calls_per_day=1)
    history = calls(SHANGHAI, (2024, 5, 15, 9), connected=True)
    situation = ContactSituation(time_zone=SHANGHAI, recent_contacts=history)
    assert decide(call(local(SHANGHAI, 2024, 5, 15, 12)), situation, profile).rule == (
        Rule.CONNECTED_CALLS
    )
    late = message(local(SHANGHAI, 2024, 5, 15, 23))
    assert decide(late, situation, profile).rule == Rule.DAILY_CAP


# Properties: whatever decide allows breaks no rule, checked independently.

ZONES = [
    NEW_YORK,
    "America/Los_Angeles",
    LONDON,
    SHANGHAI,
    "Asia/Kolkata",
    "Australia/Lord_Howe",  # a half-hour daylight-saving shift
    "Pacific/Chatham",
    "UTC",
]
START = datetime(2024, 1, 1, tzinfo=UTC)
END = datetime(2025, 12, 31, tzinfo=UTC)
RARELY = st.sampled_from([False] * 7 + [True])


@st.composite
def windows(draw, earliest=0, latest=24 * 60):
    start = draw(st.integers(earliest, latest - 1))
    end = draw(st.integers(start + 1, latest))
    return Window(_clock(start), _clock(end))


def _clock(minutes: int) -> time:
    return time(23, 59, 59) if minutes == 24 * 60 else time(*divmod(minutes, 60))


@st.composite
def profiles(draw):
    custom = Profile(
        name="custom",
        window=draw(windows(earliest=5 * 60, latest=23 * 60)),
        max_call_attempts=draw(st.none() | st.integers(0, 8)),
        call_attempt_days=draw(st.integers(1, 8)),
        no_call_days_after_conversation=draw(st.none() | st.integers(1, 8)),
        max_connected_calls_per_day=draw(st.none() | st.integers(0, 4)),
        opt_out_notice_required=draw(st.booleans()),
        debt_advice_signpost_required=draw(st.booleans()),
        daily_cap=draw(st.none() | st.integers(0, 3)),
        weekly_cap=draw(st.none() | st.integers(0, 6)),
        citations=dict.fromkeys(CITED_FIELDS, "test"),
    )
    return draw(st.sampled_from([*PRESETS.values(), custom]))


@st.composite
def contacts_before(draw, send_at):
    channel = draw(st.sampled_from(list(Channel)))
    connected = channel == Channel.CALL and draw(st.booleans())
    return Contact(
        at=send_at - timedelta(minutes=draw(st.integers(0, 9 * 24 * 60))),
        channel=channel,
        kind=draw(st.sampled_from(list(Kind))),
        connected=connected,
        conversation=connected and draw(st.booleans()),
    )


@st.composite
def cases(draw):
    zone = draw(st.sampled_from(ZONES))
    send_at = draw(
        st.datetimes(START.replace(tzinfo=None), END.replace(tzinfo=None), timezones=st.just(UTC))
    )
    if draw(st.booleans()):  # half the time, during the day, so that more messages are allowed
        day = send_at.astimezone(ZoneInfo(zone)).date()
        wall = _clock(draw(st.integers(9 * 60, 20 * 60)))
        send_at = datetime.combine(day, wall, ZoneInfo(zone)).astimezone(UTC)
    sent = Message(
        borrower_id=1,
        channel=draw(st.sampled_from(list(Channel))),
        kind=draw(st.sampled_from(list(Kind))),
        send_at=send_at,
        recipient=Recipient.THIRD_PARTY if draw(RARELY) else Recipient.BORROWER,
        includes_opt_out=not draw(RARELY),
        signposts_debt_advice=not draw(RARELY),
    )
    some_channels = st.frozensets(st.sampled_from(list(Channel)), min_size=1, max_size=2)
    situation = ContactSituation(
        time_zone=zone,
        borrower_window=draw(st.none() | windows()),
        opted_out=draw(some_channels) if draw(RARELY) else frozenset(),
        bounced=draw(some_channels) if draw(RARELY) else frozenset(),
        dispute_open=draw(RARELY),
        pause_active=draw(RARELY),
        breathing_space_active=draw(RARELY),
        plan_in_good_standing=draw(RARELY),
        promise_open=draw(RARELY),
        recent_contacts=tuple(draw(st.lists(contacts_before(send_at), max_size=8))),
    )
    return sent, situation, draw(profiles())


def inside(window: Window, wall: time) -> bool:
    return window.start <= wall < window.end


def days_back(situation: ContactSituation, sent: Message, contact: Contact) -> int:
    zone = ZoneInfo(situation.time_zone)
    return (sent.send_at.astimezone(zone).date() - contact.at.astimezone(zone).date()).days


def assert_breaks_no_rule(sent: Message, situation: ContactSituation, profile: Profile) -> None:
    wall = sent.send_at.astimezone(ZoneInfo(situation.time_zone)).time()
    if sent.channel != Channel.IN_PORTAL:  # the message centre waits for the borrower
        assert inside(profile.window, wall)
        if situation.borrower_window:
            assert inside(situation.borrower_window, wall)
    assert sent.channel not in situation.opted_out | situation.bounced
    assert sent.recipient == Recipient.BORROWER
    if profile.opt_out_notice_required and sent.channel in {Channel.EMAIL, Channel.SMS}:
        assert sent.includes_opt_out
    if sent.kind != Kind.SERVICE:
        assert not situation.dispute_open
        assert not situation.pause_active
        assert not situation.breathing_space_active
    if sent.kind == Kind.COLLECTION:
        assert not situation.plan_in_good_standing
        assert not situation.promise_open
        if profile.debt_advice_signpost_required:
            assert sent.signposts_debt_advice
    past = [(days_back(situation, sent, c), c) for c in situation.recent_contacts]
    if sent.kind != Kind.SERVICE:
        reminders = [back for back, c in past if c.kind != Kind.SERVICE]
        if profile.daily_cap is not None:
            assert reminders.count(0) + 1 <= profile.daily_cap
        if profile.weekly_cap is not None:
            assert sum(0 <= back < 7 for back in reminders) + 1 <= profile.weekly_cap
    if sent.channel == Channel.CALL:
        phone = [(back, c) for back, c in past if c.channel == Channel.CALL]
        if profile.max_call_attempts is not None:
            attempts = sum(0 <= back < profile.call_attempt_days for back, _c in phone)
            assert attempts + 1 <= profile.max_call_attempts
        if profile.no_call_days_after_conversation is not None:
            span = profile.no_call_days_after_conversation
            assert not any(c.conversation and 0 <= back < span for back, c in phone)
        if profile.max_connected_calls_per_day is not None:
            connected_today = sum(c.connected and back == 0 for back, c in phone)
            assert connected_today + 1 <= profile.max_connected_calls_per_day


@settings(max_examples=scaled(600), deadline=None)
@given(cases())
def test_a_reminder_never_breaks_a_contact_rule(case):
    sent, situation, profile = case
    decision = decide(sent, situation, profile)
    event(decision.rule)
    if decision.allowed:
        assert decision.rule == Rule.ALLOWED
        assert_breaks_no_rule(sent, situation, profile)
    else:
        assert decision.rule != Rule.ALLOWED
        assert decision.reason
    if sent.kind == Kind.SERVICE:
        assert decision.rule not in {
            Rule.DEBT_ADVICE_MISSING,
            Rule.BREATHING_SPACE,
            Rule.DISPUTE_OPEN,
            Rule.PAUSE_ACTIVE,
            Rule.PLAN_IN_GOOD_STANDING,
            Rule.PROMISE_OPEN,
            Rule.WEEKLY_CAP,
            Rule.DAILY_CAP,
        }


@settings(max_examples=scaled(600), deadline=None)
@given(cases())
def test_quiet_hours_name_the_earliest_moment_inside_both_windows(case):
    # Every other rule out of the way, so that the hour check is reached often.
    sent, situation, profile = case
    sent = replace(
        sent, recipient=Recipient.BORROWER, includes_opt_out=True, signposts_debt_advice=True
    )
    situation = ContactSituation(
        time_zone=situation.time_zone, borrower_window=situation.borrower_window
    )
    decision = decide(sent, situation, profile)
    if decision.rule != Rule.QUIET_HOURS:
        return
    window = effective_window(profile, situation)
    if window is None:
        assert decision.next_allowed_at is None
        return
    zone = ZoneInfo(situation.time_zone)
    opens = decision.next_allowed_at
    assert opens > sent.send_at
    assert opens.tzinfo is UTC
    assert inside(profile.window, opens.astimezone(zone).time())
    assert inside(window, opens.astimezone(zone).time())
    # Earliest: a second before, the window was still closed.
    assert not inside(window, (opens - timedelta(seconds=1)).astimezone(zone).time())
    # And the same message at that moment is allowed.
    assert decide(replace(sent, send_at=opens), situation, profile).allowed


@settings(max_examples=scaled(300), deadline=None)
@given(
    st.sampled_from(ZONES),
    st.datetimes(START.replace(tzinfo=None), END.replace(tzinfo=None), timezones=st.just(UTC)),
    windows(),
)
def test_next_allowed_time_is_never_before_and_always_inside(zone, when, window):
    opens = next_allowed_time(when, zone, window)
    assert opens >= when
    assert inside(window, opens.astimezone(ZoneInfo(zone)).time())
    if opens > when:
        assert not inside(window, (opens - timedelta(seconds=1)).astimezone(ZoneInfo(zone)).time())


def test_a_message_centre_entry_shows_at_night_but_an_email_waits_for_morning():
    night = datetime(2026, 3, 3, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    situation = ContactSituation(time_zone="America/New_York")
    for channel, allowed in ((Channel.IN_PORTAL, True), (Channel.EMAIL, False)):
        message = Message(
            borrower_id=1,
            channel=channel,
            kind=Kind.SERVICE,
            send_at=night,
            includes_opt_out=True,
        )
        assert decide(message, situation, US_REG_F).allowed is allowed
