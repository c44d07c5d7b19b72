"""Whose «Jeg har det vanskelig nå» a phone keeps, and whether it is still theirs.

The person's own page carries an owner tag in the header `X-Medvandrer-Personal`. The
service worker keeps the tag with the copy and sends it back (`X-Medvandrer-Kept`) each
time it asks for the page online. When the tag is no longer the person's, the answer says
`X-Medvandrer-Forget: 1` and the phone deletes the copy – so a lost phone forgets the page
once the person has signed out everywhere, or been erased, and it is online again.

A tag is `<owner key>.<password mark>.<issued>:<signature>`:

- the owner key is random per person (KeptPageOwner), so the tag does not show the user id;
  the worker compares it to tell one person's page from another's on a shared phone;
  signing out everywhere replaces it, erasure deletes it;
- the password mark changes when the password does (changed, reset, set again from an
  invitation – every path, Django admin's too), without any of them having to call us;
- issued is the server's time in seconds: a tag older than MAX_AGE is not valid either;
- the signature (django.core.signing, our own salt) makes it unforgeable.
"""

from datetime import timedelta

from django.core import signing
from django.dispatch import receiver
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from accounts.signals import signed_out_everywhere
from crisis.models import KeptPageOwner, new_owner_key

SALT = "medvandrer.crisis.kept-page"
MAX_AGE = timedelta(days=90)  # since the last signed-in visit; the worker deletes older copies too
TAG_HEADER = "X-Medvandrer-Personal"  # on the person's own page: the owner tag
KEPT_HEADER = "X-Medvandrer-Kept"  # from the worker: the tag of the copy on the phone
FORGET_HEADER = "X-Medvandrer-Forget"  # to the worker: that copy is no longer theirs, delete it


def _signer():
    return signing.Signer(salt=SALT)  # made per use: it reads SECRET_KEY when made


def _password_mark(user) -> str:
    return salted_hmac(f"{SALT}.password", user.password).hexdigest()[:16]


def tag_for(user, *, now=None) -> str:
    owner, _ = KeptPageOwner.objects.get_or_create(user=user)
    issued = int((now or timezone.now()).timestamp())
    return _signer().sign(f"{owner.key}.{_password_mark(user)}.{issued}")


def still_theirs(tag: str, *, now=None) -> bool:
    """Whether the copy with this tag may stay on the phone: signed by us, not too old, and its
    owner an active person who has not signed out everywhere or changed password since."""
    try:
        key, mark, issued = _signer().unsign(tag).split(".")
        issued = int(issued)
    except (signing.BadSignature, ValueError):
        return False
    if (now or timezone.now()).timestamp() - issued > MAX_AGE.total_seconds():
        return False
    owner = KeptPageOwner.objects.filter(key=key).select_related("user").first()
    if owner is None:  # erased with the login, or a new key since signing out everywhere
        return False
    user = owner.user
    return user.is_active and user.is_person and constant_time_compare(mark, _password_mark(user))


@receiver(signed_out_everywhere)
def forget_when_signed_out_everywhere(sender, user, **kwargs) -> None:
    forget_everywhere(user)


def forget_everywhere(user) -> None:
    """Signing out everywhere: every phone that keeps the page forgets it when next online."""
    KeptPageOwner.objects.filter(user=user).update(key=new_owner_key())
