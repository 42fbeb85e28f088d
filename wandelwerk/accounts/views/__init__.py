"""Pages of signing in, of a municipality's members and of the provider's administration."""
