from django import template

from language.words import word_for

register = template.Library()


@register.simple_tag(takes_context=True)
def word(context, key: str, capital: bool = True) -> str:
    """The person's word for a person, the staff word for staff (language/data/words.toml)."""
    user = getattr(context.get("request"), "user", None)
    text = word_for(key, for_person=bool(user and getattr(user, "is_person", False)))
    return text if capital else text[:1].lower() + text[1:]
