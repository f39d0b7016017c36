<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="23"/>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="23"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="33"/>
        <source>Account name</source>
        <translation>账户名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="35"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="36"/>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="37"/>
        <source>The person must change this password at first sign-in.</source>
        <translation>本人首次登录时须修改此密码。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="38"/>
        <source>Account error</source>
        <translation>账户错误提示</translation>
    </message>
</context>
<context>
    <name>AccountsBox</name>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="99"/>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="103"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="104"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="104"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="104"/>
        <source>Staff ID</source>
        <translation>审计代号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="105"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="112"/>
        <source>New account…</source>
        <translation>新建账户…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="112"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="113"/>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="113"/>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="114"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="114"/>
        <source>Re-encrypt vault…</source>
        <translation>重新加密保险库…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="122"/>
        <source>Accounts message</source>
        <translation>账户操作提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="125"/>
        <source>Re-encryption progress</source>
        <translation>重新加密进度</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="134"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="134"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="134"/>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="168"/>
        <source>Role changed.</source>
        <translation>角色已更改。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="173"/>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="174"/>
        <source>Disable {name}? The data this account could read is re-encrypted with new keys, so that no copy of its old keys opens it. With many cases this takes a few minutes; keep VictimCare open until it is done.</source>
        <translation>停用账户 {name}？该账户能读取的数据会用新密钥重新加密，任何旧密钥副本都无法再打开。个案较多时需要几分钟，完成前请不要关闭 VictimCare。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="177"/>
        <source>Account disabled; its data was re-encrypted with new keys.</source>
        <translation>账户已停用；它能读取的数据已用新密钥重新加密。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="181"/>
        <source>Re-encrypt vault</source>
        <translation>重新加密保险库</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="182"/>
        <source>Re-encrypt every part of the vault with new keys? Do this when a computer or a copy of the vault folder may have been lost. The accounts and the recovery sheet stay as they are. With many cases this takes a few minutes; keep VictimCare open until it is done.</source>
        <translation>用新密钥重新加密保险库的全部数据？电脑或保险库文件夹的副本可能丢失时请这样做。账户和恢复凭证保持不变。个案较多时需要几分钟，完成前请不要关闭 VictimCare。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="185"/>
        <source>The vault was re-encrypted with new keys.</source>
        <translation>保险库已用新密钥重新加密。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="196"/>
        <source>Re-encrypting the vault with new keys… Keep VictimCare open.</source>
        <translation>正在用新密钥重新加密保险库……请不要关闭 VictimCare。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="233"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="242"/>
        <source>Select an account in the table first.</source>
        <translation>请先在表格中选择一个账户。</translation>
    </message>
</context>
<context>
    <name>ApprovalsBox</name>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="77"/>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="80"/>
        <source>Pending approvals</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="81"/>
        <source>Case</source>
        <translation>个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="81"/>
        <source>Request</source>
        <translation>审批事项</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="81"/>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="82"/>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="82"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="96"/>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="97"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="99"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="100"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="104"/>
        <source>No request is waiting for a decision.</source>
        <translation>没有等待审批的申请。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="105"/>
        <source>No pending approvals</source>
        <translation>无待审批</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="109"/>
        <source>Approvals error</source>
        <translation>审批错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="114"/>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="117"/>
        <source>My requests</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="158"/>
        <source>({who}, {at})</source>
        <translation>（{who}，{at}）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="160"/>
        <source>Comment: {text}</source>
        <translation>意见：{text}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="167"/>
        <source>You have filed no requests.</source>
        <translation>您还没有提出过审批申请。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="25"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="26"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="27"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="28"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="29"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="30"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="31"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="32"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="37"/>
        <location filename="../../victimcare/ui/pages/audit.py" line="51"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="43"/>
        <source>Chain head</source>
        <translation>审计链末端</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="45"/>
        <source>Verification result</source>
        <translation>校验结果</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="47"/>
        <source>Verify vault and audit chain</source>
        <translation>校验保险库和审计链</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="48"/>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="72"/>
        <source>Chain head: entry {seq}, hash {hash}</source>
        <translation>审计链末端：第 {seq} 条，哈希 {hash}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/audit.py" line="76"/>
        <source>Checking every page of every compartment…</source>
        <translation>正在逐页校验各分区…</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="57"/>
        <source>Backup and restore</source>
        <translation>备份与恢复</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="62"/>
        <source>Last backup</source>
        <translation>上次备份</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="64"/>
        <source>Back up to…</source>
        <translation>备份到…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="65"/>
        <source>Back up to a USB drive or external disk, and keep it locked away from this computer. Backups are encrypted with the vault&apos;s own keys.</source>
        <translation>请备份到 U 盘或移动硬盘，并与这台电脑分开锁好保管。备份用保险库自己的密钥加密。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="67"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="69"/>
        <source>Backups to keep</source>
        <translation>保留备份份数</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="70"/>
        <source>Remind after days</source>
        <translation>超过几天提醒备份</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="71"/>
        <source>Save backup settings</source>
        <translation>保存备份设置</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="73"/>
        <source>Backup message</source>
        <translation>备份提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="107"/>
        <source>No backup of this vault has been made yet.</source>
        <translation>此保险库还没有做过备份。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="110"/>
        <source>Last backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="114"/>
        <source>Backup settings saved.</source>
        <translation>备份设置已保存。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="119"/>
        <source>Choose the folder to back up to</source>
        <translation>选择备份到哪个文件夹</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="121"/>
        <source>Backing up and checking the copy… The window can be used meanwhile.</source>
        <translation>正在备份并校验副本……其间可以继续使用窗口。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="126"/>
        <source>Backed up and checked: {folder} ({cases} cases, {seconds:.0f} s).</source>
        <translation>已备份并校验：{folder}（个案 {cases} 个，用时 {seconds:.0f} 秒）。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="129"/>
        <source>{n} older backup(s) removed, as set below.</source>
        <translation>已按下面的保留份数删除较早的备份 {n} 份。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="137"/>
        <source>Choose the backup to restore (a folder named VictimCare-backup-…)</source>
        <translation>选择要恢复的备份（名为 VictimCare-backup-… 的文件夹）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="139"/>
        <source>Checking the backup…</source>
        <translation>正在校验备份……</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="146"/>
        <source>Restore cancelled. Nothing was changed.</source>
        <translation>已取消恢复，没有任何改动。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="148"/>
        <source>Restoring… Do not close the window.</source>
        <translation>正在恢复……请不要关闭窗口。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="155"/>
        <source>The vault was restored from the backup of {date}. Sign in with the account and password as they were then.</source>
        <translation>保险库已从 {date} 的备份恢复。请用备份当时的账户和密码登录。</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="25"/>
        <source>Case header</source>
        <translation>个案概要</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="31"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="38"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="41"/>
        <source>Name unknown</source>
        <translation>姓名不详</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="42"/>
        <source>Case name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="47"/>
        <source>Also known as: {names}</source>
        <translation>曾用名/自述名：{names}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="49"/>
        <source>Aliases</source>
        <translation>曾用名/自述名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="54"/>
        <source>Case {no}</source>
        <translation>个案编号 {no}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="55"/>
        <source>{n} days in care</source>
        <translation>在站 {n} 天</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="57"/>
        <source>Worker: {w}</source>
        <translation>责任社工：{w}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="58"/>
        <source>Case facts</source>
        <translation>基本情况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="62"/>
        <source>Rescued from trafficking</source>
        <translation>被拐卖获救</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="63"/>
        <source>Suspected trafficking</source>
        <translation>疑似被拐卖</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="64"/>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="65"/>
        <source>Foreign national</source>
        <translation>外籍人员</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="70"/>
        <source>Minor</source>
        <translation>未成年人</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/header.py" line="72"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../victimcare/ui/case/page.py" line="74"/>
        <source>← Back to list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/page.py" line="75"/>
        <source>Back to list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/page.py" line="83"/>
        <source>Case steps</source>
        <translation>个案环节</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/page.py" line="87"/>
        <source>Overview</source>
        <translation>概况</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="42"/>
        <source>Search cases</source>
        <translation>搜索个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="43"/>
        <source>Search by name, alias, case number or ID fragment</source>
        <translation>按姓名、曾用名、个案编号或证件号片段搜索</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="46"/>
        <location filename="../../victimcare/ui/pages/cases.py" line="47"/>
        <source>New intake registration</source>
        <translation>新建接收登记</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="56"/>
        <source>Case status</source>
        <translation>个案状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="57"/>
        <source>Open cases</source>
        <translation>在办个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="57"/>
        <source>Closed cases</source>
        <translation>已结案个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="58"/>
        <source>All cases</source>
        <translation>全部个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="61"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="62"/>
        <source>Any step</source>
        <translation>全部环节</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="66"/>
        <source>Step status</source>
        <translation>环节状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="71"/>
        <source>Assigned worker</source>
        <translation>责任社工</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="72"/>
        <source>Worker account</source>
        <translation>社工账户</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="74"/>
        <location filename="../../victimcare/ui/pages/cases.py" line="75"/>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="77"/>
        <source>Sort by</source>
        <translation>排序方式</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="78"/>
        <source>Newest intake first</source>
        <translation>最新接收在前</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="78"/>
        <location filename="../../victimcare/ui/pages/cases.py" line="90"/>
        <source>Case number</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="79"/>
        <location filename="../../victimcare/ui/pages/cases.py" line="97"/>
        <source>Next deadline</source>
        <translation>下一时限</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="85"/>
        <source>Result count</source>
        <translation>结果数</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="91"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="91"/>
        <source>(unknown)</source>
        <translation>（不详）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="92"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="93"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="94"/>
        <source>Days in care</source>
        <translation>在站天数</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="95"/>
        <source>Current steps</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="101"/>
        <source>Case list</source>
        <translation>个案列表</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="159"/>
        <source>{n} case(s)</source>
        <translation>共 {n} 个个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/cases.py" line="195"/>
        <source>Opening the case…</source>
        <translation>正在打开个案……</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="14"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="17"/>
        <source>Your password was set by a supervisor. Choose your own now.</source>
        <translation>您的密码由站长设置，请现在改为自己的密码。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="23"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="24"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="25"/>
        <source>Repeat new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="26"/>
        <source>At least 15 characters. A sentence you can remember works well.</source>
        <translation>至少 15 个字符，可用一句自己记得住的话。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="27"/>
        <source>Password error</source>
        <translation>密码错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/password_dialog.py" line="36"/>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>ClosureTab</name>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="50"/>
        <source>Closure</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="52"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="53"/>
        <source>Closure status</source>
        <translation>结案状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="55"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="57"/>
        <source>Approval requests</source>
        <translation>审批申请</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="60"/>
        <source>Closure requests</source>
        <translation>结案审批记录</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="64"/>
        <source>Withdraw my request</source>
        <translation>撤回我的申请</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="65"/>
        <source>Withdraw request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="71"/>
        <source>Closure error</source>
        <translation>结案错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="86"/>
        <source>Closed on {at}</source>
        <translation>已结案（{at}）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="88"/>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="90"/>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="149"/>
        <source>Closure type</source>
        <translation>结案类型</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="91"/>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="154"/>
        <source>Service summary</source>
        <translation>服务摘要</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="92"/>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="159"/>
        <source>Open items</source>
        <translation>未完成事项</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="93"/>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="160"/>
        <source>Follow-up plan</source>
        <translation>回访计划</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="94"/>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="164"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="95"/>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="168"/>
        <source>Archive date</source>
        <translation>归档日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="96"/>
        <source>Requested by / approved by</source>
        <translation>申请人 / 审批人</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="110"/>
        <source>No requests yet.</source>
        <translation>还没有申请。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="125"/>
        <source>requested by {who} {at}</source>
        <translation>{who} 于 {at} 申请</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="127"/>
        <source>by {who} on {at}</source>
        <translation>{who}，{at}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="129"/>
        <source>Comment: {text}</source>
        <translation>意见：{text}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="135"/>
        <source>Request closure (F16)</source>
        <translation>申请结案（结案审批表）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="146"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="152"/>
        <source>What was done for the person, and how it ended</source>
        <translation>为受助人做了哪些工作，结果如何</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="169"/>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="170"/>
        <source>Request closure approval</source>
        <translation>提请结案审批</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="177"/>
        <source>Reopen the case</source>
        <translation>重新开案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="182"/>
        <source>Reason for reopening</source>
        <translation>重新开案理由</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="183"/>
        <location filename="../../victimcare/ui/case/tabs/closure.py" line="184"/>
        <source>Request reopening</source>
        <translation>申请重新开案</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../victimcare/ui/crash.py" line="39"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/crash.py" line="40"/>
        <source>VictimCare hit an unexpected error. Your saved records are safe. A report without any personal data was written to:
{path}
Please give this file to IT support.</source>
        <translation>VictimCare 遇到意外错误。已保存的记录是安全的。已生成一份不含任何个人信息的报告：
{path}
请将此文件交给技术支持人员。</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="44"/>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="45"/>
        <source>Pick a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>DeadlineBox</name>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="28"/>
        <source>Overdue and due soon</source>
        <translation>逾期与即将到期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="35"/>
        <source>My cases only</source>
        <translation>只看我的个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="36"/>
        <source>My cases</source>
        <translation>我的个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="37"/>
        <source>Only the cases whose responsible worker is you</source>
        <translation>只显示由您负责的个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="44"/>
        <source>Due items</source>
        <translation>到期事项</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="54"/>
        <location filename="../../victimcare/ui/pages/workbench.py" line="55"/>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="62"/>
        <source>Reading deadlines…</source>
        <translation>正在读取期限……</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="86"/>
        <source>Nothing here.</source>
        <translation>暂无。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="91"/>
        <source>Overdue: {o}    Due soon: {s}</source>
        <translation>已逾期：{o}    即将到期：{s}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="93"/>
        <source>    (the {n} most urgent cases; {total} cases have something overdue)</source>
        <translation>    （已列出最紧急的 {n} 个个案；共有 {total} 个个案有逾期事项）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="96"/>
        <source>    (the {n} most urgent cases; more below)</source>
        <translation>    （已列出最紧急的 {n} 个个案；下面还有）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="103"/>
        <source>Name unknown ({alias})</source>
        <translation>姓名不详（{alias}）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="105"/>
        <source>Name unknown</source>
        <translation>姓名不详</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="108"/>
        <source>Worker: {worker}</source>
        <translation>负责：{worker}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="112"/>
        <source>{n} overdue</source>
        <translation>逾期 {n} 项</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="114"/>
        <source>{n} due soon</source>
        <translation>即将到期 {n} 项</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="28"/>
        <source>Approve request</source>
        <translation>批准申请</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="28"/>
        <source>Reject request</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="30"/>
        <source>{case} — {kind}, requested by {who} on {at}
Reason: {reason}</source>
        <translation>{case} — {kind}，{who} 于 {at} 申请
理由：{reason}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="34"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="36"/>
        <source>Comment (required when rejecting; the requester sees it):</source>
        <translation>审批意见（驳回时必填，申请人会看到）：</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="38"/>
        <source>Comment</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="41"/>
        <source>Decision error</source>
        <translation>审批错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="45"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="45"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="48"/>
        <location filename="../../victimcare/ui/pages/approvals_box.py" line="49"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="18"/>
        <source>Possible duplicates</source>
        <translation>可能重复的个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="22"/>
        <source>These existing cases may be the same person. Check them before creating a new case.</source>
        <translation>以下已有个案可能是同一人，请核对后再新建个案。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="26"/>
        <source>Duplicate candidates</source>
        <translation>疑似重复个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="27"/>
        <source>Case number</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="27"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="27"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="28"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="28"/>
        <source>Why</source>
        <translation>疑似原因</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="50"/>
        <source>Same person — open that case</source>
        <translation>是同一人——打开该个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="51"/>
        <source>Open existing case</source>
        <translation>打开已有个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="53"/>
        <source>Different person — create new case</source>
        <translation>不是同一人——新建个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="54"/>
        <source>Create new case</source>
        <translation>新建个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="56"/>
        <source>Back to the form</source>
        <translation>返回登记表</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="68"/>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="69"/>
        <source>(unknown)</source>
        <translation>（姓名不详）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="69"/>
        <source>{name}
(aliases: {aliases})</source>
        <translation>{name}
（曾用名/自述名：{aliases}）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="80"/>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="82"/>
        <source>alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="80"/>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="82"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="83"/>
        <source>{reason}: the form&apos;s {ours_kind} “{ours}” — this case&apos;s {theirs_kind} “{theirs}”</source>
        <translation>{reason}：登记的{ours_kind}“{ours}”与该个案的{theirs_kind}“{theirs}”</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/duplicate_dialog.py" line="87"/>
        <source>{reason}: the form&apos;s {ours_kind} “{ours}”</source>
        <translation>{reason}：登记的{ours_kind}“{ours}”</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <location filename="../../victimcare/ui/kit/widgets.py" line="47"/>
        <source>{label} error</source>
        <translation>{label}错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/kit/widgets.py" line="79"/>
        <location filename="../../victimcare/ui/kit/widgets.py" line="80"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>HolidayNote</name>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="145"/>
        <source>Holiday table reminder</source>
        <translation>节假日表提醒</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="161"/>
        <source>Until it is updated, working-day deadlines after that day are counted Monday to Friday without public holidays or make-up working days, and each such deadline says so. Enter the State Council&apos;s arrangement for the next year under Settings → Public holidays and make-up working days as soon as it is published.</source>
        <translation>更新之前，此后的工作日期限一律按周一至周五计算，不计法定节假日和调休上班日，并在每条期限上注明。国务院办公厅公布次年节假日安排后，请尽快在“设置 → 法定节假日与调休上班日”中录入。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="166"/>
        <source>There is no holiday table.</source>
        <translation>还没有节假日表。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="168"/>
        <source>The holiday table ended on {day}.</source>
        <translation>节假日表已于 {day} 用完。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/workbench.py" line="170"/>
        <source>The holiday table ends on {day} ({n} days left).</source>
        <translation>节假日表只到 {day}（还剩 {n} 天）。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="20"/>
        <source>Counts</source>
        <translation>数量统计</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="26"/>
        <source>Backup reminder</source>
        <translation>备份提醒</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="55"/>
        <source>This vault has never been backed up. Back it up now: Settings → Back up to…</source>
        <translation>此保险库从未备份。请现在备份：设置 → 备份到…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/home.py" line="58"/>
        <source>The last backup was {days} days ago (a reminder comes after {limit} days). Back up now: Settings → Back up to…</source>
        <translation>上次备份是 {days} 天前（超过 {limit} 天即提醒）。请现在备份：设置 → 备份到…</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="141"/>
        <source>New intake registration</source>
        <translation>新建接收登记</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="141"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="453"/>
        <source>Edit intake registration</source>
        <translation>修改接收登记</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="157"/>
        <source>Form errors</source>
        <translation>表单错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="158"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="159"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="163"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="166"/>
        <source>Missing fields</source>
        <translation>尚未填写的必填项</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="175"/>
        <source>Fields marked * are required. Sections marked (sensitive) are stored in the sensitive compartment.</source>
        <translation>标 * 的为必填项。标“（敏感）”的部分存放在敏感分区。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="211"/>
        <source>Arrival</source>
        <translation>入站情况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="212"/>
        <source>Admitted at</source>
        <translation>入站时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="214"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="355"/>
        <source>How arrived</source>
        <translation>来站方式</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="215"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="228"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="216"/>
        <source>Escorting unit</source>
        <translation>护送单位</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="217"/>
        <source>Escorting officers</source>
        <translation>护送人员</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="218"/>
        <source>Police case number</source>
        <translation>公安案件编号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="221"/>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="222"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="293"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="223"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="224"/>
        <source>Name unknown</source>
        <translation>姓名不详</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="226"/>
        <source>Aliases / self-reported names</source>
        <translation>曾用名/自述名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="227"/>
        <source>Separate several names with ；</source>
        <translation>多个名字用 ； 分隔</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="228"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="359"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="229"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="230"/>
        <source>Estimated age</source>
        <translation>估计年龄</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="231"/>
        <source>Only when the date of birth is unknown</source>
        <translation>仅在出生日期不详时填写</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="232"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="363"/>
        <source>Basis of the estimate</source>
        <translation>估计依据</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="233"/>
        <source>e.g. 目测, 骨龄鉴定, 本人自述</source>
        <translation>如：目测、骨龄鉴定、本人自述</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="234"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="236"/>
        <source>ID document</source>
        <translation>身份证件</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="239"/>
        <source>ID type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="240"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="365"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="243"/>
        <source>ID number note</source>
        <translation>证件号码提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="248"/>
        <source>Hukou place</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="249"/>
        <source>Hukou address</source>
        <translation>户籍详细地址</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="250"/>
        <source>Residence</source>
        <translation>居住地</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="251"/>
        <source>Dialect / accent</source>
        <translation>方言/口音</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="252"/>
        <source>Appearance</source>
        <translation>体貌特征</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="256"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="347"/>
        <source>No photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="257"/>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="258"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="339"/>
        <source>Choose photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="260"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="261"/>
        <source>Remove photo</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="267"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="270"/>
        <source>Police handover (F2)</source>
        <translation>公安护送/交接（F2）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="271"/>
        <source>Police unit</source>
        <translation>公安机关</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="272"/>
        <source>Officers and badge numbers</source>
        <translation>民警姓名及警号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="273"/>
        <source>Found at (time)</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="274"/>
        <source>Found at (place)</source>
        <translation>发现地点</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="275"/>
        <source>How they were found (sensitive)</source>
        <translation>发现经过（敏感）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="298"/>
        <source>First health check and circumstances (sensitive)</source>
        <translation>初次健康检查及经过（敏感）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="285"/>
        <source>Checks done</source>
        <translation>已做核查</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="286"/>
        <source>Handed over at</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="289"/>
        <source>Belongings and relatives</source>
        <translation>随身物品与亲属</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="290"/>
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="290"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="290"/>
        <source>Storage no.</source>
        <translation>保管编号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="291"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="292"/>
        <source>Belongings</source>
        <translation>随身物品</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="293"/>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="293"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="294"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="295"/>
        <source>Close relatives</source>
        <translation>近亲属</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="299"/>
        <source>Physical state</source>
        <translation>身体状况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="300"/>
        <source>Mental / intellectual signs</source>
        <translation>精神/智力状况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="302"/>
        <source>Notes on mental state</source>
        <translation>精神状况备注</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="303"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="304"/>
        <source>Visible injuries</source>
        <translation>明显外伤</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="306"/>
        <source>Injuries described</source>
        <translation>伤情描述</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="307"/>
        <source>Cause, time and course of events</source>
        <translation>起因、时间及经过</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="311"/>
        <source>Flags and decision</source>
        <translation>标记与处理决定</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="316"/>
        <source>Rescued from trafficking</source>
        <translation>被拐卖获救</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="317"/>
        <source>Disability</source>
        <translation>残疾</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="317"/>
        <source>Foreign national</source>
        <translation>外籍人员</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="318"/>
        <source>On 低保/特困</source>
        <translation>享受低保/特困</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="319"/>
        <source>Fingerprints taken</source>
        <translation>已采集指纹</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="324"/>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="325"/>
        <source>Suspected trafficking — reported to police</source>
        <translation>疑似被拐卖——已报警</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="326"/>
        <source>Suspected trafficking</source>
        <translation>疑似被拐卖</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="328"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="367"/>
        <source>Reported to police at</source>
        <translation>报警时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="330"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="368"/>
        <source>Police unit receiving the report</source>
        <translation>接警单位</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="332"/>
        <source>What they ask for</source>
        <translation>本人诉求</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="333"/>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="334"/>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="371"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="346"/>
        <source>Photo chosen ({kb} KB)</source>
        <translation>已选照片（{kb} KB）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="357"/>
        <source>Name (or tick Name unknown)</source>
        <translation>姓名（或勾选“姓名不详”）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="361"/>
        <source>Date of birth or estimated age</source>
        <translation>出生日期或估计年龄</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="378"/>
        <source>Still to fill in: {fields}</source>
        <translation>还需填写：{fields}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="389"/>
        <source>date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="392"/>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="400"/>
        <source>Filled in from the ID number: {fields}. Please check them.</source>
        <translation>已根据身份证号填写{fields}，请核对。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="465"/>
        <source>Discard this intake?</source>
        <translation>放弃这份接收登记？</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="466"/>
        <source>The form has entries that are not saved. Discard them?</source>
        <translation>表单中有尚未保存的内容。要放弃这些内容吗？</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="467"/>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="468"/>
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/intake_dialog.py" line="516"/>
        <source>{n} field(s) need attention; see the red notes.</source>
        <translation>有 {n} 项需修改，请查看红色提示。</translation>
    </message>
</context>
<context>
    <name>IntakeTab</name>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="34"/>
        <source>Edit intake error</source>
        <translation>修改接收登记错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="37"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="38"/>
        <source>Edit intake</source>
        <translation>编辑接收登记</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="42"/>
        <source>The case is closed: reopen it to change the intake.</source>
        <translation>个案已结案：如需修改接收登记，请先重新开案。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="68"/>
        <source>Arrival</source>
        <translation>入站情况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="69"/>
        <source>Admitted at</source>
        <translation>入站时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="70"/>
        <source>How arrived</source>
        <translation>来站方式</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="71"/>
        <source>Escorting unit</source>
        <translation>护送单位</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="71"/>
        <source>Escorting officers</source>
        <translation>护送人员</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="72"/>
        <source>Police case number</source>
        <translation>公安案件编号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="75"/>
        <source>{age} (estimated: {basis})</source>
        <translation>{age}（估计依据：{basis}）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="77"/>
        <source>Identity</source>
        <translation>身份信息</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="78"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="78"/>
        <source>Name unknown</source>
        <translation>姓名不详</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="78"/>
        <source>Aliases</source>
        <translation>曾用名/自述名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="79"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="79"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="80"/>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="80"/>
        <source>ID document</source>
        <translation>身份证件</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="81"/>
        <source>Hukou place</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="82"/>
        <source>Residence</source>
        <translation>居住地</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="82"/>
        <source>Dialect / accent</source>
        <translation>方言/口音</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="83"/>
        <source>Appearance</source>
        <translation>体貌特征</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="86"/>
        <source>Police handover (F2)</source>
        <translation>公安护送/交接（F2）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="87"/>
        <source>Police unit</source>
        <translation>公安机关</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="87"/>
        <source>Officers and badge numbers</source>
        <translation>民警姓名及警号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="88"/>
        <source>Found at (time)</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="89"/>
        <source>Found at (place)</source>
        <translation>发现地点</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="89"/>
        <source>Checks done</source>
        <translation>已做核查</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="90"/>
        <source>Handed over at</source>
        <translation>交接时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="91"/>
        <source>Belongings and relatives</source>
        <translation>随身物品与亲属</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="92"/>
        <source>Belongings</source>
        <translation>随身物品</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="94"/>
        <source>Close relatives</source>
        <translation>近亲属</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="96"/>
        <source>Flags and decision</source>
        <translation>标记与处理决定</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="97"/>
        <source>Suspected trafficking</source>
        <translation>疑似被拐卖</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="97"/>
        <source>Yes — reported {at} to {unit}</source>
        <translation>是——已于 {at} 向{unit}报警</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="98"/>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="134"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="99"/>
        <source>What they ask for</source>
        <translation>本人诉求</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="100"/>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="103"/>
        <source>First health check and circumstances (sensitive)</source>
        <translation>初次健康检查及经过（敏感）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="106"/>
        <source>Sensitive section: opening it is recorded in the audit log.</source>
        <translation>敏感信息：查看将记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="107"/>
        <source>Sensitive notice</source>
        <translation>敏感信息提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="111"/>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="112"/>
        <source>View sensitive section</source>
        <translation>查看敏感信息</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="116"/>
        <source>Sensitive section error</source>
        <translation>敏感信息读取错误</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="131"/>
        <source>Physical state</source>
        <translation>身体状况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="132"/>
        <source>Mental / intellectual signs</source>
        <translation>精神/智力状况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="134"/>
        <source>Visible injuries</source>
        <translation>明显外伤</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="134"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="135"/>
        <source>How they were found</source>
        <translation>发现经过</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/intake.py" line="136"/>
        <source>Cause, time and course of events</source>
        <translation>起因、时间及经过</translation>
    </message>
</context>
<context>
    <name>KindTable</name>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="162"/>
        <source>Recorded</source>
        <translation>记录人/时间</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="174"/>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="175"/>
        <source>Add {kind}</source>
        <translation>新增{kind}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="177"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="178"/>
        <source>Edit {kind}</source>
        <translation>修改{kind}</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../victimcare/ui/login.py" line="34"/>
        <source>Station</source>
        <translation>救助站</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="37"/>
        <source>Trafficking victim case management</source>
        <translation>被拐卖受害人救助个案管理</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="42"/>
        <source>DEMO DATA — synthetic cases for training. Password: {pw}
Accounts: {accounts}</source>
        <translation>演示数据——培训用模拟个案。密码：{pw}
账户：{accounts}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="44"/>
        <source>Demo notice</source>
        <translation>演示数据提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="51"/>
        <location filename="../../victimcare/ui/login.py" line="56"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="54"/>
        <location filename="../../victimcare/ui/login.py" line="57"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="59"/>
        <source>Caps Lock is on.</source>
        <translation>大写锁定已开启。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="60"/>
        <source>Caps Lock warning</source>
        <translation>大写锁定提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="64"/>
        <source>Login error</source>
        <translation>登录错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="68"/>
        <location filename="../../victimcare/ui/login.py" line="69"/>
        <location filename="../../victimcare/ui/login.py" line="148"/>
        <location filename="../../victimcare/ui/selfcheck.py" line="32"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="108"/>
        <source>Enter your account and password.</source>
        <translation>请输入账户和密码。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="112"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/login.py" line="144"/>
        <source>Wait {n} s</source>
        <translation>请等待 {n} 秒</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="69"/>
        <source>Signed-in user</source>
        <translation>当前用户</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="71"/>
        <source>Vault</source>
        <translation>保险库</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="73"/>
        <source>Lock status</source>
        <translation>锁定状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="77"/>
        <source>Working</source>
        <translation>正在处理</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="80"/>
        <source>Working…</source>
        <translation>正在处理……</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="88"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="89"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="90"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="91"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="93"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="94"/>
        <source>&amp;Case</source>
        <translation>个案(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="95"/>
        <source>New intake…</source>
        <translation>新建接收登记…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="97"/>
        <source>Find case</source>
        <translation>查找个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="98"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="100"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="101"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="102"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="103"/>
        <location filename="../../victimcare/ui/mainwindow.py" line="272"/>
        <source>About VictimCare</source>
        <translation>关于 VictimCare</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="121"/>
        <source>[DEMO DATA] </source>
        <translation>【演示数据】</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="130"/>
        <source>User: {name} ({role})</source>
        <translation>用户：{name}（{role}）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="132"/>
        <source>Vault: {path}</source>
        <translation>保险库：{path}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="134"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="136"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="142"/>
        <source>Auto-lock in {m}:{s:02d}</source>
        <translation>{m}:{s:02d} 后自动锁定</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="209"/>
        <source>Unsaved intake</source>
        <translation>未保存的接收登记</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="210"/>
        <source>An intake form was kept when the screen locked ({when}). Continue it now?</source>
        <translation>上次锁定（{when}）时保留了一份未填完的接收登记。现在继续填写吗？</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="212"/>
        <source>Continue the form</source>
        <translation>继续填写</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="213"/>
        <source>Discard it</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/mainwindow.py" line="273"/>
        <source>VictimCare {v}
Offline, encrypted casework for rescued victims of human trafficking.</source>
        <translation>VictimCare {v}
离线加密的被拐卖获救人员个案管理系统。</translation>
    </message>
</context>
<context>
    <name>NameField</name>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="116"/>
        <source>Rare char…</source>
        <translation>生僻字…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="117"/>
        <source>Rare character input</source>
        <translation>生僻字输入</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="43"/>
        <source>Deadlines</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="46"/>
        <source>Case deadlines</source>
        <translation>个案时限</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="57"/>
        <source>No deadlines.</source>
        <translation>暂无时限。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="60"/>
        <source>Steps</source>
        <translation>工作环节</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="73"/>
        <source>Refer to education bureau for school placement</source>
        <translation>转介教育局办理入学安置</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="74"/>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="95"/>
        <source>Refer to school</source>
        <translation>转介入学</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="77"/>
        <source>Referred to education bureau</source>
        <translation>已转介教育局</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="80"/>
        <source>Referral error</source>
        <translation>转介错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="83"/>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="86"/>
        <source>Timeline</source>
        <translation>工作记录</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/overview.py" line="96"/>
        <source>Education staff will see this name, the sex, the age and the school placement — nothing else.
Name for the school (you may enter a pseudonym):</source>
        <translation>教育部门只能看到这个姓名、性别、年龄和入学安置信息，看不到其他内容。
供学校使用的姓名（可填写化名）：</translation>
    </message>
</context>
<context>
    <name>PlacementForm</name>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="38"/>
        <location filename="../../victimcare/ui/pages/school_form.py" line="176"/>
        <source>Select a child in the ledger to see and record the school placement.</source>
        <translation>请在台账中选择一名儿童，查看并登记入学安置。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="39"/>
        <source>Selected child</source>
        <translation>所选儿童</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="44"/>
        <source>Placement state</source>
        <translation>安置情况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="48"/>
        <source>School placement form</source>
        <translation>入学安置登记表</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="49"/>
        <source>Placement</source>
        <translation>入学安置</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="50"/>
        <source>Record transfer</source>
        <translation>学籍转接</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="51"/>
        <source>Changes</source>
        <translation>变动情况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="53"/>
        <source>School form error</source>
        <translation>入学安置错误</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="56"/>
        <source>School form message</source>
        <translation>入学安置提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="80"/>
        <location filename="../../victimcare/ui/pages/school_form.py" line="136"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="84"/>
        <source>G + ID number, or J + 18 characters</source>
        <translation>G 加身份证号，或 J 加 18 位号码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="89"/>
        <source>Placement school</source>
        <translation>安置学校</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="90"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="91"/>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="92"/>
        <source>Enrolment date</source>
        <translation>入学日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="93"/>
        <source>Attendance</source>
        <translation>就读性质</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="94"/>
        <source>Student number</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="95"/>
        <source>Pairing teacher</source>
        <translation>结对帮扶教师</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="96"/>
        <source>School counselling</source>
        <translation>心理辅导安排</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="97"/>
        <source>Privacy measures at school</source>
        <translation>在校隐私保护措施</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="99"/>
        <location filename="../../victimcare/ui/pages/school_form.py" line="100"/>
        <source>Save placement</source>
        <translation>保存入学安置</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="111"/>
        <source>Both schools and both record offices finish a transfer within 10 working days.</source>
        <translation>学籍转接由转出、转入学校和两地学籍主管部门在 10 个工作日内办结。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="118"/>
        <source>Transfer started on</source>
        <translation>转接启动日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="119"/>
        <source>Transfer done on</source>
        <translation>转接办结日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="122"/>
        <source>Transfer deadline</source>
        <translation>学籍转接期限</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="124"/>
        <location filename="../../victimcare/ui/pages/school_form.py" line="125"/>
        <source>Save transfer</source>
        <translation>保存学籍转接</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="133"/>
        <source>Record a change</source>
        <translation>登记变动</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="144"/>
        <source>Kind of change</source>
        <translation>变动类型</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="145"/>
        <source>Date of change</source>
        <translation>变动日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="146"/>
        <source>New school</source>
        <translation>转入学校</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="147"/>
        <source>New grade</source>
        <translation>新年级</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="148"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="151"/>
        <location filename="../../victimcare/ui/pages/school_form.py" line="152"/>
        <source>Record change</source>
        <translation>登记变动</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="159"/>
        <source>Placement history</source>
        <translation>入学安置记录</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="160"/>
        <source>History</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="184"/>
        <source>{name} · {case_no} · {sex} · {age}</source>
        <translation>{name} · {case_no} · {sex} · {age}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="189"/>
        <source>The case is closed: the placement can only be viewed.</source>
        <translation>个案已结案：入学安置只能查看。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="190"/>
        <source>{state} · School record: {record}</source>
        <translation>{state} · 学籍：{record}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="204"/>
        <source>To be done by {due}.</source>
        <translation>应在 {due} 前办结。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="206"/>
        <source>Overdue: it was to be done by {due}.</source>
        <translation>已超期：应在 {due} 前办结。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="217"/>
        <source>Nothing recorded yet.</source>
        <translation>尚无记录。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="269"/>
        <source>Placement saved.</source>
        <translation>入学安置已保存。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="275"/>
        <source>Transfer saved.</source>
        <translation>学籍转接已保存。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school_form.py" line="289"/>
        <source>Change recorded.</source>
        <translation>变动已登记。</translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="34"/>
        <source>Print preview — {what}</source>
        <translation>打印预览 — {what}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="35"/>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="41"/>
        <source>{pages} page(s) · audit no. {seq}</source>
        <translation>共 {pages} 页 · 审计编号 {seq}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="42"/>
        <source>Preview pages</source>
        <translation>预览页数</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="45"/>
        <location filename="../../victimcare/ui/printing/preview.py" line="46"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="48"/>
        <location filename="../../victimcare/ui/printing/preview.py" line="49"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="51"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="52"/>
        <source>Close preview</source>
        <translation>关闭预览</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="58"/>
        <source>Printing progress</source>
        <translation>打印进度</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="60"/>
        <location filename="../../victimcare/ui/printing/preview.py" line="61"/>
        <source>Cancel printing</source>
        <translation>取消打印</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="69"/>
        <source>Preview status</source>
        <translation>预览状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="72"/>
        <source>Preview error</source>
        <translation>预览错误</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="75"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="84"/>
        <source>Opening the preview…</source>
        <translation>正在打开预览…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="93"/>
        <source>The file could not be shown. Prepare it again.</source>
        <translation>无法显示这份文件，请重新生成。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="130"/>
        <source>Sending the pages to the printer…</source>
        <translation>正在把各页送往打印机…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="148"/>
        <source>{pages} page(s) sent to the printer.</source>
        <translation>已把 {pages} 页送往打印机。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="164"/>
        <source>Saved to {path}, encrypted with a password.</source>
        <translation>已保存到 {path}，并已用密码加密。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/preview.py" line="165"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="43"/>
        <location filename="../../victimcare/ui/printing/dialog.py" line="74"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="48"/>
        <location filename="../../victimcare/ui/printing/dialog.py" line="62"/>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="51"/>
        <source>What this purpose leaves out</source>
        <translation>用途说明</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="55"/>
        <location filename="../../victimcare/ui/printing/dialog.py" line="77"/>
        <source>Form</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="70"/>
        <source>The whole case dossier (专门档案): cover, table of contents, every form with data, timeline and back note</source>
        <translation>整份专门档案：封面、卷内目录、所有已填写的表格、时间线和备考表</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="73"/>
        <source>What is printed</source>
        <translation>打印内容</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="80"/>
        <source>Rendering progress</source>
        <translation>生成进度</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="85"/>
        <source>Print status</source>
        <translation>打印状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="88"/>
        <source>Print error</source>
        <translation>打印错误</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="92"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="93"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="97"/>
        <location filename="../../victimcare/ui/printing/dialog.py" line="98"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="106"/>
        <source>Reading the purposes this role may print…</source>
        <translation>正在读取本角色可用的打印用途…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="113"/>
        <source>Print a blank form</source>
        <translation>打印空白表格</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="115"/>
        <source>Print the case dossier — {case_no}</source>
        <translation>打印专门档案 — {case_no}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="116"/>
        <source>Print a form — {case_no}</source>
        <translation>打印表格 — {case_no}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="124"/>
        <source>This role may not print case records.</source>
        <translation>本角色不能打印个案材料。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="152"/>
        <source>Include the first health check, injuries and the medical and psychological records</source>
        <translation>附入首次健康检查、伤情及医疗、心理记录</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="154"/>
        <source>Include the school placement</source>
        <translation>附入入学安置情况</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="176"/>
        <source>This purpose prints none of these forms: choose another purpose.</source>
        <translation>按这一用途不能打印这些表格，请换一个用途。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="213"/>
        <source>Choose a form first.</source>
        <translation>请先选择一张表格。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="229"/>
        <source>Preparing the file…</source>
        <translation>正在生成文件…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/dialog.py" line="253"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>PrintMenu</name>
    <message>
        <location filename="../../victimcare/ui/printing/menu.py" line="28"/>
        <source>Print this case&apos;s dossier…</source>
        <translation>打印本个案专门档案…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/menu.py" line="31"/>
        <source>Print a form…</source>
        <translation>打印表格…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/menu.py" line="36"/>
        <source>Blank forms</source>
        <translation>空白表格</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/menu.py" line="70"/>
        <source>{code} {title} (blank)</source>
        <translation>{code} {title}（空白表）</translation>
    </message>
</context>
<context>
    <name>RareCharDialog</name>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="71"/>
        <source>Rare character input</source>
        <translation>生僻字输入</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="73"/>
        <source>Type the Unicode code point of the character, e.g. U+20BB7.</source>
        <translation>请输入该字的 Unicode 码位，如 U+20BB7。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="75"/>
        <source>Code point</source>
        <translation>码位</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="78"/>
        <source>Character preview</source>
        <translation>字符预览</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="83"/>
        <source>Code point error</source>
        <translation>码位错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="87"/>
        <location filename="../../victimcare/ui/kit/inputs.py" line="88"/>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="27"/>
        <source>Vault damaged</source>
        <translation>保险库损坏提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="31"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="32"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="79"/>
        <source>Edit: {kind}</source>
        <translation>修改：{kind}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="79"/>
        <source>Add: {kind}</source>
        <translation>新增：{kind}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="94"/>
        <source>Form error</source>
        <translation>表单错误</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="125"/>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="128"/>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="126"/>
        <source>Discard what you typed in this form?</source>
        <translation>放弃在此表中填写的内容吗？</translation>
    </message>
</context>
<context>
    <name>RegionField</name>
    <message>
        <location filename="../../victimcare/ui/kit/inputs.py" line="133"/>
        <source>Type a county name or code, e.g. 尤溪</source>
        <translation>输入县（区）名称或代码，如：尤溪</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="16"/>
        <location filename="../../victimcare/ui/pages/reports.py" line="20"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="21"/>
        <source>Measure</source>
        <translation>统计项</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="21"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="37"/>
        <source>Open cases</source>
        <translation>在案个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="37"/>
        <source>Closed cases</source>
        <translation>已结案个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="38"/>
        <source>Suspected trafficking</source>
        <translation>疑似被拐卖</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/reports.py" line="41"/>
        <source>Audit entries: {action}</source>
        <translation>审计记录：{action}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="21"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="23"/>
        <source>This backup was checked and is complete.</source>
        <translation>此备份已校验，完整无损。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="25"/>
        <source>Made on: {date}
Station code: {code}
Cases: {cases}
Accounts in the backup: {accounts}</source>
        <translation>备份时间：{date}
机构代码：{code}
个案：{cases} 个
备份中的账户：{accounts}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="28"/>
        <source>Backup contents</source>
        <translation>备份内容</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="31"/>
        <source>Restoring puts the vault back as it was at that time: cases entered or changed since then, and the audit entries since then, will not be in the restored vault.
Accounts and passwords go back to that time as well: accounts created since then will not exist, changed passwords become the old ones again, and accounts disabled since then can sign in again.
The current vault is not deleted: it is kept beside it as “{name}-replaced-…”.
Everyone is signed out; sign in again with the account and password as they were then.</source>
        <translation>恢复后，保险库回到备份时的状态：此后录入或修改的个案、此后的审计记录，都不在恢复后的保险库中。
账户和密码也回到备份时：此后新建的账户将不存在，改过的密码恢复为旧密码，此后停用的账户又能登录。
当前保险库不会删除，会原样保存在旁边，名为“{name}-replaced-…”。
恢复后所有人退出登录，请用备份当时的账户和密码重新登录。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="38"/>
        <source>What restoring means</source>
        <translation>恢复的后果</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="42"/>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="43"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="46"/>
        <location filename="../../victimcare/ui/pages/backup_box.py" line="47"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="60"/>
        <source>Change role</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="66"/>
        <source>Account: {name}</source>
        <translation>账户：{name}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="67"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="68"/>
        <source>A role that may read less loses its keys: the data it could read is re-encrypted with new keys, which can take a few minutes.</source>
        <translation>改为可读数据较少的角色时，该账户会失去相应的密钥：它原来能读取的数据会用新密钥重新加密，可能需要几分钟。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="72"/>
        <source>Role error</source>
        <translation>角色错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/accounts_box.py" line="83"/>
        <source>Saving… (re-encrypting, if the role reads less)</source>
        <translation>正在保存……（如新角色可读的数据较少，会同时重新加密）</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="30"/>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="31"/>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="79"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="36"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="37"/>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="44"/>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="46"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="47"/>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="48"/>
        <source>Encrypt (AES-256)</source>
        <translation>加密（AES-256）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="53"/>
        <source>File password</source>
        <translation>文件密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="56"/>
        <source>Repeat the password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="58"/>
        <source>A lost password cannot be recovered: nobody, not even the administrator, can open the file without it. Give it to the recipient separately, never with the file.</source>
        <translation>密码丢失后无法找回：没有密码，任何人（包括管理员）都打不开这份文件。请把密码另行告知收件人，切勿与文件放在一起。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="61"/>
        <source>Password warning</source>
        <translation>密码提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="65"/>
        <source>Save error</source>
        <translation>保存错误</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="80"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="87"/>
        <source>Give the file a name.</source>
        <translation>请填写文件名。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="104"/>
        <source>Type the password, or untick encryption.</source>
        <translation>请输入密码，或取消勾选加密。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="107"/>
        <source>The two passwords differ. Type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/save_dialog.py" line="111"/>
        <source>A file of this name exists. Click Save again to replace it, or change the name.</source>
        <translation>已有同名文件。再次点击保存将覆盖它，或换一个文件名。</translation>
    </message>
</context>
<context>
    <name>SchoolPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="32"/>
        <source>Case number</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="33"/>
        <source>Name or pseudonym</source>
        <translation>姓名或化名</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="34"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="35"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="36"/>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="37"/>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="38"/>
        <source>Enrolled on</source>
        <translation>入学日期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="39"/>
        <source>Attendance</source>
        <translation>就读性质</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="41"/>
        <source>School record</source>
        <translation>学籍状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="42"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="64"/>
        <source>Children referred to the education bureau who are of school age (6–17). Only the fields school placement needs are shown here.</source>
        <translation>已转介到教育部门、现为学龄（6–17 周岁）的儿童。这里只显示入学安置需要的信息。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="67"/>
        <source>Ledger error</source>
        <translation>台账错误</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="82"/>
        <source>Placement status</source>
        <translation>安置状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="83"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="86"/>
        <location filename="../../victimcare/ui/pages/school.py" line="121"/>
        <source>Case closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="88"/>
        <source>School filter</source>
        <translation>学校筛选</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="89"/>
        <source>Any school</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="91"/>
        <source>Grade filter</source>
        <translation>年级筛选</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="92"/>
        <source>Any grade</source>
        <translation>全部年级</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="93"/>
        <location filename="../../victimcare/ui/pages/school.py" line="94"/>
        <source>Overdue record transfers only</source>
        <translation>只看学籍转接超期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="95"/>
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="96"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="106"/>
        <source>Export result</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="116"/>
        <source>{state}, overdue</source>
        <translation>{state}，已超期</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="217"/>
        <source>School placement ledger {day}.xlsx</source>
        <translation>入学安置台账 {day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="218"/>
        <source>Export the ledger</source>
        <translation>导出入学安置台账</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="219"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="224"/>
        <source>Exporting…</source>
        <translation>正在导出……</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="227"/>
        <source>Exported {count} children to {file}.</source>
        <translation>已导出 {count} 名儿童到 {file}。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="47"/>
        <source>School ledger</source>
        <translation>入学安置台账</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/school.py" line="61"/>
        <source>School placement ledger</source>
        <translation>入学安置台账</translation>
    </message>
</context>
<context>
    <name>SchoolTab</name>
    <message>
        <location filename="../../victimcare/ui/case/tabs/school.py" line="31"/>
        <source>School placement note</source>
        <translation>入学安置说明</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/school.py" line="39"/>
        <source>The case is closed: records can only be read.</source>
        <translation>个案已结案，记录只能查看。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/school.py" line="41"/>
        <source>School placement does not apply: {reason}</source>
        <translation>入学安置不适用：{reason}</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/school.py" line="44"/>
        <source>The child has not been referred yet: refer the child on the Overview tab; the education officer then records the placement here or in the ledger.</source>
        <translation>尚未转介入学：请在“概况”页转介入学；之后由教育部门经办人在这里或在入学安置台账中登记安置情况。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="28"/>
        <location filename="../../victimcare/ui/pages/settings.py" line="31"/>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="45"/>
        <source>Case numbers</source>
        <translation>个案编号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="48"/>
        <source>Case number pattern</source>
        <translation>个案编号格式</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="49"/>
        <source>{station} = station code, {year} = year of intake, {seq:05d} = running number with 5 digits</source>
        <translation>{station} = 机构代码，{year} = 入站年份，{seq:05d} = 5 位流水号</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="52"/>
        <location filename="../../victimcare/ui/pages/settings.py" line="53"/>
        <source>Save pattern</source>
        <translation>保存格式</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="56"/>
        <source>Case number message</source>
        <translation>个案编号提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="61"/>
        <location filename="../../victimcare/ui/pages/settings.py" line="64"/>
        <source>Form font</source>
        <translation>表格字体</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="65"/>
        <source>Bundled fonts</source>
        <translation>内置字体</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="66"/>
        <source>Official fonts (FangSong, SimSun, SimHei) if installed</source>
        <translation>公文字体（仿宋、宋体、黑体，已安装时）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="69"/>
        <source>Form font message</source>
        <translation>表格字体提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="80"/>
        <source>Saved. Forms print in the official fonts.</source>
        <translation>已保存。表格使用公文字体打印。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="82"/>
        <source>Saved. The official fonts are not installed on this computer: forms print in the bundled fonts.</source>
        <translation>已保存。本机未安装公文字体：表格使用内置字体打印。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="85"/>
        <source>Saved. Forms print in the bundled fonts.</source>
        <translation>已保存。表格使用内置字体打印。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="102"/>
        <source>Saved. The next new case gets a number like {example}.</source>
        <translation>已保存。下一个新个案的编号形如 {example}。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="106"/>
        <source>Public holidays and make-up working days</source>
        <translation>法定节假日与调休上班日</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="108"/>
        <source>Working-day deadlines skip these days off and count these weekend working days. One date per line, e.g. 2026-10-01.</source>
        <translation>按工作日计算的期限会跳过这些放假日，并把调休上班的周末计为工作日。每行一个日期，例如 2026-10-01。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="114"/>
        <location filename="../../victimcare/ui/pages/settings.py" line="117"/>
        <source>Days off</source>
        <translation>放假日</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="116"/>
        <location filename="../../victimcare/ui/pages/settings.py" line="117"/>
        <source>Make-up working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="126"/>
        <source>Holiday table message</source>
        <translation>节假日表提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="129"/>
        <location filename="../../victimcare/ui/pages/settings.py" line="130"/>
        <source>Save holiday table</source>
        <translation>保存节假日表</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="142"/>
        <source>Saved. Recalculating deadlines…</source>
        <translation>已保存，正在重新计算期限…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="148"/>
        <source>Saved. Deadlines of {n} open case(s) recalculated.</source>
        <translation>已保存，已重新计算 {n} 个在办个案的期限。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/pages/settings.py" line="171"/>
        <source>The new language applies the next time VictimCare starts.</source>
        <translation>新语言将在下次启动 VictimCare 时生效。</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="39"/>
        <source>Set up VictimCare</source>
        <translation>VictimCare 初始设置</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="43"/>
        <source>Create the encrypted vault for this station and its first supervisor account. The password protects every record: use a sentence of at least 15 characters that only you know.</source>
        <translation>为本站创建加密保险库和第一个站长账户。密码保护全部记录：请用一句只有您知道、至少 15 个字符的话。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="57"/>
        <source>Station name</source>
        <translation>救助站名称</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="58"/>
        <source>Station code</source>
        <translation>站点代码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="59"/>
        <source>Supervisor account</source>
        <translation>站长账户</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="60"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="61"/>
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="63"/>
        <source>Letters or digits, used in case numbers, e.g. YX</source>
        <translation>字母或数字，用于个案编号，如 YX</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="65"/>
        <source>Setup error</source>
        <translation>设置错误提示</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="69"/>
        <location filename="../../victimcare/ui/setup.py" line="70"/>
        <location filename="../../victimcare/ui/setup.py" line="107"/>
        <source>Create vault</source>
        <translation>创建保险库</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="87"/>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>两次输入的密码不一致，请输入相同的密码。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="90"/>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="121"/>
        <source>The vault has been created. Below is its recovery code. If every supervisor password is lost, only this code can open the data again. Save the recovery sheet as a PDF, print two copies, seal them in separate safes, then delete the file.</source>
        <translation>保险库已创建，下方为恢复码。如所有站长密码均丢失，只有此恢复码能重新打开数据。请将恢复凭证保存为 PDF，打印两份，分别密封存放于不同保险柜，然后删除该文件。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="127"/>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="133"/>
        <source>Recovery sheet status</source>
        <translation>恢复凭证状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="136"/>
        <source>Print recovery sheet…</source>
        <translation>打印恢复凭证…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="137"/>
        <source>Print recovery sheet</source>
        <translation>打印恢复凭证</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="140"/>
        <source>Save as encrypted PDF…</source>
        <translation>保存为加密 PDF…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="167"/>
        <source>Sent to the printer. Seal both copies in separate safes.</source>
        <translation>已发送到打印机。请把两份分别密封，放在不同的保险柜里。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="188"/>
        <source>Saved as an encrypted PDF.</source>
        <translation>已保存为加密 PDF。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="191"/>
        <source>The recovery sheet could not be made.</source>
        <translation>恢复凭证未能生成。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="193"/>
        <source>The recovery code stays on screen: copy it by hand onto paper before you continue.</source>
        <translation>恢复码仍显示在屏幕上：请先把它抄写在纸上，再继续。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="141"/>
        <location filename="../../victimcare/ui/setup.py" line="176"/>
        <source>Save recovery sheet</source>
        <translation>保存恢复凭证</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="145"/>
        <source>I have stored the recovery code safely — continue</source>
        <translation>我已妥善保管恢复码——继续</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/setup.py" line="146"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>SheetPasswordDialog</name>
    <message>
        <location filename="../../victimcare/ui/recovery_print.py" line="19"/>
        <source>Password for the recovery sheet file</source>
        <translation>恢复凭证文件的密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/recovery_print.py" line="22"/>
        <source>The recovery code opens all data in the vault. The PDF is encrypted (AES-256) with the password you set here; it is not your sign-in password. Print it soon, seal two copies, then delete the file, also from the recycle bin. Never e-mail or sync it.</source>
        <translation>恢复码可以打开保险库中的全部数据。PDF 会用您在这里设置的密码加密（AES-256），这个密码不是您的登录密码。请尽快打印、密封两份，然后删除这个文件（包括回收站中的副本）。切勿通过邮件发送或同步到网盘。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/recovery_print.py" line="30"/>
        <source>File password</source>
        <translation>文件密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/recovery_print.py" line="31"/>
        <source>Repeat file password</source>
        <translation>再次输入文件密码</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/recovery_print.py" line="32"/>
        <source>At least {n} characters.</source>
        <translation>至少 {n} 个字符。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/recovery_print.py" line="33"/>
        <source>File password error</source>
        <translation>文件密码错误提示</translation>
    </message>
</context>
<context>
    <name>StepPrintBar</name>
    <message>
        <location filename="../../victimcare/ui/printing/step_button.py" line="22"/>
        <source>Print this step&apos;s forms…</source>
        <translation>打印本步骤表格…</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/step_button.py" line="23"/>
        <source>Print step forms</source>
        <translation>打印本步骤表格</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/printing/step_button.py" line="37"/>
        <source>Print {codes} of this case</source>
        <translation>打印本个案的 {codes}</translation>
    </message>
</context>
<context>
    <name>StepRecordsTab</name>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="239"/>
        <source>Step status</source>
        <translation>环节状态</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="241"/>
        <source>Step error</source>
        <translation>环节错误</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="248"/>
        <source>Show these records (the view is recorded in the audit log)</source>
        <translation>查看这些记录（查看会记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="249"/>
        <source>Show sensitive records</source>
        <translation>查看敏感记录</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/records.py" line="268"/>
        <source>Status: {status} (decided by the records below)</source>
        <translation>状态：{status}（由下列记录决定）</translation>
    </message>
</context>
<context>
    <name>TracingTab</name>
    <message>
        <location filename="../../victimcare/ui/case/tabs/tracing.py" line="20"/>
        <source>Only sample references, dates and outcomes are kept here: never a DNA profile, a face template or other biometric data (comparisons happen in the police and civil-affairs systems).</source>
        <translation>这里只记录样本编号、日期和结论：不保存DNA分型、人脸特征模板或其他生物特征数据（比对在公安和民政系统中进行）。</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/case/tabs/tracing.py" line="23"/>
        <source>What is not kept</source>
        <translation>不保存的数据</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="60"/>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="98"/>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="98"/>
        <source>Cases</source>
        <translation>个案</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="98"/>
        <source>School ledger</source>
        <translation>入学安置台账</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="99"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="99"/>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../../victimcare/ui/workspace.py" line="99"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
</TS>
