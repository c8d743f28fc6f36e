"""Today's actions and the pending-applications table: follow-ups, the daily target, the reflection."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.actions import Action, ActionKind, open_actions, todays_actions
from tui.core.models import Activity, ActivityKind, Application, Reflection, Settings, Stage, StageChange
from tui.core.pipeline import FollowUp, describe_due, last_touch, next_follow_up, pending_rows
from tui.core.search import JobSearch

UTC = ZoneInfo("UTC")
TODAY = date(2026, 3, 15)
STAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
SETTINGS = Settings(created_at=STAMP, updated_at=STAMP)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def application(
    company: str = "Acme",
    applied_on: date | None = date(2026, 3, 1),
    stage: Stage = Stage.APPLIED,
    **fields: object,
) -> Application:
    history = [StageChange(stage=Stage.APPLIED, at=noon(applied_on), day=applied_on)] if applied_on else []
    values: dict[str, object] = {
        "company": company,
        "role": "Engineer",
        "applied_on": applied_on,
        "stage": stage,
        "stage_history": history,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    values.update(fields)
    return Application.model_validate(values)


def activity(kind: ActivityKind, day: date, linked: Application | None = None) -> Activity:
    return Activity(
        kind=kind,
        at=noon(day),
        timezone="UTC",
        logical_day=day,
        application_id=linked.id if linked else None,
        created_at=noon(day),
        updated_at=noon(day),
    )


def reflection(day: date) -> Reflection:
    return Reflection(day=day, prompt="What went well?", text="Two applications out.", created_at=noon(day),
                      updated_at=noon(day))


def search_of(*records: Application | Activity | Reflection, settings: Settings = SETTINGS) -> JobSearch:
    return JobSearch(
        settings=settings,
        applications=tuple(r for r in records if isinstance(r, Application)),
        activities=tuple(r for r in records if isinstance(r, Activity)),
        reflections=tuple(r for r in records if isinstance(r, Reflection)),
    )


def follow_up_actions(search: JobSearch, today: date, settings: Settings = SETTINGS) -> list[Action]:
    return [a for a in todays_actions(search, settings, today) if a.kind is ActionKind.FOLLOW_UP]


APPLIED = date(2026, 3, 1)


# --- follow-ups -------------------------------------------------------------------------------


def test_the_first_follow_up_falls_due_seven_days_after_applying() -> None:
    acme = application(applied_on=APPLIED)
    search = search_of(acme)
    assert next_follow_up(search, acme, SETTINGS) == FollowUp(due_on=APPLIED + timedelta(days=7), number=1,
                                                              anchor=APPLIED)


def test_no_follow_up_is_asked_for_before_it_is_due() -> None:
    search = search_of(application(applied_on=APPLIED))
    for waited in range(7):
        assert follow_up_actions(search, APPLIED + timedelta(days=waited)) == []


def test_the_follow_up_shows_on_the_day_it_is_due() -> None:
    acme = application(applied_on=APPLIED)
    [action] = follow_up_actions(search_of(acme), APPLIED + timedelta(days=7))
    assert action.application_id == acme.id
    assert "Acme" in action.title and "Engineer" in action.title
    assert action.why == "applied 7 days ago, no reply yet"
    assert action.logs is ActivityKind.FOLLOW_UP
    assert not action.done


def test_an_overdue_follow_up_stays_until_it_is_done() -> None:
    [action] = follow_up_actions(search_of(application(applied_on=APPLIED)), APPLIED + timedelta(days=12))
    assert action.why == "applied 12 days ago, no reply yet"


def test_a_logged_follow_up_resets_the_clock_for_the_second() -> None:
    acme = application(applied_on=APPLIED)
    followed_up = APPLIED + timedelta(days=8)
    search = search_of(acme, activity(ActivityKind.FOLLOW_UP, followed_up, acme))

    assert next_follow_up(search, acme, SETTINGS) == FollowUp(
        due_on=followed_up + timedelta(days=7), number=2, anchor=followed_up
    )
    assert follow_up_actions(search, followed_up) == []
    assert follow_up_actions(search, followed_up + timedelta(days=6)) == []
    [second] = follow_up_actions(search, followed_up + timedelta(days=7))
    assert second.title.startswith("Follow up again")
    assert second.why == "last followed up 7 days ago, no reply yet"
    assert second.key != follow_up_actions(search_of(acme), followed_up)[0].key


def test_no_third_follow_up_after_two() -> None:
    acme = application(applied_on=APPLIED)
    search = search_of(
        acme,
        activity(ActivityKind.FOLLOW_UP, APPLIED + timedelta(days=7), acme),
        activity(ActivityKind.FOLLOW_UP, APPLIED + timedelta(days=14), acme),
    )
    assert next_follow_up(search, acme, SETTINGS) is None
    for later in (21, 28, 100):
        assert follow_up_actions(search, APPLIED + timedelta(days=later)) == []


def test_an_application_that_got_a_reply_owes_no_follow_up() -> None:
    acme = application(applied_on=APPLIED, stage=Stage.SCREENING)
    search = search_of(acme)
    assert next_follow_up(search, acme, SETTINGS) is None
    assert follow_up_actions(search, APPLIED + timedelta(days=30)) == []


@pytest.mark.parametrize("stage", [s for s in Stage if s is not Stage.APPLIED])
def test_only_an_unanswered_application_owes_a_follow_up(stage: Stage) -> None:
    acme = application(applied_on=APPLIED, stage=stage)
    assert next_follow_up(search_of(acme), acme, SETTINGS) is None


def test_a_follow_up_for_another_application_does_not_reset_this_one() -> None:
    acme, globex = application("Acme"), application("Globex")
    search = search_of(acme, globex, activity(ActivityKind.FOLLOW_UP, APPLIED + timedelta(days=7), globex))
    [action] = follow_up_actions(search, APPLIED + timedelta(days=7))
    assert action.application_id == acme.id


def test_other_activities_on_the_application_are_not_follow_ups() -> None:
    acme = application(applied_on=APPLIED)
    search = search_of(
        acme,
        activity(ActivityKind.PREP, APPLIED + timedelta(days=3), acme),
        activity(ActivityKind.FOLLOW_UP, APPLIED + timedelta(days=3)),  # not linked to anything
    )
    assert next_follow_up(search, acme, SETTINGS) == FollowUp(APPLIED + timedelta(days=7), 1, APPLIED)


def test_the_follow_up_interval_comes_from_the_settings() -> None:
    settings = Settings(follow_up_days=3, max_follow_ups=1, created_at=STAMP, updated_at=STAMP)
    acme = application(applied_on=APPLIED)
    search = search_of(acme, settings=settings)
    assert follow_up_actions(search, APPLIED + timedelta(days=2), settings) == []
    assert len(follow_up_actions(search, APPLIED + timedelta(days=3), settings)) == 1
    sent = search_of(acme, activity(ActivityKind.FOLLOW_UP, APPLIED + timedelta(days=3), acme), settings=settings)
    assert next_follow_up(sent, acme, settings) is None


def test_no_follow_ups_at_all_when_the_user_wants_none() -> None:
    settings = Settings(max_follow_ups=0, created_at=STAMP, updated_at=STAMP)
    acme = application(applied_on=APPLIED)
    assert next_follow_up(search_of(acme, settings=settings), acme, settings) is None


def test_most_overdue_follow_ups_come_first() -> None:
    late = application("Zeta", applied_on=APPLIED - timedelta(days=5))
    due_today = application("Alpha", applied_on=TODAY - timedelta(days=7))
    actions = follow_up_actions(search_of(due_today, late), TODAY)
    assert [a.application_id for a in actions] == [late.id, due_today.id]


# --- the daily target and the reflection -------------------------------------------------------


def test_the_daily_target_shows_progress_until_reached() -> None:
    actions = todays_actions(search_of(), SETTINGS, TODAY)
    [target] = [a for a in actions if a.kind is ActionKind.DAILY_TARGET]
    assert "0 of 1" in target.title
    assert not target.done


def test_an_activity_today_meets_the_daily_target() -> None:
    search = search_of(activity(ActivityKind.NETWORK, TODAY))
    [target] = [a for a in todays_actions(search, SETTINGS, TODAY) if a.kind is ActionKind.DAILY_TARGET]
    assert target.done
    assert "1 of 1" in target.title


def test_yesterdays_activity_does_not_count_for_today() -> None:
    search = search_of(activity(ActivityKind.NETWORK, TODAY - timedelta(days=1)))
    [target] = [a for a in todays_actions(search, SETTINGS, TODAY) if a.kind is ActionKind.DAILY_TARGET]
    assert not target.done
    assert "0 of 1" in target.title


def test_a_higher_target_adds_up_the_points_of_every_activity_today() -> None:
    settings = Settings(daily_target=3, created_at=STAMP, updated_at=STAMP)
    search = search_of(activity(ActivityKind.APPLY, TODAY), activity(ActivityKind.LEARN, TODAY), settings=settings)
    [target] = [a for a in todays_actions(search, settings, TODAY) if a.kind is ActionKind.DAILY_TARGET]
    assert "1.5 of 3 points" in target.title  # an application is worth 1, learning 0.5
    assert not target.done


def test_the_reflection_stays_open_until_todays_is_written() -> None:
    def reflection_action(search: JobSearch) -> Action:
        [action] = [a for a in todays_actions(search, SETTINGS, TODAY) if a.kind is ActionKind.REFLECTION]
        return action

    assert not reflection_action(search_of()).done
    assert not reflection_action(search_of(reflection(TODAY - timedelta(days=1)))).done
    written = reflection_action(search_of(reflection(TODAY)))
    assert written.done
    assert written.logs is None


def test_todays_actions_are_never_empty_and_run_follow_ups_target_reflection() -> None:
    acme = application(applied_on=TODAY - timedelta(days=9))
    actions = todays_actions(search_of(acme), SETTINGS, TODAY)
    assert [a.kind for a in actions] == [ActionKind.FOLLOW_UP, ActionKind.DAILY_TARGET, ActionKind.REFLECTION]
    assert todays_actions(search_of(), SETTINGS, TODAY)


def test_open_actions_leaves_out_what_is_done() -> None:
    search = search_of(activity(ActivityKind.APPLY, TODAY), reflection(TODAY))
    assert open_actions(todays_actions(search, SETTINGS, TODAY)) == []
    assert len(open_actions(todays_actions(search_of(), SETTINGS, TODAY))) == 2


def test_action_keys_are_stable_across_calls() -> None:
    search = search_of(application(applied_on=TODAY - timedelta(days=7)))
    first = [a.key for a in todays_actions(search, SETTINGS, TODAY)]
    assert first == [a.key for a in todays_actions(search, SETTINGS, TODAY)]
    assert len(set(first)) == len(first)


# --- pending applications ---------------------------------------------------------------------


@pytest.mark.parametrize("stage", [Stage.SAVED, Stage.REJECTED, Stage.ACCEPTED, Stage.WITHDRAWN, Stage.GHOSTED])
def test_closed_and_unsent_applications_are_not_pending(stage: Stage) -> None:
    assert pending_rows(search_of(application(stage=stage)), SETTINGS, TODAY) == []


@pytest.mark.parametrize("stage", [Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEWING, Stage.OFFER])
def test_applications_waiting_on_someone_are_pending(stage: Stage) -> None:
    [row] = pending_rows(search_of(application(stage=stage)), SETTINGS, TODAY)
    assert row.application.stage is stage


def test_pending_rows_put_the_most_urgent_first() -> None:
    overdue = application("Overdue", applied_on=TODAY - timedelta(days=10))  # follow-up due 3 days ago
    upcoming = application("Upcoming", applied_on=TODAY - timedelta(days=2))  # follow-up in 5 days
    interview = application(
        "Interview", applied_on=TODAY - timedelta(days=20), stage=Stage.INTERVIEWING,
        next_step="panel interview", next_step_on=TODAY + timedelta(days=1),
    )
    stale = application("Stale", applied_on=TODAY - timedelta(days=40), stage=Stage.SCREENING)
    fresh = application("Fresh", applied_on=TODAY - timedelta(days=4), stage=Stage.SCREENING)
    rejected = application("Rejected", applied_on=TODAY - timedelta(days=10), stage=Stage.REJECTED)

    rows = pending_rows(search_of(fresh, rejected, stale, upcoming, interview, overdue), SETTINGS, TODAY)

    assert [r.application.company for r in rows] == ["Overdue", "Interview", "Upcoming", "Stale", "Fresh"]
    by_company = {r.application.company: r for r in rows}
    assert by_company["Overdue"].next_step == "follow up 3 days late"
    assert by_company["Overdue"].next_due == TODAY - timedelta(days=3)
    assert by_company["Interview"].next_step == "panel interview tomorrow"
    assert by_company["Upcoming"].next_step == "follow up in 5 days"
    assert by_company["Stale"].next_due is None
    assert by_company["Stale"].days_since_touch == 40
    assert by_company["Fresh"].days_since_touch == 4


def test_days_since_touch_counts_from_the_latest_thing_that_happened() -> None:
    acme = application(applied_on=TODAY - timedelta(days=20))
    search = search_of(acme, activity(ActivityKind.PREP, TODAY - timedelta(days=2), acme))
    assert last_touch(search, acme) == TODAY - timedelta(days=2)
    [row] = pending_rows(search, SETTINGS, TODAY)
    assert row.days_since_touch == 2


def test_an_application_with_both_follow_ups_sent_waits_for_a_reply() -> None:
    acme = application(applied_on=TODAY - timedelta(days=20))
    search = search_of(
        acme,
        activity(ActivityKind.FOLLOW_UP, TODAY - timedelta(days=13), acme),
        activity(ActivityKind.FOLLOW_UP, TODAY - timedelta(days=6), acme),
    )
    [row] = pending_rows(search, SETTINGS, TODAY)
    assert row.next_step == "wait for a reply"
    assert row.next_due is None


def test_the_second_follow_up_is_labelled_in_the_table() -> None:
    acme = application(applied_on=TODAY - timedelta(days=20))
    search = search_of(acme, activity(ActivityKind.FOLLOW_UP, TODAY - timedelta(days=5), acme))
    [row] = pending_rows(search, SETTINGS, TODAY)
    assert row.next_step == "follow-up #2 in 2 days"


@pytest.mark.parametrize(
    ("offset", "wording"),
    [(0, "today"), (1, "tomorrow"), (2, "in 2 days"), (30, "in 30 days"), (-1, "1 day late"), (-5, "5 days late")],
)
def test_describe_due(offset: int, wording: str) -> None:
    assert describe_due(TODAY + timedelta(days=offset), TODAY) == wording


# --- properties -------------------------------------------------------------------------------


@given(
    applied_offset=st.integers(0, 60),
    follow_up_offsets=st.lists(st.integers(0, 60), max_size=4),
    follow_up_days=st.integers(1, 30),
    max_follow_ups=st.integers(0, 5),
)
def test_a_follow_up_is_never_asked_for_sooner_than_the_interval(
    applied_offset: int, follow_up_offsets: list[int], follow_up_days: int, max_follow_ups: int
) -> None:
    settings = Settings(
        follow_up_days=follow_up_days, max_follow_ups=max_follow_ups, created_at=STAMP, updated_at=STAMP
    )
    applied = TODAY - timedelta(days=applied_offset)
    acme = application(applied_on=applied)
    sent = [applied + timedelta(days=o) for o in follow_up_offsets if applied + timedelta(days=o) <= TODAY]
    search = search_of(acme, *(activity(ActivityKind.FOLLOW_UP, day, acme) for day in sent), settings=settings)

    actions = follow_up_actions(search, TODAY, settings)
    latest = max([applied, *sent])
    if actions:
        assert (TODAY - latest).days >= follow_up_days
        assert len(sent) < max_follow_ups
        assert len(actions) == 1
    else:
        assert (TODAY - latest).days < follow_up_days or len(sent) >= max_follow_ups


@given(
    offsets=st.lists(
        st.tuples(st.integers(0, 60), st.sampled_from(Stage), st.one_of(st.none(), st.integers(-10, 10))),
        max_size=8,
    )
)
def test_pending_rows_are_sorted_by_due_day_with_undated_last(
    offsets: list[tuple[int, Stage, int | None]],
) -> None:
    applications = [
        application(
            f"Company {i}", applied_on=TODAY - timedelta(days=applied), stage=stage,
            next_step_on=None if step is None else TODAY + timedelta(days=step),
        )
        for i, (applied, stage, step) in enumerate(offsets)
    ]
    rows = pending_rows(search_of(*applications), SETTINGS, TODAY)
    assert {r.application.id for r in rows} == {a.id for a in applications if a.stage.is_pending}
    dues = [r.next_due or date.max for r in rows]
    assert dues == sorted(dues)
    for earlier, later in zip(rows, rows[1:], strict=False):
        if earlier.next_due == later.next_due:
            assert earlier.days_since_touch >= later.days_since_touch


@pytest.mark.parametrize(
    ("stage", "step"),
    [
        (Stage.SCREENING, "prepare for the next call"),
        (Stage.INTERVIEWING, "prepare for the next round"),
        (Stage.OFFER, "weigh the offer"),
    ],
)
def test_a_pending_row_never_reads_blank(stage: Stage, step: str) -> None:
    [row] = pending_rows(search_of(application("Acme", stage=stage)), SETTINGS, TODAY)
    assert row.next_step == step
