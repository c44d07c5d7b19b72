"""The daily retention job (`manage.py retention`).

- Audit rows: through `audit.retention.purge` (the one way rows leave the audit trail).
- Invitation links (`accounts.Invite`) and evaluation links (`conversations.EvaluationLink`)
  that were used, or ran out unused, more than `LINK_RETENTION_DAYS` ago. They hold only a
  token hash and dates; a link valid for 7 or 14 days is of no use weeks later. Keeping them
  a while means someone who clicks an old link soon after still reads "already used" or
  "expired" rather than "not found".

Nothing else is touched (tested: every other table is byte-for-byte the same).
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from audit import retention as audit_retention
from audit.log import record
from audit.models import Action


@dataclass(frozen=True)
class Report:
    audit: audit_retention.Purge
    link_cutoff: datetime
    invites: int
    evaluation_links: int
    dry_run: bool


def expired_links(model, cutoff: datetime):
    """Used before the cut-off, or never used and expired before it."""
    return model.objects.filter(Q(used__lt=cutoff) | Q(used__isnull=True, expires__lt=cutoff))


def run(*, now: datetime | None = None, dry_run: bool = False) -> Report:
    from accounts.models import Invite
    from conversations.models import EvaluationLink

    now = now or timezone.now()
    link_cutoff = now - timedelta(days=settings.LINK_RETENTION_DAYS)
    with transaction.atomic():
        audit = audit_retention.purge(now=now, dry_run=dry_run)
        invites = expired_links(Invite, link_cutoff)
        links = expired_links(EvaluationLink, link_cutoff)
        if dry_run:
            return Report(audit, link_cutoff, invites.count(), links.count(), dry_run=True)
        n_invites = invites.delete()[1].get(Invite._meta.label, 0)
        n_links = links.delete()[1].get(EvaluationLink._meta.label, 0)
        if n_invites or n_links:
            record(
                actor=audit_retention.SYSTEM,
                action=Action.DELETE,
                object_type="link_retention",
                object_id=(
                    f"invites={n_invites} evaluation-links={n_links} "
                    f"before={link_cutoff.astimezone(UTC):%Y%m%dT%H%M%SZ}"
                ),
            )
    return Report(audit, link_cutoff, n_invites, n_links, dry_run=False)
