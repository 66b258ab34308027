from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from reader.api import api

# The admin's title and header name the site, in the page's language, instead of "Django administration".
admin.site.site_title = _("Sala de lectură")
admin.site.site_header = _("Sala de lectură: administrare")
admin.site.index_title = _("Administrare")

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
]
# Romanian at the plain URLs, English under /en/: each page has one URL per language, so anonymous
# pages stay cacheable (no language cookie, no CSRF token for a switcher form) and links can be shared.
# The admin too (/admin/, /en/admin/): outside these patterns it could only ever be Romanian.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("reader.urls")),
    prefix_default_language=False,
)
