"""The broker stopped: work waits as rows or in beat, and is done once when Redis is back.

Requests never hand work to Celery: what must happen later is a row (a reminder) that the sweep
finds. These tests stop a broker for real: a Redis of their own on a free port, started and
stopped here (never the shared one), and the real Redis of REDIS_URL as the broker that is back.
"""

import shutil
import subprocess
import threading
import uuid

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker
from django.core import mail
from django.db import connection
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask
from kombu.exceptions import OperationalError

from porous import reminders
from porous import tasks as porous_tasks  # noqa: F401 - the sweep, for the worker
from porous.beat import PatientScheduler
from porous.models import Reminder
from tests.conftest import free_port
from tests.factories import UserFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


class OwnRedis:
    """A throwaway redis-server on a free loopback port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                threading.Event().wait(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)

    def queue_length(self, name):
        return redis.Redis(port=self.port).llen(name)


@pytest.fixture
def own_redis():
    if not shutil.which("redis-server"):
        pytest.fail("redis-server is needed (apt-get install redis-server)")
    server = OwnRedis()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


def project_app(**conf):
    app = Celery("faults-tests", set_as_current=False)
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.update(broker_transport_options={}, task_always_eager=False, **conf)
    app.finalize()
    return app


@pytest.fixture
def hello_kind():
    @reminders.register("test.faults")
    def render(reminder):
        return reminders.Message(subject="Hallo", body="Een herinnering.")


def test_beat_hands_over_a_task_that_came_due_while_the_broker_was_down(migration_data, own_redis):
    app = project_app(broker_url=own_redis.url)
    sweep = PeriodicTask.objects.create(
        name="Sweep",
        task="porous.tasks.send_due_reminders",
        interval=IntervalSchedule.objects.create(every=5, period="minutes"),
    )
    scheduler = PatientScheduler(app=app)
    producer = scheduler.producer  # beat connected while the broker ran
    own_redis.stop()

    def beat_sends_the_due_task():
        try:
            scheduler.apply_entry(scheduler.Entry(sweep, app=app), producer=producer)
        finally:
            connection.close()

    beat = threading.Thread(target=beat_sends_the_due_task)
    beat.start()
    beat.join(timeout=3)
    assert beat.is_alive(), "beat gave the task up instead of waiting for the broker"
    own_redis.start()
    beat.join(timeout=60)
    assert not beat.is_alive()
    assert own_redis.queue_length("celery") == 1


def test_a_reminder_kept_while_the_broker_is_down_is_sent_once_when_it_is_back(
    migration_data, hello_kind, settings
):
    user = UserFactory()
    reminders.reminder_schedule(recipient=user, kind="test.faults", key="k", due_at=timezone.now())
    down = project_app(broker_url=f"redis://127.0.0.1:{free_port()}/0")
    with pytest.raises(OperationalError):
        down.send_task("porous.tasks.send_due_reminders")
    assert Reminder.objects.get().sent_at is None

    queue = f"faults-{uuid.uuid4().hex}"  # the shared Redis: a queue of our own
    back = project_app(
        broker_url=settings.REDIS_URL,
        result_backend="cache+memory://",
        task_default_queue=queue,
    )
    with start_worker(back, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        assert back.send_task("porous.tasks.send_due_reminders").get(timeout=20) == 1
        assert back.send_task("porous.tasks.send_due_reminders").get(timeout=20) == 0
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert Reminder.objects.get().sent_at is not None
