"""The quick `log` writes an activity's document without the models: it must be the document the model writes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.documents import activity_document, fits, logged_summary, moment_text
from tui.core.models import Activity, ActivityKind
from tui.store.transaction import dump

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))
moments = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    st.one_of(offsets, st.sampled_from([ZoneInfo("UTC"), ZoneInfo("Europe/London"), ZoneInfo("Asia/Kolkata")])),
)
notes = st.text(max_size=2100)


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(list(ActivityKind)),
    note=notes,
    stamp=moments,
    zone=st.sampled_from(["UTC", "Europe/Berlin", "America/St_Johns", "Etc/GMT+12"]),
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
)
def test_the_document_is_the_one_the_model_writes(
    kind: ActivityKind, note: str, stamp: datetime, zone: str, day: date
) -> None:
    if not fits(note, stamp, zone):
        return
    document = activity_document(kind, note, stamp, zone, day)

    as_the_model_writes = dump(
        Activity(
            id=document["id"],
            kind=kind,
            at=stamp.astimezone(ZoneInfo("UTC")),
            timezone=zone,
            logical_day=day,
            note=note.strip(),
            created_at=stamp,
            updated_at=stamp,
        )
    )

    assert document == as_the_model_writes
    assert list(document) == list(as_the_model_writes)  # the same bytes in the journal, key for key


def test_a_moment_is_written_as_pydantic_writes_it() -> None:
    assert moment_text(datetime(2026, 3, 15, 9, 30, tzinfo=ZoneInfo("UTC"))) == "2026-03-15T09:30:00Z"
    assert moment_text(datetime(2026, 3, 15, 9, 30, 0, 120, tzinfo=ZoneInfo("Asia/Kolkata"))) == (
        "2026-03-15T09:30:00.000120+05:30"
    )


def test_what_the_quick_writer_leaves_to_the_model() -> None:
    stamp = datetime(2026, 3, 15, 9, 30, tzinfo=ZoneInfo("UTC"))
    assert fits("a short note", stamp, "UTC")
    assert not fits("x" * 2001, stamp, "UTC")  # the model says what is too long
    assert not fits("", stamp.replace(tzinfo=timezone(timedelta(seconds=3661))), "UTC")  # pydantic drops seconds
    assert not fits("", stamp, "")


def test_the_history_says_what_was_logged_in_a_few_words() -> None:
    assert logged_summary(ActivityKind.LEARN, "  SQL\n window   functions ") == "logged learn: SQL window functions"
    assert logged_summary(ActivityKind.APPLY, "   ") == "logged apply"
    assert logged_summary(ActivityKind.NETWORK, "w" * 100) == "logged network: " + "w" * 60
