"""The PySide6 user interface. Only this package (and the entry point) imports Qt."""
