from django import template

from ..disclosure import shows_staff_views

register = template.Library()


@register.inclusion_tag("audit/includes/staff_views_link.html")
def staff_views_link(borrower):
    """The home page's link to "When our staff looked at your account", shown only where the
    borrower's lender shows that page."""
    return {"show": borrower is not None and shows_staff_views(borrower=borrower)}
