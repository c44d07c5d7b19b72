from django import template

from content.catalogue import person_element_names

register = template.Library()


@register.filter
def element_names(keys) -> list[tuple[str, str]]:
    """CHIME element keys as (key, name in the person's words), in the bank's order: the
    evaluations are read by the person and the practitioner side by side."""
    chosen = set(keys or ())
    return [(key, name) for key, name in person_element_names().items() if key in chosen]


@register.filter
def evaluation(conversation, relation: str):
    """The conversation's person_evaluation or staff_evaluation, or None."""
    from conversations.evaluation_numbers import evaluation_of

    return evaluation_of(conversation, relation)
