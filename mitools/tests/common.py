"""Helpers for the MI tool tests."""

from datetime import timedelta

from django.utils import timezone

from mitools.models import AmbivalenceCross, CrossRevision, RulerReading


def cross(person, topic="Røyken", *, days_ago=0, author=None, goal=None, **texts) -> AmbivalenceCross:
    obj = AmbivalenceCross.objects.create(
        person=person, topic=topic, goal=goal, created_by=author, updated_by=author, **texts
    )
    CrossRevision.objects.create(person=person, cross=obj, number=1, topic=topic, by=author, **texts)
    if days_ago:
        then = timezone.now() - timedelta(days=days_ago)
        AmbivalenceCross.objects.filter(pk=obj.pk).update(created=then, updated=then)
        obj.refresh_from_db()
    return obj


def reading(person, topic="Røyken", importance=5, confidence=5, *, days_ago=0, author=None, **extra) -> RulerReading:
    obj = RulerReading.objects.create(
        person=person,
        topic=topic,
        importance=importance,
        confidence=confidence,
        created_by=author,
        updated_by=author,
        **extra,
    )
    if days_ago:
        then = timezone.now() - timedelta(days=days_ago)
        RulerReading.objects.filter(pk=obj.pk).update(created=then, updated=then)
        obj.refresh_from_db()
    return obj
