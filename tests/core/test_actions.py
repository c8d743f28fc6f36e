"""Today's actions and the pending-applications table: what is suggested, when, in what order, how marks hide it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.actions import (
    Action,
    ActionKind,
    describe_points,
    describe_what_completes,
    next_action_change,
    next_step,
    open_actions,
    pending_rows,
    reconnect_due,
    todays_actions,
)
from tui.core.drafts import DraftKind
from tui.core.models import (
    ActionMark,
    Activity,
    ActivityKind,
    Application,
    Contact,
    Interview,
    InterviewKind,
    LearningGoal,
    Mark,
    Reflection,
    Settings,
    Stage,
    StageChange,
    Tier,
)
from tui.core.pipeline import FollowUp, describe_due, last_touch, next_follow_up
from tui.core.search import JobSearch

UTC = ZoneInfo("UTC")
TODAY = date(2026, 3, 15)
STAMP = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
SETTINGS = Settings(created_at=STAMP, updated_at=STAMP)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """An instant on `day`, in UTC: the present moment for rules that depend on the hour."""
    return datetime.combine(day, time(hour, minute), UTC)


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


def activity(
    kind: ActivityKind, day: date, linked: Application | None = None, contact: Contact | None = None
) -> Activity:
    return Activity(
        kind=kind,
        at=noon(day),
        timezone="UTC",
        logical_day=day,
        application_id=linked.id if linked else None,
        contact_id=contact.id if contact else None,
        created_at=noon(day),
        updated_at=noon(day),
    )


def moved(app: Application, stage: Stage, day: date) -> Application:
    """The application after a move to `stage` on `day`."""
    change = StageChange(stage=stage, at=noon(day), day=day)
    return app.touched(noon(day), stage=stage, stage_history=[*app.stage_history, change])


def interview(
    app: Application,
    day: date,
    hour: int = 14,
    zone: str = "UTC",
    people: tuple[str, ...] = (),
    kind: InterviewKind = InterviewKind.TECHNICAL,
    round: int = 1,
) -> Interview:
    """An interview at `hour` o'clock on `day`, on the clock of `zone`."""
    at = datetime.combine(day, time(hour), ZoneInfo(zone))
    return Interview(
        application_id=app.id,
        at=at,
        timezone=zone,
        day=day,
        kind=kind,
        people=list(people),
        round=round,
        created_at=STAMP,
        updated_at=STAMP,
    )


def contact(name: str = "Dana Reyes", added: date = date(2025, 6, 1), **fields: object) -> Contact:
    stamp = noon(added)
    return Contact.model_validate({"name": name, "created_at": stamp, "updated_at": stamp, **fields})


def goal(
    text: str = "SQL window functions", source: str = "", added: datetime = STAMP, **fields: object
) -> LearningGoal:
    values = {"text": text, "source": source, "created_at": added, "updated_at": added}
    return LearningGoal.model_validate({**values, **fields})


def mark(key: str, kind: Mark, day: date, until: date | None = None, minute: int = 0) -> ActionMark:
    at = noon(day) + timedelta(minutes=minute)
    return ActionMark(key=key, mark=kind, day=day, until=until, created_at=at, updated_at=at)


def reflection(day: date) -> Reflection:
    return Reflection(
        day=day, prompt="What went well?", text="Two applications out.", created_at=noon(day), updated_at=noon(day)
    )


Record = Application | Activity | Reflection | Interview | Contact | LearningGoal | ActionMark


def search_of(*records: Record, settings: Settings = SETTINGS) -> JobSearch:
    return JobSearch(
        settings=settings,
        applications=tuple(r for r in records if isinstance(r, Application)),
        activities=tuple(r for r in records if isinstance(r, Activity)),
        reflections=tuple(r for r in records if isinstance(r, Reflection)),
        interviews=tuple(r for r in records if isinstance(r, Interview)),
        contacts=tuple(r for r in records if isinstance(r, Contact)),
        learning_goals=tuple(r for r in records if isinstance(r, LearningGoal)),
        action_marks=tuple(r for r in records if isinstance(r, ActionMark)),
    )


def actions_of(kind: ActionKind, search: JobSearch, today: date, settings: Settings = SETTINGS) -> list[Action]:
    return [a for a in todays_actions(search, settings, today) if a.kind is kind]


def with_settings(**changes: object) -> Settings:
    return Settings(created_at=STAMP, updated_at=STAMP, **changes)


def follow_up_actions(search: JobSearch, today: date, settings: Settings = SETTINGS) -> list[Action]:
    return actions_of(ActionKind.FOLLOW_UP, search, today, settings)


APPLIED = date(2026, 3, 1)


# --- follow-ups -------------------------------------------------------------------------------


def test_the_first_follow_up_falls_due_seven_days_after_applying() -> None:
    acme = application(applied_on=APPLIED)
    search = search_of(acme)
    assert next_follow_up(search, acme, SETTINGS) == FollowUp(
        due_on=APPLIED + timedelta(days=7), number=1, anchor=APPLIED
    )


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
    assert action.draft is DraftKind.FOLLOW_UP
    assert action.key == f"follow-up:{acme.id.hex}:1"
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
    assert target.title == "Today's target reached: 1 point (target 1)"


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
    assert row.stage is stage


def test_pending_rows_put_the_most_urgent_first() -> None:
    overdue = application("Overdue", applied_on=TODAY - timedelta(days=10))  # follow-up due 3 days ago
    upcoming = application("Upcoming", applied_on=TODAY - timedelta(days=2))  # follow-up in 5 days
    interview = application(
        "Interview",
        applied_on=TODAY - timedelta(days=20),
        stage=Stage.INTERVIEWING,
        next_step="panel interview",
        next_step_on=TODAY + timedelta(days=1),
    )
    stale = application("Stale", applied_on=TODAY - timedelta(days=40), stage=Stage.SCREENING)
    fresh = application("Fresh", applied_on=TODAY - timedelta(days=4), stage=Stage.SCREENING)
    rejected = application("Rejected", applied_on=TODAY - timedelta(days=10), stage=Stage.REJECTED)

    rows = pending_rows(search_of(fresh, rejected, stale, upcoming, interview, overdue), SETTINGS, TODAY)

    assert [r.company for r in rows] == ["Overdue", "Interview", "Upcoming", "Stale", "Fresh"]
    by_company = {r.company: r for r in rows}
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
    silent = (TODAY - latest).days
    if actions:
        assert follow_up_days <= silent < settings.ghosted_after_days
        assert len(sent) < max_follow_ups
        assert len(actions) == 1
    else:
        assert silent < follow_up_days or len(sent) >= max_follow_ups or silent >= settings.ghosted_after_days


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
            f"Company {i}",
            applied_on=TODAY - timedelta(days=applied),
            stage=stage,
            next_step_on=None if step is None else TODAY + timedelta(days=step),
        )
        for i, (applied, stage, step) in enumerate(offsets)
    ]
    rows = pending_rows(search_of(*applications), SETTINGS, TODAY)
    assert {r.application_id for r in rows} == {a.id for a in applications if a.stage.is_pending}
    dues = [r.next_due or date.max for r in rows]
    assert dues == sorted(dues)
    for earlier, later in pairwise(rows):
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


# --- feedback after a no ----------------------------------------------------------------------

SAID_NO = date(2026, 3, 10)


def turned_down(company: str = "Quill Labs", on: date = SAID_NO, **fields: object) -> Application:
    return moved(
        application(company, applied_on=on - timedelta(days=20), role="Data Engineer", **fields), Stage.REJECTED, on
    )


@pytest.mark.parametrize("offset", [0, 1, 2])
def test_asking_for_feedback_is_suggested_for_two_days_after_a_no(offset: int) -> None:
    quill = turned_down()
    [action] = actions_of(ActionKind.FEEDBACK, search_of(quill), SAID_NO + timedelta(days=offset))
    assert action.title == "Ask Quill Labs for feedback (Data Engineer)"
    assert action.why.startswith("they said no " + ["today", "yesterday", "2 days ago"][offset])
    assert action.key == f"feedback:{quill.id.hex}"
    assert action.application_id == quill.id
    assert action.logs is ActivityKind.FOLLOW_UP
    assert action.draft is DraftKind.FEEDBACK


@pytest.mark.parametrize("offset", [-1, 3, 30])
def test_no_feedback_request_before_the_no_or_once_the_moment_has_passed(offset: int) -> None:
    assert actions_of(ActionKind.FEEDBACK, search_of(turned_down()), SAID_NO + timedelta(days=offset)) == []


def test_the_feedback_window_comes_from_the_settings() -> None:
    settings = with_settings(feedback_days=0)
    search = search_of(turned_down(), settings=settings)
    assert len(actions_of(ActionKind.FEEDBACK, search, SAID_NO, settings)) == 1
    assert actions_of(ActionKind.FEEDBACK, search, SAID_NO + timedelta(days=1), settings) == []


def test_no_feedback_request_once_their_feedback_is_recorded() -> None:
    answered = turned_down(feedback="More Kubernetes experience would have helped.")
    assert actions_of(ActionKind.FEEDBACK, search_of(answered), SAID_NO) == []


def test_no_feedback_request_when_the_application_was_reopened_after_the_no() -> None:
    reopened = moved(turned_down(), Stage.INTERVIEWING, SAID_NO + timedelta(days=1))
    assert actions_of(ActionKind.FEEDBACK, search_of(reopened), SAID_NO + timedelta(days=1)) == []


# --- thank-you notes and interview prep -------------------------------------------------------

INTERVIEW_DAY = date(2026, 3, 12)


@pytest.mark.parametrize("offset", [0, 1])
def test_a_thank_you_is_suggested_on_the_interview_day_and_the_day_after(offset: int) -> None:
    quill = application("Quill Labs")
    talk = interview(quill, INTERVIEW_DAY, people=("Dana", "Sam"), kind=InterviewKind.ON_SITE)
    [action] = actions_of(ActionKind.THANK_YOU, search_of(quill, talk), INTERVIEW_DAY + timedelta(days=offset))
    assert action.title == "Send a thank-you note to Dana and Sam at Quill Labs"
    assert action.why.startswith("on-site interview for Engineer " + ["today", "yesterday"][offset])
    assert action.key == f"thank-you:{talk.id.hex}"
    assert (action.application_id, action.interview_id) == (quill.id, talk.id)
    assert action.logs is ActivityKind.FOLLOW_UP
    assert action.draft is DraftKind.THANK_YOU


@pytest.mark.parametrize("offset", [-3, -1, 2, 10])
def test_no_thank_you_before_the_interview_or_once_it_is_late(offset: int) -> None:
    quill = application("Quill Labs")
    search = search_of(quill, interview(quill, INTERVIEW_DAY))
    assert actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY + timedelta(days=offset)) == []


def test_a_thank_you_without_names_is_addressed_to_the_company() -> None:
    quill = application("Quill Labs")
    [action] = actions_of(ActionKind.THANK_YOU, search_of(quill, interview(quill, INTERVIEW_DAY)), INTERVIEW_DAY)
    assert action.title == "Send a thank-you note to Quill Labs"


@pytest.mark.parametrize("ended", [Stage.REJECTED, Stage.WITHDRAWN, Stage.ACCEPTED])
def test_an_application_that_has_ended_asks_for_no_thank_you_or_prep(ended: Stage) -> None:
    quill = moved(application("Quill Labs"), ended, INTERVIEW_DAY)
    search = search_of(quill, interview(quill, INTERVIEW_DAY))
    for kind in (ActionKind.THANK_YOU, ActionKind.PREP):
        assert actions_of(kind, search, INTERVIEW_DAY) == []


def test_the_thank_you_window_comes_from_the_settings() -> None:
    settings = with_settings(thank_you_days=3)
    quill = application("Quill Labs")
    search = search_of(quill, interview(quill, INTERVIEW_DAY), settings=settings)
    assert len(actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY + timedelta(days=3), settings)) == 1
    assert actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY + timedelta(days=4), settings) == []


def test_prep_shows_the_day_before_and_the_day_of_the_interview_at_its_local_time() -> None:
    quill = application("Quill Labs")
    talk = interview(quill, INTERVIEW_DAY, hour=14, zone="Europe/Berlin", people=("Dana",), round=2)
    search = search_of(quill, talk)

    [before] = actions_of(ActionKind.PREP, search, INTERVIEW_DAY - timedelta(days=1))
    assert before.title == "Prepare for the technical interview with Quill Labs (Engineer)"
    assert before.why == "tomorrow at 14:00 with Dana, round 2"
    assert before.key == f"prep:{talk.id.hex}"
    assert (before.application_id, before.interview_id) == (quill.id, talk.id)
    assert before.logs is ActivityKind.PREP
    assert before.draft is None

    [on_the_day] = actions_of(ActionKind.PREP, search, INTERVIEW_DAY)
    assert on_the_day.why == "today at 14:00 with Dana, round 2"
    assert on_the_day.key == before.key


@pytest.mark.parametrize("offset", [-5, -2, 1])
def test_no_prep_too_early_or_after_the_interview(offset: int) -> None:
    quill = application("Quill Labs")
    search = search_of(quill, interview(quill, INTERVIEW_DAY))
    assert actions_of(ActionKind.PREP, search, INTERVIEW_DAY + timedelta(days=offset)) == []


def test_the_prep_window_comes_from_the_settings() -> None:
    settings = with_settings(prep_days=3)
    quill = application("Quill Labs")
    search = search_of(quill, interview(quill, INTERVIEW_DAY, hour=9), settings=settings)
    [action] = actions_of(ActionKind.PREP, search, INTERVIEW_DAY - timedelta(days=3), settings)
    assert action.why == "in 3 days at 09:00"
    assert actions_of(ActionKind.PREP, search, INTERVIEW_DAY - timedelta(days=4), settings) == []


# --- the hour of an interview: prep until it starts, the thank-you from then ---------------------


def kinds_at(search: JobSearch, day: date, now: datetime) -> list[ActionKind]:
    return [a.kind for a in todays_actions(search, SETTINGS, day, now)]


def test_prep_goes_once_the_interview_hour_has_passed() -> None:
    quill = application("Quill Labs", stage=Stage.INTERVIEWING)
    search = search_of(quill, interview(quill, INTERVIEW_DAY, hour=9))
    [prep] = [
        a
        for a in todays_actions(search, SETTINGS, INTERVIEW_DAY, at(INTERVIEW_DAY, 8, 59))
        if a.kind is ActionKind.PREP
    ]
    assert prep.why == "today at 09:00"
    assert ActionKind.PREP not in kinds_at(search, INTERVIEW_DAY, at(INTERVIEW_DAY, 9))
    assert ActionKind.PREP not in kinds_at(search, INTERVIEW_DAY, at(INTERVIEW_DAY, 17))


def test_the_thank_you_waits_for_the_interview_hour() -> None:
    quill = application("Quill Labs", stage=Stage.INTERVIEWING)
    search = search_of(quill, interview(quill, INTERVIEW_DAY, hour=14))
    assert ActionKind.THANK_YOU not in kinds_at(search, INTERVIEW_DAY, at(INTERVIEW_DAY, 10))
    assert ActionKind.THANK_YOU not in kinds_at(search, INTERVIEW_DAY - timedelta(days=1), at(INTERVIEW_DAY, 10))
    after = kinds_at(search, INTERVIEW_DAY, at(INTERVIEW_DAY, 14, 30))
    assert ActionKind.THANK_YOU in after and ActionKind.PREP not in after
    next_day = INTERVIEW_DAY + timedelta(days=1)
    assert ActionKind.THANK_YOU in kinds_at(search, next_day, at(next_day, 9))


def test_an_interview_hour_on_another_clock_passes_at_that_instant() -> None:
    quill = application("Quill Labs", stage=Stage.INTERVIEWING)
    search = search_of(quill, interview(quill, INTERVIEW_DAY, hour=14, zone="Europe/Berlin"))  # 13:00 UTC
    assert ActionKind.PREP in kinds_at(search, INTERVIEW_DAY, at(INTERVIEW_DAY, 12, 59))
    assert kinds_at(search, INTERVIEW_DAY, at(INTERVIEW_DAY, 13))[0] is ActionKind.THANK_YOU


def test_a_debriefed_interview_asks_for_no_more_prep() -> None:
    quill = application("Quill Labs", stage=Stage.INTERVIEWING)
    talk = interview(quill, INTERVIEW_DAY, hour=17).model_copy(update={"rating": 4, "went_well": "the design part"})
    search = search_of(quill, talk)
    assert actions_of(ActionKind.PREP, search, INTERVIEW_DAY) == []
    assert ActionKind.PREP not in kinds_at(search, INTERVIEW_DAY, at(INTERVIEW_DAY, 16))
    assert ActionKind.THANK_YOU in kinds_at(search, INTERVIEW_DAY, at(INTERVIEW_DAY, 18))


def test_a_cancelled_interview_asks_for_nothing_and_is_not_next() -> None:
    quill = application("Quill Labs", stage=Stage.INTERVIEWING)
    called_off = interview(quill, INTERVIEW_DAY).model_copy(update={"cancelled": True})
    search = search_of(quill, called_off)
    for offset in (-1, 0, 1):
        day = INTERVIEW_DAY + timedelta(days=offset)
        kinds = {a.kind for a in todays_actions(search, SETTINGS, day, at(day, 20))}
        assert not kinds & {ActionKind.PREP, ActionKind.THANK_YOU}
    [row] = pending_rows(search, SETTINGS, INTERVIEW_DAY - timedelta(days=1))
    assert (row.next_step, row.next_due) == ("prepare for the next round", None)
    assert next_action_change(search, at(INTERVIEW_DAY, 8)) is None


def test_the_actions_change_next_when_an_interview_starts() -> None:
    quill = application("Quill Labs", stage=Stage.INTERVIEWING)
    first, second = interview(quill, INTERVIEW_DAY, hour=9), interview(quill, INTERVIEW_DAY, hour=15, round=2)
    search = search_of(quill, second, first)
    assert next_action_change(search, at(INTERVIEW_DAY, 8)) == first.at
    assert next_action_change(search, at(INTERVIEW_DAY, 9)) == second.at
    assert next_action_change(search, at(INTERVIEW_DAY, 15)) is None


# --- one rule for what is next: the Pending table and today's actions agree ---------------------


def test_a_follow_up_snoozed_to_monday_is_not_late_in_pending() -> None:
    acme = application(applied_on=TODAY - timedelta(days=16))  # its follow-up fell due 9 days ago
    monday = date(2026, 3, 16)  # TODAY is Sunday 15 March
    snoozed = mark(f"follow-up:{acme.id.hex}:1", Mark.SNOOZED, TODAY - timedelta(days=3), until=monday)
    search = search_of(acme, snoozed)
    [row] = pending_rows(search, SETTINGS, TODAY)
    assert (row.next_step, row.next_due) == ("follow up tomorrow", monday)
    assert follow_up_actions(search, TODAY) == []
    # Back on Monday in both places, due that day rather than ten days late.
    [row] = pending_rows(search, SETTINGS, monday)
    assert (row.next_step, row.next_due) == ("follow up today", monday)
    assert len(follow_up_actions(search, monday)) == 1
    [row] = pending_rows(search, SETTINGS, monday + timedelta(days=1))
    assert row.next_step == "follow up 1 day late"


def test_an_application_offered_as_ghosted_is_not_also_a_late_follow_up() -> None:
    acme = application(applied_on=TODAY - timedelta(days=65))
    search = search_of(acme)
    [ghosted] = actions_of(ActionKind.GHOSTED, search, TODAY)
    assert ghosted.application_id == acme.id and follow_up_actions(search, TODAY) == []
    [row] = pending_rows(search, SETTINGS, TODAY)
    assert row.next_step == "ghosted? 65d silent"
    assert row.next_due == TODAY - timedelta(days=35)
    # Kept, not ghosted: nothing more is asked of it, in either place.
    kept = mark(ghosted.key, Mark.DISMISSED, TODAY)
    [row] = pending_rows(search_of(acme, kept), SETTINGS, TODAY)
    assert (row.next_step, row.next_due) == ("wait for a reply", None)
    assert actions_of(ActionKind.GHOSTED, search_of(acme, kept), TODAY) == []


def test_a_ghosted_question_snoozed_says_when_it_asks_again() -> None:
    acme = application(applied_on=TODAY - timedelta(days=40))
    snoozed = mark(f"ghosted:{acme.id.hex}", Mark.SNOOZED, TODAY, until=TODAY + timedelta(days=3))
    [row] = pending_rows(search_of(acme, snoozed), SETTINGS, TODAY)
    assert (row.next_step, row.next_due) == ("ghosted? ask in 3 days", TODAY + timedelta(days=3))


def test_pending_names_the_next_interview_then_the_thank_you() -> None:
    quill = application("Quill Labs", stage=Stage.INTERVIEWING)
    tomorrow = TODAY + timedelta(days=1)
    search = search_of(quill, interview(quill, tomorrow, hour=14))
    assert next_step(search, quill, SETTINGS, TODAY, at(TODAY, 10)).words == "interview Mon 14:00"
    [row] = pending_rows(search, SETTINGS, tomorrow, at(tomorrow, 13))
    assert (row.next_step, row.next_due) == ("interview today 14:00", tomorrow)
    [row] = pending_rows(search, SETTINGS, tomorrow, at(tomorrow, 15))
    assert (row.next_step, row.next_due) == ("send a thank-you", tomorrow)
    thanked = mark(f"thank-you:{search.interviews[0].id.hex}", Mark.DONE, tomorrow)
    [row] = pending_rows(search_of(quill, search.interviews[0], thanked), SETTINGS, tomorrow, at(tomorrow, 16))
    assert row.next_step == "prepare for the next round"


def test_a_step_set_by_hand_comes_first_only_when_it_is_sooner() -> None:
    acme = application(applied_on=TODAY - timedelta(days=10), next_step="call the recruiter", next_step_on=TODAY)
    assert next_step(search_of(acme), acme, SETTINGS, TODAY).words == "follow up 3 days late"
    later = acme.model_copy(update={"next_step_on": TODAY - timedelta(days=5)})
    assert next_step(search_of(later), later, SETTINGS, TODAY).words == "call the recruiter 5 days late"


# --- the day to try a company again -----------------------------------------------------------


def test_the_day_to_try_again_becomes_an_action_on_its_day() -> None:
    quill = turned_down("Quill Labs", reapply_after=TODAY)
    assert actions_of(ActionKind.REAPPLY, search_of(quill), TODAY - timedelta(days=1)) == []
    [action] = actions_of(ActionKind.REAPPLY, search_of(quill), TODAY)
    assert action.title == "See what Quill Labs has open now"
    assert action.why == "you planned to try again from today, after their no on Data Engineer"
    assert (action.key, action.application_id) == (f"reapply:{quill.id.hex}:{TODAY.isoformat()}", quill.id)
    assert action.logs is ActivityKind.OTHER and action.can_snooze
    [later] = actions_of(ActionKind.REAPPLY, search_of(quill), TODAY + timedelta(days=2))
    assert later.why.startswith("you planned to try again from 15 Mar")


def test_the_day_to_try_again_is_done_snoozed_or_dismissed_like_any_action() -> None:
    quill = turned_down("Quill Labs", reapply_after=TODAY)
    key = f"reapply:{quill.id.hex}:{TODAY.isoformat()}"
    done = search_of(quill, mark(key, Mark.DONE, TODAY))
    assert [a.done for a in actions_of(ActionKind.REAPPLY, done, TODAY)] == [True]
    assert actions_of(ActionKind.REAPPLY, done, TODAY + timedelta(days=1)) == []
    snoozed = search_of(quill, mark(key, Mark.SNOOZED, TODAY, until=TODAY + timedelta(days=7)))
    assert actions_of(ActionKind.REAPPLY, snoozed, TODAY + timedelta(days=6)) == []
    assert len(actions_of(ActionKind.REAPPLY, snoozed, TODAY + timedelta(days=7))) == 1
    dismissed = search_of(quill, mark(key, Mark.DISMISSED, TODAY))
    assert actions_of(ActionKind.REAPPLY, dismissed, TODAY + timedelta(days=30)) == []


def test_no_try_again_once_the_company_is_tracked_again_or_the_application_reopened() -> None:
    quill = turned_down("Quill Labs", reapply_after=TODAY)
    again = application(
        "Quill Labs Inc.", applied_on=TODAY, created_at=noon(TODAY), updated_at=noon(TODAY), role="Analytics Engineer"
    )
    assert actions_of(ActionKind.REAPPLY, search_of(quill, again), TODAY) == []
    reopened = moved(quill, Stage.INTERVIEWING, TODAY)
    assert actions_of(ActionKind.REAPPLY, search_of(reopened), TODAY) == []
    silent = moved(application("Orbit", reapply_after=TODAY), Stage.GHOSTED, TODAY - timedelta(days=100))
    [action] = actions_of(ActionKind.REAPPLY, search_of(silent), TODAY)
    assert action.why.endswith("after their silence on Engineer")


# --- what counts, in plain words ---------------------------------------------------------------


def test_what_counts_toward_the_target_reads_as_plain_words() -> None:
    assert describe_points(SETTINGS) == (
        "applying, following up, interviewing or networking counts 1 point; "
        "learning, preparing, reflecting or anything else 0.5"
    )
    custom = with_settings(points={"network": 2, "prep": 0})
    assert describe_points(custom) == (
        "networking counts 2 points; applying, following up or interviewing 1; "
        "learning, reflecting or anything else 0.5"
    )
    [target] = actions_of(ActionKind.DAILY_TARGET, search_of(), TODAY)
    assert target.why == describe_points(SETTINGS) and "/" not in target.why


@pytest.mark.parametrize(
    ("target", "earned", "words"),
    [
        (1, 0.5, "one more thing of any kind completes the day"),
        (
            1,
            0,
            "applying, following up, interviewing or networking completes the day, "
            "or learning, preparing, reflecting or anything else twice",
        ),
        (
            2,
            0.5,
            "applying, following up, interviewing or networking twice completes the day, "
            "or learning, preparing, reflecting or anything else 3 times",
        ),
        (1, 1, ""),
        (1, 8.5, ""),
    ],
)
def test_what_completes_the_day_is_said_from_what_is_left(target: float, earned: float, words: str) -> None:
    assert describe_what_completes(with_settings(daily_target=target), earned) == words


# --- gone silent ------------------------------------------------------------------------------


def test_an_application_silent_for_thirty_days_after_both_follow_ups_is_offered_as_ghosted() -> None:
    acme = application(applied_on=APPLIED)
    last_follow_up = APPLIED + timedelta(days=14)
    search = search_of(
        acme,
        activity(ActivityKind.FOLLOW_UP, APPLIED + timedelta(days=7), acme),
        activity(ActivityKind.FOLLOW_UP, last_follow_up, acme),
    )

    assert actions_of(ActionKind.GHOSTED, search, last_follow_up + timedelta(days=29)) == []
    [action] = actions_of(ActionKind.GHOSTED, search, last_follow_up + timedelta(days=34))
    assert action.title == "No reply from Acme (Engineer) in 34 days: mark it ghosted?"
    assert "reopens" in action.why
    assert action.key == f"ghosted:{acme.id.hex}"
    assert action.application_id == acme.id
    assert action.logs is None  # marking it done moves the stage instead of logging an activity


def test_an_unsent_follow_up_lapses_once_the_silence_is_long_enough_to_call_it_ghosted() -> None:
    acme = application(applied_on=APPLIED)
    before = APPLIED + timedelta(days=29)
    assert actions_of(ActionKind.GHOSTED, search_of(acme), before) == []
    assert len(follow_up_actions(search_of(acme), before)) == 1
    after = APPLIED + timedelta(days=30)
    assert follow_up_actions(search_of(acme), after) == []
    assert len(actions_of(ActionKind.GHOSTED, search_of(acme), after)) == 1


def test_a_silence_begun_last_year_names_its_year() -> None:
    old = application(applied_on=date(2025, 12, 18))
    [action] = actions_of(ActionKind.GHOSTED, search_of(old), date(2026, 3, 1))
    assert action.why.startswith("nothing heard since 18 Dec 2025;")
    [recent] = actions_of(ActionKind.GHOSTED, search_of(application(applied_on=APPLIED)), APPLIED + timedelta(days=31))
    assert recent.why.startswith("nothing heard since 01 Mar;")


def test_a_year_of_silent_applications_offers_three_a_day_the_most_silent_first() -> None:
    old = [application(f"Company {n}", applied_on=APPLIED - timedelta(days=100 + n)) for n in range(8)]
    today = APPLIED
    ghosted = actions_of(ActionKind.GHOSTED, search_of(*old), today)
    assert [a.application_id for a in ghosted] == [app.id for app in reversed(old)][:3]
    assert follow_up_actions(search_of(*old), today) == []
    settings = with_settings(ghosted_per_day=5)
    assert len(actions_of(ActionKind.GHOSTED, search_of(*old, settings=settings), today, settings)) == 5


def test_a_dismissed_follow_up_no_longer_holds_back_the_ghosted_suggestion() -> None:
    acme = application(applied_on=APPLIED)
    today = APPLIED + timedelta(days=40)
    dismissed = mark(f"follow-up:{acme.id.hex}:1", Mark.DISMISSED, APPLIED + timedelta(days=8))
    assert len(actions_of(ActionKind.GHOSTED, search_of(acme, dismissed), today)) == 1


def test_the_ghosted_threshold_comes_from_the_settings() -> None:
    settings = with_settings(ghosted_after_days=10, max_follow_ups=0)
    search = search_of(application(applied_on=APPLIED), settings=settings)
    assert actions_of(ActionKind.GHOSTED, search, APPLIED + timedelta(days=9), settings) == []
    assert len(actions_of(ActionKind.GHOSTED, search, APPLIED + timedelta(days=10), settings)) == 1


@pytest.mark.parametrize("stage", [Stage.SCREENING, Stage.INTERVIEWING, Stage.GHOSTED, Stage.REJECTED, Stage.SAVED])
def test_only_an_unanswered_application_is_offered_as_ghosted(stage: Stage) -> None:
    settings = with_settings(max_follow_ups=0)
    search = search_of(application(applied_on=APPLIED, stage=stage), settings=settings)
    assert actions_of(ActionKind.GHOSTED, search, APPLIED + timedelta(days=100), settings) == []


def test_a_ghosted_application_moved_back_waits_a_full_silence_again() -> None:
    settings = with_settings(max_follow_ups=0)
    ghosted_on, reopened_on = APPLIED + timedelta(days=30), APPLIED + timedelta(days=45)
    acme = moved(moved(application(applied_on=APPLIED), Stage.GHOSTED, ghosted_on), Stage.APPLIED, reopened_on)
    search = search_of(acme, settings=settings)
    assert actions_of(ActionKind.GHOSTED, search, reopened_on + timedelta(days=29), settings) == []
    assert len(actions_of(ActionKind.GHOSTED, search, reopened_on + timedelta(days=30), settings)) == 1


# --- reconnecting with contacts ---------------------------------------------------------------


def test_a_tier_b_contact_is_due_ninety_days_after_the_last_contact() -> None:
    dana = contact("Dana Reyes", company="Quill Labs", last_contact=TODAY - timedelta(days=95))
    [action] = actions_of(ActionKind.RECONNECT, search_of(dana), TODAY)
    assert action.title == "Reconnect with Dana Reyes (Quill Labs)"
    assert action.why == "last in touch 95 days ago (tier B: every 90)"
    due = TODAY - timedelta(days=5)
    assert action.key == f"reconnect:{dana.id.hex}:{due.isoformat()}"
    assert action.contact_id == dana.id
    assert action.logs is ActivityKind.NETWORK
    assert actions_of(ActionKind.RECONNECT, search_of(dana), TODAY - timedelta(days=6)) == []


@pytest.mark.parametrize(("tier", "cadence"), [(Tier.A, 30), (Tier.B, 90), (Tier.C, 180)])
def test_each_tier_has_its_own_cadence(tier: Tier, cadence: int) -> None:
    friend = contact(tier=tier, last_contact=TODAY - timedelta(days=cadence))
    assert len(actions_of(ActionKind.RECONNECT, search_of(friend), TODAY)) == 1
    assert actions_of(ActionKind.RECONNECT, search_of(friend), TODAY - timedelta(days=1)) == []


def test_the_cadences_come_from_the_settings() -> None:
    settings = with_settings(reconnect_days={"A": 7})
    friend = contact(tier=Tier.A, last_contact=TODAY - timedelta(days=7))
    [action] = actions_of(ActionKind.RECONNECT, search_of(friend, settings=settings), TODAY, settings)
    assert action.why == "last in touch 7 days ago (tier A: every 7)"


def test_a_networking_activity_with_the_contact_moves_the_next_reconnect() -> None:
    dana = contact(last_contact=TODAY - timedelta(days=95))
    [before] = actions_of(ActionKind.RECONNECT, search_of(dana), TODAY)
    coffee = activity(ActivityKind.NETWORK, TODAY, contact=dana)
    assert actions_of(ActionKind.RECONNECT, search_of(dana, coffee), TODAY) == []
    [next_time] = actions_of(ActionKind.RECONNECT, search_of(dana, coffee), TODAY + timedelta(days=90))
    assert next_time.key != before.key


def test_a_contact_never_in_touch_is_due_a_cadence_after_being_added() -> None:
    added = TODAY - timedelta(days=30)
    ava = contact("Ava Chen", added=added, tier=Tier.A)
    [action] = actions_of(ActionKind.RECONNECT, search_of(ava), TODAY)
    assert action.why == "added 30 days ago, not in touch since (tier A: every 30)"
    assert actions_of(ActionKind.RECONNECT, search_of(ava), TODAY - timedelta(days=1)) == []


def test_the_bridge_kept_after_a_no_is_due_on_its_own_day() -> None:
    quill = turned_down("Quill Labs", on=TODAY - timedelta(days=90))
    bridge = TODAY
    dana = contact(
        tier=Tier.A, last_contact=TODAY - timedelta(days=60), reconnect_on=bridge, application_ids=[quill.id]
    )
    # Tier A's 30 days have passed, but the bridge set for today comes first.
    assert actions_of(ActionKind.RECONNECT, search_of(quill, dana), TODAY - timedelta(days=1)) == []
    [action] = actions_of(ActionKind.RECONNECT, search_of(quill, dana), TODAY)
    assert action.why == "the bridge you kept after the no from Quill Labs"
    assert action.key == f"reconnect:{dana.id.hex}:{bridge.isoformat()}"


def test_a_reminder_set_by_hand_is_named_as_such() -> None:
    sam = contact("Sam", last_contact=TODAY - timedelta(days=10), reconnect_on=TODAY - timedelta(days=1))
    [action] = actions_of(ActionKind.RECONNECT, search_of(sam), TODAY)
    assert action.why == "a reminder you set for 14 Mar"


def test_a_reminder_older_than_the_last_contact_gives_way_to_the_cadence() -> None:
    sam = contact("Sam", last_contact=TODAY - timedelta(days=10), reconnect_on=TODAY - timedelta(days=20))
    assert actions_of(ActionKind.RECONNECT, search_of(sam), TODAY) == []
    assert len(actions_of(ActionKind.RECONNECT, search_of(sam), TODAY + timedelta(days=80))) == 1


def test_reconnect_due_is_the_day_the_action_appears() -> None:
    dana = contact(last_contact=TODAY - timedelta(days=95))
    search = search_of(dana)
    due = reconnect_due(search, dana, SETTINGS)
    assert due == TODAY - timedelta(days=5)
    assert actions_of(ActionKind.RECONNECT, search, due - timedelta(days=1)) == []
    [action] = actions_of(ActionKind.RECONNECT, search, due)
    assert action.key.endswith(due.isoformat())


def test_the_most_overdue_contact_comes_first() -> None:
    zoe = contact("Zoe", last_contact=TODAY - timedelta(days=200))
    abe = contact("Abe", last_contact=TODAY - timedelta(days=91))
    actions = actions_of(ActionKind.RECONNECT, search_of(abe, zoe), TODAY)
    assert [a.contact_id for a in actions] == [zoe.id, abe.id]


def test_at_most_three_reconnects_a_day_the_most_overdue_and_a_snoozed_one_makes_room() -> None:
    people = [contact(f"Person {n}", last_contact=TODAY - timedelta(days=100 + n)) for n in range(6)]
    oldest_first = [p.id for p in reversed(people)]
    shown = actions_of(ActionKind.RECONNECT, search_of(*people), TODAY)
    assert [a.contact_id for a in shown] == oldest_first[:3]
    snoozed = mark(shown[0].key, Mark.SNOOZED, TODAY, until=TODAY + timedelta(days=7))
    after = actions_of(ActionKind.RECONNECT, search_of(*people, snoozed), TODAY)
    assert [a.contact_id for a in after] == oldest_first[1:4]


def test_the_reconnects_a_day_come_from_the_settings() -> None:
    people = [contact(f"Person {n}", last_contact=TODAY - timedelta(days=100 + n)) for n in range(6)]
    settings = with_settings(reconnects_per_day=5)
    assert len(actions_of(ActionKind.RECONNECT, search_of(*people, settings=settings), TODAY, settings)) == 5


# --- learning goals ---------------------------------------------------------------------------


def test_the_open_learning_goals_are_one_standing_action_naming_the_oldest() -> None:
    sql = goal("SQL window functions", source="feedback from Quill Labs")
    k8s = goal("Kubernetes basics", added=STAMP + timedelta(days=1))
    closed = goal("Public speaking", closed_on=TODAY - timedelta(days=3))
    [action] = actions_of(ActionKind.LEARN, search_of(k8s, closed, sql), TODAY)
    assert action.title == "Work on: SQL window functions"
    assert action.why == "feedback from Quill Labs; 1 more goal after it: Kubernetes basics"
    assert action.key == f"learn:{sql.id.hex}"
    assert (action.goal_id, action.goal) == (sql.id, "SQL window functions")
    assert action.logs is ActivityKind.LEARN


def test_five_open_learning_goals_make_one_line_and_closing_the_first_brings_up_the_next() -> None:
    texts = ["SQL window functions", "Kubernetes basics", "Go concurrency", "System design", "Public speaking"]
    goals = [goal(text, added=STAMP + timedelta(days=n)) for n, text in enumerate(texts)]
    [action] = actions_of(ActionKind.LEARN, search_of(*reversed(goals)), TODAY)
    assert action.title == "Work on: SQL window functions"
    assert action.why == (
        "a learning goal you set; 4 more goals after it: Kubernetes basics, Go concurrency, System design, "
        "Public speaking"
    )
    # Dismissing the line closes the goal it names (the recorder sets closed_on): the next one takes its place.
    first_closed = [goals[0].model_copy(update={"closed_on": TODAY}), *goals[1:]]
    dismissed = mark(action.key, Mark.DISMISSED, TODAY)
    [after] = actions_of(ActionKind.LEARN, search_of(*first_closed, dismissed), TODAY)
    assert (after.title, after.goal_id) == ("Work on: Kubernetes basics", goals[1].id)
    assert after.why.startswith("a learning goal you set; 3 more goals after it: Go concurrency")


def test_snoozing_the_learning_line_puts_off_every_goal_until_its_day() -> None:
    goals = [goal(f"Goal {n}", added=STAMP + timedelta(days=n)) for n in range(3)]
    [action] = actions_of(ActionKind.LEARN, search_of(*goals), TODAY)
    snoozed = mark(action.key, Mark.SNOOZED, TODAY, until=TODAY + timedelta(days=2))
    assert actions_of(ActionKind.LEARN, search_of(*goals, snoozed), TODAY + timedelta(days=1)) == []
    [back] = actions_of(ActionKind.LEARN, search_of(*goals, snoozed), TODAY + timedelta(days=2))
    assert back.key == action.key


def test_a_learning_goal_done_today_is_ticked_and_back_tomorrow() -> None:
    sql = goal()
    done = mark(f"learn:{sql.id.hex}", Mark.DONE, TODAY)
    [today] = actions_of(ActionKind.LEARN, search_of(sql, done), TODAY)
    assert today.done
    [tomorrow] = actions_of(ActionKind.LEARN, search_of(sql, done), TODAY + timedelta(days=1))
    assert not tomorrow.done


# --- marks: done, snoozed, dismissed ----------------------------------------------------------


def thank_you_setup() -> tuple[Application, Interview, str]:
    quill = application("Quill Labs", stage=Stage.INTERVIEWING)
    talk = interview(quill, INTERVIEW_DAY)
    return quill, talk, f"thank-you:{talk.id.hex}"


def test_an_action_done_today_stays_in_place_ticked() -> None:
    quill, talk, key = thank_you_setup()
    search = search_of(quill, talk, mark(key, Mark.DONE, INTERVIEW_DAY))
    kinds = [(a.kind, a.done) for a in todays_actions(search, SETTINGS, INTERVIEW_DAY)]
    assert kinds[:2] == [(ActionKind.THANK_YOU, True), (ActionKind.PREP, False)]


def test_an_action_done_on_an_earlier_day_is_gone() -> None:
    quill, talk, key = thank_you_setup()
    search = search_of(quill, talk, mark(key, Mark.DONE, INTERVIEW_DAY))
    assert actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY + timedelta(days=1)) == []


def test_a_dismissed_action_does_not_come_back() -> None:
    acme = application(applied_on=APPLIED)
    key = f"follow-up:{acme.id.hex}:1"
    search = search_of(acme, mark(key, Mark.DISMISSED, APPLIED + timedelta(days=7)))
    for later in (7, 8, 30, 300):
        assert follow_up_actions(search, APPLIED + timedelta(days=later)) == []


def test_a_snoozed_action_is_hidden_until_its_day_and_then_back() -> None:
    quill, talk, key = thank_you_setup()
    settings = with_settings(thank_you_days=7)
    snoozed = mark(key, Mark.SNOOZED, INTERVIEW_DAY, until=INTERVIEW_DAY + timedelta(days=3))
    search = search_of(quill, talk, snoozed, settings=settings)
    for offset in (0, 1, 2):
        assert actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY + timedelta(days=offset), settings) == []
    [back] = actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY + timedelta(days=3), settings)
    assert not back.done


def test_a_snooze_without_a_day_lasts_until_tomorrow() -> None:
    quill, talk, key = thank_you_setup()
    search = search_of(quill, talk, mark(key, Mark.SNOOZED, INTERVIEW_DAY))
    assert actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY) == []
    assert len(actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY + timedelta(days=1))) == 1


def test_the_latest_mark_decides() -> None:
    quill, talk, key = thank_you_setup()
    snoozed = mark(key, Mark.SNOOZED, INTERVIEW_DAY, until=INTERVIEW_DAY + timedelta(days=1))
    done = mark(key, Mark.DONE, INTERVIEW_DAY + timedelta(days=1), minute=1)
    search = search_of(quill, talk, done, snoozed)
    [action] = actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY + timedelta(days=1))
    assert action.done


def test_a_mark_made_after_the_day_shown_does_not_reach_back() -> None:
    quill, talk, key = thank_you_setup()
    search = search_of(quill, talk, mark(key, Mark.DISMISSED, INTERVIEW_DAY + timedelta(days=1)))
    assert len(actions_of(ActionKind.THANK_YOU, search, INTERVIEW_DAY)) == 1


def test_only_the_daily_target_and_the_reflection_cannot_be_snoozed() -> None:
    quill, talk, _ = thank_you_setup()
    actions = todays_actions(search_of(quill, talk, goal()), SETTINGS, INTERVIEW_DAY)
    assert {a.kind: a.can_snooze for a in actions} == {
        ActionKind.THANK_YOU: True,
        ActionKind.PREP: True,
        ActionKind.LEARN: True,
        ActionKind.DAILY_TARGET: False,
        ActionKind.REFLECTION: False,
    }


# --- the order of the whole list --------------------------------------------------------------


def saved_job(company: str, on: date) -> Application:
    return application(company, applied_on=None, stage=Stage.SAVED).model_copy(
        update={"stage_history": [StageChange(stage=Stage.SAVED, at=noon(on), day=on)]}
    )


def test_saved_jobs_are_to_send_the_longest_waiting_first() -> None:
    newer, older = saved_job("Zeta", TODAY - timedelta(days=1)), saved_job("Acme", TODAY - timedelta(days=6))
    sends = actions_of(ActionKind.SEND, search_of(newer, older), TODAY)
    assert [a.title for a in sends] == [
        "Send your application to Acme (Engineer)",
        "Send your application to Zeta (Engineer)",
    ]
    assert sends[0].why.startswith("saved 6 days ago")
    assert (sends[0].key, sends[0].application_id, sends[0].logs) == (f"send:{older.id.hex}", older.id, None)


def test_a_saved_job_sent_is_no_longer_to_send() -> None:
    sent = moved(saved_job("Acme", TODAY - timedelta(days=3)), Stage.APPLIED, TODAY)
    assert actions_of(ActionKind.SEND, search_of(sent), TODAY) == []


def test_the_list_runs_feedback_thank_you_prep_send_follow_up_ghosted_reconnect_learn_target_reflection() -> None:
    today = TODAY
    quill = turned_down("Quill Labs", on=today)
    orbit = application("Orbit", stage=Stage.INTERVIEWING)
    held = interview(orbit, today - timedelta(days=1))
    northwind = application("Northwind", stage=Stage.INTERVIEWING)
    upcoming = interview(northwind, today + timedelta(days=1))
    lumen = application("Lumen", applied_on=today - timedelta(days=9))
    cedar = application("Cedar", applied_on=today - timedelta(days=60))
    cedar_dismissed = mark(f"follow-up:{cedar.id.hex}:1", Mark.DISMISSED, today - timedelta(days=50))
    dana = contact(last_contact=today - timedelta(days=100))
    saved = saved_job("Brightpath", today - timedelta(days=2))
    records = [quill, orbit, held, northwind, upcoming, saved, lumen, cedar, cedar_dismissed, dana, goal()]

    kinds = [a.kind for a in todays_actions(search_of(*records), SETTINGS, today)]

    assert kinds == [
        ActionKind.FEEDBACK,
        ActionKind.THANK_YOU,
        ActionKind.PREP,
        ActionKind.SEND,
        ActionKind.FOLLOW_UP,
        ActionKind.GHOSTED,
        ActionKind.RECONNECT,
        ActionKind.LEARN,
        ActionKind.DAILY_TARGET,
        ActionKind.REFLECTION,
    ]


# --- properties of marks and of the whole list ------------------------------------------------


@given(marked=st.integers(0, 30), snoozed_for=st.integers(1, 30), looked=st.integers(0, 90))
def test_a_snoozed_action_never_shows_before_its_day(marked: int, snoozed_for: int, looked: int) -> None:
    sql = goal()
    snooze_day = TODAY + timedelta(days=marked)
    until = snooze_day + timedelta(days=snoozed_for)
    search = search_of(sql, mark(f"learn:{sql.id.hex}", Mark.SNOOZED, snooze_day, until=until))
    today = TODAY + timedelta(days=looked)
    shown = bool(actions_of(ActionKind.LEARN, search, today))
    assert shown == (today < snooze_day or today >= until)


@given(
    earlier=st.lists(
        st.tuples(st.sampled_from([Mark.DONE, Mark.SNOOZED]), st.integers(0, 20), st.integers(1, 40)), max_size=4
    ),
    dismissed_on=st.integers(20, 30),
    looked=st.integers(0, 400),
)
def test_a_dismissed_action_never_returns(earlier: list[tuple[Mark, int, int]], dismissed_on: int, looked: int) -> None:
    sql = goal()
    key = f"learn:{sql.id.hex}"
    marks = [
        mark(key, kind, TODAY + timedelta(days=day), until=TODAY + timedelta(days=day + ahead))
        for kind, day, ahead in earlier
    ]
    marks.append(mark(key, Mark.DISMISSED, TODAY + timedelta(days=dismissed_on), minute=30))
    today = TODAY + timedelta(days=dismissed_on + looked)
    assert actions_of(ActionKind.LEARN, search_of(sql, *marks), today) == []


@st.composite
def searches(draw: st.DrawFn) -> tuple[JobSearch, date]:
    """A search with a bit of everything in it, and marks on some of what it suggests."""
    today = TODAY
    records: list[Record] = []
    for number in range(draw(st.integers(0, 4))):
        app = application(f"Company {number}", applied_on=today - timedelta(days=draw(st.integers(0, 80))))
        if draw(st.booleans()):
            app = moved(
                app,
                draw(st.sampled_from([Stage.REJECTED, Stage.INTERVIEWING, Stage.GHOSTED])),
                today - timedelta(days=draw(st.integers(0, 5))),
            )
            if draw(st.booleans()):
                app = app.model_copy(update={"reapply_after": today - timedelta(days=draw(st.integers(-2, 5)))})
        records.append(app)
        for _ in range(draw(st.integers(0, 2))):
            held = interview(app, today + timedelta(days=draw(st.integers(-3, 3))), hour=draw(st.integers(0, 23)))
            records.append(held.model_copy(update={"cancelled": draw(st.booleans())}))
    for number in range(draw(st.integers(0, 3))):
        records.append(
            contact(
                f"Contact {number}",
                tier=draw(st.sampled_from(Tier)),
                last_contact=today - timedelta(days=draw(st.integers(0, 400))),
            )
        )
    records += [goal(f"Goal {number}") for number in range(draw(st.integers(0, 2)))]
    search = search_of(*records)
    keys = [a.key for a in todays_actions(search, SETTINGS, today)]
    for key in draw(st.lists(st.sampled_from(keys), max_size=4)):
        kind = draw(st.sampled_from(Mark))
        day = today - timedelta(days=draw(st.integers(0, 5)))
        until = day + timedelta(days=draw(st.integers(1, 10))) if kind is Mark.SNOOZED else None
        records.append(mark(key, kind, day, until=until))
    return search_of(*records), today


@given(searched=searches(), hour=st.integers(0, 23))
def test_prep_is_only_before_an_interview_hour_and_the_thank_you_only_after(
    searched: tuple[JobSearch, date], hour: int
) -> None:
    search, today = searched
    now = at(today, hour)
    for action in todays_actions(search, SETTINGS, today, now):
        if action.interview_id is None:
            continue
        [held] = [i for i in search.interviews if i.id == action.interview_id]
        assert not held.cancelled
        assert now < held.at if action.kind is ActionKind.PREP else now >= held.at


@given(searched=searches())
def test_pending_and_todays_actions_agree_on_what_is_due(searched: tuple[JobSearch, date]) -> None:
    """A follow-up, a ghosted question or a thank-you due today is in both places, or in neither."""
    search, today = searched
    settings = with_settings(ghosted_per_day=50)  # the list's daily cap aside
    owed = {(a.application_id, a.kind) for a in open_actions(todays_actions(search, settings, today))}
    rows = {row.application_id: row for row in pending_rows(search, settings, today)}
    words = {
        ActionKind.FOLLOW_UP: ("follow up", "follow-up #"),
        ActionKind.GHOSTED: ("ghosted?",),
        ActionKind.THANK_YOU: ("send a thank-you",),
    }
    for application_id, row in rows.items():
        for kind, starts in words.items():
            if row.next_due is not None and row.next_due <= today and row.next_step.startswith(starts):
                assert (application_id, kind) in owed
    for application_id, kind in owed:
        if kind in words and application_id in rows:
            row = rows[application_id]
            assert row.next_due is not None and row.next_due <= today


@given(searched=searches())
def test_the_list_always_ends_with_the_daily_target_and_the_reflection(searched: tuple[JobSearch, date]) -> None:
    search, today = searched
    actions = todays_actions(search, SETTINGS, today)
    assert [a.kind for a in actions[-2:]] == [ActionKind.DAILY_TARGET, ActionKind.REFLECTION]
    assert all(a.kind not in (ActionKind.DAILY_TARGET, ActionKind.REFLECTION) for a in actions[:-2])
    keys = [a.key for a in actions]
    assert len(set(keys)) == len(keys)
    order = list(ActionKind)
    assert [order.index(a.kind) for a in actions] == sorted(order.index(a.kind) for a in actions)
    for action in actions:
        assert action.title and action.why
        assert action.key.startswith(action.kind.value)


def test_the_target_reached_says_the_points_then_the_target() -> None:
    search = JobSearch(settings=SETTINGS, activities=tuple(activity(ActivityKind.APPLY, TODAY) for _ in range(3)))
    [target] = [a for a in todays_actions(search, SETTINGS, TODAY) if a.kind is ActionKind.DAILY_TARGET]
    assert target.title == "Today's target reached: 3 points (target 1)"
