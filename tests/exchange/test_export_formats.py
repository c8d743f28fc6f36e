"""The CSV and iCalendar exports: what a spreadsheet or a calendar app gets, read back and checked cell by cell."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from tui import __version__
from tui.core.interviews import parse_questions
from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    Contact,
    Interview,
    InterviewKind,
    Question,
    RejectionReason,
    RestDay,
    Settings,
    Stage,
    StageChange,
    Tier,
)
from tui.core.search import JobSearch
from tui.exchange.csv_format import CSV_TABLES, as_written, export_csv
from tui.exchange.ics_format import export_ics

UTC = ZoneInfo("UTC")
BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 1, 20)  # a Tuesday in winter: Berlin is one hour ahead of UTC
NOW = datetime(2026, 1, 20, 16, 45, tzinfo=BERLIN)
NOW_STAMP = "20260120T154500Z"
STAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
SETTINGS = Settings(created_at=STAMP, updated_at=STAMP)

APPLICATIONS_HEADER = (
    "id,company,role,kind,stage,applied_on,stage_on,source,url,location,next_step,next_step_on,"
    "rejection_reason,reapply_after,tags,notes"
)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def application(
    company: str, role: str, applied_on: date | None, stage: Stage = Stage.APPLIED, **fields: object
) -> Application:
    history = [StageChange(stage=Stage.APPLIED, at=noon(applied_on), day=applied_on)] if applied_on else []
    values: dict[str, object] = {
        "company": company,
        "role": role,
        "applied_on": applied_on,
        "stage": stage,
        "stage_history": history,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    return Application.model_validate({**values, **fields})


def moved(app: Application, stage: Stage, day: date, undated: bool = False) -> Application:
    """The application after a move to `stage` on `day`."""
    change = StageChange(stage=stage, at=noon(day), day=day, undated=undated)
    return app.touched(noon(day), stage=stage, stage_history=[*app.stage_history, change])


def activity(
    kind: ActivityKind, at: datetime, linked: Application | None = None, contact: Contact | None = None, note: str = ""
) -> Activity:
    zone = at.tzinfo
    assert isinstance(zone, ZoneInfo)
    return Activity(
        kind=kind,
        at=at,
        timezone=zone.key,
        logical_day=at.date(),
        note=note,
        application_id=linked.id if linked else None,
        contact_id=contact.id if contact else None,
        created_at=at,
        updated_at=at,
    )


def interview(app: Application, at: datetime, **fields: object) -> Interview:
    """An interview starting at the aware local time `at`."""
    zone = at.tzinfo
    assert isinstance(zone, ZoneInfo)
    values = {
        "application_id": app.id,
        "at": at,
        "timezone": zone.key,
        "day": at.date(),
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    return Interview.model_validate({**values, **fields})


def contact(name: str, added: date = date(2025, 11, 1), **fields: object) -> Contact:
    return Contact.model_validate({"name": name, "created_at": noon(added), "updated_at": noon(added), **fields})


def rest(day: date, note: str = "") -> RestDay:
    return RestDay(day=day, note=note, created_at=noon(day - timedelta(days=3)), updated_at=noon(TODAY))


# fmt: off
QUILL = application(
    "Quill Labs", "Data Engineer", date(2026, 1, 5), source="LinkedIn", url="https://quill.example/jobs/42",
    location="Berlin, DE", tags=["remote", "series B"],
    notes='Referred by Dana — "great team", she\'ll ping them.\nAsk for the hiring manager, not HR.',
)
# fmt: on
# fmt: off
FERRO = moved(
    application(
        "Ferro & Sons, GmbH", "Backend Engineer (Go)", date(2026, 1, 5), source="company site",
        next_step="Send the take-home", next_step_on=date(2026, 1, 23), notes='=HYPERLINK("http://evil.example")',
    ),
    Stage.INTERVIEWING,
    date(2026, 1, 12),
)
# fmt: on
KILN = moved(
    application(
        "Kiln ☕ Studio 🚀",
        "-",
        date(2026, 1, 8),
        next_step="Ask about the contract role",
        next_step_on=date(2026, 1, 22),
        rejection_reason=RejectionReason.SKILLS,
        reapply_after=date(2026, 7, 15),
        notes="+2 years of Go wanted\r\n@recruiter said: try again in summer",
    ),
    Stage.REJECTED,
    date(2026, 1, 15),
)
ATLAS = application("Atlas", "Platform Engineer", None, Stage.SAVED)
NIMBUS = moved(application("Nimbus", "SRE", date(2025, 12, 1)), Stage.GHOSTED, date(2025, 12, 1), undated=True)

# fmt: off
DANA = contact("Dana Reyes", company="Quill Labs", tier=Tier.A, last_contact=date(2026, 1, 2), support=True,
               how_we_know="Worked together at Brightline, 2019–2022", notes="Mentor; likes \"straight talk\"")
# fmt: on
SAM = contact("Sam Okafor", added=date(2026, 1, 15), company="Kiln ☕ Studio 🚀", reconnect_on=date(2026, 4, 15))

APPLIED_TO_QUILL = activity(ActivityKind.APPLY, datetime(2026, 1, 5, 10, 15, tzinfo=BERLIN), linked=QUILL)
COFFEE_WITH_DANA = activity(
    ActivityKind.NETWORK,
    datetime(2026, 1, 14, 8, 0, tzinfo=BERLIN),
    contact=DANA,
    note="Coffee with Dana, talked about Quill's data team\nShe offered a referral",
)
COURSE = activity(ActivityKind.LEARN, datetime(2026, 1, 9, 19, 30, tzinfo=BERLIN), note="dbt course, module 3")

QUESTIONS = [
    Question(
        text="Walk me through a system you designed, end to end",
        rating=4,
        answer='The ingest pipeline; maybe "too much detail"?',
    ),
    Question(text="Why Go?"),
]
# fmt: off
FERRO_TECHNICAL = interview(
    FERRO, datetime(2026, 1, 22, 9, 30, tzinfo=BERLIN), round=2, kind=InterviewKind.TECHNICAL,
    people=["Priya Natarajan", "Tom Becker"], questions=QUESTIONS, rating=3, went_well="Clear on trade-offs",
    change="Ask about on-call earlier", notes="Bring the whiteboard notes.\nRoom 4.2, ask at reception",
)
# fmt: on
KILN_PHONE = interview(KILN, datetime(2026, 1, 12, 16, 0, tzinfo=UTC), kind=InterviewKind.OTHER)

SEARCH = JobSearch(
    settings=SETTINGS,
    applications=(QUILL, FERRO, KILN, ATLAS, NIMBUS),
    activities=(APPLIED_TO_QUILL, COFFEE_WITH_DANA, COURSE),
    interviews=(FERRO_TECHNICAL, KILN_PHONE),
    contacts=(DANA, SAM),
    rest_days=(rest(date(2026, 1, 17)), rest(TODAY), rest(date(2026, 1, 24), note="Hiking, phone off")),
)
EMPTY = JobSearch(settings=SETTINGS)


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# CSV


def test_applications_header_is_the_one_the_importer_reads() -> None:
    assert export_csv(SEARCH).split("\r\n", 1)[0] == APPLICATIONS_HEADER


def test_an_application_reads_back_cell_by_cell() -> None:
    rows = {row["company"]: row for row in read_csv(export_csv(SEARCH, "applications"))}

    assert rows["Ferro & Sons, GmbH"] == {
        "id": str(FERRO.id),
        "company": "Ferro & Sons, GmbH",
        "role": "Backend Engineer (Go)",
        "kind": "full-time",
        "stage": "interviewing",
        "applied_on": "2026-01-05",
        "stage_on": "2026-01-12",
        "source": "company site",
        "url": "",
        "location": "",
        "next_step": "Send the take-home",
        "next_step_on": "2026-01-23",
        "rejection_reason": "",
        "reapply_after": "",
        "tags": "",
        "notes": '\'=HYPERLINK("http://evil.example")',  # neutralised: see test_csv_injection.py
    }
    assert rows["Quill Labs"]["tags"] == "remote; series B"
    assert rows["Kiln ☕ Studio 🚀"]["rejection_reason"] == "skills"
    assert rows["Kiln ☕ Studio 🚀"]["reapply_after"] == "2026-07-15"


def test_text_with_commas_quotes_newlines_and_emoji_comes_back_exactly() -> None:
    rows = {row["id"]: row for row in read_csv(export_csv(SEARCH))}

    assert len(rows) == len(SEARCH.applications)
    for record in SEARCH.applications:
        row = rows[str(record.id)]
        cells = (row["company"], row["role"], row["notes"], row["url"], row["location"])
        assert tuple(as_written(cell) for cell in cells) == (
            record.company,
            record.role,
            record.notes,
            record.url,
            record.location,
        )


def test_formula_like_cells_get_a_quote_before_them_and_are_quoted_by_the_rules() -> None:
    text = export_csv(SEARCH)

    # Quotes are doubled inside a quoted cell (RFC 4180); a leading "=", "+" or "-" gets a ' before it.
    assert '"\'=HYPERLINK(""http://evil.example"")"' in text
    assert ",'-," in text
    assert '"\'+2 years of Go wanted\r\n@recruiter said: try again in summer"' in text


def test_applications_come_by_day_applied_then_company_and_saved_jobs_last() -> None:
    companies = [row["company"] for row in read_csv(export_csv(SEARCH))]

    assert companies == ["Nimbus", "Ferro & Sons, GmbH", "Quill Labs", "Kiln ☕ Studio 🚀", "Atlas"]


def test_stage_day_is_the_last_move_and_blank_when_there_is_none_or_it_is_a_guess() -> None:
    rows = {row["company"]: row for row in read_csv(export_csv(SEARCH))}

    assert rows["Kiln ☕ Studio 🚀"]["stage_on"] == "2026-01-15"
    assert rows["Quill Labs"]["stage_on"] == "2026-01-05"
    assert rows["Atlas"]["stage_on"] == ""  # saved, never moved
    assert rows["Nimbus"]["stage_on"] == ""  # ghosted on an import that had no day for it
    assert rows["Atlas"]["applied_on"] == ""


def test_every_line_ends_with_crlf_outside_quoted_cells() -> None:
    text = export_csv(SEARCH)

    assert text.endswith("\r\n")
    physical_rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(physical_rows) == 1 + len(SEARCH.applications)
    assert text.count("\r\n") == len(physical_rows) + 1  # the one inside Kiln's notes


def test_activities_name_their_company_and_contact_in_time_order() -> None:
    rows = read_csv(export_csv(SEARCH, "activities"))

    assert [row["id"] for row in rows] == [str(a.id) for a in (APPLIED_TO_QUILL, COURSE, COFFEE_WITH_DANA)]
    applied, _course, coffee = rows
    assert (applied["company"], applied["application_id"], applied["contact"]) == ("Quill Labs", str(QUILL.id), "")
    assert (coffee["contact"], coffee["contact_id"], coffee["company"]) == ("Dana Reyes", str(DANA.id), "")
    assert coffee["note"] == COFFEE_WITH_DANA.note
    assert (coffee["day"], coffee["kind"], coffee["timezone"]) == ("2026-01-14", "network", "Europe/Berlin")
    assert datetime.fromisoformat(coffee["at"]) == COFFEE_WITH_DANA.at
    assert list(rows[0]) == [
        "id",
        "day",
        "at",
        "timezone",
        "kind",
        "note",
        "application_id",
        "company",
        "contact_id",
        "contact",
    ]


def test_contacts_by_name_with_the_last_time_in_touch() -> None:
    rows = read_csv(export_csv(SEARCH, "contacts"))

    assert [row["name"] for row in rows] == ["Dana Reyes", "Sam Okafor"]
    dana, sam = rows
    assert dana == {
        "id": str(DANA.id),
        "name": "Dana Reyes",
        "company": "Quill Labs",
        "tier": "A",
        "how_we_know": "Worked together at Brightline, 2019–2022",
        "last_contact": "2026-01-14",  # the coffee logged after the day on the contact
        "reconnect_on": "",
        "support": "yes",
        "notes": 'Mentor; likes "straight talk"',
    }
    assert (sam["last_contact"], sam["reconnect_on"], sam["support"]) == ("", "2026-04-15", "no")


def test_interviews_carry_people_and_questions_the_app_can_read_again() -> None:
    rows = read_csv(export_csv(SEARCH, "interviews"))

    assert [row["id"] for row in rows] == [str(KILN_PHONE.id), str(FERRO_TECHNICAL.id)]
    technical = rows[1]
    assert technical["people"] == "Priya Natarajan; Tom Becker"
    assert (technical["company"], technical["role"], technical["round"], technical["kind"]) == (
        "Ferro & Sons, GmbH",
        "Backend Engineer (Go)",
        "2",
        "technical",
    )
    assert (technical["rating"], technical["went_well"], technical["change"]) == (
        "3",
        "Clear on trade-offs",
        "Ask about on-call earlier",
    )
    assert technical["questions"].splitlines()[0] == (
        'Walk me through a system you designed, end to end | 4 | The ingest pipeline; maybe "too much detail"?'
    )
    assert parse_questions(technical["questions"]) == QUESTIONS
    assert technical["notes"] == FERRO_TECHNICAL.notes
    assert datetime.fromisoformat(technical["at"]) == FERRO_TECHNICAL.at
    assert rows[0]["rating"] == "" and rows[0]["questions"] == ""


@pytest.mark.parametrize("table", CSV_TABLES)
def test_an_empty_search_gives_only_the_header(table: str) -> None:
    text = export_csv(EMPTY, table)

    assert text.count("\r\n") == 1 and text.endswith("\r\n")
    assert read_csv(text) == []
    assert text.startswith("id,")


def test_an_unknown_table_names_the_ones_there_are() -> None:
    with pytest.raises(ValueError, match="applications, activities, contacts, interviews"):
        export_csv(SEARCH, "reflections")


free_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)


@given(
    company=free_text.filter(lambda text: text.strip()),
    notes=free_text,
    tags=st.lists(
        st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20).filter(
            lambda tag: ";" not in tag and tag == tag.strip() and tag
        ),
        max_size=4,
    ),
)
def test_any_text_survives_a_spreadsheet_round_trip(company: str, notes: str, tags: list[str]) -> None:
    record = application(company, "Engineer", date(2026, 1, 5), notes=notes, tags=tags)
    [row] = read_csv(export_csv(JobSearch(settings=SETTINGS, applications=(record,))))

    assert (as_written(row["company"]), as_written(row["notes"])) == (company, notes)
    assert (as_written(row["tags"]).split("; ") if row["tags"] else []) == tags


# iCalendar


def ics_events(text: str) -> dict[str, object]:
    """Every VEVENT of the calendar by UID, parsed by the icalendar library."""
    calendar = Calendar.from_ical(text)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def by_summary(text: str) -> dict[str, object]:
    return {str(event["SUMMARY"]): event for event in Calendar.from_ical(text).walk("VEVENT")}


def unfold(text: str) -> list[str]:
    """Content lines as RFC 5545 3.1 defines them: a CRLF followed by one space or tab continues the line."""
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")


def unescape(value: str) -> str:
    """A TEXT value as RFC 5545 3.3.11 escapes it: backslash before \\ ; , and n for a line break."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def test_the_calendar_says_who_wrote_it() -> None:
    calendar = Calendar.from_ical(export_ics(SEARCH, SETTINGS, TODAY, NOW))

    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == f"-//nextyes//nextyes {__version__}//EN"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"
    assert str(calendar["X-WR-CALNAME"]) == "nextyes"


def test_an_interview_at_half_past_nine_in_berlin_is_half_past_eight_utc_in_winter() -> None:
    text = export_ics(SEARCH, SETTINGS, TODAY, NOW)
    event = ics_events(text)[f"interview-{FERRO_TECHNICAL.id.hex}@nextyes"]

    assert event["SUMMARY"] == "Interview: Ferro & Sons, GmbH — Backend Engineer (Go) (round 2, technical)"
    assert event.decoded("DTSTART") == datetime(2026, 1, 22, 8, 30, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 1, 22, 9, 30, tzinfo=UTC)
    assert "DTSTART:20260122T083000Z" in unfold(text)
    description = str(event["DESCRIPTION"])
    assert "Meeting Priya Natarajan and Tom Becker." in description
    assert "starts at 09:30 (Europe/Berlin)" in description
    assert "Bring the whiteboard notes.\nRoom 4.2, ask at reception" in description


def test_summer_time_moves_the_utc_hour() -> None:
    summer = interview(FERRO, datetime(2026, 7, 7, 9, 30, tzinfo=BERLIN), kind=InterviewKind.PANEL)
    search = JobSearch(settings=SETTINGS, applications=(FERRO,), interviews=(summer,))

    event = ics_events(export_ics(search, SETTINGS, TODAY, NOW))[f"interview-{summer.id.hex}@nextyes"]

    assert event.decoded("DTSTART") == datetime(2026, 7, 7, 7, 30, tzinfo=UTC)
    assert str(event["SUMMARY"]).endswith("(round 1, panel)")


def test_past_interviews_stay_in_the_calendar() -> None:
    event = ics_events(export_ics(SEARCH, SETTINGS, TODAY, NOW))[f"interview-{KILN_PHONE.id.hex}@nextyes"]

    assert event["SUMMARY"] == "Interview: Kiln ☕ Studio 🚀 — - (round 1)"
    assert event.decoded("DTSTART") == datetime(2026, 1, 12, 16, 0, tzinfo=UTC)


def test_a_cancelled_interview_is_left_out_of_the_calendar() -> None:
    onsite = interview(KILN, datetime(2026, 1, 23, 14, 0, tzinfo=BERLIN), round=2, kind=InterviewKind.ON_SITE)
    cancelled = onsite.model_copy(update={"cancelled": True})
    booked = JobSearch(settings=SETTINGS, applications=(KILN,), interviews=(KILN_PHONE, onsite))
    called_off = JobSearch(settings=SETTINGS, applications=(KILN,), interviews=(KILN_PHONE, cancelled))

    assert f"interview-{onsite.id.hex}@nextyes" in ics_events(export_ics(booked, SETTINGS, TODAY, NOW))
    events = ics_events(export_ics(called_off, SETTINGS, TODAY, NOW))
    assert f"interview-{onsite.id.hex}@nextyes" not in events
    assert f"interview-{KILN_PHONE.id.hex}@nextyes" in events  # the one held stays, as a record


def test_a_follow_up_falls_on_its_due_day_as_an_all_day_event() -> None:
    text = export_ics(SEARCH, SETTINGS, TODAY, NOW)
    event = ics_events(text)[f"follow-up-{QUILL.id.hex}-1@nextyes"]

    assert event["SUMMARY"] == "Follow up: Quill Labs — Data Engineer"
    assert event.decoded("DTSTART") == date(2026, 1, 12)
    assert not isinstance(event.decoded("DTSTART"), datetime)
    assert event.decoded("DTEND") == date(2026, 1, 13)
    assert "DTSTART;VALUE=DATE:20260112" in unfold(text)
    assert str(event["TRANSP"]) == "TRANSPARENT"  # a reminder does not make you look busy


def test_a_second_follow_up_gets_its_own_uid_and_none_comes_after_the_last() -> None:
    first = activity(ActivityKind.FOLLOW_UP, datetime(2026, 1, 13, 9, 0, tzinfo=BERLIN), linked=QUILL)
    second = activity(ActivityKind.FOLLOW_UP, datetime(2026, 1, 19, 9, 0, tzinfo=BERLIN), linked=QUILL)

    once = ics_events(export_ics(JobSearch(SETTINGS, (QUILL,), (first,)), SETTINGS, TODAY, NOW))
    twice = ics_events(export_ics(JobSearch(SETTINGS, (QUILL,), (first, second)), SETTINGS, TODAY, NOW))

    assert list(once) == [f"follow-up-{QUILL.id.hex}-2@nextyes"]
    assert once[f"follow-up-{QUILL.id.hex}-2@nextyes"]["SUMMARY"] == "Follow up again: Quill Labs — Data Engineer"
    assert once[f"follow-up-{QUILL.id.hex}-2@nextyes"].decoded("DTSTART") == date(2026, 1, 20)
    assert twice == {}


def test_no_follow_up_once_the_silence_is_long_enough_to_call_it_ghosted() -> None:
    later = TODAY + timedelta(days=SETTINGS.ghosted_after_days)  # Quill applied 5 Jan, silent since
    events = ics_events(export_ics(JobSearch(SETTINGS, (QUILL,)), SETTINGS, later, NOW))
    assert not any(uid.startswith("follow-up-") for uid in events)


def test_reminders_set_on_applications_are_in_the_calendar() -> None:
    events = by_summary(export_ics(SEARCH, SETTINGS, TODAY, NOW))

    assert events["Send the take-home: Ferro & Sons, GmbH — Backend Engineer (Go)"].decoded("DTSTART") == date(
        2026, 1, 23
    )
    assert events["Reapply? Kiln ☕ Studio 🚀"].decoded("DTSTART") == date(2026, 7, 15)
    assert str(events["Reapply? Kiln ☕ Studio 🚀"]["UID"]) == f"reapply-{KILN.id.hex}@nextyes"
    # Kiln said no: its old next step is no longer due, and a reply already came, so no follow-up either.
    assert {summary for summary in events if "Kiln" in summary} == {
        "Reapply? Kiln ☕ Studio 🚀",
        "Interview: Kiln ☕ Studio 🚀 — - (round 1)",
        "Reconnect with Sam Okafor (Kiln ☕ Studio 🚀)",
    }
    assert not any(summary.startswith("Follow up") and "Ferro" in summary for summary in events)


def test_contacts_come_up_on_their_reconnect_day() -> None:
    events = by_summary(export_ics(SEARCH, SETTINGS, TODAY, NOW))

    dana = events["Reconnect with Dana Reyes (Quill Labs)"]
    assert dana.decoded("DTSTART") == date(2026, 2, 13)  # tier A: 30 days after the coffee on 14 Jan
    assert str(dana["UID"]) == f"reconnect-{DANA.id.hex}@nextyes"
    assert str(dana["DESCRIPTION"]) == "Last in touch on 2026-01-14. Tier A: every 30 days."
    sam = events["Reconnect with Sam Okafor (Kiln ☕ Studio 🚀)"]
    assert sam.decoded("DTSTART") == date(2026, 4, 15)
    assert str(sam["DESCRIPTION"]) == "The reminder you set for 2026-04-15."


def test_overdue_contacts_are_spread_from_today_a_few_a_day() -> None:
    crowd = [contact(f"Connection {n}", added=date(2025, 6, n + 1)) for n in range(7)]
    later = contact("Ada Later", reconnect_on=date(2026, 1, 21))
    settings = SETTINGS.touched(STAMP, reconnects_per_day=3)
    search = JobSearch(settings=settings, contacts=(*reversed(crowd), later))

    events = Calendar.from_ical(export_ics(search, settings, TODAY, NOW)).walk("VEVENT")
    days = {str(event["SUMMARY"]): event.decoded("DTSTART") for event in events}

    # Most overdue first: the oldest connections today, three a day, then Ada's own day fills up.
    assert days == {
        "Reconnect with Connection 0": TODAY,
        "Reconnect with Connection 1": TODAY,
        "Reconnect with Connection 2": TODAY,
        "Reconnect with Connection 3": date(2026, 1, 21),
        "Reconnect with Connection 4": date(2026, 1, 21),
        "Reconnect with Connection 5": date(2026, 1, 21),
        "Reconnect with Connection 6": date(2026, 1, 22),
        "Reconnect with Ada Later": date(2026, 1, 22),
    }


def test_planned_rest_days_from_today_on() -> None:
    events = [
        e
        for e in Calendar.from_ical(export_ics(SEARCH, SETTINGS, TODAY, NOW)).walk("VEVENT")
        if e["SUMMARY"] == "Rest day"
    ]

    assert [event.decoded("DTSTART") for event in events] == [TODAY, date(2026, 1, 24)]
    assert str(events[1]["DESCRIPTION"]) == "Hiking, phone off"


def test_every_event_has_uid_stamp_start_and_summary() -> None:
    text = export_ics(SEARCH, SETTINGS, TODAY, NOW)
    events = Calendar.from_ical(text).walk("VEVENT")

    assert len(events) == 9
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event)
        assert event.decoded("DTSTAMP") == NOW
    blocks = re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT\r\n", text, re.DOTALL)
    assert len(blocks) == 9
    assert all(f"\r\nDTSTAMP:{NOW_STAMP}\r\n" in f"\r\n{block}" for block in blocks)


def test_uids_are_unique_and_the_same_in_the_next_export() -> None:
    first = export_ics(SEARCH, SETTINGS, TODAY, NOW)
    shuffled = JobSearch(
        settings=SETTINGS,
        applications=SEARCH.applications[::-1],
        activities=SEARCH.activities[::-1],
        interviews=SEARCH.interviews[::-1],
        contacts=SEARCH.contacts[::-1],
        rest_days=SEARCH.rest_days[::-1],
    )
    second = export_ics(shuffled, SETTINGS, TODAY, NOW + timedelta(hours=3))

    uids = [line for line in unfold(first) if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == 9
    assert [line for line in unfold(second) if line.startswith("UID:")] == uids
    assert re.sub(r"DTSTAMP:\w+", "", first) == re.sub(r"DTSTAMP:\w+", "", second)


LONG_STEP = (
    'Call Dana, then Sam; bring C:\\portfolio\\2026 and "the case study" ☕🚀\nAsk about relocation, visa; start'
)


def assert_raw_rules(text: str) -> list[str]:
    """Check RFC 5545's line rules on the text itself, without the library; returns the physical lines."""
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    physical = text.split("\r\n")[:-1]
    assert "\n" not in "".join(physical) and "\r" not in "".join(physical)
    assert max(len(line.encode("utf-8")) for line in physical) <= 75
    content_line = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")
    assert all(line.startswith(" ") or content_line.match(line) for line in physical)
    return physical


def test_the_whole_export_keeps_the_line_rules() -> None:
    physical = assert_raw_rules(export_ics(SEARCH, SETTINGS, TODAY, NOW))

    assert physical.count("BEGIN:VEVENT") == physical.count("END:VEVENT") == 9


def test_raw_lines_are_crlf_folded_at_75_octets_and_escaped() -> None:
    app = application(
        "Kiln ☕ Studio 🚀",
        "Staff Engineer, Data Platform",
        None,
        Stage.SAVED,
        next_step=LONG_STEP,
        next_step_on=date(2026, 1, 26),
    )
    text = export_ics(JobSearch(settings=SETTINGS, applications=(app,)), SETTINGS, TODAY, NOW)

    assert any(line.startswith(" ") for line in assert_raw_rules(text))  # the long summary was folded
    [summary] = [line for line in unfold(text) if line.startswith("SUMMARY:")]
    expected = f"{LONG_STEP}: Kiln ☕ Studio 🚀 — Staff Engineer, Data Platform"
    assert unescape(summary.removeprefix("SUMMARY:")) == expected
    assert "\\;" in summary and "\\," in summary and "\\\\" in summary and "\\n" in summary


def test_an_empty_search_is_a_valid_calendar_with_no_events() -> None:
    text = export_ics(EMPTY, SETTINGS, TODAY, NOW)
    calendar = Calendar.from_ical(text)

    assert calendar.walk("VEVENT") == []
    assert str(calendar["PRODID"]).startswith("-//nextyes//")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
