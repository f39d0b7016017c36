"""One page per navigation section."""


def make(section: str, session, workspace):
    if section == "home":
        from victimcare.ui.pages.home import HomePage
        return HomePage(session, workspace)
    if section == "cases":
        from victimcare.ui.pages.cases import CasesPage
        return CasesPage(session, workspace)
    if section == "school":
        from victimcare.ui.pages.school import SchoolPage
        return SchoolPage(session, workspace)
    if section == "reports":
        from victimcare.ui.pages.reports import ReportsPage
        return ReportsPage(session, workspace)
    if section == "audit":
        from victimcare.ui.pages.audit import AuditPage
        return AuditPage(session, workspace)
    if section == "settings":
        from victimcare.ui.pages.settings import SettingsPage
        return SettingsPage(session, workspace)
    raise KeyError(section)
