"""Printing in the app: the 打印 menu, the step tabs' print buttons, the print dialog (purpose, form,
rendering with progress and cancel), the preview (QtPdf, from memory) with print and save.

Rendering, the audit and saving are ``services.printing``'s (``casework/printing/service.py``); this
package only asks for them off the GUI thread and shows the result.
"""
