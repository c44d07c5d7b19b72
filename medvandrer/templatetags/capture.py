"""`{% capture as name %}…{% endcapture %}`: render a part once and show it more than once.
base.html draws the main menu twice (a row on wide screens, under «Meny» on a phone); the
menu's links are reversed once per page instead of twice."""

from django import template

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Kept exactly as the engine rendered it: every variable in the part is escaped there,
        # and nothing here marks anything safe on its own.
        context[self.name] = self.nodelist.render(context)
        return ""


@register.tag
def capture(parser, token):
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
