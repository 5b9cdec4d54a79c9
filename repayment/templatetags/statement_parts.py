"""``{% statement_part "name" s.cache_key vary... %}...{% endstatement_part %}``: a part of the
statement page kept in the cache under the statement's key (``repayment.statements.parts``).
Everything the part shows besides the statement must be named after the key."""

from django import template

from repayment.statements.parts import PREFETCHED, render_part

register = template.Library()


class StatementPartNode(template.Node):
    def __init__(self, nodelist, name: str, statement_key, vary):
        self.nodelist = nodelist
        self.name = name
        self.statement_key = statement_key
        self.vary = vary

    def render(self, context):
        return render_part(
            name=self.name,
            statement_key=self.statement_key.resolve(context),
            vary=[value.resolve(context) for value in self.vary],
            prefetched=context.get(PREFETCHED) or {},
            render=lambda: self.nodelist.render(context),
        )


@register.tag
def statement_part(parser, token):
    bits = token.split_contents()
    if len(bits) < 3 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(
            '{% statement_part "name" statement_key [vary ...] %} needs a quoted name and a key'
        )
    nodelist = parser.parse(("endstatement_part",))
    parser.delete_first_token()
    return StatementPartNode(
        nodelist,
        bits[1][1:-1],
        parser.compile_filter(bits[2]),
        [parser.compile_filter(bit) for bit in bits[3:]],
    )
