"""Beat's scheduler: django-celery-beat's, made to wait out a broker outage.

Celery's beat marks a task as run before it hands it to the broker, and when the broker is down
it only logs the failure. A weekly task due while Redis was down (Monday 08:00, "plan your
visit") would then wait a week. This scheduler reconnects, waiting as long as the broker is
away, and hands the task over then. Tasks that came due meanwhile go out once each after it.
"""

import logging

from django_celery_beat.schedulers import DatabaseScheduler

logger = logging.getLogger(__name__)

# A task that still fails with the broker reachable is broken, not waiting: give up on it.
MAX_TRIES = 5


class PatientScheduler(DatabaseScheduler):
    def apply_entry(self, entry, producer=None):
        for tries in range(1, MAX_TRIES + 1):
            try:
                self.apply_async(entry, producer=producer, advance=False)
                return
            except Exception:
                if tries == MAX_TRIES:
                    logger.exception("beat: giving up on %s", entry.name)
                    return
                logger.warning("beat: could not hand %s to the broker, reconnecting", entry.name)
                producer = self._reconnect()

    def _reconnect(self):
        """Drop the broken connection and wait, retrying, until the broker answers again."""
        self.__dict__.pop("producer", None)
        connection = self.__dict__.pop("connection", None)
        if connection is not None:
            try:
                connection.release()
            except Exception:  # a dead connection may not even close cleanly
                logger.debug("beat: old broker connection did not close", exc_info=True)
        return self.producer  # Celery's beat retries the connection for as long as it takes
