"""Path converters of our own."""


class TokenConverter:
    """A secret from `secrets.token_urlsafe`: calendar links, certificate codes. Anything else
    is a 404 before the database is asked (PostgreSQL cannot even compare a text with NUL)."""

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
