"""Reminder e-mail drafts (`.eml`, opened as unsent drafts like the minutes e-mail):
one per responsible person with their open actions, one per provider of late data."""

from __future__ import annotations

from datetime import date

from trygghetsrad.domain.actions.reminders import ActionReminder, DeliveryReminder, Reminders
from trygghetsrad.domain.dates import long_date
from trygghetsrad.export.meetings.eml import draft_bytes, new_draft
from trygghetsrad.i18n import tr


def _first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def action_lines(reminder: ActionReminder, today: date) -> list[str]:
    """One bullet per action: what, due date (late or not), where it was decided."""
    lines = []
    for a in reminder.actions:
        details = []
        if a.due_date is not None:
            late = tr(" – försenat") if a.overdue(today) else ""
            details.append(tr("senast {day}{late}").format(day=a.due_date.isoformat(), late=late))
        details.append(tr("från {meeting}").format(meeting=a.meeting_name))
        others = [r.name for r in a.responsibles if r.person_id != reminder.person_id and r.name]
        if others:
            details.append(tr("tillsammans med {names}").format(names=", ".join(others)))
        lines.append(f"• {a.what} ({'; '.join(details)})")
    return lines


def _draft(
    name: str,
    address: str,
    subject: str,
    paragraphs: tuple[str, list[str], str],
    *,
    sender_email: str,
    signature: str,
) -> bytes:
    """Greeting, an introduction, the bullets, a request and the signature."""
    intro, lines, ask = paragraphs
    msg = new_draft([(name, address)], sender_email)
    msg["Subject"] = subject
    greeting = tr("Hej {name}!").format(name=_first_name(name))
    body = [greeting, "", intro, "", *lines, "", ask, "", tr("Vänliga hälsningar"), signature]
    msg.set_content("\n".join(body).rstrip() + "\n")
    return draft_bytes(msg, [address, sender_email])


def action_reminder_eml(
    reminder: ActionReminder, *, today: date, sender_email: str = "", signature: str = ""
) -> bytes:
    late = any(a.overdue(today) for a in reminder.actions)
    intro = tr(
        "Här är de uppdrag från våra möten som du är ansvarig för och som inte är klara, "
        "läget den {day}:"
    ).format(day=long_date(today))
    return _draft(
        reminder.name,
        reminder.email,
        tr("Påminnelse: försenade uppdrag") if late else tr("Påminnelse: dina öppna uppdrag"),
        (
            intro,
            action_lines(reminder, today),
            tr("Hör gärna av dig med hur det går, eller om något redan är klart."),
        ),
        sender_email=sender_email,
        signature=signature,
    )


def delivery_reminder_eml(
    reminder: DeliveryReminder, *, today: date, sender_email: str = "", signature: str = ""
) -> bytes:
    if len(reminder.sources) == 1:
        subject = tr("Påminnelse: {source} – försenad").format(source=reminder.sources[0].name)
    else:
        subject = tr("Påminnelse: försenade underlag")
    lines = [
        tr("• {source} – väntades {day}").format(
            source=s.name, day=long_date(s.next_expected) if s.next_expected else ""
        )
        for s in reminder.sources
    ]
    return _draft(
        reminder.name,
        reminder.email,
        subject,
        (
            tr("Vi har ännu inte fått det här underlaget till lägesbilden:"),
            lines,
            tr("Skicka det gärna så snart du kan, eller hör av dig om när det kan komma."),
        ),
        sender_email=sender_email,
        signature=signature,
    )


def file_name(kind: str, name: str, taken: set[str]) -> str:
    """'Påminnelse uppdrag Anna Berg.eml' — safe on every file system; a second person of
    the same name gets 'Anna Berg (2).eml' (the name, never an internal number). Adds the
    name to `taken`, compared case-blind like Windows and macOS file systems."""
    label = tr("Påminnelse uppdrag") if kind == "actions" else tr("Påminnelse underlag")
    clean = "".join(c for c in name if c not in '\\/:*?"<>|\r\n\t').strip()
    stem, n = f"{label} {clean}", 1
    while (candidate := stem + (f" ({n})" if n > 1 else "") + ".eml").casefold() in taken:
        n += 1
    taken.add(candidate.casefold())
    return candidate


def reminder_files(
    found: Reminders, *, today: date, sender_email: str = "", signature: str = ""
) -> list[tuple[str, bytes]]:
    """Every draft of `found` as (file name, .eml bytes): the actions of each responsible
    person, then each provider of late data. The command line and the window write these."""
    taken: set[str] = set()
    files = [
        (
            file_name("actions", r.name, taken),
            action_reminder_eml(r, today=today, sender_email=sender_email, signature=signature),
        )
        for r in found.actions
    ]
    files += [
        (
            file_name("deliveries", d.name, taken),
            delivery_reminder_eml(d, today=today, sender_email=sender_email, signature=signature),
        )
        for d in found.deliveries
    ]
    return files
