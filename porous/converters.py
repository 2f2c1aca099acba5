"""Path converters of our own, registered on import: every URL module that uses one imports
this module, so its patterns load in any order (a test may import an app's urls first)."""

from django.urls import register_converter


class TokenConverter:
    """A secret from `secrets.token_urlsafe`: calendar links, certificate codes. Anything else
    is a 404 before the database is asked (PostgreSQL cannot even compare a text with NUL)."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TokenConverter, "token")
