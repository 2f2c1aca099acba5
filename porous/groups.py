"""Which permissions each staff group holds. Applied by data migrations (porous 0002 and later
ones that add models), so a fresh database always has the groups ready."""

VIEW_REGISTER = [
    "tenants.view_neighbourhood",
    "tenants.view_complex",
    "tenants.view_dwelling",
    "tenants.view_household",
    "tenants.view_resident",
    "tenants.view_talent",
    "roles.view_role",
]

GROUP_PERMISSIONS = {
    "employee": VIEW_REGISTER,
    "coordinator": VIEW_REGISTER + ["porous.view_user", "tenants.change_resident"],
    "manager": VIEW_REGISTER + ["porous.view_user", "porous.view_team"],
    # Administrators hold every permission of these apps (see sync_groups).
    "administrator": [],
}
ADMINISTRATOR_APPS = ["porous", "tenants", "roles", "school", "rewards", "visits", "auth"]


def sync_groups(apps):
    """Create the groups and give them their permissions; safe to run again."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # create_permissions skips apps without a models module, which the migration
        # state's app configs lack; mark them for the call, then restore.
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = original

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if name == "administrator":
            perms = Permission.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS)
        else:
            perms = [
                Permission.objects.get(
                    content_type__app_label=code.split(".")[0], codename=code.split(".")[1]
                )
                for code in codes
            ]
        group.permissions.add(*perms)
