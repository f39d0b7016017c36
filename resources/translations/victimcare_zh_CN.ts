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
