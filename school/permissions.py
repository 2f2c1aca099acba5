"""The school's permissions for the staff groups, applied by migration 0002.

Kept here (not in porous.groups) so the school owns its own rows; call
`sync_school_permissions(apps)` again after a test flush, like porous.groups.sync_groups.
"""

MODELS = ["course", "courserun", "coursesession", "enrollment", "attendance", "certificate"]
SCHEDULE = ["course", "courserun", "coursesession"]

SCHOOL_GROUP_PERMISSIONS = {
    "employee": [f"view_{model}" for model in SCHEDULE],
    # Coordinators run the school: plan courses, manage enrolments and attendance, revoke.
    "coordinator": [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "view")
    ],
    "manager": [f"view_{model}" for model in MODELS],
    "administrator": [
        f"{action}_{model}"
        for model in [*MODELS, "calendartoken"]
        for action in ("add", "change", "delete", "view")
    ],
}


def sync_school_permissions(apps):
    """Create the school's permissions and give them to the groups; safe to run again."""
    from porous.groups import grant_app_permissions

    grant_app_permissions(apps, "school", SCHOOL_GROUP_PERMISSIONS)
