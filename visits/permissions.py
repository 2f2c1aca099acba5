"""The visits app's permissions for the staff groups, applied by migration 0002.

Kept here (not in porous.groups) so the visits app owns its rows; call
`sync_visits_permissions(apps)` again after a test flush, like porous.groups.sync_groups.
Reading other people's visit notes (`view_visit_notes`) is given to nobody by default:
an administrator grants it to a person explicitly.
"""

MODELS = ["visit", "followup", "visitrequest", "noteaccess", "neighbourhoodcoordinator"]
WORK = ["add_visit", "change_visit", "view_visit", "change_followup", "view_followup"]

VISITS_GROUP_PERMISSIONS = {
    "employee": WORK + ["view_visitrequest"],
    "coordinator": WORK + ["view_visitrequest", "view_neighbourhoodcoordinator"],
    "manager": WORK + ["view_visitrequest", "view_neighbourhoodcoordinator"],
    "administrator": [
        f"{action}_{model}"
        for model in MODELS
        for action in ("add", "change", "delete", "view")
        if model != "noteaccess" or action == "view"  # the read log is never edited
    ],
}


def sync_visits_permissions(apps):
    """Create the visits permissions and give them to the groups; safe to run again."""
    from porous.groups import grant_app_permissions

    grant_app_permissions(apps, "visits", VISITS_GROUP_PERMISSIONS)
