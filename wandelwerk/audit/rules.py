"""Named permission rules for the audit log (object = the municipality)."""

import rules

from wandelwerk.tenants.rules import is_municipality_admin

rules.add_perm("audit.view_log", is_municipality_admin)
