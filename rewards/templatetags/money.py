from django import template

from rewards.money import format_euro

register = template.Library()


@register.filter
def euro(value):
    """{{ amount|euro }} → "€ 1.234,56" in every language; empty for no amount."""
    try:
        return format_euro(value)
    except ValueError:
        return ""
