"""Which staff groups hold which rewards permissions. Applied by migration 0003; transactional
tests (which flush the tables) call `sync_rewards_permissions` again after `sync_groups`."""

# Coordinators and managers approve grants and download payouts; administrators hold every
# permission of the app (they edit arrangements and the yearly limits in the admin).
GROUP_PERMISSIONS = {
    "coordinator": ["approve_grant", "export_payout"],
    "manager": ["approve_grant", "export_payout"],
}
ALL_PERMISSIONS_GROUP = "administrator"


def sync_rewards_permissions(apps):
    """Create the rewards permissions and give them to the groups; safe to run again."""
    from porous.groups import ALL, grant_app_permissions

    grant_app_permissions(apps, "rewards", {**GROUP_PERMISSIONS, ALL_PERMISSIONS_GROUP: ALL})
