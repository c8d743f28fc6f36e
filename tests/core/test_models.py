"""The records validate before anything is written, and survive the trip to JSON and back unchanged."""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from tui.core.models import (
    Activity,
    ActivityKind,
    Application,
    ApplicationKind,
    Reflection,
    Settings,
    Stage,
    StageChange,
)

UTC = ZoneInfo("UTC")
NEW_YORK = ZoneInfo("America/New_York")
STAMP = datetime(2026, 3, 15, 14, 30, tzinfo=UTC)
LATER = STAMP + timedelta(hours=3)
STAMPS = {"created_at": STAMP, "updated_at": STAMP}


def an_application(**fields: object) -> Application:
    values: dict[str, object] = {
        "company": "Acme",
        "role": "Backend engineer",
        "kind": ApplicationKind.CONTRACT,
        "source": "referral",
        "url": "https://example.com/jobs/42",
        "applied_on": date(2026, 3, 1),
        "stage": Stage.SCREENING,
        "stage_history": [
            StageChange(stage=Stage.APPLIED, at=STAMP - timedelta(days=14), day=date(2026, 3, 1)),
            StageChange(stage=Stage.SCREENING, at=STAMP, day=date(2026, 3, 15), note="call booked"),
        ],
        "next_step": "phone screen",
        "next_step_on": date(2026, 3, 18),
        "tags": ["python", "remote"],
        **STAMPS,
    }
    values.update(fields)
    return Application.model_validate(values)


def an_activity(**fields: object) -> Activity:
    values: dict[str, object] = {
        "kind": ActivityKind.NETWORK,
        "at": datetime(2026, 3, 15, 5, 30, tzinfo=UTC),
        "timezone": "America/New_York",
        "logical_day": date(2026, 3, 14),
        "note": "coffee with Dana",
        **STAMPS,
    }
    values.update(fields)
    return Activity.model_validate(values)


def every_kind_of_record() -> list[object]:
    return [
        an_application(),
        an_activity(application_id=uuid.uuid4()),
        Reflection(day=date(2026, 3, 15), prompt="What went well?", text="I sent two applications.", **STAMPS),
        Settings(daily_target=3, rollover_hour=5, timezone="Europe/Berlin", **STAMPS),
    ]


# --- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize("model", [Application, Activity, Reflection, Settings])
def test_a_field_we_do_not_know_is_refused(model: type) -> None:
    record = next(r for r in every_kind_of_record() if type(r) is model)
    data = record.model_dump(mode="json")
    data["priority"] = "high"
    with pytest.raises(ValidationError, match="priority"):
        model.model_validate(data)


def test_an_unknown_field_in_a_stage_change_is_refused() -> None:
    with pytest.raises(ValidationError):
        StageChange.model_validate({"stage": "applied", "at": STAMP, "day": "2026-03-15", "by": "me"})


@pytest.mark.parametrize("company", ["", " ", "   \t"])
def test_a_blank_company_is_refused(company: str) -> None:
    with pytest.raises(ValidationError, match="company"):
        an_application(company=company)


@pytest.mark.parametrize("role", ["", "  "])
def test_a_blank_role_is_refused(role: str) -> None:
    with pytest.raises(ValidationError, match="role"):
        an_application(role=role)


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda naive: an_application(created_at=naive), "created_at"),
        (lambda naive: an_application(updated_at=naive), "updated_at"),
        (lambda naive: an_activity(at=naive), "at"),
        (lambda naive: StageChange(stage=Stage.APPLIED, at=naive, day=date(2026, 3, 15)), "at"),
        (lambda naive: Settings(created_at=naive, updated_at=STAMP), "created_at"),
    ],
)
def test_a_timestamp_without_a_utc_offset_is_refused(build, field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        build(datetime(2026, 3, 15, 14, 30))


def test_a_timestamp_string_without_an_offset_is_refused() -> None:
    data = an_activity().model_dump(mode="json")
    data["at"] = "2026-03-15T05:30:00"
    with pytest.raises(ValidationError, match="should have timezone info"):
        Activity.model_validate(data)


@pytest.mark.parametrize(
    "fields",
    [
        {"daily_target": 0},
        {"daily_target": 21},
        {"rollover_hour": -1},
        {"rollover_hour": 13},
        {"follow_up_days": 0},
        {"max_follow_ups": 6},
    ],
)
def test_settings_out_of_range_are_refused(fields: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        Settings(**fields, **STAMPS)


def test_default_settings_follow_the_design() -> None:
    settings = Settings(**STAMPS)
    assert settings.daily_target == 1
    assert settings.rollover_hour == 4
    assert settings.follow_up_days == 7
    assert settings.max_follow_ups == 2
    assert settings.ghosted_after_days == 30


def test_an_unknown_stage_or_activity_kind_is_refused() -> None:
    with pytest.raises(ValidationError):
        an_application(stage="hired")
    with pytest.raises(ValidationError):
        an_activity(kind="nap")


def test_an_empty_reflection_is_refused() -> None:
    with pytest.raises(ValidationError):
        Reflection(day=date(2026, 3, 15), prompt="What went well?", text="", **STAMPS)


def test_records_cannot_be_changed_in_place() -> None:
    application = an_application()
    with pytest.raises(ValidationError):
        application.company = "Globex"


def test_every_record_gets_its_own_id_and_a_short_id_to_type() -> None:
    first, second = an_application(), an_application()
    assert first.id != second.id
    assert len(first.short_id) == 8
    assert first.id.hex.startswith(first.short_id)


# --- JSON round trip --------------------------------------------------------------------------


@pytest.mark.parametrize("record", every_kind_of_record(), ids=lambda r: type(r).__name__)
def test_json_round_trip_gives_an_equal_record(record) -> None:
    on_disk = json.loads(json.dumps(record.model_dump(mode="json")))
    assert type(record).model_validate(on_disk) == record


def test_dates_and_timestamps_are_iso_strings_on_disk() -> None:
    application = an_application()
    data = application.model_dump(mode="json")
    assert data["applied_on"] == "2026-03-01"
    assert data["next_step_on"] == "2026-03-18"
    assert data["stage_history"][0]["day"] == "2026-03-01"
    assert datetime.fromisoformat(data["created_at"]) == STAMP
    assert data["stage"] == "screening"
    assert data["kind"] == "contract"
    assert data["id"] == str(application.id)

    activity = an_activity().model_dump(mode="json")
    assert activity["logical_day"] == "2026-03-14"
    assert activity["kind"] == "network"


def test_a_timestamp_in_another_zone_keeps_its_instant_through_json() -> None:
    local = datetime(2026, 3, 14, 23, 30, tzinfo=NEW_YORK)
    activity = an_activity(at=local)
    restored = Activity.model_validate(json.loads(json.dumps(activity.model_dump(mode="json"))))
    assert restored.at == local
    assert restored.at.utcoffset() == timedelta(hours=-4)


@given(
    company=st.text(min_size=1, max_size=200).filter(str.strip),
    role=st.text(min_size=1, max_size=200).filter(str.strip),
    applied_on=st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))),
    stage=st.sampled_from(Stage),
    tags=st.lists(st.text(min_size=1, max_size=60), max_size=5),
    at=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)),
)
def test_any_valid_application_survives_json(
    company: str, role: str, applied_on: date | None, stage: Stage, tags: list[str], at: datetime
) -> None:
    application = Application(
        company=company, role=role, applied_on=applied_on, stage=stage, tags=tags, created_at=at, updated_at=at
    )
    on_disk = json.loads(json.dumps(application.model_dump(mode="json")))
    assert Application.model_validate(on_disk) == application


# --- touched ----------------------------------------------------------------------------------


def test_touched_applies_the_changes_and_bumps_updated_at() -> None:
    application = an_application()
    moved = application.touched(LATER, stage=Stage.INTERVIEWING, next_step="panel interview")
    assert moved.stage is Stage.INTERVIEWING
    assert moved.next_step == "panel interview"
    assert moved.updated_at == LATER
    assert moved.created_at == application.created_at
    assert moved.id == application.id
    assert moved.stage_history == application.stage_history
    # the original is untouched
    assert application.stage is Stage.SCREENING
    assert application.updated_at == STAMP


def test_touched_validates_the_changes() -> None:
    application = an_application()
    with pytest.raises(ValidationError):
        application.touched(LATER, company="  ")
    with pytest.raises(ValidationError):
        application.touched(LATER, stage="hired")
    with pytest.raises(ValidationError):
        application.touched(LATER, colour="blue")


def test_touched_refuses_a_naive_time() -> None:
    with pytest.raises(ValidationError):
        an_application().touched(datetime(2026, 3, 15, 18, 0))


def test_touched_keeps_the_record_type() -> None:
    reflection = Reflection(day=date(2026, 3, 15), prompt="What went well?", text="draft", **STAMPS)
    rewritten = reflection.touched(LATER, text="I sent two applications.")
    assert isinstance(rewritten, Reflection)
    assert rewritten.text == "I sent two applications."
    assert rewritten.updated_at == LATER


def test_records_read_whole_share_one_set_of_given_fields_and_a_copy_keeps_its_own() -> None:
    """Five years of records hold 30 MB less with one shared set; no copy or partial record may change it."""
    first, second = (Activity.model_validate_json(an_activity().model_dump_json()) for _ in range(2))
    assert first.model_fields_set is second.model_fields_set == set(Activity.model_fields)
    copied = first.model_copy(update={"note": "followed up"})
    assert copied.note == "followed up"
    assert second.model_fields_set == set(Activity.model_fields)
    partial = Activity.model_validate(an_activity().model_dump(exclude={"note", "contact_id"}))
    assert partial.model_fields_set == set(Activity.model_fields) - {"note", "contact_id"}
    assert "note" not in partial.model_dump(exclude_unset=True)
    assert first.model_dump(exclude_unset=True) == first.model_dump()
