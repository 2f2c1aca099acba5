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
    "manager": VIEW_REGISTER + ["porous.view_user", "porous.view_team", "porous.view_dashboard"],
    # Administrators hold every permission of these apps (see sync_groups); the other apps
    # give them theirs in their own permissions module, minus the sensitive ones (reading
    # others' visit notes, deciding on board seats), which are granted to people explicitly.
    "administrator": [],
}
ADMINISTRATOR_APPS = ["porous", "tenants", "auth"]
# Administrators read the audit log; nobody changes it.
ADMINISTRATOR_READS = {"auditlog": ["view_logentry"]}
# Changing what a group may do is how a permission would reach many people at once (reading
# visit notes, say): only superusers do that. Administrators put people in groups.
ADMINISTRATOR_WITHHELD = {"auth": ["add_group", "change_group", "delete_group"]}


def sync_groups(apps):
    """Create the groups and give them their permissions; safe to run again."""
    for app_label in {code.split(".")[0] for codes in GROUP_PERMISSIONS.values() for code in codes}:
        grant_app_permissions(
            apps,
            app_label,
            {
                name: [c.split(".")[1] for c in codes if c.startswith(f"{app_label}.")]
                for name, codes in GROUP_PERMISSIONS.items()
            },
        )
    labels = {c.label for c in apps.get_app_configs()}
    for app_label in ADMINISTRATOR_APPS:
        if app_label in labels:
            grant_app_permissions(apps, app_label, {"administrator": ALL})
    for app_label, codenames in ADMINISTRATOR_READS.items():
        if app_label in labels:
            grant_app_permissions(apps, app_label, {"administrator": codenames})
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    administrator = Group.objects.get(name="administrator")
    for app_label, codenames in ADMINISTRATOR_WITHHELD.items():
        administrator.permissions.remove(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def grant_app_permissions(apps, app_label, group_codenames):
    """Give staff groups permissions of one app: {"coordinator": ["view_x", ...]}, or ALL.

    Each app keeps its own table (school.permissions, rewards.permissions, ...) and calls
    this from its data migration; transactional tests call it again after the flush.
    """
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    # The migration state's app config has no models module; create_permissions needs one.
    original = getattr(app_config, "models_module", None)
    app_config.models_module = original or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = original

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label=app_label)
    for name, codenames in group_codenames.items():
        group, _ = Group.objects.get_or_create(name=name)
        chosen = permissions if codenames == ALL else permissions.filter(codename__in=codenames)
        group.permissions.add(*chosen)


ALL = "__all__"
