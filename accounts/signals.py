from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import User, UserSession
from accounts.sessions import end_sessions


@receiver(user_logged_out)
def forget_session(sender, request, user, **kwargs):
    if request is not None and request.session.session_key:
        UserSession.objects.filter(session_key=request.session.session_key).delete()


@receiver(post_save, sender=User)
def end_sessions_of_deactivated_user(sender, instance, **kwargs):
    if not instance.is_active:
        end_sessions(instance)


def remember_previous_login(sender, user, **kwargs):
    """Keep the sign-in before this one, so the staff home page can show what happened since."""
    User.objects.filter(pk=user.pk).update(previous_login=user.last_login)
    user.previous_login = user.last_login


# Receivers run in the order they were connected, and Django's own `update_last_login`
# would overwrite last_login before we read it: put ours first.
user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
user_logged_in.connect(remember_previous_login, dispatch_uid="remember_previous_login")
user_logged_in.connect(update_last_login, dispatch_uid="update_last_login")
