"""Printing a case: the print bundle, redaction profiles, the forms' catalog, the dossier and saving."""
