"""What every person-owned item shares: the person it belongs to, a version, who wrote it and when.

A model that subclasses `PersonItem` (a goal, a conversation, a CHIME rating, a ruler reading …)
names its audit object type in `audit_type` (one of audit.types.ObjectType), is reached only
through people.access, and is changed only through items/actions.py. This app sits on the ground
floor beside `audit`: it imports Django and `audit`, never the apps built on it, and names the
person model by its label.
"""

from django.conf import settings
from django.db import models


class PersonItem(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    audit_type = None  # set by every concrete item: audit.types.ObjectType

    class Meta:
        abstract = True
