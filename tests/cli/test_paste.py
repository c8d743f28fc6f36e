"""`nextyes paste`: a recruiter's email from a file or standard input, what it reads as and why, and the change
made only once confirmed. The clock is fixed on Sunday 15 March 2026, 14:30 UTC."""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.support.shell import add, refused
from tests.support.store_records import stored_bytes
from tui.cli.paste import EMAIL_KINDS
from tui.core.mail import EmailKind
from tui.core.models import Application, InterviewKind, Stage
from tui.store import Store

CORPUS = Path(__file__).resolve().parent.parent / "core" / "mail_corpus"

REJECTION = """From: Marta Kowalski <marta@northwindtraders.com>
Subject: Backend Developer
Date: Fri, 13 Mar 2026 10:00:00 +0000

Hi Sam, thank you for your time. Unfortunately we have decided to move forward with other candidates.
Best of luck, Marta
"""

INVITATION_NO_TIME = """From: Northwind Traders <jobs@northwindtraders.com>
Subject: Interview

We would like to invite you to an interview for the Backend Developer role. Let us know what suits you.
"""


class Terminal(io.StringIO):
    """Standard input from a terminal, holding what the person types."""

    def isatty(self) -> bool:
        return True


class Pipe(io.StringIO):
    """Standard input from a pipe or a file, as in a script."""

    def isatty(self) -> bool:
        return False


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", Pipe(""))


@pytest.fixture
def searching(run) -> None:
    add(run, "Northwind Traders", "Backend Developer", "--on", "2026-02-25")
    add(run, "Quill Labs", "Data Engineer", "--on", "2026-02-20")
    add(run, "Quill Labs", "Analytics Engineer", "--on", "2026-03-02", "--anyway")


def email_file(tmp_path: Path, text: str, name: str = "email.txt") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def application(store: Store, company: str, role: str) -> Application:
    [found] = [a for a in store.load().applications if (a.company, a.role) == (company, role)]
    return found


def test_the_kinds_offered_are_the_kinds_read() -> None:
    assert tuple(kind.value for kind in EmailKind) == EMAIL_KINDS


def test_a_dry_run_says_what_it_read_and_why_and_changes_nothing(run, searching, tmp_path: Path, db_path: Path) -> None:
    before = stored_bytes(db_path)
    status, out, err = run("paste", email_file(tmp_path, REJECTION), "--dry-run")
    assert (status, err) == (0, "")
    short_id = application(Store(db_path, lambda: datetime.now(UTC)), "Northwind Traders", "Backend Developer").short_id
    assert out.splitlines() == [
        "Read: “Backend Developer” from Marta Kowalski <marta@northwindtraders.com>, Fri",
        "  13 Mar",
        f"About: Northwind Traders — Backend Developer ({short_id})",
        "  because of “northwindtraders.com” (the sender's domain); “Backend Developer”",
        "    (the role)",
        "It says: a no",
        "  because of “decided to move forward with other”, “Unfortunately” (a no)",
        "Proposed: move Northwind Traders (Backend Developer) to rejected: recovery days,",
        "  a feedback request, keeping the bridge",
        "Dry run: nothing changed. Make the change with --yes; correct a wrong guess with",
        "  --kind K, --app ID, --on DATE or --at HH:MM.",
    ]
    assert stored_bytes(db_path) == before


def test_yes_makes_the_move_to_rejected_with_the_comeback(run, searching, tmp_path: Path, store: Store) -> None:
    status, out, _ = run("paste", email_file(tmp_path, REJECTION), "--yes")
    assert status == 0
    assert "Northwind Traders — Backend Developer is now rejected." in out
    assert "That's a hard one, and it's fine to feel it." in out
    moved = application(store, "Northwind Traders", "Backend Developer")
    assert moved.stage is Stage.REJECTED
    assert moved.stage_history[-1].note == "from the email “Backend Developer”"


def test_without_a_terminal_it_asks_for_yes_and_changes_nothing(run, searching, tmp_path: Path, db_path: Path) -> None:
    err = refused(run, db_path, "paste", email_file(tmp_path, REJECTION))
    assert "add --yes to make the change, or --dry-run to only look" in err


def test_on_a_terminal_it_asks_and_only_yes_makes_the_change(
    run, searching, tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = email_file(tmp_path, REJECTION)
    for answer in ("n\n", "\n", ""):
        monkeypatch.setattr(sys, "stdin", Terminal(answer))
        status, out, _ = run("paste", path)
        assert status == 0
        assert "Make this change? [y/N] " in out and out.endswith("Nothing changed.\n")
        assert application(store, "Northwind Traders", "Backend Developer").stage is Stage.APPLIED
    monkeypatch.setattr(sys, "stdin", Terminal("y\n"))
    status, out, _ = run("paste", path)
    assert "is now rejected." in out
    assert application(store, "Northwind Traders", "Backend Developer").stage is Stage.REJECTED


def test_an_invitation_from_standard_input_books_the_interview(
    run, searching, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (CORPUS / "14-invite-second-round-quill-data.txt").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", Pipe(text))
    status, out, _ = run("paste", "--yes")
    assert status == 0
    assert "Proposed: book a technical interview for Quill Labs (Data Engineer), Tue 17 Mar" in out
    assert (
        "Interview recorded: Quill Labs, round 1 (technical), Tue 17 Mar 13:00 with Sofia Lind and Marcus Hale." in out
    )
    [interview] = store.load().interviews
    assert interview.at == datetime(2026, 3, 17, 13, 0, tzinfo=UTC)
    assert (interview.kind, interview.people) == (InterviewKind.TECHNICAL, ["Sofia Lind", "Marcus Hale"])
    assert interview.application_id == application(store, "Quill Labs", "Data Engineer").id


def test_an_invitation_with_no_time_sets_the_next_step_or_books_the_day_you_give(
    run, searching, tmp_path: Path, store: Store
) -> None:
    path = email_file(tmp_path, INVITATION_NO_TIME)
    status, out, _ = run("paste", path, "--yes")
    assert status == 0
    said = " ".join(out.split())
    assert (
        "Next step for Northwind Traders — Backend Developer: Reply with times for the interview, Sun 15 Mar." in said
    )
    northwind = application(store, "Northwind Traders", "Backend Developer")
    assert (northwind.next_step, northwind.next_step_on) == ("Reply with times for the interview", date(2026, 3, 15))
    status, out, _ = run("paste", path, "--on", "next tuesday", "--at", "15:30", "--yes")
    assert status == 0
    assert "Interview recorded: Northwind Traders, round 1 (other), Tue 17 Mar 15:30." in out
    [interview] = store.load().interviews
    assert interview.at == datetime(2026, 3, 17, 15, 30, tzinfo=UTC)


def test_a_request_becomes_the_next_step(run, searching, store: Store) -> None:
    path = str(CORPUS / "27-request-references-quill-data.txt")
    status, out, _ = run("paste", path, "--yes")
    assert status == 0
    assert "Next step for Quill Labs — Data Engineer: Send your references, Fri 13 Mar." in out
    quill = application(store, "Quill Labs", "Data Engineer")
    assert (quill.next_step, quill.next_step_on) == ("Send your references", date(2026, 3, 13))


def test_an_offer_moves_to_offer_and_is_a_win(run, searching, store: Store) -> None:
    status, out, _ = run("paste", str(CORPUS / "36-offer-casual-quill-data.txt"), "--yes")
    assert status == 0
    assert "Quill Labs — Data Engineer is now offer." in out
    assert "★ A win for your list: Got an offer from Quill Labs (Data Engineer)" in out
    assert application(store, "Quill Labs", "Data Engineer").stage is Stage.OFFER


def test_json_gives_kind_application_proposed_and_reasons_and_changes_nothing(
    run, searching, db_path: Path, store: Store
) -> None:
    before = stored_bytes(db_path)
    status, out, _ = run("paste", str(CORPUS / "01-rejection-formal-quill-analytics.txt"), "--json")
    assert status == 0
    said = json.loads(out)
    analytics = application(store, "Quill Labs", "Analytics Engineer")
    assert said["kind"] == "rejection"
    assert said["application"] == {
        "id": str(analytics.id),
        "short_id": analytics.short_id,
        "company": "Quill Labs",
        "role": "Analytics Engineer",
    }
    assert said["proposed"]["change"] == "move-stage" and said["proposed"]["stage"] == "rejected"
    assert {"phrase": "regret to inform", "means": "a no"} in said["reasons"]
    assert stored_bytes(db_path) == before
    err = refused(run, db_path, "paste", str(CORPUS / "01-rejection-formal-quill-analytics.txt"), "--json", "--yes")
    assert "use --yes without --json" in err


def test_a_wrong_guess_is_corrected_with_kind_and_app(run, searching, store: Store) -> None:
    path = str(CORPUS / "43-received-ats-quill-analytics.txt")
    status, out, _ = run("paste", path, "--dry-run")
    assert "It says: an automatic “we received your application”" in out
    assert "Nothing to change: an automatic reply changes nothing" in out
    data = application(store, "Quill Labs", "Data Engineer")
    status, out, _ = run("paste", path, "--kind", "rejection", "--app", data.short_id, "--yes")
    assert status == 0
    assert "“rejection” (as you said)" in out
    assert f"About: Quill Labs — Data Engineer ({data.short_id})" in out
    assert application(store, "Quill Labs", "Data Engineer").stage is Stage.REJECTED
    assert application(store, "Quill Labs", "Analytics Engineer").stage is Stage.APPLIED


def test_an_email_that_could_be_either_of_two_applications_names_both(run, searching, db_path: Path) -> None:
    path = str(CORPUS / "13-rejection-quill-role-not-said.txt")
    status, out, _ = run("paste", path, "--dry-run")
    assert status == 0
    assert "About: one of your applications at Quill Labs" in out
    err = refused(run, db_path, "paste", path, "--yes")
    assert "Quill Labs (Data Engineer)" in err and "Quill Labs (Analytics Engineer)" in err and "--app ID" in err


def test_nothing_to_act_on_needs_no_confirmation(run, searching, db_path: Path) -> None:
    before = stored_bytes(db_path)
    status, out, _ = run("paste", str(CORPUS / "46-newsletter-webinar.txt"))
    assert status == 0
    assert "It says: nothing nextyes can act on" in out
    assert "Nothing to change:" in out
    assert stored_bytes(db_path) == before


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["missing.txt"], "there is no such file"),
        (["{empty}"], "the email is empty"),
        (["{rejection}", "--on", "tuesday"], "--on and --at go with an interview invitation"),
        (["{rejection}", "--app", "nobody"], "no application matches 'nobody'"),
        (["{no_time}", "--at", "10:00", "--yes"], "--at needs a day, and the email names none"),
    ],
)
def test_mistakes_are_one_line_and_change_nothing(
    run, searching, tmp_path: Path, db_path: Path, arguments: list[str], said: str
) -> None:
    files = {
        "{empty}": email_file(tmp_path, "  \n", "empty.txt"),
        "{rejection}": email_file(tmp_path, REJECTION),
        "{no_time}": email_file(tmp_path, INVITATION_NO_TIME, "invite.txt"),
    }
    err = refused(run, db_path, "paste", *(files.get(argument, argument) for argument in arguments))
    assert said in err


def test_standard_input_that_cannot_be_read_is_one_line(run, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Closed(Pipe):
        def read(self, size: int | None = -1) -> str:
            raise OSError("reading from stdin while output is captured")

    monkeypatch.setattr(sys, "stdin", Closed(""))
    assert "cannot read the email from standard input" in refused(run, db_path, "paste")


@pytest.mark.parametrize("name", sorted(path.stem for path in CORPUS.glob("*.txt")))
def test_what_it_reads_fits_80_columns(run, searching, name: str) -> None:
    status, out, _ = run("paste", str(CORPUS / f"{name}.txt"), "--dry-run")
    assert status == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert out.count("\n") <= 14  # with the question, the whole of it reads on one 24-line screen
