from django import template

from crisis import phones

register = template.Library()


@register.filter
def phone_links(text):
    """Free text with every phone number in it as a tap-to-call link («ring 912 34 567»)."""
    return phones.linkify(text)


@register.filter
def tel(number, label=""):
    """One number as a tap-to-call link."""
    return phones.link(number, label)


@register.simple_tag
def national_contacts():
    """The national numbers (113, 116 117, 116 123 …), for any page that shows them."""
    from crisis.support import national_contacts

    return national_contacts()
