"""Sessions in the database (nobody is logged out when Redis stops), with one change.

Django's database store turns every database error while saving a session into "the session
was deleted" (a 400 Bad Request), because a forced update that finds no row is such an error
(a plain DatabaseError). A connection lost while the database restarts, or a server that
refuses writes (a standby after a failover), is not that: the session is still there. Then the
request fails as the database failure it is (500: try again), and the log says so.
"""

from django.contrib.sessions.backends.base import UpdateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import InternalError, OperationalError


class SessionStore(DatabaseSessionStore):
    def save(self, must_create=False):
        try:
            return super().save(must_create=must_create)
        except UpdateError as error:
            failure = error.__context__
            if isinstance(failure, (OperationalError, InternalError)):
                raise failure from None
            raise
