from django.contrib.admin.apps import AdminConfig


class PortalAdminConfig(AdminConfig):
    default_site = "portal.admin_site.PortalAdminSite"

    def ready(self):
        super().ready()  # every app's admin module is loaded now
        from .admin_site import replace_third_party_admins

        replace_third_party_admins()
