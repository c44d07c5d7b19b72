"""Who manages whom: team leaders and administrators act for their own organisation only, never
on themselves, and a team leader never on an administrator."""

from django.http import Http404

from accounts.models import STAFF_ROLES, Role, User


def manager_or_404(request):
    """The signed-in team leader or administrator; anyone else gets the page that does not exist."""
    user = request.user
    if not user.is_authenticated or not user.is_manager or user.organisation_id is None:
        raise Http404
    return user


def staff_the_leader_may_help(leader):
    """Staff in the leader's organisation – not the leader themself, and a team leader never an admin."""
    staff = User.objects.filter(organisation_id=leader.organisation_id, role__in=STAFF_ROLES).exclude(pk=leader.pk)
    if leader.role != Role.ADMIN:
        staff = staff.exclude(role=Role.ADMIN)
    return staff.order_by("full_name", "username")


def roles_the_leader_may_give(leader) -> list:
    roles = [(value, label) for value, label in Role.choices if value in STAFF_ROLES]
    return roles if leader.role == Role.ADMIN else [(v, label) for v, label in roles if v != Role.ADMIN]
