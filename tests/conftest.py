"""The fixed cast every test can use, and the switches for tests that need real services."""

import os
import shutil
import socket

import pytest
from django.db import connection

from porous.models import GroupName
from tests import factories


def pytest_collection_modifyitems(config, items):
    # Tests marked postgres/redis/e2e skip here with the reason printed when the service is
    # missing; CI sets REQUIRE_ALL_SERVICES=1 and then a skip fails the run (see below).
    from django.conf import settings

    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    reasons = {
        "postgres": None if on_postgres else "needs PostgreSQL: set DATABASE_URL",
        "redis": None if settings.REDIS_URL else "needs Redis: set REDIS_URL",
        "e2e": None if chromium else "needs Debian's chromium (apt-get install chromium)",
    }
    for item in items:
        for marker, reason in reasons.items():
            if reason and item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))


def pytest_sessionfinish(session, exitstatus):
    if os.environ.get("REQUIRE_ALL_SERVICES") != "1":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        reporter.write_line(f"REQUIRE_ALL_SERVICES=1 but {skipped} test(s) skipped", red=True)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # Hashing with the production cost makes each user take a tenth of a second.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _clear_cache(request):
    # Rate-limit counters live in the cache: start each database test with an empty one.
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        from django.core.cache import cache

        request.getfixturevalue("db")
        cache.clear()


def restore_migration_data():
    """Put back what data migrations made: the starting catalogue, groups and permissions."""
    from django.apps import apps

    from porous.groups import sync_groups
    from rewards.permissions import sync_rewards_permissions
    from roles.catalogue import STARTING_ROLES
    from roles.models import Role
    from roles.permissions import sync_roles_permissions
    from school.permissions import sync_school_permissions
    from visits.permissions import sync_visits_permissions

    for position, data in enumerate(STARTING_ROLES):
        Role.objects.update_or_create(slug=data["slug"], defaults={**data, "position": position})
    sync_groups(apps)
    sync_school_permissions(apps)
    sync_rewards_permissions(apps)
    sync_roles_permissions(apps)
    sync_visits_permissions(apps)


@pytest.fixture
def migration_data(transactional_db):
    """Transactional tests flush the tables afterwards, data migrations' rows included."""
    restore_migration_data()


@pytest.fixture
def password():
    return factories.PASSWORD


@pytest.fixture
def household(db):
    return factories.HouseholdFactory()


@pytest.fixture
def tenant(db, household):
    return factories.ResidentFactory(household=household, user__full_name="Fatima el Amrani")


@pytest.fixture
def other_tenant(db):
    return factories.ResidentFactory(user__full_name="Kees de Vries")


@pytest.fixture
def home_seeker(db):
    return factories.HomeSeekerFactory(user__full_name="Sanne Bakker")


@pytest.fixture
def employee(db):
    return factories.StaffFactory(full_name="Jeroen Visser", groups=[GroupName.EMPLOYEE])


@pytest.fixture
def coordinator(db):
    return factories.StaffFactory(
        full_name="Anouk Smit", groups=[GroupName.EMPLOYEE, GroupName.COORDINATOR]
    )


@pytest.fixture
def manager(db):
    return factories.StaffFactory(
        full_name="Marieke de Boer", groups=[GroupName.EMPLOYEE, GroupName.MANAGER]
    )


@pytest.fixture
def administrator(db):
    return factories.StaffFactory(
        full_name="Beheerder", is_staff=True, groups=[GroupName.ADMINISTRATOR]
    )


@pytest.fixture
def superuser(db):
    return factories.UserFactory(full_name="Super", is_staff=True, is_superuser=True)


def login(client, user):
    client.force_login(user)
    return client


def free_port():
    """A loopback port that was free a moment ago: for a server of a test's own, or to see
    how the portal copes when nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server_away(settings):
    """Django's SMTP backend pointed at a port where nothing listens: connection refused."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    return settings


@pytest.fixture
def db_vendor():
    return connection.vendor
