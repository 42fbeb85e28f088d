"""Pages of the section „Wissen“."""
