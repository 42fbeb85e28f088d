"""Named permission rules for the knowledge base (object = the municipality).

Every member reads the published articles; editors write, submit, publish and approve (the
four-eyes rule itself is checked in the use case); admins set the municipality's rules."""

import rules

from wandelwerk.tenants.rules import can_edit, is_member, is_municipality_admin

rules.add_perm("knowledge.view", is_member)
rules.add_perm("knowledge.change", can_edit)
rules.add_perm("knowledge.configure", is_municipality_admin)
