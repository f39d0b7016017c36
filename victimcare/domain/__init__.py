"""Pure domain rules: validation and code tables, with no Qt and no database."""
