"""How well `nextyes paste` reads the emails of the test corpus: per kind, and for finding the application.

    .venv/bin/python benchmarks/mail_accuracy.py [--misses]

Prints a Markdown table: for each kind the emails that are that kind (n), those read as that kind (right), and
the share; then the application found (the right one, or rightly none), and the invitation's start. Emails the
rules are known to misread (a `miss` in expected.json) count here like any other: they are not left out.
`--misses` lists each email read wrong, with what it was read as.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.mail_corpus import NOW, ZONE, corpus, mail_search, named
from tui.core.mail import EmailKind, read_email


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list each email read wrong")
    options = parser.parse_args()
    search = mail_search()
    rows: dict[str, list[int]] = {kind.value: [0, 0] for kind in EmailKind}
    application = [0, 0]
    start = [0, 0]
    unseen = [0, 0]
    misses = []
    emails = corpus()
    for email in emails:
        understood = read_email(email.text, search, NOW, ZONE)
        rows[email.kind][0] += 1
        kind_right = understood.kind.value == email.kind
        rows[email.kind][1] += kind_right
        application[0] += 1
        application_right = named(understood.application) == email.application
        application[1] += application_right
        at_right = True
        if email.kind == EmailKind.INVITATION:
            start[0] += 1
            at_right = understood.details.at == email.at
            start[1] += at_right
        if email.written_after_the_rules:
            unseen[0] += 1
            unseen[1] += kind_right
        if not (kind_right and application_right and at_right):
            at = understood.details.at.isoformat() if understood.details.at else None
            known = "; ".join(email.miss.values())
            misses.append(
                f"- {email.name}: read as {understood.kind.value}, {named(understood.application)}, {at}"
                + (f" (known: {known})" if known else "")
            )
    right = sum(row[1] for row in rows.values())
    print(f"{len(emails)} emails, read {NOW:%Y-%m-%d %H:%M} {ZONE.key}\n")
    print("| what | n | right | % |")
    print("|---|---:|---:|---:|")
    for kind, (total, correct) in rows.items():
        print(f"| {kind} | {total} | {correct} | {_share(correct, total)} |")
    print(f"| **every kind** | {len(emails)} | {right} | {_share(right, len(emails))} |")
    print(f"| application (or rightly none) | {application[0]} | {application[1]} | {_share(*reversed(application))} |")
    print(f"| invitation's day and time | {start[0]} | {start[1]} | {_share(*reversed(start))} |")
    print(f"| kind, of those written after the rules | {unseen[0]} | {unseen[1]} | {_share(*reversed(unseen))} |")
    if options.misses:
        print("\n" + "\n".join(misses or ["No misses."]))


def _share(correct: int, total: int) -> str:
    return f"{100 * correct / total:.0f}%" if total else "–"


if __name__ == "__main__":
    main()
