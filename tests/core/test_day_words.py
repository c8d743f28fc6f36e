"""A day as a person reads it: its year left out only when today makes it plain, so the words say which day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.support.insight_records import SETTINGS, application, search_of
from tui.core.actions import ActionKind, todays_actions
from tui.core.days import DAY_NAMES, MONTH_NAMES, NEAR_DAYS, describe_day, year_goes_without_saying
from tui.core.drafts import DraftKind, write_draft

# A Sunday, far from any real "today".
TODAY = date(2026, 3, 15)

_SHOWN = re.compile(
    rf"^(?:(?P<weekday>{'|'.join(DAY_NAMES)}) )?(?P<day>\d{{2}}) "
    rf"(?P<month>{'|'.join(MONTH_NAMES)})(?: (?P<year>\d{{4}}))?$"
)


def read_back(shown: str, today: date) -> date:
    """The day `describe_day` meant, read as a person does: no year means this year's."""
    match = _SHOWN.match(shown)
    assert match is not None, shown
    year = int(match["year"]) if match["year"] else today.year
    day = date(year, MONTH_NAMES.index(match["month"]) + 1, int(match["day"]))
    if match["weekday"]:
        assert DAY_NAMES[day.weekday()] == match["weekday"], shown
    return day


# --- the rule -------------------------------------------------------------------------------------------


def test_a_day_eleven_months_ahead_names_its_year() -> None:
    # The attack's example: 2028-01-10 was shown as 'Mon 10 Jan', which reads as the coming January.
    assert describe_day(date(2028, 1, 10), date(2027, 2, 1)) == "Mon 10 Jan 2028"
    assert describe_day(date(2027, 2, 1), date(2026, 3, 15)) == "Mon 01 Feb 2027"


def test_a_near_day_of_this_year_goes_without_its_year() -> None:
    assert describe_day(date(2026, 3, 9), TODAY) == "Mon 09 Mar"
    assert describe_day(TODAY, TODAY) == "Sun 15 Mar"
    assert describe_day(date(2026, 9, 1), TODAY, weekday=False) == "01 Sep"


def test_near_new_year_the_other_years_day_names_its_year() -> None:
    assert describe_day(date(2025, 12, 29), date(2026, 1, 2)) == "Mon 29 Dec 2025"
    assert describe_day(date(2027, 1, 4), date(2026, 12, 28)) == "Mon 04 Jan 2027"


def test_the_year_is_left_out_up_to_182_days_either_side_and_no_further() -> None:
    today = date(2026, 7, 2)
    for days in (NEAR_DAYS, -NEAR_DAYS):
        assert year_goes_without_saying(today + timedelta(days=days), today)
    assert describe_day(date(2026, 12, 31), today) == "Thu 31 Dec"  # 182 days ahead
    assert describe_day(date(2026, 1, 1), today) == "Thu 01 Jan"  # 182 days back
    today = date(2026, 6, 30)
    assert describe_day(date(2026, 12, 31), today) == "Thu 31 Dec 2026"  # 184 days ahead


def test_without_today_the_year_is_always_shown() -> None:
    assert describe_day(TODAY) == "Sun 15 Mar 2026"
    assert describe_day(TODAY, weekday=False) == "15 Mar 2026"


@given(
    st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    st.dates(date(2000, 1, 1), date(2099, 12, 31)),
    st.booleans(),
)
def test_the_words_and_today_always_say_which_day(day: date, today: date, weekday: bool) -> None:
    shown = describe_day(day, today, weekday=weekday)
    assert read_back(shown, today) == day
    if not shown[-4:].isdigit():
        # No year: the only day of that date within half a year of today, and in today's year.
        same_date = [
            candidate
            for year in range(today.year - 1, today.year + 2)
            if (candidate := _on(year, day)) is not None and abs((candidate - today).days) <= NEAR_DAYS
        ]
        assert same_date == [day]
        assert day.year == today.year


def _on(year: int, day: date) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 Feb
        return None


# --- where days are shown in the domain ----------------------------------------------------------------


def test_a_silence_begun_more_than_half_a_year_ago_names_its_year() -> None:
    today = date(2026, 7, 25)
    old = application("Acme", "Engineer", applied_on=date(2026, 1, 2))  # 204 days back, the same year
    [ghosted] = [a for a in todays_actions(search_of(old), SETTINGS, today) if a.kind is ActionKind.GHOSTED]
    assert ghosted.why.startswith("nothing heard since 02 Jan 2026;")


def test_a_letter_names_the_year_of_an_application_sent_long_ago() -> None:
    old = application("Acme", "Engineer", applied_on=date(2025, 5, 5))
    template = "Subject: About $role\n\nI applied on $applied_on.\n"
    assert write_draft(template, DraftKind.FOLLOW_UP, search_of(old), old, TODAY).body == "I applied on 5 May 2025.\n"
    recent = application("Acme", "Engineer", applied_on=date(2026, 3, 5))
    assert (
        write_draft(template, DraftKind.FOLLOW_UP, search_of(recent), recent, TODAY).body == "I applied on 5 March.\n"
    )
