"""Which models hold a person's data: everything with a foreign key to Person, and what hangs off that.

Used by the complete data export and checked by the erasure and export tests, so a new
model linked to a person is exported and erased without anyone having to remember it.
"""

from django.apps import apps

from people.models import Person


def person_linked_models() -> list:
    user_model = apps.get_model("accounts", "User")
    found, queue = [], [Person]
    while queue:
        model = queue.pop(0)
        # include_hidden: relations declared with related_name="+" are still the person's data.
        for relation in model._meta.get_fields(include_hidden=True):
            if not (relation.auto_created and not relation.concrete and (relation.one_to_many or relation.one_to_one)):
                continue
            related = relation.related_model
            if related not in found and related is not user_model:
                found.append(related)
                queue.append(related)
    return found


def person_field(model) -> str | None:
    """The lookup from the model to its Person: its own foreign key, or – for a row that only
    links two of the person's things, like a many-to-many table – through one of them."""
    for field in model._meta.fields:
        if field.related_model is Person:
            return field.name
    for field in model._meta.fields:
        if field.related_model is not None and field.related_model is not model:
            own = next((f.name for f in field.related_model._meta.fields if f.related_model is Person), None)
            if own:
                return f"{field.name}__{own}"
    return None
