from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views as portal_views
from portal.accounts import views as account_views
from portal.audit import urls as audit_urls
from portal.notifications.urls import hook_urlpatterns as notification_hooks
from portal.notifications.urls import urlpatterns as notification_pages
from portal.training.gate import gate_patterns

# Sign-in forms other than allauth's (Django's admin, Wagtail's admin, Wagtail's login for
# private pages) would skip the authenticator code: their addresses lead to allauth's instead.
# Listed before the apps that own them, so they win.
other_logins = [
    path("django-admin/login/", account_views.to_allauth_login, {"default_next": "/django-admin/"}),
    path("cms/login/", account_views.to_allauth_login, {"default_next": "/cms/"}),
]

urlpatterns = [
    *other_logins,
    path("healthz", portal_views.healthz, name="healthz"),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("portal.api.urls")),
    # allauth's headless login for apps (password, then authenticator code): a session token.
    path("_allauth/", include("allauth.headless.urls")),
    *notification_hooks,
]

urlpatterns += i18n_patterns(
    path("_util/login/", account_views.to_allauth_login),
    path("accounts/", include("portal.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include(notification_pages)),
    # The audit trail's compliance pages sit in the console: behind the same training gate.
    path("", include(gate_patterns(audit_urls.urlpatterns))),
    path("support/training/", include("portal.training.urls")),
    path("support/conversations/", include("portal.conversations.console_urls")),
    path("support/", include("portal.support.urls")),
    path("my/help/", include("portal.answers.urls")),
    path("my/conversations/", include("portal.conversations.urls")),
    path("my/", include("repayment.urls")),
    path("", include("education.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler403 = "portal.views.permission_denied"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
