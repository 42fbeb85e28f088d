from django.contrib.auth import views as auth_views
from django.urls import path

from wandelwerk.accounts import views

app_name = "accounts"

urlpatterns = [
    path("anmelden/", views.LoginView.as_view(), name="login"),
    path("abmelden/", auth_views.LogoutView.as_view(), name="logout"),
    path("konto/passwort/", views.PasswordChangeView.as_view(), name="password_change"),
    path("kommunen/neu/", views.MunicipalityCreateView.as_view(), name="municipality_create"),
    path("k/<slug:municipality_slug>/mitglieder/", views.MembersView.as_view(), name="members"),
]
