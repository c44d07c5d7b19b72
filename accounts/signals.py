from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from django.utils import timezone

from accounts.models import User, UserSession
from accounts.sessions import end_sessions

# Sent (sender=User, user=…) when someone signs out on every device. Apps built on accounts
# forget what they keep on devices (crisis: the kept «vanskelig nå» page).
signed_out_everywhere = Signal()


@receiver(user_logged_out)
def forget_session(sender, request, user, **kwargs):
    if request is not None and request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()


@receiver(post_save, sender=User)
def end_sessions_of_deactivated_user(sender, instance, **kwargs):
    if not instance.is_active:
        end_sessions(instance)


def update_last_and_previous_login(sender, user, **kwargs):
    """Django's `update_last_login`, also keeping the sign-in before this one, so the staff
    home page can show what happened since – in one UPDATE."""
    user.previous_login, user.last_login = user.last_login, timezone.now()
    user.save(update_fields=["previous_login", "last_login"])


user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
user_logged_in.connect(update_last_and_previous_login, dispatch_uid="update_last_and_previous_login")
