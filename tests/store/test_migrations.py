"""Migrations: an older file opens upgraded, is upgraded in the same write as a change after a copy of it is
kept, and every schema this nextyes ever wrote (a fixture each, beside this file) still opens."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from tests.support.clock import FakeClock
from tests.support.store_records import application, fingerprint, on_disk, save, valid_database
from tui.store import SCHEMA_VERSION, Store, migrations
from tui.store.backups import backup_folder, list_backups

# --- An older file is upgraded in one write, after a copy of it is kept ---------------------------------


CURRENT = SCHEMA_VERSION
NEXT = SCHEMA_VERSION + 1


@pytest.fixture
def schema_next(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this nextyes knows one schema more, whose change is a marker added to every application's notes."""

    def mark_notes(raw: dict) -> dict:
        applications = {key: {**doc, "notes": doc["notes"] + " [next]"} for key, doc in raw["applications"].items()}
        return {**raw, "applications": applications}

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", NEXT)
    monkeypatch.setitem(migrations.MIGRATIONS, CURRENT, mark_notes)


def _current_database(clock: FakeClock) -> bytes:
    raw = json.loads(valid_database(clock))
    raw["_meta"] = {"1": {"schema_version": CURRENT}}
    return json.dumps(raw).encode()


def test_an_older_file_loads_upgraded_without_being_touched(store: Store, clock: FakeClock, schema_next: None) -> None:
    store.path.write_bytes(_current_database(clock))
    before = fingerprint(store.path)

    companies_and_notes = {(a.company, a.notes) for a in store.load().applications}

    assert companies_and_notes == {("Acme", " [next]"), ("Globex", " [next]")}
    assert fingerprint(store.path) == before


def test_an_older_file_is_upgraded_in_the_same_write_as_the_change_after_a_copy_is_kept(
    store: Store, clock: FakeClock, schema_next: None
) -> None:
    older = _current_database(clock)
    store.path.write_bytes(older)

    save(store, application(clock, "Initech"))
    save(store, application(clock, "Umbrella"))

    raw = on_disk(store.path)
    assert [doc["schema_version"] for doc in raw["_meta"].values()] == [NEXT]
    notes = sorted(doc["notes"] for doc in raw["applications"].values())
    assert notes == ["", "", " [next]", " [next]"]  # migrated once, not once per write
    copy = backup_folder(store.path) / f"nextyes.schema-{CURRENT}.json"
    assert copy.read_bytes() == older
    assert copy not in list_backups(store.path)  # daily pruning never removes it


# --- Every schema this nextyes ever wrote still opens ---------------------------------------------------

PAST_SCHEMAS = sorted((Path(__file__).parent / "fixtures").glob("schema-*.json"))


def test_there_is_a_fixture_for_every_past_schema_version() -> None:
    versions = {int(path.stem.removeprefix("schema-")) for path in PAST_SCHEMAS}
    assert versions == set(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("fixture", PAST_SCHEMAS, ids=lambda path: path.stem)
def test_each_step_of_the_migration_chain_is_pure_and_none_is_missing(fixture: Path) -> None:
    """A step that changed its input would change the copy kept before the upgrade, or a caller's read."""
    assert set(migrations.MIGRATIONS) == set(range(1, SCHEMA_VERSION))
    raw = json.loads(fixture.read_bytes())
    version = int(fixture.stem.removeprefix("schema-"))
    while version < SCHEMA_VERSION:
        before = copy.deepcopy(raw)
        upgraded = migrations.MIGRATIONS[version](raw)
        assert raw == before
        assert upgraded is not raw
        raw, version = upgraded, version + 1


@pytest.mark.parametrize("fixture", PAST_SCHEMAS, ids=lambda path: path.stem)
def test_a_file_of_a_past_schema_opens_and_upgrades_on_the_next_write(
    fixture: Path, store: Store, clock: FakeClock
) -> None:
    written = fixture.read_bytes()
    counts = {name: len(table) for name, table in json.loads(written).items() if name != "_meta"}
    store.path.write_bytes(written)

    search = store.load()
    assert (len(search.applications), len(search.activities), len(search.reflections)) == (
        counts["applications"],
        counts["activities"],
        counts["reflections"],
    )
    save(store, application(clock, "Initech"))

    raw = on_disk(store.path)
    assert [doc["schema_version"] for doc in raw["_meta"].values()] == [SCHEMA_VERSION]
    assert len(raw["applications"]) == counts["applications"] + 1
    assert len(raw["activities"]) == counts["activities"]
    version = fixture.stem.removeprefix("schema-")
    assert (backup_folder(store.path) / f"nextyes.schema-{version}.json").read_bytes() == written


# --- Schema 6: the résumé, the ad, the salaries and the offers ------------------------------------------------


def test_a_schema_5_file_opens_with_no_resume_ad_salary_or_offers_and_keeps_its_tombstones_out(
    store: Store, clock: FakeClock
) -> None:
    fixture = Path(__file__).parent / "fixtures" / "schema-5.json"
    raw = json.loads(fixture.read_bytes())
    assert [doc["schema_version"] for doc in raw["_meta"].values()] == [5]
    store.path.write_bytes(fixture.read_bytes())

    search = store.load()

    assert len(search.applications) == len(raw["applications"])
    assert {(a.resume, a.ad, a.salary_advertised, a.salary_asked, len(a.offers)) for a in search.applications} == {
        ("", "", "", "", 0)
    }
    tombstones = sum(1 for doc in raw["wins"].values() if doc.get("deleted_at"))
    assert tombstones and len(search.wins) == len(raw["wins"]) - tombstones
    assert any(interview.cancelled for interview in search.interviews)


def test_an_application_with_its_ad_and_a_revised_offer_is_read_back_exactly(store: Store, clock: FakeClock) -> None:
    from datetime import date
    from decimal import Decimal

    from tui.core.models import Offer

    first = Offer(amount=Decimal("62000"), currency="EUR", received_on=date(2026, 3, 10), answer_by=date(2026, 3, 20))
    revised = Offer(
        amount=Decimal("4800.50"),
        currency="EUR",
        period="month",
        received_on=date(2026, 3, 12),
        replaces=first.id,
        bonus="10% target",
    )
    kept = application(clock).touched(
        clock(),
        resume="data-v2",
        ad="Senior data engineer\n\nWe pay €60–70k.",
        salary_advertised="€60–70k",
        offers=[first, revised],
    )
    save(store, kept)

    reread = Store(store.path, clock).load()  # a fresh store: the file validated straight from its bytes

    assert reread.applications == (kept,)
    assert reread.applications[0].current_offers == [revised]
    assert on_disk(store.path)["applications"]["1"]["offers"][1]["amount"] == "4800.50"
