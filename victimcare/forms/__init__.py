"""Printable forms and PDFs (reportlab + pypdf). No Qt in this package."""
