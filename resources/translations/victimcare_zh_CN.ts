<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../victimcare/ui/crash.py" line="40"/>
        <source>Crash</source>
        <comment>Unexpected error</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/crash.py" line="41"/>
        <source>Crash</source>
        <comment>VictimCare hit an unexpected error. Your saved records are safe. A report without any personal data was written to:
{path}
Please give this file to IT support.</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="19"/>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="19"/>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="28"/>
        <source>Account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="30"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="31"/>
        <source>First password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="32"/>
        <source>The person must change this password at first sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="33"/>
        <source>Account error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="36"/>
        <location filename="../../victimcare/ui/pages/settings.py" line="37"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="19"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="19"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="19"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="21"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="22"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="23"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="24"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="25"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="26"/>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="27"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="28"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="32"/>
        <location filename="../../victimcare/ui/pages/audit.py" line="46"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="38"/>
        <source>Chain head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="40"/>
        <source>Verification result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="42"/>
        <source>Verify vault and audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="43"/>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="58"/>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="58"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="58"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="59"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="59"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="59"/>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="60"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="60"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="60"/>
        <source>Failed sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="61"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="61"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="61"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="62"/>
        <source>Password change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="62"/>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="63"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="63"/>
        <source>Account change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="64"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="64"/>
        <source>Recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="64"/>
        <source>Setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="65"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="73"/>
        <source>Chain head: entry {seq}, hash {hash}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="80"/>
        <source>Checking every page of every compartment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="94"/>
        <source>Verification failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="41"/>
        <source>← Back to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="42"/>
        <source>Back to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="49"/>
        <source>Case steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="51"/>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="62"/>
        <source>Case header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="68"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="76"/>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="79"/>
        <location filename="../../victimcare/ui/case_page.py" line="234"/>
        <source>Name unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="81"/>
        <source>Case name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="88"/>
        <source>Also known as: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="89"/>
        <location filename="../../victimcare/ui/case_page.py" line="234"/>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="93"/>
        <source>Case {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="94"/>
        <source>{n} days in care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="95"/>
        <source>Worker: {w}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="96"/>
        <source>Case facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="99"/>
        <source>Rescued from trafficking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="100"/>
        <location filename="../../victimcare/ui/case_page.py" line="253"/>
        <source>Suspected trafficking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="101"/>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="102"/>
        <source>Foreign national</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="107"/>
        <source>Minor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="109"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="140"/>
        <source>Deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="143"/>
        <source>Case deadlines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="154"/>
        <source>No deadlines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="157"/>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="167"/>
        <source>Refer to education bureau for school placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="168"/>
        <source>Refer to school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="172"/>
        <source>Referral error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="175"/>
        <location filename="../../victimcare/ui/case_page.py" line="178"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="188"/>
        <source>Pseudonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="188"/>
        <source>The name is unknown. Pseudonym for the school:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="197"/>
        <source>Referred to education bureau</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="224"/>
        <source>Arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="225"/>
        <source>Admitted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="226"/>
        <source>How arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="227"/>
        <source>Escorting unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="227"/>
        <source>Escorting officers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="228"/>
        <source>Police case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="231"/>
        <source>about {age} (estimated: {basis})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="233"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="234"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="235"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="235"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="236"/>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="236"/>
        <source>ID document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="237"/>
        <source>Hukou place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="238"/>
        <source>Residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="238"/>
        <source>Dialect / accent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="239"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="242"/>
        <source>Police handover (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="243"/>
        <source>Police unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="243"/>
        <source>Officers and badge numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="244"/>
        <source>Found at (time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="245"/>
        <source>Found at (place)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="245"/>
        <source>Checks done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="246"/>
        <source>Handed over at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="247"/>
        <source>Belongings and relatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="248"/>
        <source>Belongings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="250"/>
        <source>Close relatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="252"/>
        <source>Flags and decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="253"/>
        <source>Yes — reported {at} to {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="254"/>
        <location filename="../../victimcare/ui/case_page.py" line="278"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="255"/>
        <source>What they ask for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="256"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="260"/>
        <source>🔒 First health check and circumstances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="262"/>
        <source>Sensitive section: opening it is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="263"/>
        <source>Sensitive notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="275"/>
        <source>Physical state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="276"/>
        <source>Mental / intellectual signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="278"/>
        <source>Visible injuries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="278"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="279"/>
        <source>How they were found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case_page.py" line="280"/>
        <source>Cause, time and course of events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="36"/>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="37"/>
        <source>Search by name, alias, case number or ID fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="40"/>
        <location filename="../../victimcare/ui/pages/cases.py" line="41"/>
        <source>New intake registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="50"/>
        <source>Case status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="51"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="51"/>
        <source>Closed cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="52"/>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="55"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="56"/>
        <source>Any step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="60"/>
        <source>Step status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="65"/>
        <source>Assigned worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="66"/>
        <source>Worker account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="68"/>
        <location filename="../../victimcare/ui/pages/cases.py" line="69"/>
        <source>Overdue only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="71"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="72"/>
        <source>Newest intake first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="72"/>
        <location filename="../../victimcare/ui/pages/cases.py" line="84"/>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="73"/>
        <location filename="../../victimcare/ui/pages/cases.py" line="91"/>
        <source>Next deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="79"/>
        <source>Result count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="85"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="85"/>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="86"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="87"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="88"/>
        <source>Days in care</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="89"/>
        <source>Current steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="95"/>
        <source>Case list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="131"/>
        <source>{n} case(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="13"/>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="16"/>
        <source>Your password was set by a supervisor. Choose your own now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="22"/>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="23"/>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="24"/>
        <source>Repeat new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="25"/>
        <source>At least 15 characters. A sentence you can remember works well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="26"/>
        <source>Password error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="30"/>
        <location filename="../../victimcare/ui/password_dialog.py" line="31"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="40"/>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="24"/>
        <source>Pick a date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="334"/>
        <source>Possible duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="338"/>
        <source>These existing cases may be the same person. Check them before creating a new case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="342"/>
        <source>Duplicate candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="343"/>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="343"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="343"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="344"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="344"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="357"/>
        <source>Same person — open that case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="358"/>
        <source>Open existing case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="360"/>
        <source>Different person — create new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="361"/>
        <source>Create new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="363"/>
        <source>Back to the form</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="21"/>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="26"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="26"/>
        <source>Overdue items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="27"/>
        <source>Due within 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="27"/>
        <source>Due soon items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="30"/>
        <source>Pending approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="55"/>
        <location filename="../../victimcare/ui/pages/home.py" line="58"/>
        <source>Nothing here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="59"/>
        <source>Overdue: {o}    Due within 3 days: {s}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="71"/>
        <source>New intake registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="86"/>
        <source>Form errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="87"/>
        <location filename="../../victimcare/ui/intake_dialog.py" line="88"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="92"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="99"/>
        <source>Fields marked * are required. Sections marked 🔒 are sensitive: they are stored in the sensitive compartment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="122"/>
        <source>Arrival</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="123"/>
        <source>Admitted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="125"/>
        <source>How arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="126"/>
        <location filename="../../victimcare/ui/intake_dialog.py" line="139"/>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="127"/>
        <source>Escorting unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="128"/>
        <source>Escorting officers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="129"/>
        <source>Police case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="132"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="133"/>
        <location filename="../../victimcare/ui/intake_dialog.py" line="193"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="134"/>
        <location filename="../../victimcare/ui/intake_dialog.py" line="135"/>
        <source>Name unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="137"/>
        <source>Aliases / self-reported names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="138"/>
        <source>Separate several names with ；</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="139"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="140"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="141"/>
        <source>Estimated age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="142"/>
        <source>Only when the date of birth is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="143"/>
        <source>Basis of the estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="144"/>
        <source>e.g. 目测, 骨龄鉴定, 本人自述</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="145"/>
        <source>Ethnicity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="147"/>
        <source>ID document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="150"/>
        <source>ID type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="151"/>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="153"/>
        <source>Hukou place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="154"/>
        <source>Hukou address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="155"/>
        <source>Residence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="156"/>
        <source>Dialect / accent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="157"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="161"/>
        <source>No photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="162"/>
        <source>Choose photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="163"/>
        <location filename="../../victimcare/ui/intake_dialog.py" line="239"/>
        <source>Choose photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="167"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="170"/>
        <source>Police handover (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="171"/>
        <source>Police unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="172"/>
        <source>Officers and badge numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="173"/>
        <source>Found at (time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="174"/>
        <source>Found at (place)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="175"/>
        <source>🔒 How they were found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="185"/>
        <source>Checks done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="186"/>
        <source>Handed over at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="189"/>
        <source>Belongings and relatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="190"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="190"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="190"/>
        <source>Storage no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="191"/>
        <location filename="../../victimcare/ui/intake_dialog.py" line="192"/>
        <source>Belongings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="193"/>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="193"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="194"/>
        <location filename="../../victimcare/ui/intake_dialog.py" line="195"/>
        <source>Close relatives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="198"/>
        <source>🔒 First health check and circumstances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="199"/>
        <source>Physical state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="200"/>
        <source>Mental / intellectual signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="202"/>
        <source>Notes on mental state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="203"/>
        <location filename="../../victimcare/ui/intake_dialog.py" line="204"/>
        <source>Visible injuries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="206"/>
        <source>Injuries described</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="207"/>
        <source>Cause, time and course of events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="211"/>
        <source>Flags and decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="216"/>
        <source>Rescued from trafficking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="217"/>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="217"/>
        <source>Foreign national</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="218"/>
        <source>On 低保/特困</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="219"/>
        <source>Fingerprints taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="224"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="225"/>
        <source>Suspected trafficking — reported to police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="226"/>
        <source>Suspected trafficking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="228"/>
        <source>Reported to police at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="230"/>
        <source>Police unit receiving the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="232"/>
        <source>What they ask for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="233"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="234"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="246"/>
        <source>Photo chosen ({kb} KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/intake_dialog.py" line="297"/>
        <source>{n} field(s) need attention; see the red notes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../victimcare/ui/login.py" line="31"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="37"/>
        <source>Trafficking victim case management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="39"/>
        <source>DEMO DATA — synthetic cases for training. Password: {pw}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="41"/>
        <source>Demo notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="47"/>
        <location filename="../../victimcare/ui/login.py" line="52"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="50"/>
        <location filename="../../victimcare/ui/login.py" line="53"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="55"/>
        <source>Caps Lock is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="56"/>
        <source>Caps Lock warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="60"/>
        <source>Login error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="64"/>
        <location filename="../../victimcare/ui/login.py" line="65"/>
        <location filename="../../victimcare/ui/login.py" line="142"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="102"/>
        <source>Enter your account and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="106"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="138"/>
        <source>Wait {n} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="48"/>
        <source>Signed-in user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="50"/>
        <source>Vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="52"/>
        <source>Lock status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="59"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="60"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="61"/>
        <source>Change password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="62"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="64"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="65"/>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="66"/>
        <source>New intake…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="68"/>
        <source>Find case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="69"/>
        <source>&amp;Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="70"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="71"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="72"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="73"/>
        <location filename="../../victimcare/ui/mainwindow.py" line="188"/>
        <source>About VictimCare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="99"/>
        <source>User: {name} ({role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="101"/>
        <source>Vault: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="103"/>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="105"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="108"/>
        <source>Auto-lock in {m}:{s:02d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="189"/>
        <source>VictimCare {v}
Offline, encrypted casework for rescued victims of human trafficking.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NameField</name>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="109"/>
        <source>Rare char…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="110"/>
        <source>Rare character input</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RareCharDialog</name>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="63"/>
        <source>Rare character input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="65"/>
        <source>Type the Unicode code point of the character, e.g. U+20BB7.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="67"/>
        <source>Code point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="70"/>
        <source>Character preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="75"/>
        <source>Code point error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="79"/>
        <location filename="../../victimcare/ui/inputs.py" line="80"/>
        <source>Insert</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegionField</name>
    <message>
        <location filename="../../victimcare/ui/inputs.py" line="139"/>
        <source>Type a county name or code, e.g. 尤溪</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="11"/>
        <location filename="../../victimcare/ui/pages/reports.py" line="15"/>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="16"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="16"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchoolPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="14"/>
        <source>Referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="14"/>
        <source>Placed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="14"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="16"/>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="17"/>
        <source>Name or pseudonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="18"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="19"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="20"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="21"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="22"/>
        <source>Enrolled on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="23"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="24"/>
        <source>Referred on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="28"/>
        <source>School ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="34"/>
        <source>School placement ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="37"/>
        <source>Children referred to the education bureau. Only the fields school placement needs are shown here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="63"/>
        <location filename="../../victimcare/ui/pages/settings.py" line="66"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="67"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="67"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="67"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="73"/>
        <source>New account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="73"/>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="74"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="74"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="81"/>
        <source>Accounts message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="85"/>
        <location filename="../../victimcare/ui/pages/settings.py" line="88"/>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="103"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="103"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="103"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="149"/>
        <source>Select an account in the table first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="154"/>
        <source>The new language applies the next time VictimCare starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="39"/>
        <source>Set up VictimCare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="46"/>
        <source>Create the encrypted vault for this station and its first supervisor account. The password protects every record: use a sentence of at least 15 characters that only you know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="58"/>
        <source>Station name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="59"/>
        <source>Station code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="60"/>
        <source>Supervisor account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="61"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="62"/>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="64"/>
        <source>Letters or digits, used in case numbers, e.g. YX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="66"/>
        <source>Setup error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="70"/>
        <location filename="../../victimcare/ui/setup.py" line="71"/>
        <location filename="../../victimcare/ui/setup.py" line="108"/>
        <source>Create vault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="88"/>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="91"/>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="122"/>
        <source>The vault has been created. Below is its recovery code. If every supervisor password is lost, only this code can open the data again. Save the recovery sheet as a PDF, print two copies, seal them in separate safes, then delete the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="126"/>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="132"/>
        <source>Recovery sheet status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="135"/>
        <source>Save recovery sheet (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="136"/>
        <location filename="../../victimcare/ui/setup.py" line="149"/>
        <source>Save recovery sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="140"/>
        <source>I have stored the recovery code safely — continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="141"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="161"/>
        <source>Saved. Print it, seal it, then delete the file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="19"/>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="40"/>
        <source>Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="40"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="40"/>
        <source>School ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="41"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="41"/>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="41"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
