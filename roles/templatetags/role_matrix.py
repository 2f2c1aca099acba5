from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_tag
def cell_roles(cell):
    """The roles of a matrix cell with the resident's status, rendered once: the home page
    shows every cell twice (a table for wide screens, a list for phones)."""
    if not cell.html:
        cell.html = render_to_string("roles/includes/_cell_roles.html", {"cell": cell})
    return cell.html
