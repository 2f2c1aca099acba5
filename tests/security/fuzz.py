"""What the fuzz tests share: the forms our apps define, hypothesis strategies for hostile
input, the settings every fuzz test runs with, and a way to see that nothing was saved."""

import datetime
import importlib
import inspect
import operator
import os
import pkgutil
from contextlib import contextmanager

from django import forms
from django.apps import apps
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

APPS = ["porous", "tenants", "school", "rewards", "roles", "visits"]

# At least 200 examples each (the issue asks for it). Derandomised, so a run is the same run
# everywhere and a failure reproduces; no example database, so CI never depends on what an
# earlier run left in .hypothesis/. The fixtures are built once per test, and every example
# runs inside a savepoint that is rolled back (see `rolled_back`), so the function-scoped
# fixtures really are the same for each example: that is why the health check may be off.
FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Through the pages (a full request, a rendered page and a look at every table each time) the
# same input costs a hundred times more: fewer examples there keep the suite at minutes.
# FUZZ_PAGE_EXAMPLES raises it for a long run.
FUZZ_PAGES = settings(FUZZ, max_examples=int(os.environ.get("FUZZ_PAGE_EXAMPLES", "50")))


def our_form_classes() -> set[type[forms.BaseForm]]:
    """Every Form and ModelForm class defined in a module of our apps (migrations aside)."""
    found = set()
    for app in APPS:
        package = importlib.import_module(app)
        modules = [package.__name__]
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" not in info.name:
                modules.append(info.name)
        for name in modules:
            module = importlib.import_module(name)
            for _, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, forms.BaseForm) and value.__module__ == name:
                    found.add(value)
    return found


# Any text, control characters and NUL included (surrogates cannot travel in a request).
ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
CONTROL = st.text(st.characters(max_codepoint=0x1F), min_size=1, max_size=8)
TRICKY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '=HYPERLINK("http://example.nl")',
        "\u202e\u0645\u0631\u062d\u0628\u0627",
        "Ｆｕｌｌｗｉｄｔｈ",
        "e\u0301\u0301\u0301",
        "\U0001f3e0" * 3,
        "null",
        "None",
        "[]",
    ]
)
# Huge values are made by repeating a short piece: cheap to make, up to 90,000 characters.
HUGE = st.builds(operator.mul, st.text(min_size=1, max_size=3), st.integers(1_000, 30_000))
NUMBERS = st.one_of(
    st.integers().map(str),
    st.integers(-(2**80), 2**80).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True).map(str),
    st.sampled_from(["1e999", "-0", "0x10", "١٢", "1_000", " 5 ", "5,5", "2.999999999999"]),
)
DATES = st.one_of(
    st.dates().map(datetime.date.isoformat),
    st.from_regex(r"\A-?\d{1,6}-\d{1,3}-\d{1,3}\Z"),
    st.sampled_from(["2025-02-30", "0000-01-01", "9999-12-31", "31-12-2025", "2025-W01-1"]),
)
BOOLEANS = st.sampled_from(["on", "true", "True", "false", "0", "1", "", "off"])
HOSTILE = st.one_of(ANY_TEXT, CONTROL, TRICKY, HUGE, NUMBERS)


def choice_values(field: forms.Field) -> list[str]:
    """The values a choice field accepts, as they come in a request."""
    values = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # an optgroup
            values.extend(str(v) for v, _ in label)
        else:
            values.append(str(value))
    return values or [""]


def field_values(field: forms.Field) -> st.SearchStrategy:
    """Hostile input for one field, with values of the right shape mixed in, so that some
    examples get past the form into the services."""
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        one = st.one_of(st.sampled_from(choice_values(field)), HOSTILE)
        return st.lists(one, max_size=4)
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return st.one_of(st.sampled_from(choice_values(field)), HOSTILE)
    if isinstance(field, forms.DateField | forms.DateTimeField):
        return st.one_of(DATES, HOSTILE)
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return st.one_of(NUMBERS, st.integers(-5, 30).map(str), HOSTILE)
    if isinstance(field, forms.BooleanField):
        return st.one_of(BOOLEANS, HOSTILE)
    if isinstance(field, forms.EmailField):
        return st.one_of(st.emails(), HOSTILE)
    return st.one_of(ANY_TEXT, st.text(max_size=20), HOSTILE)


def form_data(form: forms.BaseForm) -> st.SearchStrategy:
    """A dict of field name to value (a list for multiple values); any field may be missing."""
    return st.fixed_dictionaries(
        {}, optional={name: field_values(field) for name, field in form.fields.items()}
    )


def as_query_dict(data: dict):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, value in data.items():
        query.setlist(name, value if isinstance(value, list) else [value])
    return query


def assert_errors_are_messages(form: forms.BaseForm) -> None:
    for name, errors in form.errors.items():
        assert name == "__all__" or name in form.fields
        assert errors, name
        for message in errors:
            assert isinstance(message, str) and message.strip(), (name, message)


def snapshot() -> dict[str, list]:
    """Every row of our apps' tables (and of the account tables), to compare before/after.
    The session and cache tables are left out: each request touches them."""
    rows = {}
    labels = [*APPS, "auth", "account", "mfa"]
    for model in apps.get_models():
        if model._meta.app_label in labels:
            rows[model._meta.label] = sorted(
                model.objects.order_by().values_list(), key=lambda row: row[0]
            )
    return rows


@contextmanager
def rolled_back():
    """Run the block in a savepoint that is always undone, so every example starts from the
    same database; on_commit callbacks never run (the test's own transaction never commits)."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
