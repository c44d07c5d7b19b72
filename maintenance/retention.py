"""The daily retention job (`manage.py retention`).

- Audit rows: through `maintenance.audit_retention.purge` (the one way rows leave the audit trail).
- Invitation links (`accounts.Invite`), evaluation links (`conversations.EvaluationLink`) and
  staff reset links (`accounts.ResetLink`) that were used, or ran out unused, more than
  `LINK_RETENTION_DAYS` ago. They hold only hashes and dates; a link valid for 2, 7 or 14 days
  is of no use weeks later. Keeping them a while means someone who clicks an old link soon
  after still reads "already used" or "expired" rather than "not found".
- Counted tries behind the short-code and e-mail limits (`accounts.Attempt`) older than
  `ATTEMPT_RETENTION` (a day, longer than every limit's window): keyed hashes and times, which
  count for nothing once their window has passed. They are not anyone's data, so their
  removal is counted in the report but writes no audit row.

Nothing else is touched (tested: every other table is byte-for-byte the same).
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from audit.log import record
from audit.models import Action
from audit.types import ObjectType
from maintenance import audit_retention


@dataclass(frozen=True)
class Report:
    audit: audit_retention.Purge
    link_cutoff: datetime
    invites: int
    evaluation_links: int
    dry_run: bool
    reset_links: int = 0
    attempts: int = 0


def expired_links(model, cutoff: datetime):
    """Used before the cut-off, or never used and expired before it."""
    return model.objects.filter(Q(used__lt=cutoff) | Q(used__isnull=True, expires__lt=cutoff))


def old_attempts(now: datetime):
    from accounts.models import Attempt

    return Attempt.objects.filter(at__lt=now - settings.ATTEMPT_RETENTION)


def run(*, now: datetime | None = None, dry_run: bool = False) -> Report:
    from accounts.models import Attempt, Invite, ResetLink
    from conversations.models import EvaluationLink

    now = now or timezone.now()
    link_cutoff = now - timedelta(days=settings.LINK_RETENTION_DAYS)
    with transaction.atomic():
        audit = audit_retention.purge(now=now, dry_run=dry_run)
        invites = expired_links(Invite, link_cutoff)
        links = expired_links(EvaluationLink, link_cutoff)
        resets = expired_links(ResetLink, link_cutoff)
        attempts = old_attempts(now)
        if dry_run:
            return Report(
                audit, link_cutoff, invites.count(), links.count(), dry_run=True,
                reset_links=resets.count(), attempts=attempts.count(),
            )  # fmt: skip
        n_invites = invites.delete()[1].get(Invite._meta.label, 0)
        n_links = links.delete()[1].get(EvaluationLink._meta.label, 0)
        n_resets = resets.delete()[1].get(ResetLink._meta.label, 0)
        n_attempts = attempts.delete()[1].get(Attempt._meta.label, 0)
        before = f"before={link_cutoff.astimezone(UTC):%Y%m%dT%H%M%SZ}"
        # Two rows, because one would not fit in the 64 characters of object_id.
        if n_invites or n_links:
            record(
                actor=audit_retention.SYSTEM,
                action=Action.DELETE,
                object_type=ObjectType.LINK_RETENTION,
                object_id=f"invites={n_invites} evaluation-links={n_links} {before}",
            )
        if n_resets:
            record(
                actor=audit_retention.SYSTEM,
                action=Action.DELETE,
                object_type=ObjectType.LINK_RETENTION,
                object_id=f"reset-links={n_resets} {before}",
            )
    return Report(audit, link_cutoff, n_invites, n_links, dry_run=False, reset_links=n_resets, attempts=n_attempts)
