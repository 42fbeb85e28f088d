from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "wandelwerk.accounts"
    label = "accounts"
    verbose_name = _("Konten")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from wandelwerk.accounts.logic import record_failed_login, record_login

        user_logged_in.connect(record_login, dispatch_uid="accounts.record_login")
        user_login_failed.connect(record_failed_login, dispatch_uid="accounts.record_failed_login")

        from allauth.account.signals import user_logged_in as signed_in_through_allauth

        from wandelwerk.accounts.sso import on_login

        signed_in_through_allauth.connect(on_login, dispatch_uid="accounts.sso_login")
