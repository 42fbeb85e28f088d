"""Single sign-on: django-allauth's OpenID Connect login and callback below ``/sso/oidc/<id>/``
(the redirect URI to register at the provider: ``https://HOST/sso/oidc/<id>/login/callback/``),
and the names allauth links to, served by our own pages. No app namespace: allauth reverses
these names as they are."""

from django.urls import include, path

from wandelwerk.accounts.views import signin, sso

urlpatterns = [
    path("", include("allauth.socialaccount.providers.openid_connect.urls")),
    path("start/", sso.StartView.as_view(), name="sso_start"),
    path("kein-zugang/", sso.NoAccessView.as_view(), name="socialaccount_signup"),
    path("deaktiviert/", sso.InactiveView.as_view(), name="account_inactive"),
    path("abgebrochen/", sso.CancelledView.as_view(), name="socialaccount_login_cancelled"),
    path("verbindungen/", sso.to_start, name="socialaccount_connections"),
    path("anmelden/", signin.LoginView.as_view(), name="account_login"),
]
