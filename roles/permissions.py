"""The roles app's permissions for the staff groups, applied by migration 0006.

Deciding on supervisory-board seats (`decide_board_application`) goes to the group of the
tenants' organisation's members, never to coordinators.
"""

APPLICATIONS = ["view_application", "view_opening", "view_contribution", "add_invitation"]

ROLES_GROUP_PERMISSIONS = {
    "employee": ["view_application", "view_opening", "add_invitation", "view_invitation"],
    "coordinator": APPLICATIONS + ["change_application", "change_contribution", "change_opening"],
    "manager": APPLICATIONS + ["change_application", "change_contribution"],
    "tenants_organisation": ["view_application", "view_opening", "decide_board_application"],
    # Everything but deciding on board seats: that stays with the tenants' organisation.
    "administrator": [
        f"{action}_{model}"
        for model in ("role", "opening", "application", "invitation", "contribution")
        for action in ("add", "change", "delete", "view")
    ],
}


def sync_roles_permissions(apps):
    """Create the roles permissions and give them to the groups; safe to run again."""
    from porous.groups import grant_app_permissions

    grant_app_permissions(apps, "roles", ROLES_GROUP_PERMISSIONS)
