"""One page per navigation section."""


def make(section: str, services, workspace):
    if section == "home":
        from victimcare.ui.pages.home import HomePage
        return HomePage(services, workspace)
    if section == "cases":
        from victimcare.ui.pages.cases import CasesPage
        return CasesPage(services, workspace)
    if section == "school":
        from victimcare.ui.pages.school import SchoolPage
        return SchoolPage(services, workspace)
    if section == "reports":
        from victimcare.ui.pages.reports import ReportsPage
        return ReportsPage(services, workspace)
    if section == "audit":
        from victimcare.ui.pages.audit import AuditPage
        return AuditPage(services, workspace)
    if section == "settings":
        from victimcare.ui.pages.settings import SettingsPage
        return SettingsPage(services, workspace)
    raise KeyError(section)
