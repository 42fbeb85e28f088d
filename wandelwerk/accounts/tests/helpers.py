"""What a person does by hand in the tests of signing in: read the code their authenticator app
shows, and follow the link in an e-mail."""

from __future__ import annotations

import re
import time
from typing import Any

from django_otp.oath import TOTP


def app_code(device: Any, steps_ahead: int = 0) -> str:
    """The code the app shows now (or ``steps_ahead`` time steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def link_path(message: Any) -> str:
    """The path of the set-password link in an invitation or reset e-mail."""
    return re.search(r"https?://[^/\s]+(/konto/passwort-setzen/\S+/)", message.body).group(1)
