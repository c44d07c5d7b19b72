from django.contrib.auth.signals import user_logged_out
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
