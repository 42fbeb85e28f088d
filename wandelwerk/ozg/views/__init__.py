"""Pages of the service register."""

from wandelwerk.ozg.views.register import *  # noqa: F403
