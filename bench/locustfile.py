"""The load test's users: residents browsing and applying, employees logging visits, managers
on the dashboard. Run by bench/load.py, which logs everyone in and writes BENCH_LOAD_DATA.

Every request checks its status: anything else than the expected answer is a failure, and any
failure makes locust exit non-zero.
"""

import json
import os
import random
from pathlib import Path

from locust import HttpUser, between, task

DATA = json.loads(Path(os.environ["BENCH_LOAD_DATA"]).read_text())
CSRF = DATA["csrf"]


class Person(HttpUser):
    abstract = True
    wait_time = between(1, 4)
    kind = ""

    def on_start(self):
        self.me = DATA[self.kind].pop()  # each simulated person logs in as someone else
        self.client.cookies.set("sessionid", self.me["session"])
        self.client.cookies.set("csrftoken", CSRF)

    def get(self, path, name=None):
        self.expect("GET", path, 200, name=name)

    def post(self, path, data, expected=(302,), name=None):
        return self.expect("POST", path, expected, name=name, data=data)

    def expect(self, method, path, expected, name=None, **kwargs):
        expected = (expected,) if isinstance(expected, int) else expected
        with self.client.request(
            method,
            path,
            name=name or path,
            headers={"X-CSRFToken": CSRF},
            allow_redirects=False,
            catch_response=True,
            **kwargs,
        ) as response:
            if response.status_code not in expected:
                response.failure(f"{response.status_code}, expected {expected}")
            return response


class Resident(Person):
    weight = 30
    kind = "residents"

    @task(5)
    def home(self):
        self.get("/", name="home (resident)")

    @task(3)
    def ladder(self):
        self.get(DATA["urls"]["my-ladder"], name="Mijn ladder")

    @task(2)
    def role(self):
        self.get(random.choice(DATA["roles"]), name="role detail")

    @task(1)
    def my_applications(self):
        self.get(DATA["urls"]["my-applications"], name="my applications")

    @task(1)
    def apply(self):
        # 302: applied or waiting list; 200: the page again with a clear refusal (two roles
        # already, applied before). Both are answers, not failures.
        self.post(
            DATA["apply"] % random.choice(DATA["openings"]),
            {"motivation": "Ik help graag mee.", "availability": "zaterdag"},
            expected=(200, 302),
            name="apply (POST)",
        )


class Employee(Person):
    weight = 15
    kind = "employees"

    @task(4)
    def my_week(self):
        self.get(DATA["urls"]["my-week"], name="Mijn week")

    @task(1)
    def plan_and_log(self):
        if not self.me["households"]:
            return
        household = self.me["households"].pop()
        response = self.post(
            DATA["plan"] % household,
            {"kind": "regular", "planned_for": DATA["today"], "log_now": "1"},
            name="visit plan (POST)",
        )
        location = response.headers.get("Location", "")
        if response.status_code == 302 and "/verslag/" in location:
            self.post(
                location,
                {"outcome": "visited", "visited_on": DATA["today"], "satisfaction": "8"},
                name="visit log (POST)",
            )


class Manager(Person):
    weight = 5
    kind = "managers"

    @task(3)
    def dashboard(self):
        self.get(DATA["urls"]["dashboard"], name="dashboard")

    @task(1)
    def dashboard_filtered(self):
        path = DATA["urls"]["dashboard"] + random.choice(DATA["filters"])
        self.get(path, name="dashboard, filtered")

    @task(1)
    def csv(self):
        self.get(random.choice(DATA["csv"]), name="dashboard CSV")
