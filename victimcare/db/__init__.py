"""SQLCipher storage: one separately keyed file per compartment."""
