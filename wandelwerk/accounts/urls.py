from django.contrib.auth import views as auth_views
from django.urls import path

from wandelwerk.accounts.views import members, provider, second_factor, signin

app_name = "accounts"

MEMBERS = "k/<slug:municipality_slug>/mitglieder/"

urlpatterns = [
    path("anmelden/", signin.LoginView.as_view(), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/passwort/", signin.PasswordChangeView.as_view(), name="password_change"),
    path("konto/passwort-vergessen/", signin.PasswordResetView.as_view(), name="password_reset"),
    path(
        "konto/passwort-vergessen/gesendet/",
        signin.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "konto/passwort-setzen/<uidb64>/<token>/",
        signin.PasswordSetView.as_view(),
        name="password_set",
    ),
    path("konto/zweiter-faktor/", second_factor.OwnView.as_view(), name="second_factor"),
    path(
        "konto/zweiter-faktor/einrichten/",
        second_factor.SetupView.as_view(),
        name="second_factor_setup",
    ),
    path(
        "konto/zweiter-faktor/pruefen/",
        second_factor.VerifyView.as_view(),
        name="second_factor_verify",
    ),
    path("kommunen/neu/", provider.MunicipalityCreateView.as_view(), name="municipality_create"),
    path(
        "kommunen/<slug:slug>/stammdaten/",
        provider.MunicipalityDataView.as_view(),
        name="municipality_data",
    ),
    path("konten/", provider.AccountsView.as_view(), name="accounts"),
    path("konten/einladen/", provider.ProviderInviteView.as_view(), name="account_invite"),
    path("konten/<int:pk>/aktiv/", provider.AccountActiveView.as_view(), name="account_active"),
    path(
        "konten/<int:pk>/zweiter-faktor/",
        provider.AccountSecondFactorResetView.as_view(),
        name="account_second_factor_reset",
    ),
    path(
        f"{MEMBERS}zweiter-faktor/",
        members.SecondFactorPolicyView.as_view(),
        name="member_second_factor",
    ),
    path(MEMBERS, members.MembersView.as_view(), name="members"),
    path(f"{MEMBERS}einladen/", members.InviteView.as_view(), name="member_invite"),
    path(f"{MEMBERS}<int:pk>/", members.MemberUpdateView.as_view(), name="member_update"),
    path(f"{MEMBERS}<int:pk>/beenden/", members.MemberEndView.as_view(), name="member_end"),
    path(
        f"{MEMBERS}<int:pk>/erneut-einladen/",
        members.ReinviteView.as_view(),
        name="member_reinvite",
    ),
]
