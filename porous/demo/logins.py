"""The fixed demo logins. No Django imports, so `make run` can print them cheaply:

python -m porous.demo.logins
"""

from typing import NamedTuple

DEMO_PASSWORD = "demo-wachtwoord-2026"  # noqa: S105 - a published demo password, never production
# Every demo member of staff has an authenticator app with this published secret (base32), so
# the second login step works in a demo; `manage.py demo_code` prints the code it shows now.
DEMO_TOTP_SECRET = "MIJNWONINGBOUWDEMOTOTPGEHEIM2345"  # noqa: S105 - published, demo only


class DemoLogin(NamedTuple):
    role: str
    email: str
    full_name: str


DEMO_TENANT = DemoLogin("huurder (tenant)", "huurder@example.nl", "Samira Bouzidi")
DEMO_HOME_SEEKER = DemoLogin(
    "woningzoekende (home seeker)", "woningzoekende@example.nl", "Daan Mulder"
)
DEMO_EMPLOYEE = DemoLogin("medewerker (employee)", "medewerker@example.nl", "Mila Verhoeven")
DEMO_COORDINATOR = DemoLogin(
    "coördinator (coordinator)", "coordinator@example.nl", "Ruben Hoekstra"
)
DEMO_MANAGER = DemoLogin("manager", "manager@example.nl", "Ingrid van Dam")
DEMO_ADMIN = DemoLogin("beheerder (administrator)", "beheerder@example.nl", "Peter Kuipers")

DEMO_LOGINS = (
    DEMO_TENANT,
    DEMO_HOME_SEEKER,
    DEMO_EMPLOYEE,
    DEMO_COORDINATOR,
    DEMO_MANAGER,
    DEMO_ADMIN,
)


def logins_table():
    """The demo logins as a plain-text table, for the terminal."""
    width = max(len(login.role) for login in DEMO_LOGINS)
    email_width = max(len(login.email) for login in DEMO_LOGINS)
    lines = [f"{'role':<{width}}  {'email':<{email_width}}  password"]
    lines.append(f"{'-' * width}  {'-' * email_width}  {'-' * len(DEMO_PASSWORD)}")
    for login in DEMO_LOGINS:
        lines.append(f"{login.role:<{width}}  {login.email:<{email_width}}  {DEMO_PASSWORD}")
    lines += [
        "",
        "Staff (employee, coordinator, manager, administrator) log in with a second step: the",
        "code from an authenticator app. Either add this demo secret to an app on your phone:",
        f"    {DEMO_TOTP_SECRET}",
        "or print the code of the moment with:",
        "    .venv/bin/python manage.py demo_code",
    ]
    return "\n".join(lines)
