"""A shoot day's mail: who gets what (a preview changes nothing), then sending it and logging each one.

By default a mail goes to everyone who has not been sent this day's call sheet and, as a revision saying
only what changed, to everyone who holds an outdated one; those whose sheet is still true get nothing
again unless `everyone` is asked; people without an email, or with one that is not an address, are
listed as not sent; those whose mail the server refused (a mailbox it does not know), as refused: the
others' mail still goes, and a refused one is sent at the next send.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from studio.errors import UserError
from studio.i18n import _
from studio.models import Production, ShootDay
from studio.models.types import utc_now
from studio.sending.mail_server import MailServer, mail_account, remembered_password, sent_record
from studio.sending.messages import Attachments, Mail, MailWords, compose, email_message
from studio.sending.recipients import DayRoster, Recipient, Standing, day_roster


class Status:
    SENT = "sent"
    WOULD_SEND = "would send"
    NOT_SENT = "not sent"
    REFUSED = "refused"  # by the mail server, which took the others
    UP_TO_DATE = "up to date"


@dataclass
class Outcome:
    """What became of one person's mail."""

    recipient: Recipient
    mail: Mail | None
    status: str
    reason: str = ""

    def to_json(self) -> dict:
        recipient, mail = self.recipient, self.mail
        return {
            "name": recipient.name,
            "name_zh": recipient.name_zh,
            "kind": recipient.kind,
            "role": recipient.role,
            "email": recipient.email,
            "language": recipient.language,
            "call": recipient.call,
            "standing": recipient.standing.value,
            "changes": [list(change) for change in recipient.changes],
            "subject": mail.subject if mail else "",
            "attachments": mail.attachments if mail else [],
            "revision": bool(mail and mail.revision),
            "status": self.status,
            "reason": self.reason,
        }


@dataclass
class DayMail:
    """Everyone on the day and what their mail is (or why there is none)."""

    shoot_day_id: int
    roster: DayRoster
    outcomes: list[Outcome] = field(default_factory=list)

    def named(self, status: str) -> list[str]:
        """Those whose mail is `status`."""
        return [outcome.recipient.name for outcome in self.outcomes if outcome.status == status]

    def to_json(self, dry_run: bool) -> dict:
        sheet = self.roster.sheet
        return {
            "day": sheet.number,
            "date": sheet.date.isoformat(),
            "dry_run": dry_run,
            "messages": [outcome.to_json() for outcome in self.outcomes],
            "sent": sum(outcome.status == Status.SENT for outcome in self.outcomes),
            "not_sent": self.named(Status.NOT_SENT),
            "refused": self.named(Status.REFUSED),
        }


def plan_day_mail(session, production_id: int, shoot_day_id: int, everyone: bool = False) -> DayMail:
    """Each person's mail as it would go out now (nothing is sent or written)."""
    roster = day_roster(session, production_id, shoot_day_id)
    words: dict[str, MailWords] = {}
    plan = DayMail(shoot_day_id, roster)
    for recipient in roster.recipients:
        if recipient.standing == Standing.NO_EMAIL:
            plan.outcomes.append(Outcome(recipient, None, Status.NOT_SENT, _("no email address")))
            continue
        if recipient.standing == Standing.BAD_EMAIL:
            reason = _("{email} is not an email address").format(email=repr(recipient.email))
            plan.outcomes.append(Outcome(recipient, None, Status.NOT_SENT, reason))
            continue
        if recipient.language not in words:
            words[recipient.language] = MailWords(recipient.language)
        mail = compose(roster, recipient, words[recipient.language], everyone)
        waiting = everyone or recipient.standing != Standing.CURRENT
        plan.outcomes.append(Outcome(recipient, mail, Status.WOULD_SEND if waiting else Status.UP_TO_DATE))
    return plan


def send_day_mail(
    database, production_id: int, shoot_day_id: int, everyone: bool = False, password: str | None = None
) -> DayMail:
    """Send the day's mail through the production's account, logging each mail as it is sent; the
    password is the one given, else the remembered one."""
    from studio.exports.sides_pdf import day_sides, sides_beside_the_original

    with database.reading() as session:
        account = mail_account(session.get(Production, production_id))
        plan = plan_day_mail(session, production_id, shoot_day_id, everyone)
        waiting = [outcome for outcome in plan.outcomes if outcome.status == Status.WOULD_SEND]
        if not waiting:
            return plan
        sides = day_sides(session, production_id, shoot_day_id)
        readers = {outcome.recipient.language for outcome in waiting if outcome.recipient.reads_sides}
        beside = sides_beside_the_original(session, production_id, sides, readers)
    attachments = Attachments(plan.roster, sides, beside)
    try:
        with MailServer(account, password or remembered_password(account)) as server:
            for outcome in waiting:
                message = email_message(
                    outcome.mail, account.sender, account.sender_name, attachments.files(outcome.mail)
                )
                refused = server.send(message, outcome.recipient.email)
                if refused:
                    outcome.status, outcome.reason = Status.REFUSED, refused
                    continue
                outcome.status = Status.SENT
                with database.transaction() as session:
                    if session.get(ShootDay, shoot_day_id) is None:
                        raise UserError(_("this shoot day no longer exists: it was removed, perhaps in another window"))
                    session.add(sent_record(shoot_day_id, outcome.mail, utc_now()))
    finally:
        attachments.close()
    return plan
