from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm

from wandelwerk.core.forms import KernFormMixin


class LoginForm(KernFormMixin, AuthenticationForm):
    pass


class KernPasswordChangeForm(KernFormMixin, PasswordChangeForm):
    pass
