"""The machinery of the access matrix: list the URL patterns, make one request as one person
in a savepoint that is rolled back, and say what came back in the table's words."""

import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from django.conf import settings
from django.core import mail
from django.db import connection, reset_queries, transaction
from django.shortcuts import resolve_url
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# The columns of the table, in order.
ACTORS = (
    "anonymous",
    "tenant_a",
    "tenant_b",
    "home_seeker",
    "employee",
    "other_employee",
    "notes_reader",
    "coordinator",
    "manager",
    "administrator",
)
RESIDENTS = ("tenant_a", "tenant_b", "home_seeker")

# What a cell of the table can say. Numbers are plain statuses.
LOGIN = "L"  # 302 to the login page
ADMIN_LOGIN = "A"  # 302 to the admin's login page: the admin's refusal
REDIRECT = "R"  # 302 anywhere else
REFUSALS = {LOGIN, ADMIN_LOGIN, "400", "403", "404", "405"}

# Tables a request may write to without changing anyone's data: the session a login makes
# and the cache, where allauth keeps its rate-limit counters.
HOUSEKEEPING_TABLES = {"django_session", "django_cache"}
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


@dataclass(frozen=True)
class Pattern:
    name: str  # namespaced, "visits:visit-detail"; "" for an unnamed pattern
    route: str
    callback: object
    arguments: tuple  # the names of its keyword arguments


def all_patterns(resolver=None, prefix="", namespace=""):
    """Every pattern the resolver knows, with its full route and namespaced name."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from all_patterns(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}{entry.name}" if entry.name else ""
            arguments = tuple(entry.pattern.regex.groupindex)
            yield Pattern(name, prefix + str(entry.pattern), entry.callback, arguments)


def status_token(response):
    if response.status_code != 302:
        return str(response.status_code)
    location = response["Location"]
    if location.startswith(resolve_url(settings.LOGIN_URL)):
        return LOGIN
    if location.startswith(reverse("admin:login")):
        return ADMIN_LOGIN
    return REDIRECT


def written_tables(queries):
    """The tables the captured queries inserted into, updated or deleted from."""
    tables = set()
    for query in queries:
        match = WRITE.match(query["sql"])
        if match and match.group(1) not in HOUSEKEEPING_TABLES:
            tables.add(match.group(1))
    return sorted(tables)


def body_text(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@dataclass
class Answer:
    token: str
    body: str = ""
    written: list = field(default_factory=list)
    mails: int = 0


def logged_in_client(user):
    """A client for `user` (None: anonymous). Its session is made outside the savepoints, so
    it lasts for all the requests; each request's own changes to it are rolled back."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def ask(client, method, url, watch=None):
    """One request, undone afterwards: the data in a savepoint, the cookies by hand (a logout
    or a language switch must not carry over to the next request).

    Returns what came back, which tables it wrote to and how many emails it sent.
    `watch(answer)` runs before the rollback, to look at the data the request left.
    """
    cookies = SimpleCookie(client.cookies)
    mail.outbox = []
    with transaction.atomic():
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            try:
                response = client.generic(method, url)
            except Exception as error:  # an error is a cell of the matrix too
                answer = Answer(token=f"500 ({type(error).__name__}: {error})")
            else:
                answer = Answer(token=status_token(response), body=body_text(response))
        answer.written = written_tables(queries.captured_queries)
        answer.mails = len(mail.outbox)
        if watch is not None:
            watch(answer)
        transaction.set_rollback(True)
    client.cookies = cookies
    return answer
