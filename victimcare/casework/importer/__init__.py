"""Importing cases: ``reading`` turns a file into rows, ``service`` checks and writes them."""

from victimcare.casework.importer.reading import COLUMNS, HEADER_LABELS, KEYS, ImportFileError, column_label
from victimcare.casework.importer.service import ImportReport, ImportService

__all__ = ["COLUMNS", "HEADER_LABELS", "KEYS", "ImportFileError", "ImportReport", "ImportService", "column_label"]
