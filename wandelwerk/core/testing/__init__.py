"""Test support that knows no app: browser tests, URL walking, the permission matrix, files."""

PASSWORD = "test-passwort-123"  # every test user's password
