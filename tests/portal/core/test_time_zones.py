"""A time zone by its name in the reader's language, not by its IANA id."""

import datetime as dt

import pytest

from portal.core.time_zones import time_zone_name

WINTER = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)
SUMMER = dt.datetime(2026, 7, 15, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("zone", "language", "name"),
    [
        ("Asia/Shanghai", "en", "China Standard Time"),
        ("Asia/Shanghai", "zh-hans", "中国标准时间"),
        ("UTC", "en", "Coordinated Universal Time"),
        ("UTC", "zh-hans", "协调世界时"),
        ("Europe/London", "en", "Greenwich Mean Time"),
    ],
)
def test_a_zone_is_named_in_the_readers_language(zone, language, name):
    assert time_zone_name(zone, language=language, at=WINTER) == name


def test_the_name_says_whether_summer_time_applies_at_that_moment():
    assert time_zone_name("Europe/London", language="en", at=SUMMER) == "British Summer Time"
    assert time_zone_name("America/New_York", language="zh-hans", at=SUMMER) == "北美东部夏令时间"


def test_a_zone_the_database_does_not_know_is_shown_as_given():
    assert time_zone_name("Mars/Olympus_Mons", language="en") == "Mars/Olympus_Mons"


@pytest.mark.parametrize(
    ("zone", "name"),
    [
        ("Asia/Kolkata", "India Standard Time"),
        ("Asia/Ho_Chi_Minh", "Indochina Time"),
        ("America/Argentina/Buenos_Aires", "Argentina Standard Time"),
    ],
)
def test_a_zone_babel_files_under_its_older_name_is_named_not_given_as_an_offset(zone, name):
    assert time_zone_name(zone, language="en", at=WINTER) == name
