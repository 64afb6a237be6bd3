<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Record an absence</source>
        <translation>登记缺课</translation>
    </message>
    <message>
        <source>(no student chosen)</source>
        <translation>（未选择学生）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Still absent</source>
        <translation>仍未到校</translation>
    </message>
    <message>
        <source>The reason is known (sick leave, family matter with leave asked)</source>
        <translation>原因已知（病假、已请假的家事）</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Absent from</source>
        <translation>缺课开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>An absence without a known reason that reaches {n} school days makes the child a suspected dropout: the school reports it to the township at once and opens a case.</source>
        <translation>无故缺课满 {n} 个教学日即为疑似辍学：学校须立即报告乡镇政府并建立档案。</translation>
    </message>
    <message>
        <source>Choose the student.</source>
        <translation>请选择学生。</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少要有 {n} 个字符。</translation>
    </message>
    <message>
        <source>A user name has 2 to 32 letters, digits or Chinese characters (no spaces).</source>
        <translation>用户名由 2 到 32 个字母、数字或汉字组成（不能有空格）。</translation>
    </message>
    <message>
        <source>The user name {name} is taken.</source>
        <translation>用户名 {name} 已被使用。</translation>
    </message>
    <message>
        <source>Enter the person's name as it should appear in the records.</source>
        <translation>请输入此人的姓名，按记录中应显示的样子。</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <source>A teacher's account needs the classes they look after.</source>
        <translation>教师账号需要指定其负责的班级。</translation>
    </message>
    <message>
        <source>Choose a staff member.</source>
        <translation>请选择一名教职工。</translation>
    </message>
    <message>
        <source>Choose the class's school.</source>
        <translation>请选择班级所在的学校。</translation>
    </message>
    <message>
        <source>The administrator's account exists already: sign in.</source>
        <translation>管理员账号已经存在：请登录。</translation>
    </message>
    <message>
        <source>There is no such account.</source>
        <translation>没有这个账号。</translation>
    </message>
    <message>
        <source>This is the only administrator: make another administrator first.</source>
        <translation>这是唯一的管理员：请先设另一位管理员。</translation>
    </message>
    <message>
        <source>password reset</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>sign-in failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <source>After {n} wrong passwords in a row an account is locked for {minutes} minutes; the administrator can unlock it.</source>
        <translation>同一账号连续输错 {n} 次密码将被锁定 {minutes} 分钟，管理员可以解锁。</translation>
    </message>
    <message>
        <source>locked for {minutes} minutes after {n} wrong passwords</source>
        <translation>连续输错 {n} 次密码，锁定 {minutes} 分钟</translation>
    </message>
    <message>
        <source>There is no active administrator's account called {name}: the recovery key sets a new password for an administrator only. Check the user name.</source>
        <translation>没有名为 {name} 的在用管理员账号：恢复密钥只能为管理员设置新密码。请检查用户名。</translation>
    </message>
    <message>
        <source>password set with the recovery key</source>
        <translation>用恢复密钥设置了新密码</translation>
    </message>
    <message>
        <source>database encrypted at rest (converted from a plain database)</source>
        <translation>数据库已加密保存（由未加密的数据库转换）</translation>
    </message>
    <message>
        <source>database encrypted at rest</source>
        <translation>数据库已加密保存</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign out after 1 to 240 idle minutes, or 0 for never.</source>
        <translation>闲置 1 到 240 分钟后退出登录，或填 0 表示从不。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Students</source>
        <translation>学生(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Households</source>
        <translation>户(&amp;H)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Export a backup…</source>
        <translation>导出备份(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Check a backup…</source>
        <translation>检查备份(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Open a backup to view (read-only)…</source>
        <translation>打开备份查看（只读）(&amp;O)…</translation>
    </message>
    <message>
        <source>Co&amp;mpare schools' backups…</source>
        <translation>各校备份对比(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Restore from a &amp;safety copy…</source>
        <translation>从安全副本恢复(&amp;S)…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Add student…</source>
        <translation>新增学生(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit student…</source>
        <translation>编辑学生(&amp;E)…</translation>
    </message>
    <message>
        <source>Change enrollment &amp;status…</source>
        <translation>变更学籍状态(&amp;S)…</translation>
    </message>
    <message>
        <source>Record a 延缓入学 or 休学 a&amp;pproval…</source>
        <translation>登记延缓入学或休学批准(&amp;P)…</translation>
    </message>
    <message>
        <source>Confirm the &amp;transfer or record the graduate's destination…</source>
        <translation>核实转学或登记毕业去向(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Disability and placement (残疾与安置)…</source>
        <translation>残疾与安置(&amp;D)…</translation>
    </message>
    <message>
        <source>Record an a&amp;bsence…</source>
        <translation>登记缺课(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Term-start check (开学报到)…</source>
        <translation>开学报到(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Import roster…</source>
        <translation>导入花名册(&amp;I)…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import &amp;comparison lists (household register, poverty, registry)…</source>
        <translation>导入比对名单（户籍/脱贫/学籍）(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>Delete (entered by mistake)…</source>
        <translation>删除（仅限误录）…</translation>
    </message>
    <message>
        <source>Edit household…</source>
        <translation>编辑户信息…</translation>
    </message>
    <message>
        <source>Record an absence…</source>
        <translation>登记缺课…</translation>
    </message>
    <message>
        <source>Show the full ID number…</source>
        <translation>查看完整身份证号…</translation>
    </message>
    <message>
        <source>&amp;New household…</source>
        <translation>新建户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit the selected student's household…</source>
        <translation>编辑所选学生的户信息(&amp;E)…</translation>
    </message>
    <message>
        <source>Approval (延缓入学 or 休学)…</source>
        <translation>延缓入学或休学批准…</translation>
    </message>
    <message>
        <source>Transfer or destination…</source>
        <translation>转学核实／毕业去向…</translation>
    </message>
    <message>
        <source>Delete household…</source>
        <translation>删除此户…</translation>
    </message>
    <message>
        <source>The &amp;roster as shown…</source>
        <translation>花名册（按当前筛选）(&amp;R)…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The poor villages' &amp;survey…</source>
        <translation>贫困村教育情况调查表(&amp;S)…</translation>
    </message>
    <message>
        <source>The subsidy &amp;ledger as shown…</source>
        <translation>资助台账（按当前筛选）(&amp;L)…</translation>
    </message>
    <message>
        <source>The &amp;pairing register…</source>
        <translation>结对帮扶花名册(&amp;P)…</translation>
    </message>
    <message>
        <source>Pairing register…</source>
        <translation>结对帮扶花名册…</translation>
    </message>
    <message>
        <source>The &amp;visit record sheets…</source>
        <translation>走访记录表(&amp;V)…</translation>
    </message>
    <message>
        <source>Visit record sheets…</source>
        <translation>走访记录表…</translation>
    </message>
    <message>
        <source>The three &amp;dropout ledgers…</source>
        <translation>控辍保学三本台账(&amp;D)…</translation>
    </message>
    <message>
        <source>Export the three ledgers…</source>
        <translation>导出三本台账…</translation>
    </message>
    <message>
        <source>The dropout &amp;cases…</source>
        <translation>控辍保学工作台账(&amp;C)…</translation>
    </message>
    <message>
        <source>Export the cases…</source>
        <translation>导出档案…</translation>
    </message>
    <message>
        <source>The &amp;term-start dropout report…</source>
        <translation>开学辍学情况报告(&amp;T)…</translation>
    </message>
    <message>
        <source>Term-start dropout report…</source>
        <translation>开学辍学情况报告…</translation>
    </message>
    <message>
        <source>The &amp;comparison check sheet (比对核查表)…</source>
        <translation>比对核查表(&amp;C)…</translation>
    </message>
    <message>
        <source>Export the check sheet…</source>
        <translation>导出比对核查表…</translation>
    </message>
    <message>
        <source>&amp;Quarterly summary…</source>
        <translation>季度工作汇总(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Monthly report…</source>
        <translation>控辍保学月报(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Term-start dropout report…</source>
        <translation>开学辍学情况报告(&amp;T)…</translation>
    </message>
    <message>
        <source>Print the term-start report…</source>
        <translation>打印开学报告…</translation>
    </message>
    <message>
        <source>The three dropout &amp;ledgers…</source>
        <translation>控辍保学三本台账(&amp;L)…</translation>
    </message>
    <message>
        <source>Print the three ledgers…</source>
        <translation>打印三本台账…</translation>
    </message>
    <message>
        <source>Urging &amp;notices due…</source>
        <translation>应发的敦促入学通知书(&amp;N)…</translation>
    </message>
    <message>
        <source>Print all notices due…</source>
        <translation>打印全部应发通知书…</translation>
    </message>
    <message>
        <source>&amp;Pairing register…</source>
        <translation>结对帮扶花名册(&amp;P)…</translation>
    </message>
    <message>
        <source>送教上门 &amp;register…</source>
        <translation>送教上门登记表(&amp;R)…</translation>
    </message>
    <message>
        <source>Sign in as someone &amp;else…</source>
        <translation>换人登录(&amp;E)…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>账号管理(&amp;A)…</translation>
    </message>
    <message>
        <source>Sign out when &amp;idle…</source>
        <translation>闲置自动锁定(&amp;I)…</translation>
    </message>
    <message>
        <source>Change &amp;operator…</source>
        <translation>更换操作员(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Schools and villages…</source>
        <translation>学校和村(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Dropout control rules…</source>
        <translation>控辍保学规则(&amp;D)…</translation>
    </message>
    <message>
        <source>Safety &amp;copies…</source>
        <translation>安全副本(&amp;C)…</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>审计记录(&amp;T)…</translation>
    </message>
    <message>
        <source>User &amp;manual</source>
        <translation>用户手册(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;About SchoolAid</source>
        <translation>关于校助(&amp;A)</translation>
    </message>
    <message>
        <source>Preschool-age children per village…</source>
        <translation>各村学前适龄儿童数…</translation>
    </message>
    <message>
        <source>Show who and how much</source>
        <translation>查看发放对象和金额</translation>
    </message>
    <message>
        <source>Post for all of them</source>
        <translation>全部发放</translation>
    </message>
    <message>
        <source>Post for the selected only</source>
        <translation>只发放所选学生</translation>
    </message>
    <message>
        <source>Reverse or correct…</source>
        <translation>冲销或更正…</translation>
    </message>
    <message>
        <source>The student's subsidies</source>
        <translation>该生资助记录</translation>
    </message>
    <message>
        <source>Notice list (公示)…</source>
        <translation>公示名单…</translation>
    </message>
    <message>
        <source>Record notice dates…</source>
        <translation>记录公示日期…</translation>
    </message>
    <message>
        <source>Print the notice (公示表)…</source>
        <translation>打印公示表…</translation>
    </message>
    <message>
        <source>Record the end of the notice…</source>
        <translation>记录公示结束…</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>记录发放…</translation>
    </message>
    <message>
        <source>Sign-off sheet (签领表)…</source>
        <translation>签领表…</translation>
    </message>
    <message>
        <source>Print the sign-off sheet…</source>
        <translation>打印签领表…</translation>
    </message>
    <message>
        <source>Post for the selected…</source>
        <translation>为所选学生发放…</translation>
    </message>
    <message>
        <source>New programme…</source>
        <translation>新增项目…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Who is on the list…</source>
        <translation>名单成员…</translation>
    </message>
    <message>
        <source>Propose the priority groups</source>
        <translation>提出重点保障群体</translation>
    </message>
    <message>
        <source>Confirm the proposed…</source>
        <translation>确认提出的名单…</translation>
    </message>
    <message>
        <source>Application…</source>
        <translation>个人申请…</translation>
    </message>
    <message>
        <source>Class review…</source>
        <translation>班级评议…</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>学校认定…</translation>
    </message>
    <message>
        <source>Adjust the level…</source>
        <translation>调整认定等级…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤销认定…</translation>
    </message>
    <message>
        <source>Public notice (公示)…</source>
        <translation>结果公示…</translation>
    </message>
    <message>
        <source>Print the notice table (公示表)…</source>
        <translation>打印公示表…</translation>
    </message>
    <message>
        <source>Put on file…</source>
        <translation>建档备案…</translation>
    </message>
    <message>
        <source>Print the application form…</source>
        <translation>打印申请表…</translation>
    </message>
    <message>
        <source>Add staff…</source>
        <translation>新增教职工…</translation>
    </message>
    <message>
        <source>Leaves…</source>
        <translation>离职/调离…</translation>
    </message>
    <message>
        <source>Pair a household…</source>
        <translation>结对新户…</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>移交…</translation>
    </message>
    <message>
        <source>End pairing…</source>
        <translation>结束结对…</translation>
    </message>
    <message>
        <source>Visits of this household</source>
        <translation>该户走访记录</translation>
    </message>
    <message>
        <source>Find a helper…</source>
        <translation>安排帮扶人…</translation>
    </message>
    <message>
        <source>Log a visit…</source>
        <translation>记录走访…</translation>
    </message>
    <message>
        <source>Pair a weak school…</source>
        <translation>结对薄弱学校…</translation>
    </message>
    <message>
        <source>Log an activity…</source>
        <translation>记录活动…</translation>
    </message>
    <message>
        <source>End the pairing…</source>
        <translation>结束结对…</translation>
    </message>
    <message>
        <source>Open a case…</source>
        <translation>建立档案…</translation>
    </message>
    <message>
        <source>Case file…</source>
        <translation>档案详情…</translation>
    </message>
    <message>
        <source>Log an attempt…</source>
        <translation>登记劝返…</translation>
    </message>
    <message>
        <source>Correct the entry…</source>
        <translation>更正记录…</translation>
    </message>
    <message>
        <source>Evidence…</source>
        <translation>佐证材料…</translation>
    </message>
    <message>
        <source>Issue the urging notice…</source>
        <translation>发敦促入学通知书…</translation>
    </message>
    <message>
        <source>Print the notice…</source>
        <translation>打印通知书…</translation>
    </message>
    <message>
        <source>Record the signed receipt…</source>
        <translation>登记送达回证…</translation>
    </message>
    <message>
        <source>Next step…</source>
        <translation>下一步…</translation>
    </message>
    <message>
        <source>Close or move the case…</source>
        <translation>办结或转处理…</translation>
    </message>
    <message>
        <source>Record as dropout</source>
        <translation>认定为辍学</translation>
    </message>
    <message>
        <source>Plan (一人一案)…</source>
        <translation>一人一案…</translation>
    </message>
    <message>
        <source>Add a follow-up…</source>
        <translation>登记跟踪…</translation>
    </message>
    <message>
        <source>Print the plan…</source>
        <translation>打印一人一案…</translation>
    </message>
    <message>
        <source>Back at school…</source>
        <translation>已到校…</translation>
    </message>
    <message>
        <source>Open a case for the selected…</source>
        <translation>为所选学生建档…</translation>
    </message>
    <message>
        <source>Record the check…</source>
        <translation>记录核查结果…</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Log an activity</source>
        <translation>记录活动</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>做了什么</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>参加人员</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <source>Adjust the level of {name}</source>
        <translation>调整{name}的认定等级</translation>
    </message>
    <message>
        <source>New level</source>
        <translation>新等级</translation>
    </message>
    <message>
        <source>Why it changes</source>
        <translation>调整原因</translation>
    </message>
    <message>
        <source>The present assessment is kept and ends today; the new one goes through its own notice.</source>
        <translation>原认定记录保留，今天终止；新的认定需要重新公示。</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <source>SchoolAid cannot open the database</source>
        <translation>校助无法打开数据库</translation>
    </message>
</context>
<context>
    <name>ApplyDialog</name>
    <message>
        <source>Application of {name}</source>
        <translation>{name}的认定申请</translation>
    </message>
    <message>
        <source>Reasons the family gives</source>
        <translation>申请理由</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Record an approval (延缓入学 or 休学)</source>
        <translation>登记批准（延缓入学或休学）</translation>
    </message>
    <message>
        <source>e.g. 平地镇人民政府 or 仁和区教育和体育局</source>
        <translation>例如平地镇人民政府或仁和区教育和体育局</translation>
    </message>
    <message>
        <source>e.g. 因病</source>
        <translation>例如因病</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Away from</source>
        <translation>休学开始日期</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Latest approval</source>
        <translation>最近的批准</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>批准类别</translation>
    </message>
    <message>
        <source>Approving body</source>
        <translation>批准机关</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>Last day away</source>
        <translation>休学结束日期</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>{name} is {size} MB; evidence files can be at most {limit} MB. Take the photo at a lower resolution, or scan at 150 dpi.</source>
        <translation>{name} 有 {size} MB，佐证材料每个文件最大 {limit} MB。请用较低分辨率拍照，或按 150 dpi 扫描。</translation>
    </message>
    <message>
        <source>{name} cannot be read ({detail}).</source>
        <translation>无法读取 {name}（{detail}）。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>The evidence file no longer exists.</source>
        <translation>该佐证材料已不存在。</translation>
    </message>
    <message>
        <source>The evidence file {name} is damaged in the database. Restore it from a backup.</source>
        <translation>数据库中的佐证材料 {name} 已损坏。请用备份恢复。</translation>
    </message>
</context>
<context>
    <name>AttemptDialog</name>
    <message>
        <source>Correct an entry</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>Log a persuasion attempt</source>
        <translation>登记劝返记录</translation>
    </message>
    <message>
        <source>e.g. class teacher 李老师, village committee 王主任, township 杨副镇长</source>
        <translation>例如：班主任李老师、村委会王主任、镇政府杨副镇长</translation>
    </message>
    <message>
        <source>The family agreed: the child comes back</source>
        <translation>家长同意，孩子返校</translation>
    </message>
    <message>
        <source>No evidence files</source>
        <translation>没有佐证材料</translation>
    </message>
    <message>
        <source>Add photos or scans…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>No. {id}: {name}, {school} {grade}</source>
        <translation>第 {id} 号：{name}，{school} {grade}</translation>
    </message>
    <message>
        <source>Entry No. {id} stays in the log, marked as corrected; this entry takes its place.</source>
        <translation>第 {id} 条记录保留在劝返记录中，标为已更正；以本条代替。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Who went</source>
        <translation>劝返人员</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>Whom they met</source>
        <translation>见到何人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>{n} files: {names}</source>
        <translation>{n} 个文件：{names}</translation>
    </message>
</context>
<context>
    <name>AttemptEvidenceDialog</name>
    <message>
        <source>Evidence of the attempt of {date}</source>
        <translation>{date} 劝返的佐证材料</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>Choose who is working before changing anything.</source>
        <translation>请先选择操作员，再修改数据。</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Every kind of record</source>
        <translation>所有类别的记录</translation>
    </message>
    <message>
        <source>record no.</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>words in the summary</source>
        <translation>摘要中的文字</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Export to .xlsx…</source>
        <translation>导出为 .xlsx…</translation>
    </message>
    <message>
        <source>Check the trail</source>
        <translation>检查审计记录</translation>
    </message>
    <message>
        <source>{total} events match; the newest {shown} are shown.</source>
        <translation>共 {total} 条符合；显示最新的 {shown} 条。</translation>
    </message>
    <message>
        <source>{total} events match.</source>
        <translation>共 {total} 条符合。</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>Exporting the audit trail…</source>
        <translation>正在导出审计记录…</translation>
    </message>
    <message>
        <source>{n} events exported.</source>
        <translation>已导出 {n} 条记录。</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>正在检查审计记录…</translation>
    </message>
    <message>
        <source>The trail is intact: {rows} events, each chained to the one before; {records} records (students, households, ledger, cases, visits, accounts, settings …) match it.</source>
        <translation>审计记录完整：共 {rows} 条，每条都与前一条相扣；{records} 条记录（学生、户、台账、案件、走访、账号、设置……）与之相符。</translation>
    </message>
    <message>
        <source>The trail shows tampering:
{problem}

{n} problems in all.</source>
        <translation>审计记录显示有篡改：
{problem}

共 {n} 处问题。</translation>
    </message>
</context>
<context>
    <name>AuditVerify</name>
    <message>
        <source>audit row {id} does not follow the row before it: a row before it was removed or inserted</source>
        <extracomment>Every table whose change matters. A new table must be added here or to EXEMPT (a test enforces it). Tables whose rows are compared as part of another record's audited state: (entity, field). Tables not compared, with the reason.</extracomment>
        <translation>第 {id} 条审计记录与前一条接不上：前面有记录被删除或插入</translation>
    </message>
    <message>
        <source>audit row {id} was changed after it was written</source>
        <translation>第 {id} 条审计记录在写入后被改动过</translation>
    </message>
    <message>
        <source>{kind} {key} (table {table})</source>
        <extracomment>Fields that are a column of the record and also recomputed from another table: both must match the trail. How a finding names a field: its column, and in Chinese what it is (printed documents' terms).</extracomment>
        <translation>{kind} {key}（{table} 表）</translation>
    </message>
    <message>
        <source>{record} has no audit record: it was added behind the app's back</source>
        <translation>{record}没有任何审计记录：它是绕过本程序加进数据库的</translation>
    </message>
    <message>
        <source>{record} was deleted on the record (audit row {event}) but is in the database again</source>
        <translation>{record}按审计记录已删除（审计第 {event} 条），却又出现在数据库中</translation>
    </message>
    <message>
        <source>{record} differs from its last audited state (audit row {event}) in: {fields}</source>
        <translation>{record}与最后一次审计的状态（审计第 {event} 条）不符，被改动的字段：{fields}</translation>
    </message>
    <message>
        <source>{record} was removed behind the app's back: its last audit row ({event}) is not a deletion</source>
        <translation>{record}被绕过本程序删除了：它最后的审计记录（第 {event} 条）不是删除</translation>
    </message>
    <message>
        <source>the audit trail has fewer rows than the {rows} on paper: rows were removed</source>
        <translation>审计记录少于纸面上记下的 {rows} 条：有记录被删除</translation>
    </message>
    <message>
        <source>audit row {rows} has the check code {now}, not {paper} as on paper: the trail was rewritten</source>
        <translation>第 {rows} 条审计记录的校验码是 {now}，不是纸面上的 {paper}：审计记录被重写过</translation>
    </message>
    <message>
        <source>the audit trail has fewer rows than the backup of that day ({rows}): rows were removed</source>
        <translation>审计记录比当天备份时还少（{rows} 条）：有记录被删除</translation>
    </message>
    <message>
        <source>audit row {rows} is not the one the backup of that day recorded: the trail was rewritten</source>
        <translation>第 {rows} 条审计记录不是当天备份所记下的那一条：审计记录被重写过</translation>
    </message>
</context>
<context>
    <name>BackAtSchoolDialog</name>
    <message>
        <source>Back at school</source>
        <translation>已到校</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>{name}, absent since {date}</source>
        <translation>{name}，自 {date} 起缺课</translation>
    </message>
    <message>
        <source>Back at school on</source>
        <translation>到校日期</translation>
    </message>
    <message>
        <source>Reason of the absence</source>
        <translation>缺课原因</translation>
    </message>
    <message>
        <source>The child has a case file (No. {id}): close it as “back at school” on the Cases page so that the persuasion is on record.</source>
        <translation>该生已有控辍档案（第 {id} 号）：请在“档案”页将其办结为“已返校”，以便劝返工作留档。</translation>
    </message>
    <message>
        <source>The child comes back after the absence began.</source>
        <translation>到校日期应在缺课开始之后。</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>Removed {n} temporary file(s) left by an earlier SchoolAid that was stopped in the middle of its work (they may have held a copy of the data): {names}.</source>
        <translation>已删除上次校助在工作中途被关闭（或断电）时留下的 {n} 个临时文件（其中可能有数据的副本）：{names}。</translation>
    </message>
    <message>
        <source>The disk is full: there is no room for a copy of the database beside {path}. Free some space and try again.</source>
        <translation>磁盘已满：{path} 旁边没有空间存放数据库副本。请腾出一些空间后再试。</translation>
    </message>
    <message>
        <source>The database is busy; try again in a moment.</source>
        <translation>数据库正忙，请稍等片刻再试。</translation>
    </message>
    <message>
        <source>The database could not be copied: {detail}.</source>
        <translation>无法复制数据库：{detail}。</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <source>Counting the records…</source>
        <translation>正在清点记录…</translation>
    </message>
    <message>
        <source>Copying the database: {done} of {total} MB copied…</source>
        <translation>正在复制数据库：已复制 {done} / {total} MB…</translation>
    </message>
    <message>
        <source>Encrypting: {done} of {total} MB written…</source>
        <translation>正在加密：已写入 {done} / {total} MB…</translation>
    </message>
    <message>
        <source>Deriving the encryption key from the password…</source>
        <translation>正在由密码生成加密密钥…</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>{path} 处没有文件。</translation>
    </message>
    <message>
        <source>Decrypting: {done} of {total} MB read…</source>
        <translation>正在解密：已读取 {done} / {total} MB…</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
    <message>
        <source>The backup decrypts but what it carries with its database is unreadable. Export the backup again on the school's PC.</source>
        <translation>备份能解密，但其中随数据库保存的密钥信息无法读取。请在学校电脑上重新导出备份。</translation>
    </message>
    <message>
        <source>Checking that the database is whole…</source>
        <translation>正在检查数据库是否完整…</translation>
    </message>
    <message>
        <source>Checking the references between records…</source>
        <translation>正在检查记录之间的引用…</translation>
    </message>
    <message>
        <source>The backup decrypts but its database is unreadable ({detail}). Export the backup again on the school's PC.</source>
        <translation>备份能解密，但其中的数据库无法读取（{detail}）。请在学校的电脑上重新导出备份。</translation>
    </message>
    <message>
        <source>The backup's database is damaged (SQLite integrity check: {detail}). Export the backup again on the school's PC.</source>
        <translation>备份中的数据库已损坏（SQLite 完整性检查：{detail}）。请在学校的电脑上重新导出备份。</translation>
    </message>
    <message>
        <source>The backup's database has {n} broken references between records. Export the backup again on the school's PC.</source>
        <translation>备份中的数据库有 {n} 处记录之间的引用断开。请在学校的电脑上重新导出备份。</translation>
    </message>
    <message>
        <source>The backup holds a database of another program.</source>
        <translation>备份中是其他程序的数据库。</translation>
    </message>
    <message>
        <source>The backup's database does not hold what its header says ({names}). Export the backup again on the school's PC.</source>
        <translation>备份中的数据库与文件头所写的不符（{names}）。请在学校的电脑上重新导出备份。</translation>
    </message>
    <message>
        <source>password right; every block authentic, the end marker present</source>
        <translation>密码正确；每一块数据都真实未改，结束标记完好</translation>
    </message>
    <message>
        <source>SQLite integrity check: ok</source>
        <translation>SQLite 完整性检查：通过</translation>
    </message>
    <message>
        <source>references between records: ok</source>
        <translation>记录之间的引用：完好</translation>
    </message>
    <message>
        <source>record counts as in the header: {n} kinds</source>
        <translation>记录数与文件头一致：共 {n} 类</translation>
    </message>
    <message>
        <source>Writing the restored database: {done} of {total} MB…</source>
        <translation>正在写入恢复的数据库：已写入 {done} / {total} MB…</translation>
    </message>
    <message>
        <source>Bringing the restored database up to this version…</source>
        <translation>正在把恢复的数据库升级到本版本…</translation>
    </message>
    <message>
        <source>The database {path} is open in another SchoolAid window. Close it, then restore.</source>
        <translation>数据库 {path} 正在另一个校助窗口中打开。请先关闭它，再恢复。</translation>
    </message>
    <message>
        <source>Opening the backup's database…</source>
        <translation>正在打开备份中的数据库…</translation>
    </message>
    <message>
        <source>The backup file is damaged or incomplete ({detail}), so it was not used. Copy it again from the school's PC (a USB stick pulled out too early leaves a cut-off file) and try again.</source>
        <translation>备份文件已损坏或不完整（{detail}），没有使用。请从学校的电脑重新复制一份（U 盘拔得太早会留下不完整的文件）后再试。</translation>
    </message>
    <message>
        <source>the key settings in the header are unreadable</source>
        <translation>文件头中的密钥设置无法读取</translation>
    </message>
    <message>
        <source>The backup file asks for unreasonable key settings (scrypt N={n}, r={r}, p={p}); it was altered or is not a SchoolAid backup, so it was not opened.</source>
        <translation>备份文件要求不合理的密钥设置（scrypt N={n}，r={r}，p={p}）；文件被改动过或不是校助备份，没有打开。</translation>
    </message>
    <message>
        <source>The backup password must have at least {n} characters.</source>
        <translation>备份密码至少要有 {n} 个字符。</translation>
    </message>
    <message>
        <source>This file is not a SchoolAid backup (.sabk). Choose the backup file the school exported.</source>
        <translation>这不是校助备份文件（.sabk）。请选择学校导出的备份文件。</translation>
    </message>
    <message>
        <source>the file ends inside its header</source>
        <translation>文件在文件头处就结束了</translation>
    </message>
    <message>
        <source>the header is impossibly long</source>
        <translation>文件头长得不合常理</translation>
    </message>
    <message>
        <source>the header is unreadable</source>
        <translation>文件头无法读取</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of SchoolAid (format {version}). Install the newer version to open it.</source>
        <translation>这个备份是新版本的校助制作的（格式 {version}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>the header names an unknown cipher</source>
        <translation>文件头写的是未知的加密方式</translation>
    </message>
    <message>
        <source>The password is wrong. Type the password chosen when this backup was exported (capital letters count).</source>
        <translation>密码不正确。请输入导出这个备份时设定的密码（注意区分大小写）。</translation>
    </message>
    <message>
        <source>the file is cut off</source>
        <translation>文件被截断了</translation>
    </message>
    <message>
        <source>the header or the first block was changed</source>
        <translation>文件头或第一块数据被改动过</translation>
    </message>
    <message>
        <source>the file is cut off or its end was changed</source>
        <translation>文件被截断或结尾被改动过</translation>
    </message>
    <message>
        <source>block {n} was changed</source>
        <translation>第 {n} 块数据被改动过</translation>
    </message>
    <message>
        <source>the compressed data is broken</source>
        <translation>压缩数据已损坏</translation>
    </message>
    <message>
        <source>the compressed data ends early</source>
        <translation>压缩数据提前结束</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Safety copy taken at {time}.</source>
        <translation>已于 {time} 做好安全副本。</translation>
    </message>
    <message>
        <source>The safety copy could not be taken: {detail}</source>
        <translation>无法做安全副本：{detail}</translation>
    </message>
    <message>
        <source>Restore from a safety copy</source>
        <translation>从安全副本恢复</translation>
    </message>
    <message>
        <source>Put back the data as it was on {time}? Everything entered since then leaves the database (it stays in the current database, which is kept as a dated copy).</source>
        <translation>把数据恢复到 {time} 时的样子吗？此后录入的内容将不在数据库中（它们保留在当前数据库里，当前数据库会另存为带日期的副本）。</translation>
    </message>
    <message>
        <source>The safety copy of {time} is restored.</source>
        <translation>已恢复 {time} 的安全副本。</translation>
    </message>
    <message>
        <source>Checking the written file…</source>
        <translation>正在检查写入的文件…</translation>
    </message>
    <message>
        <source>Recording the backup…</source>
        <translation>正在记录备份…</translation>
    </message>
    <message>
        <source>Export a backup</source>
        <translation>导出备份</translation>
    </message>
    <message>
        <source>The backup is written and checked:
{path}

{students} students, {entries} ledger entries, {cases} dropout cases.

Keep the password safe: without it the backup cannot be opened.</source>
        <translation>备份已写好并检查无误：
{path}

学生 {students} 名，台账条目 {entries} 条，辍学案件 {cases} 件。

请保管好密码：没有密码就打不开备份。</translation>
    </message>
    <message>
        <source>Exporting the backup…</source>
        <translation>正在导出备份…</translation>
    </message>
    <message>
        <source>Check a backup</source>
        <translation>检查备份</translation>
    </message>
    <message>
        <source>The whole backup is decrypted and checked; nothing is written.</source>
        <translation>将把整个备份解密并检查；不写入任何内容。</translation>
    </message>
    <message>
        <source>The backup is complete and sound.

School: {school}
Made: {created}

{checks}</source>
        <translation>备份完整无误。

学校：{school}
制作时间：{created}

{checks}</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Replace the data on this PC with the backup of {school} made {created} ({students} students)?

The current database is kept as a dated copy beside it.</source>
        <translation>用 {school} 于 {created} 制作的备份（学生 {students} 名）替换本机上的数据吗？

当前数据库会另存为带日期的副本，放在它旁边。</translation>
    </message>
    <message>
        <source>Type the password chosen when the backup was made.</source>
        <translation>请输入制作备份时设定的密码。</translation>
    </message>
    <message>
        <source>The backup of {school} made {created} is restored.</source>
        <translation>已恢复 {school} 于 {created} 制作的备份。</translation>
    </message>
    <message>
        <source>Decrypting the backup…</source>
        <translation>正在解密备份…</translation>
    </message>
    <message>
        <source>The database as it was before is kept as:
{path}</source>
        <translation>恢复前的数据库另存为：
{path}</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>The backup is restored. Sign in with an account of the backup (its passwords are those of the day it was made).</source>
        <translation>备份已恢复。请用备份里的账号登录（密码是做备份那天的密码）。</translation>
    </message>
    <message>
        <source>Nobody signed in on the restored data: SchoolAid closes now and asks for the sign-in at its next start.</source>
        <translation>没有人登录恢复后的数据：校助现在关闭，下次启动时会要求登录。</translation>
    </message>
    <message>
        <source>Open a backup to view</source>
        <translation>打开备份查看</translation>
    </message>
    <message>
        <source>The backup opens in a window of its own; nothing in it can be changed.</source>
        <translation>备份将在单独的窗口中打开；其中的内容都不能修改。</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Compare schools' backups</source>
        <translation>各校备份对比</translation>
    </message>
    <message>
        <source>The backups are decrypted one by one with this password (the schools must have used the same one) and their key figures put side by side in a workbook.</source>
        <translation>用这个密码逐个解密各校备份（各校须使用同一个密码），把关键数据并排放进一个工作簿。</translation>
    </message>
    <message>
        <source>The comparison of {n} schools is saved as {path}.</source>
        <translation>{n} 个学校的对比已保存为 {path}。</translation>
    </message>
    <message>
        <source>Reading the backups…</source>
        <translation>正在读取备份…</translation>
    </message>
</context>
<context>
    <name>BackupDialogs</name>
    <message>
        <source>SchoolAid backup (*.sabk)</source>
        <translation>校助备份文件 (*.sabk)</translation>
    </message>
</context>
<context>
    <name>BackupPasswordDialog</name>
    <message>
        <source>Backup file:</source>
        <translation>备份文件：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <source>Say the term as autumn or spring, with a year such as 2026.</source>
        <translation>学期请写 autumn（秋季）或 spring（春季），并给出年份，例如 2026。</translation>
    </message>
    <message>
        <source>Choose a quarter from 1 to 4 of a year such as 2026.</source>
        <translation>请选择某年（如 2026 年）的第 1 至 4 季度。</translation>
    </message>
    <message>
        <source>“{part}” is not a holiday like 07-01~08-31 (month-day~month-day).</source>
        <translation>“{part}”不是假期的写法，应写成 07-01~08-31（月-日~月-日）。</translation>
    </message>
    <message>
        <source>The holidays cover the whole year: there are no school days.</source>
        <translation>假期占满了全年，没有教学日。</translation>
    </message>
    <message>
        <source>“{part}” is not a date like 2027-10-01 or a range like 2027-10-01~2027-10-07.</source>
        <extracomment>The State Council's annual notice, one year a row: the days off (放假调休) and the weekend days worked instead (上班). Source of 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, 新华社; checked on politics.gmw.cn/2025-11/04/content_38391083.htm). The 2027 notice was not in the checked library (2026-12-01): a school enters it in the settings (``calendar.statutory_holidays`` and ``calendar.makeup_workdays``, see ``parse_official_days``) when it is published. The settings that add years the table lacks (2027 …): "2027-01-01~2027-01-01, 2027-02-06~2027-02-14" and "2027-02-20, …".</extracomment>
        <translation>“{part}”不是日期（如 2027-10-01）或日期范围（如 2027-10-01~2027-10-07）。</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Case file</source>
        <translation>控辍保学档案</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>建立档案</translation>
    </message>
    <message>
        <source>{name}, {school} {grade}, absent since {began}, case opened {opened}</source>
        <translation>{name}，{school} {grade}，{began} 起缺课，{opened} 建档</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>reported on</source>
        <translation>报告日期</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>辍学原因</translation>
    </message>
    <message>
        <source>In their words</source>
        <translation>具体情况</translation>
    </message>
    <message>
        <source>Class teacher</source>
        <translation>班主任</translation>
    </message>
    <message>
        <source>Reported to the township</source>
        <translation>已报告乡镇政府</translation>
    </message>
    <message>
        <source>Reported to the district bureau</source>
        <translation>已报告区教育局</translation>
    </message>
    <message>
        <source>What the township did</source>
        <translation>乡镇政府所做工作</translation>
    </message>
    <message>
        <source>What the village committee did</source>
        <translation>村委会所做工作</translation>
    </message>
    <message>
        <source>Current situation</source>
        <translation>目前状况</translation>
    </message>
    <message>
        <source>Remedies (补救措施)</source>
        <translation>补救措施</translation>
    </message>
</context>
<context>
    <name>CasePlanPanel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Followed up by</source>
        <translation>跟踪人</translation>
    </message>
    <message>
        <source>How the child is doing</source>
        <translation>学生情况</translation>
    </message>
    <message>
        <source>Attending</source>
        <translation>在校</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>&lt;b&gt;Plan (一人一案)&lt;/b&gt;: &lt;span style='color:#c62828'&gt;none yet&lt;/span&gt; — name the school leader, the teacher and the village cadre responsible.</source>
        <translation>&lt;b&gt;一人一案&lt;/b&gt;：&lt;span style='color:#c62828'&gt;尚未制定&lt;/span&gt;——请确定包保的校领导、教师和村干部。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Plan (一人一案)&lt;/b&gt;, revision {n}: leader {leader}, teacher {teacher}, village cadre {cadre}; cause: {cause}. Measures: {measures}</source>
        <translation>&lt;b&gt;一人一案&lt;/b&gt;（第 {n} 版）：包保校领导 {leader}，包保教师 {teacher}，包保村干部 {cadre}；辍学原因：{cause}。措施：{measures}</translation>
    </message>
    <message>
        <source>Placement on return: &lt;b&gt;{placement}&lt;/b&gt;.</source>
        <translation>返校安置：&lt;b&gt;{placement}&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Follow-up&lt;/b&gt;: back since {back}, followed up {done} of {n} times — &lt;span style='color:#2e7d32'&gt;consolidated (巩固完成)&lt;/span&gt;, no longer followed.</source>
        <translation>&lt;b&gt;返校跟踪&lt;/b&gt;：{back} 返校，已跟踪 {done}/{n} 次——&lt;span style='color:#2e7d32'&gt;巩固完成&lt;/span&gt;，不再跟踪。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Follow-up&lt;/b&gt;: back since {back}; the period ended on {end} with {done} of {n} follow-ups entered.</source>
        <translation>&lt;b&gt;返校跟踪&lt;/b&gt;：{back} 返校；跟踪期已于 {end} 结束，仅登记 {done}/{n} 次跟踪。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Follow-up&lt;/b&gt;: back since {back}, followed up {done} of {n} times until {end}; the next is due on {due}. A new absence until {end} reopens this case.</source>
        <translation>&lt;b&gt;返校跟踪&lt;/b&gt;：{back} 返校，跟踪至 {end}，已跟踪 {done}/{n} 次；下次跟踪应于 {due} 进行。{end} 前再次缺课将重新打开本档案。</translation>
    </message>
    <message>
        <source>Plan (一人一案)</source>
        <translation>一人一案</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再输一次新密码：</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一样。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Record the check (核查结果)</source>
        <translation>记录核查结果</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; (born {born}, {village})&lt;br&gt;{kind}: {detail}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;（{born} 出生，{village}）&lt;br&gt;{kind}：{detail}</translation>
    </message>
    <message>
        <source>Matched by name and birth date only: make sure it is the same child.</source>
        <translation>仅按姓名和出生日期匹配：请核实是否为同一儿童。</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <source>e.g. 攀枝花市第二小学</source>
        <translation>例如：攀枝花市第二小学</translation>
    </message>
    <message>
        <source>City or county, e.g. 攀枝花市东区</source>
        <translation>所在市、县，例如：攀枝花市东区</translation>
    </message>
    <message>
        <source>Whom you spoke to, e.g. 班主任 王老师 138…</source>
        <translation>核实对象，例如：班主任 王老师 138…</translation>
    </message>
    <message>
        <source>School</source>
        <translation>就读学校</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Confirmed by</source>
        <translation>核实方式</translation>
    </message>
    <message>
        <source>Confirmed with</source>
        <translation>核实对象</translation>
    </message>
    <message>
        <source>(no student chosen)</source>
        <translation>（未选择学生）</translation>
    </message>
    <message>
        <source>Choose the student…</source>
        <translation>选择学生…</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>本校学生</translation>
    </message>
    <message>
        <source>e.g. 仁和区教育局</source>
        <translation>例如：仁和区教育局</translation>
    </message>
    <message>
        <source>e.g. 仁教〔2026〕12号</source>
        <translation>例如：仁教〔2026〕12号</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>批准机关</translation>
    </message>
    <message>
        <source>Document No.</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>The child goes on the roster as not enrolled (未入学) here, proposed by age and village, and counts in the dropout ledger; a dropout case is offered next.</source>
        <translation>该儿童将以“未入学”状态编入上述学校和年级（按年龄和所在村建议，可修改），列入辍学台账；保存后可立即建立控辍保学档案。</translation>
    </message>
    <message>
        <source>Placed at</source>
        <translation>拟编入</translation>
    </message>
    <message>
        <source>What proves it: a certificate, the registry's page, a call log, a photo of the approval…</source>
        <translation>佐证材料：接收学校证明、学籍系统截图、通话记录、批准文件照片等</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Choose the student at our school this child is.</source>
        <translation>请选择该儿童对应的本校学生。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>database file (default: {path})</source>
        <translation>数据库文件（默认：{path}）</translation>
    </message>
    <message>
        <source>the account to act as, on a database with accounts (its role decides what is allowed)</source>
        <translation>以哪个账号操作（用于有账号的数据库；能做什么由其角色决定）</translation>
    </message>
    <message>
        <source>a file whose first line is that account's password, or - for standard input</source>
        <translation>一个文件，其第一行是该账号的密码；或用 - 从标准输入读取</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>name recorded in the audit trail as the person making the change</source>
        <translation>记入操作日志的操作人姓名</translation>
    </message>
    <message>
        <source>a file whose first line is the backup password, or - to read it from standard input (never typed as an argument: others could read it in the process list)</source>
        <translation>一个文件，其第一行是备份密码；或用 - 从标准输入读取（不要把密码写在命令参数里：别人能在进程列表中看到）</translation>
    </message>
    <message>
        <source>The password file {path} cannot be read: {detail}.</source>
        <translation>无法读取密码文件 {path}：{detail}。</translation>
    </message>
    <message>
        <source>The password file {path} is not UTF-8 text.</source>
        <translation>密码文件 {path} 不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>The password file {path} is empty.</source>
        <translation>密码文件 {path} 是空的。</translation>
    </message>
    <message>
        <source>SchoolAid: student roster, household pairing, subsidy ledger and dropout case files of a township central school. Without a command, opens the window.</source>
        <translation>校助：乡镇中心校的学生花名册、结对帮扶、资助台账和控辍保学档案。不带命令时打开程序窗口。</translation>
    </message>
    <message>
        <source>open the window and show this backup (.sabk) read-only once signed in: what a backup double-clicked does</source>
        <translation>打开窗口，登录后以只读方式查看这个备份（.sabk）：双击备份文件时就是这样打开的</translation>
    </message>
    <message>
        <source>the student roster</source>
        <translation>学生花名册</translation>
    </message>
    <message>
        <source>list students</source>
        <translation>列出学生</translation>
    </message>
    <message>
        <source>print JSON for other programs</source>
        <translation>输出 JSON，供其他程序使用</translation>
    </message>
    <message>
        <source>name, pinyin initials or ID digits, as in the search box</source>
        <translation>姓名、拼音首字母或身份证号中的数字，与搜索框相同</translation>
    </message>
    <message>
        <source>only students with this enrollment status</source>
        <translation>只列出该学籍状态的学生</translation>
    </message>
    <message>
        <source>include full ID numbers (they are masked otherwise)</source>
        <translation>显示完整身份证号（默认隐去中间数字）</translation>
    </message>
    <message>
        <source>import students from an Excel or CSV roster (.xlsx, .xls, .csv)</source>
        <translation>从 Excel 或 CSV 花名册导入学生（.xlsx、.xls、.csv）</translation>
    </message>
    <message>
        <source>check the file and report, without writing anything</source>
        <translation>只检查文件并报告，不写入任何数据</translation>
    </message>
    <message>
        <source>Without the right to see full ID numbers, search by the last {n} digits of the ID number only.</source>
        <translation>没有查看完整证件号的权限，只能按证件号后 {n} 位查找。</translation>
    </message>
    <message>
        <source>students already on the roster (same ID number): update them from the sheet, or skip them (default: update)</source>
        <translation>已在花名册中的学生（身份证号相同）：用表中数据更新，或跳过（默认：更新）</translation>
    </message>
    <message>
        <source>the school of every row, for a sheet without a school column</source>
        <translation>表中没有“学校”一栏时，所有行所属的学校</translation>
    </message>
    <message>
        <source>also save the rejected rows, with the reasons, to send back to whoever typed them</source>
        <translation>同时把被拒绝的行连同原因另存，退回给填表人</translation>
    </message>
    <message>
        <source>export the roster to .xlsx</source>
        <translation>把花名册导出为 .xlsx</translation>
    </message>
    <message>
        <source>export the poor villages' survey of children's education (贫困村儿童、青少年接受教育情况调查表)</source>
        <translation>导出《贫困村儿童、青少年接受教育情况调查表》</translation>
    </message>
    <message>
        <source>household pairing (结对帮扶)</source>
        <translation>结对帮扶</translation>
    </message>
    <message>
        <source>active pairings and the gaps: unpaired households, quotas, overdue visits</source>
        <translation>列出结对关系和缺口：未结对的户、名额、逾期未走访</translation>
    </message>
    <message>
        <source>export the pairing register (结对帮扶花名册) to .xlsx</source>
        <translation>把《结对帮扶花名册》导出为 .xlsx</translation>
    </message>
    <message>
        <source>export a visit record sheet per helper (走访记录表) to .xlsx</source>
        <translation>为每位帮扶人导出《走访记录表》（.xlsx）</translation>
    </message>
    <message>
        <source>the subsidy ledger (资助台账)</source>
        <translation>资助台账</translation>
    </message>
    <message>
        <source>list the subsidy programmes</source>
        <translation>列出资助项目</translation>
    </message>
    <message>
        <source>post a programme's month for every eligible student not yet covered</source>
        <translation>为尚未资助的符合条件学生发放某项目某月的资助</translation>
    </message>
    <message>
        <source>the programme's code</source>
        <translation>项目代码</translation>
    </message>
    <message>
        <source>show who and how much, without writing anything</source>
        <translation>只显示发放对象和金额，不写入</translation>
    </message>
    <message>
        <source>eligible students with no entry for a month or a quarter</source>
        <translation>列出某月或某季度符合条件但未资助的学生</translation>
    </message>
    <message>
        <source>export the ledger to .xlsx in the bureau's columns</source>
        <translation>按教育局要求的栏目把台账导出为 .xlsx</translation>
    </message>
    <message>
        <source>dropout case files (控辍保学)</source>
        <translation>控辍保学档案</translation>
    </message>
    <message>
        <source>list the dropout cases, open ones first</source>
        <translation>列出控辍保学档案，劝返中的在前</translation>
    </message>
    <message>
        <source>only cases still being persuaded</source>
        <translation>只列劝返中的档案</translation>
    </message>
    <message>
        <source>export the three ledgers (school-age children, suspected dropouts, dropouts) to .xlsx</source>
        <translation>导出三本台账（适龄儿童、疑似辍学、辍学）为 .xlsx</translation>
    </message>
    <message>
        <source>printed documents as PDF</source>
        <translation>打印文书（PDF）</translation>
    </message>
    <message>
        <source>the enrollment-urging notice of a case (issued now if the case has none)</source>
        <translation>档案的敦促入学通知书（尚未发文的，现在发文）</translation>
    </message>
    <message>
        <source>{step} {number} of case {case} issued and written to {path}.</source>
        <translation>案件 {case} 的{step}（{number}）已印发并写入 {path}。</translation>
    </message>
    <message>
        <source>{step} {number} of case {case} written to {path}.</source>
        <translation>案件 {case} 的{step}（{number}）已写入 {path}。</translation>
    </message>
    <message>
        <source>the school's written report to the education bureau on a case whose notice's deadline passed</source>
        <translation>通知书期限届满后学校向教育行政部门的书面报告</translation>
    </message>
    <message>
        <source>the township's order to correct (责令限期改正决定书) of a case</source>
        <translation>案件的责令限期改正决定书（乡镇人民政府）</translation>
    </message>
    <message>
        <source>the demand to perform (履行催告书) of a case</source>
        <translation>案件的履行催告书</translation>
    </message>
    <message>
        <source>the application to the court for enforcement (强制执行申请书) of a case</source>
        <translation>案件的强制执行申请书（向人民法院）</translation>
    </message>
    <message>
        <source>issue and print every notice due (repeated attempts failed), in one PDF</source>
        <translation>为所有多次劝返无果的档案发文，并合并打印为一个 PDF</translation>
    </message>
    <message>
        <source>the quarterly summary</source>
        <translation>季度工作汇总</translation>
    </message>
    <message>
        <source>the monthly dropout-control report (一月一报告)</source>
        <translation>控辍保学月报（一月一报告）</translation>
    </message>
    <message>
        <source>Monthly report written to {path} ({pages} pages).</source>
        <translation>月报已写入 {path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>the term-start dropout report</source>
        <translation>开学辍学情况报告</translation>
    </message>
    <message>
        <source>the three dropout ledgers</source>
        <translation>控辍保学三本台账</translation>
    </message>
    <message>
        <source>the pairing register</source>
        <translation>结对帮扶花名册</translation>
    </message>
    <message>
        <source>one school (its name)</source>
        <translation>只打印一所学校（学校名称）</translation>
    </message>
    <message>
        <source>the school year starting in September of Y (the current one unless given)</source>
        <translation>Y年9月开始的学年（不填为本学年）</translation>
    </message>
    <message>
        <source>the 送教上门 register: each child's visits</source>
        <translation>送教上门登记表：每名学生的送教记录</translation>
    </message>
    <message>
        <source>送教上门 register written to {path} ({pages} pages).</source>
        <translation>送教上门登记表已写入 {path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>the sign-off sheet of a ledger batch</source>
        <translation>资助批次的签领表</translation>
    </message>
    <message>
        <source>the 公示表 of a ledger batch: names, schools, grades, classes and amounts, the dates and the phone for objections</source>
        <translation>一批资助的公示表：姓名、学校、年级、班级和金额，公示期和异议电话</translation>
    </message>
    <message>
        <source>公示表 written to {path} ({pages} pages).</source>
        <translation>公示表已写入 {path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>one child's plan (一人一案): the case, the people responsible, the measures, every attempt, the placement and the follow-up</source>
        <translation>打印一名学生的“一人一案”：案件、包保责任人、帮扶措施、每次劝返、返校安置与巩固跟踪</translation>
    </message>
    <message>
        <source>The plan of case {id} written to {path} ({pages} pages).</source>
        <translation>第 {id} 号档案的一人一案已写入 {path}（{pages} 页）。</translation>
    </message>
    <message>
        <source>encrypted backups to carry to the township (.sabk)</source>
        <translation>带到乡镇的加密备份（.sabk）</translation>
    </message>
    <message>
        <source>export an encrypted backup of the database</source>
        <translation>导出数据库的加密备份</translation>
    </message>
    <message>
        <source>the backup file, or a folder to put it in under the usual name</source>
        <translation>备份文件，或一个文件夹（备份按惯用的名字放进去）</translation>
    </message>
    <message>
        <source>decrypt a backup and check every part of it, writing nothing</source>
        <translation>解密备份并逐项检查，不写入任何内容</translation>
    </message>
    <message>
        <source>restore a backup into a database file (a database already there is kept as a dated copy)</source>
        <translation>把备份恢复到一个数据库文件（那里已有的数据库会另存为带日期的副本）</translation>
    </message>
    <message>
        <source>the database file to restore into</source>
        <translation>要恢复到的数据库文件</translation>
    </message>
    <message>
        <source>what a backup file holds, read from its header without the password</source>
        <translation>备份文件里有什么：从文件头读取，不需要密码</translation>
    </message>
    <message>
        <source>the township's view of its schools</source>
        <translation>乡镇查看各学校的情况</translation>
    </message>
    <message>
        <source>each school's key figures side by side, from their backups, as .xlsx</source>
        <translation>从各校备份汇总关键数据并排对比，保存为 .xlsx</translation>
    </message>
    <message>
        <source>accounts: who signs in, with which role</source>
        <translation>账号：谁能登录、担任什么角色</translation>
    </message>
    <message>
        <source>add an account (the first one, on a database without accounts, must be the administrator's)</source>
        <translation>添加账号（没有账号的数据库，第一个账号必须是管理员）</translation>
    </message>
    <message>
        <source>the person's name as the records show it</source>
        <translation>此人在记录中显示的姓名</translation>
    </message>
    <message>
        <source>a teacher's class, e.g. 平地镇中心校/小学/3/2班 (repeat for more)</source>
        <translation>教师负责的班级，例如 平地镇中心校/小学/3/2班（可重复多次）</translation>
    </message>
    <message>
        <source>the staff member this account belongs to (a teacher's own pairings and visits)</source>
        <translation>此账号对应的教职工（教师本人的结对和走访）</translation>
    </message>
    <message>
        <source>a file whose first line is the new account's password, or - for standard input</source>
        <translation>一个文件，其第一行是新账号的密码；或用 - 从标准输入读取</translation>
    </message>
    <message>
        <source>when this encrypts the database (its first account), also write the recovery-key sheet to print for the principal's safe</source>
        <translation>本次操作加密数据库时（添加第一个账号），同时生成恢复密钥页（PDF），打印后放入校长保险柜</translation>
    </message>
    <message>
        <source>The database is now encrypted. Its recovery key, shown this once: {key} Write it on paper (or print the sheet) and keep it in the principal's safe: it opens the database if every password is forgotten.</source>
        <translation>数据库现已加密。恢复密钥只显示这一次：{key} 请抄在纸上（或打印恢复密钥页）放入校长保险柜：所有密码都忘记时，用它打开数据库。</translation>
    </message>
    <message>
        <source>Recovery-key sheet written to {path}: print it, then delete the file.</source>
        <translation>恢复密钥页已写入 {path}：打印后请删除该文件。</translation>
    </message>
    <message>
        <source>list the accounts</source>
        <translation>列出账号</translation>
    </message>
    <message>
        <source>needs a password reset</source>
        <translation>需重设密码</translation>
    </message>
    <message>
        <source>set a new password for an account (also unlocks it)</source>
        <translation>给账号设新密码（同时解除锁定）</translation>
    </message>
    <message>
        <source>unlock an account locked by wrong passwords</source>
        <translation>解除因输错密码而锁定的账号</translation>
    </message>
    <message>
        <source>also check that the trail still passes through the head recorded in an earlier backup's header (newest rows removed since); the header is first proven unchanged with the backup's password</source>
        <translation>同时检查审计记录是否仍经过较早备份文件头所记的链头（检查此后是否删除了最新的记录）；先用备份密码证明文件头未被改动</translation>
    </message>
    <message>
        <source>with --against: a file whose first line is the backup's password, or - to read it from standard input</source>
        <translation>与 --against 一起用：第一行是备份密码的文件，或用 - 从标准输入读取</translation>
    </message>
    <message>
        <source>the check code printed at the foot of a summary, term report or sign-off sheet (审计链：共 N 条记录，校验码 …), with or without the dashes: the trail's row N must still have it</source>
        <translation>汇总表、开学报告或签领表页脚印的校验码（审计链：共 N 条记录，校验码 ……），带不带短横线均可：审计记录的第 N 条必须仍是这个校验码</translation>
    </message>
    <message>
        <source>with --head: the number of records printed beside the check code</source>
        <translation>与 --head 一起用：校验码旁印的记录条数</translation>
    </message>
    <message>
        <source>Give both --head and --rows, as printed: 审计链：共 N 条记录，校验码 XXXX-XXXX-XXXX is --rows N --head XXXX-XXXX-XXXX.</source>
        <translation>请同时给出 --head 和 --rows，照纸面抄：“审计链：共 N 条记录，校验码 XXXX-XXXX-XXXX”即 --rows N --head XXXX-XXXX-XXXX。</translation>
    </message>
    <message>
        <source>{head} is not a check code: it has 12 letters and digits (0-9, A-F), as printed, e.g. 3F2A-9C01-B7D4.</source>
        <translation>{head} 不是校验码：校验码由 12 个字母和数字（0–9、A–F）组成，照纸面抄写，例如 3F2A-9C01-B7D4。</translation>
    </message>
    <message>
        <source>check the audit trail's hash chain and that every record (roster, households, ledger, cases, visits, accounts, settings …) matches it</source>
        <translation>检查审计记录的哈希链，以及每条记录（花名册、户、台账、案件、走访、账号、设置……）是否与之相符</translation>
    </message>
    <message>
        <source>--against needs the backup's password (--password-file F): without it anyone could have edited the chain head in the backup's header.</source>
        <translation>--against 需要备份密码（--password-file F）：没有密码无法证明备份文件头里的链头没被人改过。</translation>
    </message>
    <message>
        <source>The backup {path} cannot be trusted to check the trail against: {problem}</source>
        <translation>不能用备份 {path} 来核对审计记录：{problem}</translation>
    </message>
    <message>
        <source>The audit trail is intact: {rows} rows, chain head {head}; {records} records (students, households, ledger, cases, visits, accounts, settings …) match it.</source>
        <translation>审计记录完整：共 {rows} 条，链头 {head}；{records} 条记录（学生、户、台账、案件、走访、账号、设置……）与之相符。</translation>
    </message>
    <message>
        <source>On paper it reads: 审计链：共 {rows} 条记录，校验码 {code}</source>
        <translation>打印件上应为：审计链：共 {rows} 条记录，校验码 {code}</translation>
    </message>
    <message>
        <source>Row {rows} still has the check code {code} copied from paper.</source>
        <translation>第 {rows} 条审计记录仍是纸面上抄来的校验码 {code}。</translation>
    </message>
    <message>
        <source>a file whose first line is the recovery key from the sheet in the principal's safe, or - for standard input</source>
        <translation>第一行是恢复密钥（校长保险柜里那页纸上的）的文件，或用 - 从标准输入读取</translation>
    </message>
    <message>
        <source>the administrator's account that gets a new password</source>
        <translation>要设置新密码的管理员账号</translation>
    </message>
    <message>
        <source>a file whose first line is the new password, or - for standard input</source>
        <translation>第一行是新密码的文件，或用 - 从标准输入读取</translation>
    </message>
    <message>
        <source>with the recovery key, open the encrypted database and set a new password for an administrator</source>
        <translation>用恢复密钥打开加密的数据库，为管理员设置新密码</translation>
    </message>
    <message>
        <source>There is no database at {path}. Check the path.</source>
        <translation>{path} 没有数据库。请检查路径。</translation>
    </message>
    <message>
        <source>New password set for {user} with the recovery key; other accounts without a key slot need an administrator to reset their passwords.</source>
        <translation>已用恢复密钥为 {user} 设置新密码；其他没有密钥槽的账号，需要管理员为其重设密码后才能登录。</translation>
    </message>
    <message>
        <source>the audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>the plan's indicators against their targets, for a term (the one under way by default)</source>
        <translation>规划的各项指标与目标对照，按学期（默认为当前学期）</translation>
    </message>
    <message>
        <source>one school instead of the township</source>
        <translation>只看一所学校，而不是全乡镇</translation>
    </message>
    <message>
        <source>fill an empty database with the demo township</source>
        <translation>在空数据库中载入示范乡镇</translation>
    </message>
    <message>
        <source>number of students (default 1500)</source>
        <translation>学生人数（默认 1500）</translation>
    </message>
    <message>
        <source>random seed: the same seed gives the same township</source>
        <translation>随机种子：种子相同，生成的乡镇相同</translation>
    </message>
    <message>
        <source>There is no database at {path}. Check the path, or create one with “schoolaid demo” or by starting the program.</source>
        <translation>{path} 处没有数据库。请检查路径，或用“schoolaid demo”命令、或启动程序来建立数据库。</translation>
    </message>
    <message>
        <source>The database could not be encrypted now ({detail}). It stays as it was, and is encrypted at an administrator's next sign-in.</source>
        <translation>数据库这次没能加密（{detail}）。它保持原样，将在管理员下次登录时加密。</translation>
    </message>
    <message>
        <source>The database is now encrypted (converted at this administrator's sign-in). Its recovery key, shown this once: {key} Write it on paper and keep it in the principal's safe: it opens the database if every password is forgotten. The other accounts sign in again once an administrator resets their passwords.</source>
        <translation>数据库现已加密（在这位管理员登录时转换）。恢复密钥只显示这一次：{key} 请抄在纸上放入校长保险柜：所有密码都忘记时，用它打开数据库。其他账号需要管理员为其重设密码后才能再登录。</translation>
    </message>
    <message>
        <source>This database has accounts: name yours with --user NAME and give its password with --user-password-file F (or - to type it on standard input).</source>
        <translation>这个数据库设有账号：请用 --user 用户名 指明账号，并用 --user-password-file 文件 提供密码（或用 - 从标准输入输入）。</translation>
    </message>
    <message>
        <source>Give the password of {user} with --user-password-file F.</source>
        <translation>请用 --user-password-file 文件 提供 {user} 的密码。</translation>
    </message>
    <message>
        <source>Note: the output carries full ID numbers of minors. Keep it on this PC, or delete it when done.</source>
        <translation>注意：输出中含有未成年人的完整身份证号。请只留在本机，用完即删。</translation>
    </message>
    <message>
        <source>Note: {path} carries full ID numbers of minors. Keep it on this PC, or delete it when done.</source>
        <translation>注意：{path} 中含有未成年人的完整身份证号。请只留在本机，用完即删。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>{n} students</source>
        <translation>共 {n} 名学生</translation>
    </message>
    <message>
        <source>{name} has no school column and names no known school above its header: give the school with --school (one of: {schools}).</source>
        <translation>{name} 没有“学校”列，表头上方也没有写明已知的学校：请用 --school 指定学校（可选：{schools}）。</translation>
    </message>
    <message>
        <source>{name} names the school {school} above its header: every row is imported into it.</source>
        <translation>{name} 表头上方写明了学校“{school}”：所有行都导入该校。</translation>
    </message>
    <message>
        <source>children with disabilities: placement and 送教上门</source>
        <translation>残疾儿童少年：安置与送教上门</translation>
    </message>
    <message>
        <source>the student's id (roster list --json)</source>
        <translation>学生编号（见 roster list --json）</translation>
    </message>
    <message>
        <source>the category: {values}</source>
        <translation>残疾类别：{values}</translation>
    </message>
    <message>
        <source>the grade: {values}</source>
        <translation>残疾等级：{values}</translation>
    </message>
    <message>
        <source>the day of the expert committee's assessment</source>
        <translation>专家委员会评估日期</translation>
    </message>
    <message>
        <source>the expert committee's decision</source>
        <translation>专家委员会评估意见</translation>
    </message>
    <message>
        <source>the placement: {values}</source>
        <translation>安置方式：{values}</translation>
    </message>
    <message>
        <source>the placement's first day (today unless given)</source>
        <translation>安置起始日期（不填为今天）</translation>
    </message>
    <message>
        <source>record a student's disability, the expert committee's assessment and the placement</source>
        <translation>登记学生的残疾情况、专家委员会评估和安置方式</translation>
    </message>
    <message>
        <source>Disability record {id} of student {student}: {summary}</source>
        <translation>学生 {student} 的残疾与安置记录 {id}：{summary}</translation>
    </message>
    <message>
        <source>the day of the visit</source>
        <translation>送教日期</translation>
    </message>
    <message>
        <source>the teacher who went</source>
        <translation>送教教师</translation>
    </message>
    <message>
        <source>the hours taught (1.5)</source>
        <translation>送教课时（小时，如 1.5）</translation>
    </message>
    <message>
        <source>what was taught</source>
        <translation>送教内容</translation>
    </message>
    <message>
        <source>a photo or scanned sheet of the visit (repeatable)</source>
        <translation>送教照片或签字单扫描件（可多次给出）</translation>
    </message>
    <message>
        <source>this entry corrects visit VISIT_ID, which stays in the log marked as corrected</source>
        <translation>本条更正第 VISIT_ID 条送教记录，原记录保留并标为已更正</translation>
    </message>
    <message>
        <source>log a 送教上门 visit of a child placed 送教上门</source>
        <translation>为安置方式为送教上门的学生登记一次送教</translation>
    </message>
    <message>
        <source>送教上门 visit {id} logged.</source>
        <translation>送教上门记录 {id} 已登记。</translation>
    </message>
    <message>
        <source>list the students with a disability record, their placement and their last 送教上门 visit</source>
        <translation>列出有残疾登记的学生、安置方式和最近一次送教</translation>
    </message>
    <message>
        <source> — no visit for {days} days</source>
        <translation> — 已 {days} 天未送教</translation>
    </message>
    <message>
        <source>why, e.g. 因病</source>
        <translation>原因，例如因病</translation>
    </message>
    <message>
        <source>who approved it (批准机关), e.g. 乡镇人民政府 or 县级教育行政部门</source>
        <translation>批准机关，例如乡镇人民政府或县级教育行政部门</translation>
    </message>
    <message>
        <source>the approval's document number (文号)</source>
        <translation>批准文号</translation>
    </message>
    <message>
        <source>the day of the approval</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>the first day of the suspension</source>
        <translation>休学开始日期</translation>
    </message>
    <message>
        <source>the last day of the suspension (at most one year after the first)</source>
        <translation>休学结束日期（自开始日起最多一年）</translation>
    </message>
    <message>
        <source>the expiry (到期日): from that day the child is due to enroll again</source>
        <translation>到期日：自该日起儿童重新列为应入学</translation>
    </message>
    <message>
        <source>{kind} approval recorded for student {id}, until {date}.</source>
        <translation>已为学生 {id} 登记{kind}批准，至 {date}。</translation>
    </message>
    <message>
        <source>record a 延缓入学 approval for a child of school age still in a preschool class</source>
        <translation>为已到入学年龄仍在学前班的儿童登记延缓入学批准</translation>
    </message>
    <message>
        <source>record a 休学 approval (a pupil still 在读 becomes 休学 from its first day)</source>
        <translation>登记休学批准（在读学生自休学开始日起改为休学）</translation>
    </message>
    <message>
        <source>There is no school called {name}.</source>
        <translation>没有名为 {name} 的学校。</translation>
    </message>
    <message>
        <source>四查三比对: the household register, the poverty list and the student registry against the roster</source>
        <translation>四查三比对：户籍、脱贫户和监测对象名单、学籍与花名册比对</translation>
    </message>
    <message>
        <source>There is no village called {name} in the township (see Settings → Schools and villages).</source>
        <translation>本镇没有名为 {name} 的村（见 设置 → 学校和村）。</translation>
    </message>
    <message>
        <source>which list: hukou (the household register), poverty (脱贫户 and 防止返贫监测对象), registry (the national student registry's export)</source>
        <translation>哪种名单：hukou（户籍名单），poverty（脱贫户和防止返贫监测对象名单），registry（全国学籍系统导出的名单）</translation>
    </message>
    <message>
        <source>the village the whole list is for (default: each row's village, from its 村 column or address; a list of several villages is the whole township's)</source>
        <translation>整份名单所属的村（默认：按每行的“村”列或住址；含多个村的名单视为全镇名单）</translation>
    </message>
    <message>
        <source>the school of every row, for a registry export without a school column</source>
        <translation>学籍名单没有学校列时，每一行所属的学校</translation>
    </message>
    <message>
        <source>who handed the list over (某某派出所, 某某村委会, 学籍系统)</source>
        <translation>名单来源（某某派出所、某某村委会、学籍系统）</translation>
    </message>
    <message>
        <source>the day the list was handed over (default: today)</source>
        <translation>接收名单的日期（默认：今天）</translation>
    </message>
    <message>
        <source>import a household register, poverty list or registry export (.xlsx, .xls, .csv)</source>
        <translation>导入户籍名单、脱贫户和监测对象名单或学籍导出名单（.xlsx、.xls、.csv）</translation>
    </message>
    <message>
        <source>Would import</source>
        <translation>将导入</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>{verb} {list}: {people} people, of whom {children} children; {merged} listed twice (merged), {dropped} other adults left out; {rejected} rows rejected, {warned} with warnings.</source>
        <translation>{verb}{list}：{people} 人，其中儿童 {children} 人；重复列出 {merged} 人（已合并），其他成年人 {dropped} 人未导入；拒绝 {rejected} 行，{warned} 行有警告。</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>提示：{note}</translation>
    </message>
    <message>
        <source>the lists imported, newest first (those replaced by a newer list too)</source>
        <translation>已导入的比对名单，最新的在前（含已被新名单替换的）</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>replaced on {day}</source>
        <translation>已于 {day} 被替换</translation>
    </message>
    <message>
        <source>{people} people, {children} children</source>
        <translation>{people} 人，儿童 {children} 人</translation>
    </message>
    <message>
        <source>{n} lists</source>
        <translation>共 {n} 份名单</translation>
    </message>
    <message>
        <source>also write the check sheets (one per kind, with the columns the village cadre fills in)</source>
        <translation>同时导出核查表（每类一张工作表，含村干部入户核查时填写的栏目）</translation>
    </message>
    <message>
        <source>include the differences already checked, with their check</source>
        <translation>包括已核查的差异及其核查结果</translation>
    </message>
    <message>
        <source>write full ID numbers into the workbook (they are masked otherwise)</source>
        <translation>在核查表中写入完整身份证号（否则隐去中间数字）</translation>
    </message>
    <message>
        <source>list the differences between the lists and the roster (still to check, oldest first)</source>
        <translation>列出名单与花名册的差异（待核查，最早的在前）</translation>
    </message>
    <message>
        <source>Check sheets written to {path}.</source>
        <translation>核查表已导出到 {path}。</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>{n} differences: {counts}.</source>
        <translation>共 {n} 条差异：{counts}。</translation>
    </message>
    <message>
        <source>the kind of difference: {kinds}</source>
        <translation>差异类别：{kinds}</translation>
    </message>
    <message>
        <source>the child: the ID number, or name|birth date (the “key” of reconcile report --json)</source>
        <translation>儿童：身份证号，或“姓名|出生日期”（即 reconcile report --json 中的“key”）</translation>
    </message>
    <message>
        <source>the result: {results}</source>
        <translation>核查结果：{results}</translation>
    </message>
    <message>
        <source>who checked (核查人)</source>
        <translation>核查人</translation>
    </message>
    <message>
        <source>the day of the check (核查日期), default today</source>
        <translation>核查日期，默认今天</translation>
    </message>
    <message>
        <source>在外地就读: the school where the child studies</source>
        <translation>在外地就读：就读学校</translation>
    </message>
    <message>
        <source>在外地就读, 随迁, 迁出: where</source>
        <translation>在外地就读、随迁、迁出：所在地</translation>
    </message>
    <message>
        <source>在外地就读: how it was confirmed (学籍系统, 接收学校证明, 电话)</source>
        <translation>在外地就读：核实方式（学籍系统、接收学校证明、电话）</translation>
    </message>
    <message>
        <source>在外地就读 by telephone: with whom</source>
        <translation>电话核实在外地就读：与谁核实</translation>
    </message>
    <message>
        <source>已在本校: the student's id (roster list --json)</source>
        <translation>已在本校：学生编号（roster list --json 中的 id）</translation>
    </message>
    <message>
        <source>延缓入学: who approved</source>
        <translation>延缓入学：批准单位</translation>
    </message>
    <message>
        <source>延缓入学: the document number</source>
        <translation>延缓入学：批准文号</translation>
    </message>
    <message>
        <source>延缓入学: the day the deferral ends</source>
        <translation>延缓入学：到期日期</translation>
    </message>
    <message>
        <source>失学: the school the child is put on the roster of (default: the school of the child's village)</source>
        <translation>失学：登记入花名册的学校（默认为儿童所在村的学校）</translation>
    </message>
    <message>
        <source>失学: the grade, 1–9 (default: by age)</source>
        <translation>失学：年级，1—9（默认按年龄）</translation>
    </message>
    <message>
        <source>失学: the child's sex, when no ID number says it</source>
        <translation>失学：儿童性别（无身份证号时填写）</translation>
    </message>
    <message>
        <source>the evidence (佐证)</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>record the check of a difference (核查结果); 失学 puts the child on the roster as 未入学</source>
        <translation>登记差异的核查结果；“失学”会将儿童以“未入学”登记入花名册</translation>
    </message>
    <message>
        <source>Check recorded ({result}).</source>
        <translation>核查结果已登记（{result}）。</translation>
    </message>
    <message>
        <source>The child is on the roster as 未入学 (student {id}): open a dropout case with the dropout tab.</source>
        <translation>该儿童已以“未入学”登记入花名册（学生编号 {id}）：请在控辍保学页建立辍学档案。</translation>
    </message>
    <message>
        <source>{verb}: {new} new, {updated} updated, {unchanged} unchanged, {skipped} skipped; {rejected} rows rejected, {warned} with warnings.</source>
        <translation>{verb}：新增 {new} 名，更新 {updated} 名，未变 {unchanged} 名，跳过 {skipped} 行；拒绝 {rejected} 行，{warned} 行有警告。</translation>
    </message>
    <message>
        <source>Rejected: {sheet} row {row} {name}: {reason}</source>
        <translation>拒绝：{sheet} 第 {row} 行 {name}：{reason}</translation>
    </message>
    <message>
        <source>Warning: {sheet} row {row} {name}: {reason}</source>
        <translation>警告：{sheet} 第 {row} 行 {name}：{reason}</translation>
    </message>
    <message>
        <source>{n} students written to {path}.</source>
        <translation>已将 {n} 名学生写入 {path}。</translation>
    </message>
    <message>
        <source>Survey of {n} poor villages written to {path}.</source>
        <translation>已将 {n} 个贫困村的调查表写入 {path}。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>last visit {date}</source>
        <translation>最近走访 {date}</translation>
    </message>
    <message>
        <source>{pairs} active pairings; {unpaired} households need a pair; {over} helpers over quota, {under} under; {departed} pairs whose helper left; {overdue} not visited for {days} days.</source>
        <translation>结对 {pairs} 对；{unpaired} 户需要结对；{over} 人超出名额，{under} 人不足名额；{departed} 对的帮扶人已离开；{overdue} 对超过 {days} 天未走访。</translation>
    </message>
    <message>
        <source>{n} pairings written to {path}.</source>
        <translation>已将 {n} 对结对关系写入 {path}。</translation>
    </message>
    <message>
        <source>Visit record sheets of {n} helpers written to {path}.</source>
        <translation>已将 {n} 位帮扶人的走访记录表写入 {path}。</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Would post</source>
        <translation>将发放</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>{verb} {programme} {period}: {n} students, {total} yuan; {already} already posted.</source>
        <translation>{verb}{programme}（{period}）：{n} 名学生，{total} 元；{already} 名此前已发放。</translation>
    </message>
    <message>
        <source>record a batch's public notice (公示): its dates and the phone for objections</source>
        <translation>登记一批资助的公示：公示期和异议电话</translation>
    </message>
    <message>
        <source>Batch {id}: notice from {start} to {end}, objections to {phone}.</source>
        <translation>批次 {id}：公示期 {start} 至 {end}，异议电话 {phone}。</translation>
    </message>
    <message>
        <source>record that a batch's public notice (公示) is over and was taken down</source>
        <translation>登记一批资助的公示已结束并撤下</translation>
    </message>
    <message>
        <source>Batch {id}: notice taken down on {date}.</source>
        <translation>批次 {id}：公示于 {date} 撤下。</translation>
    </message>
    <message>
        <source>{n} eligible students without aid in {period}.</source>
        <translation>{period} 有 {n} 项符合条件但未资助。</translation>
    </message>
    <message>
        <source>{n} ledger entries written to {path}.</source>
        <translation>已将 {n} 条台账记录写入 {path}。</translation>
    </message>
    <message>
        <source>notice {number}, deadline {deadline}</source>
        <translation>通知书 {number}，期限 {deadline}</translation>
    </message>
    <message>
        <source> (expired)</source>
        <translation>（已逾期）</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
    <message>
        <source>{n} attempts</source>
        <translation>劝返 {n} 次</translation>
    </message>
    <message>
        <source>{n} cases, {open} open.</source>
        <translation>共 {n} 件，劝返中 {open} 件。</translation>
    </message>
    <message>
        <source>Ledgers written to {path}: {school_age} school-age children, {suspected} suspected dropouts, {dropouts} dropouts.</source>
        <translation>台账已写入 {path}：适龄儿童 {school_age} 人，疑似辍学 {suspected} 人，辍学 {dropouts} 人。</translation>
    </message>
    <message>
        <source>the class as printed, e.g. 三年级1班</source>
        <translation>班级，按打印的写法，如 三年级1班</translation>
    </message>
    <message>
        <source>the class's school</source>
        <translation>班级所在学校</translation>
    </message>
    <message>
        <source>the ids of the pupils who reported back (roster list --json)</source>
        <translation>已报到学生的编号（见 roster list --json）</translation>
    </message>
    <message>
        <source>the day they reported back (default: today)</source>
        <translation>报到日期（默认今天）</translation>
    </message>
    <message>
        <source>withdraw mistaken ticks of these pupils instead (kept on the record as withdrawn)</source>
        <translation>改为撤销这些学生误勾的报到（记录保留，标为已撤销）</translation>
    </message>
    <message>
        <source>Write the pupils' ids as numbers separated by commas, e.g. 12,15,31.</source>
        <translation>学生编号请写成以逗号分隔的数字，如 12,15,31。</translation>
    </message>
    <message>
        <source>term-start check (开学摸排): tick pupils of a class as reported back (报到)</source>
        <translation>开学摸排：勾选班级中已报到的学生</translation>
    </message>
    <message>
        <source>Not 在读 pupils of {klass}: {ids}.</source>
        <translation>以下编号不是{klass}的在读学生：{ids}。</translation>
    </message>
    <message>
        <source>{n} ticks withdrawn.</source>
        <translation>已撤销 {n} 条报到记录。</translation>
    </message>
    <message>
        <source>{n} pupils ticked as reported back.</source>
        <translation>已登记 {n} 名学生报到。</translation>
    </message>
    <message>
        <source>{klass}: reported back {reported}/{expected}.</source>
        <translation>{klass}：已报到 {reported}/{expected}。</translation>
    </message>
    <message>
        <source>term-start check (开学摸排): who has reported back, per class, and who has not</source>
        <translation>开学摸排：各班报到进度及未报到学生</translation>
    </message>
    <message>
        <source>{term}: {reported} of {expected} pupils reported back; the check runs {first} to {last}.</source>
        <translation>{term}：应报到 {expected} 人，已报到 {reported} 人；摸排期 {first} 至 {last}。</translation>
    </message>
    <message>
        <source>the day of the attempt (today)</source>
        <translation>劝返日期（默认今天）</translation>
    </message>
    <message>
        <source>who went</source>
        <translation>劝返人员</translation>
    </message>
    <message>
        <source>whom they met</source>
        <translation>见到的人</translation>
    </message>
    <message>
        <source>what came of it</source>
        <translation>劝返结果</translation>
    </message>
    <message>
        <source>the family agreed to the return</source>
        <translation>家长同意返校</translation>
    </message>
    <message>
        <source>who took part, separated by commas or 、 (the school unless said)</source>
        <translation>参与单位，用逗号或“、”分隔（不写则为学校）</translation>
    </message>
    <message>
        <source>log a persuasion attempt on a case (who took part: the school, the village committee, the township)</source>
        <translation>记录一次劝返（参与单位：学校、村民委员会、乡镇人民政府）</translation>
    </message>
    <message>
        <source>Attempt {id} logged on case {case}.</source>
        <translation>已在案件 {case} 上记录劝返 {id}。</translation>
    </message>
    <message>
        <source>issue this step (it must be the one due); without it, say where the case stands</source>
        <translation>印发这一步（须为当前到期的一步）；不写则显示案件进展</translation>
    </message>
    <message>
        <source>the day of issue (today)</source>
        <translation>印发日期（默认今天）</translation>
    </message>
    <message>
        <source>where a case stands after its notice's deadline (report, order to correct, demand, application to the court), or issue the step due</source>
        <translation>通知书期限届满后案件的进展（书面报告、责令改正、催告、申请强制执行），或印发到期的一步</translation>
    </message>
    <message>
        <source>{step} {number} issued on case {case}.</source>
        <translation>已在案件 {case} 上印发{step}（{number}）。</translation>
    </message>
    <message>
        <source>served {day} ({manner})</source>
        <translation>{day}送达（{manner}）</translation>
    </message>
    <message>
        <source>not served</source>
        <translation>未送达</translation>
    </message>
    <message>
        <source>Next: the {step}, from {day}.</source>
        <translation>下一步：{step}，自 {day} 起。</translation>
    </message>
    <message>
        <source>the day it was served (today)</source>
        <translation>送达日期（默认今天）</translation>
    </message>
    <message>
        <source>who received it</source>
        <translation>受送达人（签收人）</translation>
    </message>
    <message>
        <source>who served it</source>
        <translation>送达人</translation>
    </message>
    <message>
        <source>留置送达: the witnesses, separated by 、</source>
        <translation>留置送达：见证人，用“、”分隔</translation>
    </message>
    <message>
        <source>留置送达: why the recipient refused</source>
        <translation>留置送达：拒收事由</translation>
    </message>
    <message>
        <source>record the proof of service (送达回证) of a case's notice or escalation document</source>
        <translation>记录案件通知书或后续文书的送达回证</translation>
    </message>
    <message>
        <source>Service of the {step} of case {case} recorded.</source>
        <translation>已记录案件 {case} 的{step}送达情况。</translation>
    </message>
    <message>
        <source>Notice {number} of case {case} written to {path}.</source>
        <translation>第 {case} 号档案的通知书 {number} 已写入 {path}。</translation>
    </message>
    <message>
        <source>{n} notices issued and written to {path}.</source>
        <translation>已发文 {n} 份通知书并写入 {path}。</translation>
    </message>
    <message>
        <source>No notice is due: no file written.</source>
        <translation>没有应发的通知书，未写文件。</translation>
    </message>
    <message>
        <source>Quarterly summary written to {path} ({pages} pages).</source>
        <translation>季度工作汇总已写入 {path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>Term-start dropout report written to {path} ({pages} pages).</source>
        <translation>开学辍学情况报告已写入 {path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>The three ledgers written to {path} ({pages} pages).</source>
        <translation>三本台账已写入 {path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>Pairing register written to {path} ({pages} pages).</source>
        <translation>结对帮扶花名册已写入 {path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>Sign-off sheet written to {path} ({pages} pages).</source>
        <translation>签领表已写入 {path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <source>Backup written to {path} ({size} bytes, {students} students). Keep the password: without it the backup cannot be opened.</source>
        <translation>备份已写入 {path}（{size} 字节，学生 {students} 名）。请保管好密码：没有密码就打不开备份。</translation>
    </message>
    <message>
        <source>The backup is complete and sound: {school}, made {created}.</source>
        <translation>备份完整无误：{school}，制作于 {created}。</translation>
    </message>
    <message>
        <source>Backup of {school} made {created} restored into {path}.</source>
        <translation>{school} 于 {created} 制作的备份已恢复到 {path}。</translation>
    </message>
    <message>
        <source>The database that was there is kept as {path}.</source>
        <translation>原来的数据库另存为 {path}。</translation>
    </message>
    <message>
        <source>School: {school}
Township: {township}
Made: {created} by SchoolAid {version}
Size: {size} bytes</source>
        <translation>学校：{school}
乡镇：{township}
制作：{created}，校助 {version}
大小：{size} 字节</translation>
    </message>
    <message>
        <source>Summary of {n} schools written to {path}.</source>
        <translation>{n} 个学校的汇总已写入 {path}。</translation>
    </message>
    <message>
        <source>This database has no accounts yet: the first account must be the administrator's (--role admin).</source>
        <translation>这个数据库还没有账号：第一个账号必须是管理员（--role admin）。</translation>
    </message>
    <message>
        <source>Account {user} ({role}) added.</source>
        <translation>已添加账号 {user}（{role}）。</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>There is no account {user}.</source>
        <translation>没有账号 {user}。</translation>
    </message>
    <message>
        <source>New password set for {user}.</source>
        <translation>已为 {user} 设置新密码。</translation>
    </message>
    <message>
        <source>{user} is unlocked.</source>
        <translation>{user} 已解除锁定。</translation>
    </message>
    <message>
        <source>Write a class as SCHOOL/STAGE/GRADE/CLASS, e.g. 平地镇中心校/小学/3/2班: {text}</source>
        <translation>班级请写成 学校/学段/年级/班级，例如 平地镇中心校/小学/3/2班：{text}</translation>
    </message>
    <message>
        <source>schoolaid: the audit trail shows tampering: {problem}</source>
        <translation>schoolaid：审计记录显示有篡改：{problem}</translation>
    </message>
    <message>
        <source>Give --year and --term together, or neither for the term under way.</source>
        <translation>--year 和 --term 要一起给出；都不给则为当前学期。</translation>
    </message>
    <message>
        <source>--students must be at least 1.</source>
        <translation>--students 至少为 1。</translation>
    </message>
    <message>
        <source>Demo township created: {schools} schools, {villages} villages, {households} households, {students} students, {staff} staff.</source>
        <translation>示范乡镇已建立：{schools} 所学校，{villages} 个村，{households} 户，{students} 名学生，{staff} 名教职工。</translation>
    </message>
    <message>
        <source>schoolaid: cannot read or write a file: {detail}</source>
        <translation>schoolaid：无法读写文件：{detail}</translation>
    </message>
    <message>
        <source>the assessment of need (家庭经济困难学生认定)</source>
        <translation>家庭经济困难学生认定</translation>
    </message>
    <message>
        <source>“{text}” is not a date: write it like 2026-09-01.</source>
        <translation>“{text}”不是日期：请写成 2026-09-01 这样。</translation>
    </message>
    <message>
        <source>the school year, by the year it begins in (2026: 2026—2027学年)</source>
        <translation>学年，按开始的年份写（2026 即 2026—2027学年）</translation>
    </message>
    <message>
        <source>one school only</source>
        <translation>只看这一所学校</translation>
    </message>
    <message>
        <source>the day it happened (default: today)</source>
        <translation>发生的日期（默认今天）</translation>
    </message>
    <message>
        <source>only this status (待申请, 已申请, 已评议, 已认定, 公示中, 已建档, 未通过, 已撤销)</source>
        <translation>只看这个状态（待申请、已申请、已评议、已认定、公示中、已建档、未通过、已撤销）</translation>
    </message>
    <message>
        <source>the year's assessments, and the priority groups not yet assessed (待申请)</source>
        <translation>本学年的认定，以及尚未认定的重点保障群体学生（待申请）</translation>
    </message>
    <message>
        <source>propose every student of a priority group not yet assessed this year (已申请, basis filled in)</source>
        <translation>按规则提出本学年尚未认定的重点保障群体学生（已申请，依据已填好）</translation>
    </message>
    <message>
        <source>Proposed {n} students of the priority groups; {already} already had an assessment this year.</source>
        <translation>已提出重点保障群体学生 {n} 人；{already} 人本学年已有认定记录。</translation>
    </message>
    <message>
        <source>the reasons the family gives</source>
        <translation>家庭的申请理由</translation>
    </message>
    <message>
        <source>record a student's application</source>
        <translation>登记学生的认定申请</translation>
    </message>
    <message>
        <source>Application {number} recorded.</source>
        <translation>已登记第 {number} 号申请。</translation>
    </message>
    <message>
        <source>what the class review found</source>
        <translation>班级评议意见</translation>
    </message>
    <message>
        <source>record the class review (评议) of an application</source>
        <translation>登记申请的班级评议</translation>
    </message>
    <message>
        <source>Review of application {number} recorded.</source>
        <translation>已登记第 {number} 号申请的评议。</translation>
    </message>
    <message>
        <source>one application</source>
        <translation>一份申请</translation>
    </message>
    <message>
        <source>every application proposed by rule in school year Y, in one action</source>
        <translation>学年 Y 中按规则提出的全部申请，一次认定</translation>
    </message>
    <message>
        <source>the level decided (特别困难, 困难, 一般困难 by default)</source>
        <translation>认定等级（默认为特别困难、困难、一般困难）</translation>
    </message>
    <message>
        <source>not passed, and why</source>
        <translation>不予认定，并说明原因</translation>
    </message>
    <message>
        <source>what the decision rests on (default: the priority groups, or the application's reasons)</source>
        <translation>认定依据（默认为所属重点保障群体或申请理由）</translation>
    </message>
    <message>
        <source>the school's decision: a level and its basis, or not passed</source>
        <translation>学校认定：等级和依据，或不予认定</translation>
    </message>
    <message>
        <source>Proposed applications are confirmed at a level: give --level.</source>
        <translation>按规则提出的申请要确定一个等级：请给出 --level。</translation>
    </message>
    <message>
        <source>{n} applications decided.</source>
        <translation>已认定 {n} 份申请。</translation>
    </message>
    <message>
        <source>the phone number for objections</source>
        <translation>异议电话</translation>
    </message>
    <message>
        <source>print the 公示表 to this file</source>
        <translation>把公示表打印到这个文件</translation>
    </message>
    <message>
        <source>post the decided assessments publicly (公示): dates, phone for objections, and the 公示表</source>
        <translation>公示已认定的学生：公示日期、异议电话和公示表</translation>
    </message>
    <message>
        <source>公示 {number}: {n} students, {start} to {end}.</source>
        <translation>第 {number} 次公示：{n} 名学生，{start} 至 {end}。</translation>
    </message>
    <message>
        <source>{pages} pages written to {path}.</source>
        <translation>已写入 {path}，共 {pages} 页。</translation>
    </message>
    <message>
        <source>the 公示 is over and taken down: put its assessments on file (建档)</source>
        <translation>公示期满并已撤下：将其认定结果建档备案</translation>
    </message>
    <message>
        <source>{n} assessments on file.</source>
        <translation>已建档 {n} 人。</translation>
    </message>
    <message>
        <source>print a student's application form (申请表)</source>
        <translation>打印学生的认定申请表</translation>
    </message>
    <message>
        <source>transfers out and in, and graduates' destinations</source>
        <translation>转出、转入和毕业去向</translation>
    </message>
    <message>
        <source>list the transfers of the students now 转出 and the transfers in, newest first</source>
        <translation>列出现为转出的学生的转学记录和转入记录，最新的在前</translation>
    </message>
    <message>
        <source> — not confirmed after {days} days</source>
        <translation> — 超过 {days} 天未核实</translation>
    </message>
    <message>
        <source>how the receiving school was confirmed: {hows}</source>
        <translation>核实方式：{hows}</translation>
    </message>
    <message>
        <source>with whom (the receiving school's staff member)</source>
        <translation>核实对象（接收学校的经办人）</translation>
    </message>
    <message>
        <source>the day it was confirmed</source>
        <translation>核实日期</translation>
    </message>
    <message>
        <source>the transfer's id (transfers list --json)</source>
        <translation>转学记录编号（transfers list --json）</translation>
    </message>
    <message>
        <source>record how the receiving school of a transfer out (or a graduate's school) was confirmed</source>
        <translation>登记转出（或毕业生升入学校）经接收学校核实的情况</translation>
    </message>
    <message>
        <source>Transfer {id} confirmed.</source>
        <translation>转学记录 {id} 已核实。</translation>
    </message>
    <message>
        <source>the graduate's id (roster list --json)</source>
        <translation>毕业生编号（roster list --json）</translation>
    </message>
    <message>
        <source>升学 (to a school), 就业 or 未升学</source>
        <translation>升学（填学校）、就业或未升学</translation>
    </message>
    <message>
        <source>the school, for 升学</source>
        <translation>升入的学校（升学时填写）</translation>
    </message>
    <message>
        <source>why, for 就业 or 未升学</source>
        <translation>原因（就业或未升学时填写）</translation>
    </message>
    <message>
        <source>record a graduate's destination: the school (confirmed or not), or 就业 / 未升学 with the reason</source>
        <translation>登记毕业去向：升入的学校（可附核实情况），或就业／未升学及原因</translation>
    </message>
    <message>
        <source>Destination recorded for student {id}.</source>
        <translation>已登记学生 {id} 的毕业去向。</translation>
    </message>
    <message>
        <source>the school the child came from</source>
        <translation>转入前所在学校</translation>
    </message>
    <message>
        <source>where that school is (county or town)</source>
        <translation>该校所在地（县或乡镇）</translation>
    </message>
    <message>
        <source>the day the child arrived</source>
        <translation>转入日期</translation>
    </message>
    <message>
        <source>record where a child who transferred in came from (school and place)</source>
        <translation>登记转入学生的来源（原学校和所在地）</translation>
    </message>
    <message>
        <source>Transfer in recorded for student {id}.</source>
        <translation>已登记学生 {id} 的转入来源。</translation>
    </message>
    <message>
        <source>“{text}” is not a cause: write one of {causes}.</source>
        <translation>“{text}”不是辍学原因：请填写以下之一：{causes}。</translation>
    </message>
    <message>
        <source>the case's number (cases list)</source>
        <translation>档案编号（见 cases list）</translation>
    </message>
    <message>
        <source>the school leader responsible for the child (包保责任人)</source>
        <translation>包保该生的校领导（包保责任人）</translation>
    </message>
    <message>
        <source>the teacher responsible for the child</source>
        <translation>包保该生的教师</translation>
    </message>
    <message>
        <source>the village cadre responsible for the child</source>
        <translation>包保该生的村干部</translation>
    </message>
    <message>
        <source>why the child left school: {causes}</source>
        <translation>辍学原因：{causes}</translation>
    </message>
    <message>
        <source>what is done to bring the child back</source>
        <translation>劝返和帮扶措施</translation>
    </message>
    <message>
        <source>set or change a case's plan (一人一案); what is not given stays as it is, each change is kept</source>
        <translation>制定或修改一人一案；未给出的项保持不变，每次修改都留存</translation>
    </message>
    <message>
        <source>Plan of case No. {id}, revision {n}: {leader}, {teacher}, {cadre}; {cause}; {measures}</source>
        <translation>第 {id} 号档案一人一案（第 {n} 版）：{leader}、{teacher}、{cadre}；{cause}；{measures}</translation>
    </message>
    <message>
        <source>the day of the follow-up (default: today)</source>
        <translation>跟踪日期（默认今天）</translation>
    </message>
    <message>
        <source>who followed the child up</source>
        <translation>跟踪人</translation>
    </message>
    <message>
        <source>how the child is doing</source>
        <translation>学生情况</translation>
    </message>
    <message>
        <source>the child was not attending (record the absence too: one in the follow-up period reopens the case)</source>
        <translation>学生未在校（另请登记缺课：跟踪期内的缺课会重新打开档案）</translation>
    </message>
    <message>
        <source>record a follow-up of a child back at school (返校后跟踪)</source>
        <translation>登记返校学生的跟踪情况（返校后跟踪）</translation>
    </message>
    <message>
        <source>Follow-up recorded on case No. {id}: {done} of {n} done.</source>
        <translation>已登记第 {id} 号档案的跟踪：已完成 {done}/{n} 次。</translation>
    </message>
    <message>
        <source>Next due on {date}.</source>
        <translation>下次跟踪应于 {date}。</translation>
    </message>
    <message>
        <source>The follow-up is complete (巩固完成).</source>
        <translation>跟踪已完成（巩固完成）。</translation>
    </message>
    <message>
        <source>one case: its file, its plan with every revision, and the follow-up after the return</source>
        <translation>查看一件档案：档案信息、一人一案及其各版本、返校后跟踪</translation>
    </message>
    <message>
        <source>There is no case No. {id}.</source>
        <translation>没有第 {id} 号档案。</translation>
    </message>
    <message>
        <source>Plan (revision {n}): leader {leader}, teacher {teacher}, village cadre {cadre}; cause {cause}; measures: {measures}</source>
        <translation>一人一案（第 {n} 版）：校领导 {leader}，教师 {teacher}，村干部 {cadre}；原因 {cause}；措施：{measures}</translation>
    </message>
    <message>
        <source>Placement on return: {placement}</source>
        <translation>返校安置：{placement}</translation>
    </message>
    <message>
        <source>No plan yet: set it with “schoolaid cases plan {id} …”.</source>
        <translation>尚未制定一人一案：请用“schoolaid cases plan {id} …”制定。</translation>
    </message>
    <message>
        <source>attending</source>
        <translation>在校</translation>
    </message>
    <message>
        <source>not attending</source>
        <translation>未在校</translation>
    </message>
    <message>
        <source>Followed up {done} of {n} times: consolidated (巩固完成), no longer followed.</source>
        <translation>已跟踪 {done}/{n} 次：巩固完成，不再跟踪。</translation>
    </message>
    <message>
        <source>Followed up {done} of {n} times; the next is due on {date}.</source>
        <translation>已跟踪 {done}/{n} 次；下次跟踪应于 {date}。</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>Columns</source>
        <translation>列的对应</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Column in the sheet</source>
        <translation>表中的列</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>{sheet} (header on row {row})</source>
        <translation>{sheet}（表头在第 {row} 行）</translation>
    </message>
    <message>
        <source>(column {n}, no name)</source>
        <translation>（第 {n} 列，无列名）</translation>
    </message>
</context>
<context>
    <name>ComparisonPage</name>
    <message>
        <source>Every kind</source>
        <extracomment>A 失学 check created this student: the tab opens their dropout case and shows it.</extracomment>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>To check</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>已核查</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现于</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>核查情况</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>录入人</translation>
    </message>
    <message>
        <source>Checks of this difference (核查记录), newest first — a new check supersedes, nothing is deleted</source>
        <translation>核查记录（最新在前）— 新的核查结果取代旧的，记录不删除</translation>
    </message>
    <message>
        <source>weak match</source>
        <translation>弱匹配</translation>
    </message>
    <message>
        <source>Matched by name and birth date only: check that it is the same child.</source>
        <translation>仅按姓名和出生日期匹配：请核实是否为同一儿童。</translation>
    </message>
    <message>
        <source>to check</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source> — expired, check again</source>
        <translation>（已到期，需再次核查）</translation>
    </message>
    <message>
        <source>Comparing the lists with the rosters</source>
        <translation>正在将名单与花名册比对</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村</translation>
    </message>
    <message>
        <source>Every kind ({n})</source>
        <translation>全部类别（{n}）</translation>
    </message>
    <message>
        <source>{shown} shown; {open} of {n} differences still to check, the oldest first. Each is closed by a check door to door (核查), recorded here.</source>
        <translation>显示 {shown} 条；共 {n} 条差异，其中 {open} 条待核查（最早发现的在前）。每条差异须入户核查并在此记录核查结果后才销号。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No list to compare yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Import the household register (户籍) of a village or the whole township first — and the poverty list and the student registry's export, if you have them: &lt;b&gt;{menu}&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;The differences with the rosters then show here, each to be checked door to door.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;还没有可比对的名单。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;请先导入各村或全镇的户籍信息（派出所或村委会提供）；有脱贫户和防止返贫监测对象名单、学籍系统导出名单的，也一并导入：&lt;b&gt;{menu}&lt;/b&gt;。&lt;/p&gt;&lt;p&gt;导入后，名单与花名册的差异会列在这里，逐条入户核查。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import a list now…</source>
        <translation>现在导入名单…</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No differences.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;The lists imported agree with the rosters.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;没有差异。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;已导入的名单与花名册一致。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Every difference is checked.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Choose “Checked” or “All” to see the checks.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;所有差异都已核查。&lt;/b&gt;&lt;/p&gt;&lt;p&gt;选择“已核查”或“全部”可查看核查结果。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No difference of this kind and village.&lt;/p&gt;</source>
        <translation>&lt;p&gt;该类别和村没有差异。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Import a list to compare…</source>
        <translation>导入比对名单…</translation>
    </message>
    <message>
        <source>Choose a difference above to see its checks.</source>
        <translation>在上方选择一条差异，查看其核查记录。</translation>
    </message>
    <message>
        <source> — &lt;span style='color:#b35c00'&gt;matched by name and birth date only&lt;/span&gt;</source>
        <translation> — &lt;span style='color:#b35c00'&gt;仅按姓名和出生日期匹配&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; (born {born}, {village}) — {kind}: {detail}{weak}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;（{born} 出生，{village}）— {kind}：{detail}{weak}</translation>
    </message>
    <message>
        <source>&lt;br&gt;Not checked yet.</source>
        <translation>&lt;br&gt;尚未核查。</translation>
    </message>
    <message>
        <source>Export the comparison check sheet</source>
        <translation>导出比对核查表</translation>
    </message>
    <message>
        <source>Check sheet written to {path}: {n} differences.</source>
        <translation>比对核查表已保存到 {path}：共 {n} 条差异。</translation>
    </message>
    <message>
        <source>Record a check</source>
        <translation>记录核查结果</translation>
    </message>
    <message>
        <source>Select a difference first.</source>
        <translation>请先选择一条差异。</translation>
    </message>
    <message>
        <source>Check of {name} recorded: {result}.</source>
        <translation>已记录 {name} 的核查结果：{result}。</translation>
    </message>
    <message>
        <source>Out of school</source>
        <translation>失学</translation>
    </message>
    <message>
        <source>{name} is now on the roster as not enrolled (未入学) and counts in the dropout ledger. Open the dropout case now, to start persuading the family?</source>
        <translation>{name} 已以“未入学”状态编入花名册，列入辍学台账。现在就建立控辍保学档案、开始劝返吗？</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm the proposed</source>
        <translation>确认提出的名单</translation>
    </message>
    <message>
        <source>{n} applications proposed by rule are waiting; each keeps its priority groups as its basis.</source>
        <translation>按规则提出的申请有 {n} 份待认定；每份以所属重点保障群体为依据。</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>认定等级</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>认定日期</translation>
    </message>
</context>
<context>
    <name>ConfirmTransferDialog</name>
    <message>
        <source>Confirm the transfer</source>
        <translation>核实转学</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转学</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>SchoolAid: unexpected error</source>
        <translation>校助：程序出错</translation>
    </message>
    <message>
        <source>Something went wrong inside SchoolAid. Your saved data is safe: the action that failed was not saved.

Please tell the person who supports the program, and give them the log file:
{path}</source>
        <translation>校助程序内部出错了。已保存的数据是安全的：出错的这一步操作没有保存。

请告知负责维护本程序的人员，并把日志文件交给他们：
{path}</translation>
    </message>
</context>
<context>
    <name>CreateAdministratorDialog</name>
    <message>
        <source>Create the administrator's account</source>
        <translation>创建管理员账号</translation>
    </message>
    <message>
        <source>Everyone who uses SchoolAid signs in with an account of their own, and can do what their role needs. First create the administrator's account; the administrator then adds the aid officer, the leadership and the teachers.</source>
        <translation>使用校助的每个人都用自己的账号登录，只能做其角色需要的事。请先创建管理员账号；再由管理员添加资助专干、领导班子和教师的账号。</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>您的姓名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再输一次密码：</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一样：请把同一个密码输入两次。</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>This is a backup opened for viewing: nothing in it can be changed. Open the school's own database to make changes.</source>
        <extracomment>How many rows a read turns into Python objects at a time. SQLAlchemy's compiled row processing holds the GIL for as many rows as it is given: 100,000 at once (a county's students, read by a background task) kept the GUI thread waiting 100-170 ms; between chunks the GIL can pass to it.</extracomment>
        <translation>这是打开查看的备份：其中的内容都不能修改。要修改数据，请打开学校自己的数据库。</translation>
    </message>
    <message>
        <source>The disk holding the database is full or failing, so nothing was saved. Free some space (or move the database to another disk) and try again.</source>
        <translation>数据库所在的磁盘已满或出现故障，这次没有保存。请清理出一些空间（或把数据库移到其他磁盘）后重试。</translation>
    </message>
    <message>
        <source>The database is busy with another SchoolAid window or program, so nothing was saved. Close the other one and try again.</source>
        <translation>数据库正被另一个校助窗口或其他程序使用，这次没有保存。请关闭另一个后重试。</translation>
    </message>
    <message>
        <source>The database file cannot be written (it is read-only or on a locked USB stick), so nothing was saved.</source>
        <translation>数据库文件无法写入（文件只读，或在写保护的 U 盘上），这次没有保存。</translation>
    </message>
    <message>
        <source>{path} is not a SchoolAid database (it is not an SQLite file). Choose another file.</source>
        <translation>{path} 不是校助数据库（不是 SQLite 文件）。请选择其他文件。</translation>
    </message>
    <message>
        <source>If it is an encrypted SchoolAid database whose key file {keys} was lost, sign in with the recovery key.</source>
        <translation>如果它是密钥文件 {keys} 已丢失的加密校助数据库，请用恢复密钥登录。</translation>
    </message>
    <message>
        <source>The database {path} is damaged and cannot be opened ({detail}). Restore it from a backup.</source>
        <translation>数据库 {path} 已损坏，无法打开（{detail}）。请用备份恢复。</translation>
    </message>
    <message>
        <source>The database upgrade left broken references ({n}). Restore the copy saved beside the database before the upgrade.</source>
        <translation>数据库升级后出现 {n} 处引用错误。请使用升级前保存在数据库旁边的副本恢复。</translation>
    </message>
    <message>
        <source>Cannot create the folder {folder} ({detail}).</source>
        <translation>无法创建文件夹 {folder}（{detail}）。</translation>
    </message>
    <message>
        <source>{path} belongs to another program, not SchoolAid. Choose another file.</source>
        <translation>{path} 属于其他程序，不是校助数据库。请选择其他文件。</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of SchoolAid. Install the newer version to open it; this version will not change it.</source>
        <translation>数据库 {path} 由更新版本的校助创建。请安装新版本后再打开；当前版本不会改动它。</translation>
    </message>
    <message>
        <source>The database {path} needs an upgrade before it can be used.</source>
        <translation>数据库 {path} 需要升级后才能使用。</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Decision on {name}</source>
        <translation>认定{name}</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>认定等级</translation>
    </message>
    <message>
        <source>Basis (or why not passed)</source>
        <translation>依据（或不予认定的原因）</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>认定日期</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The demo township can only be loaded into an empty database; this one already has data.</source>
        <translation>示范乡镇只能载入空数据库；这个数据库里已有数据。</translation>
    </message>
    <message>
        <source>The demo township needs at least one student.</source>
        <translation>示范乡镇至少需要一名学生。</translation>
    </message>
    <message>
        <source>Creating villages and schools…</source>
        <translation>正在建立村和学校……</translation>
    </message>
    <message>
        <source>Creating students: {made} of {total}…</source>
        <translation>正在建立学生：{made} / {total}……</translation>
    </message>
    <message>
        <source>Creating staff…</source>
        <translation>正在建立教职工……</translation>
    </message>
    <message>
        <source>Recording transfers and suspensions…</source>
        <translation>正在记录转出和休学……</translation>
    </message>
    <message>
        <source>Pairing staff with the households they help…</source>
        <translation>正在安排教职工结对帮扶……</translation>
    </message>
    <message>
        <source>Posting a year of subsidies…</source>
        <translation>正在录入一年的资助……</translation>
    </message>
    <message>
        <source>Comparing the household register with the rosters…</source>
        <translation>正在将户籍名单与花名册比对…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
</context>
<context>
    <name>DestinationDialog</name>
    <message>
        <source>Record the graduate's destination</source>
        <translation>登记毕业去向</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>On record</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>e.g. 攀枝花市仁和区平地中学</source>
        <translation>例如攀枝花市仁和区平地中学</translation>
    </message>
    <message>
        <source>The school has confirmed the enrollment</source>
        <translation>升入学校已核实入学</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>去向</translation>
    </message>
</context>
<context>
    <name>Disabilities</name>
    <message>
        <source>Choose the category of the disability: 视力, 听力, 言语, 肢体, 智力, 精神 or 多重.</source>
        <translation>请选择残疾类别：视力、听力、言语、肢体、智力、精神或多重。</translation>
    </message>
    <message>
        <source>Choose the grade of the disability: 一级, 二级, 三级 or 四级.</source>
        <translation>请选择残疾等级：一级、二级、三级或四级。</translation>
    </message>
    <message>
        <source>Choose the placement: 随班就读, 特教班, 特殊教育学校, 送教上门 or 待安置.</source>
        <translation>请选择安置方式：随班就读、特教班、特殊教育学校、送教上门或待安置。</translation>
    </message>
    <message>
        <source>The placement's first day is in the future.</source>
        <translation>安置起始日期晚于今天。</translation>
    </message>
    <message>
        <source>The placement's first day is before that of the record in force ({date}).</source>
        <translation>安置起始日期早于现行记录的起始日期（{date}）。</translation>
    </message>
    <message>
        <source>The day of the assessment is in the future.</source>
        <translation>评估日期晚于今天。</translation>
    </message>
    <message>
        <source>The day of the assessment is before the child's birth date.</source>
        <translation>评估日期早于学生出生日期。</translation>
    </message>
    <message>
        <source>Give the expert committee's decision with the day of the assessment.</source>
        <translation>填写评估日期时，请同时填写专家委员会的评估意见。</translation>
    </message>
    <message>
        <source>Enter the day of the expert committee's assessment with its decision.</source>
        <translation>填写评估意见时，请同时填写专家委员会的评估日期。</translation>
    </message>
    <message>
        <source>Taught at home (送教上门): on the roll</source>
        <translation>送教上门，纳入学籍管理</translation>
    </message>
    <message>
        <source>{name} is not placed 送教上门: record the placement first.</source>
        <translation>{name} 的安置方式不是送教上门：请先登记安置方式。</translation>
    </message>
    <message>
        <source>The visit's day is in the future.</source>
        <translation>送教日期晚于今天。</translation>
    </message>
    <message>
        <source>The visit's day is before the placement 送教上门 began ({date}).</source>
        <translation>送教日期早于送教上门安置的起始日期（{date}）。</translation>
    </message>
    <message>
        <source>Enter the teacher who made the visit.</source>
        <translation>请填写送教教师。</translation>
    </message>
    <message>
        <source>The teacher's name is at most {n} characters long.</source>
        <translation>送教教师姓名最多 {n} 个字。</translation>
    </message>
    <message>
        <source>Enter the hours taught: a number above 0 and at most {n}.</source>
        <translation>请填写送教课时：大于 0、不超过 {n} 的数。</translation>
    </message>
    <message>
        <source>Describe what was taught.</source>
        <translation>请填写送教内容。</translation>
    </message>
    <message>
        <source>There is no 送教上门 visit with number {id}.</source>
        <translation>没有编号为 {id} 的送教上门记录。</translation>
    </message>
    <message>
        <source>This entry has been corrected already: correct the correction.</source>
        <translation>这条记录已经更正过了：请更正那条更正记录。</translation>
    </message>
</context>
<context>
    <name>DisabilityDialog</name>
    <message>
        <source>Disability and placement (残疾与安置)</source>
        <translation>残疾与安置</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Assessed by the county's expert committee (残疾儿童少年入学评估)</source>
        <translation>已经县残疾人教育专家委员会评估（残疾儿童少年入学评估）</translation>
    </message>
    <message>
        <source>The committee's decision, e.g. 需专人护理，安排送教上门</source>
        <translation>评估意见，如：需专人护理，安排送教上门</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾类别与等级</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>安置方式</translation>
    </message>
    <message>
        <source>Placed from</source>
        <translation>安置起始日期</translation>
    </message>
    <message>
        <source>Assessed on</source>
        <translation>评估日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>评估意见</translation>
    </message>
    <message>
        <source>Earlier records</source>
        <translation>以往记录</translation>
    </message>
    <message>
        <source>送教上门 visits</source>
        <translation>送教上门记录</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>送教教师</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>课时（小时）</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>送教内容</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Log a visit…</source>
        <translation>登记送教…</translation>
    </message>
    <message>
        <source>Correct the chosen visit…</source>
        <translation>更正所选记录…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Visits are logged for a child placed 送教上门 (save the placement first).</source>
        <translation>安置方式为送教上门的学生才登记送教记录（请先保存安置方式）。</translation>
    </message>
    <message>
        <source>corrected by No. {id}</source>
        <translation>已由第 {id} 条更正</translation>
    </message>
    <message>
        <source>corrects No. {id}</source>
        <translation>更正第 {id} 条</translation>
    </message>
</context>
<context>
    <name>Dropout</name>
    <message>
        <source>The value must be between {low} and {high}.</source>
        <translation>数值须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The student no longer exists.</source>
        <translation>该学生已不存在。</translation>
    </message>
    <message>
        <source>{name} is not on the roll (“{status}”): only enrolled students are absent.</source>
        <translation>{name}不在籍（“{status}”）：只有在读学生才登记缺课。</translation>
    </message>
    <message>
        <source>The absence cannot begin in the future.</source>
        <translation>缺课开始日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The absence ends before it begins.</source>
        <translation>缺课结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Write the reason of the absence.</source>
        <translation>请填写缺课原因。</translation>
    </message>
    <message>
        <source>{name} already has an absence recorded over these days.</source>
        <translation>{name}在这些日期已登记过缺课。</translation>
    </message>
    <message>
        <source>Choose the reason.</source>
        <translation>请选择辍学原因。</translation>
    </message>
    <message>
        <source>A report date must fall between the absence and today.</source>
        <translation>报告日期须在缺课开始之后、今天之前。</translation>
    </message>
    <message>
        <source>Choose the class teacher.</source>
        <translation>请选择班主任。</translation>
    </message>
    <message>
        <source>{name} already has an open case (No. {id}).</source>
        <translation>{name}已有劝返中的档案（第 {id} 号）。</translation>
    </message>
    <message>
        <source>The absence does not belong to this student.</source>
        <translation>该缺课记录不属于这名学生。</translation>
    </message>
    <message>
        <source>A case that is “{current}” cannot become “{new}”.</source>
        <translation>处于“{current}”的档案不能转为“{new}”。</translation>
    </message>
    <message>
        <source>Enter the day the child came back.</source>
        <translation>请填写返校日期。</translation>
    </message>
    <message>
        <source>The return date must fall between the start of the absence and today.</source>
        <translation>返校日期须在缺课开始之后、今天之前。</translation>
    </message>
    <message>
        <source>Say which school the child went to.</source>
        <translation>请填写转入的学校。</translation>
    </message>
    <message>
        <source>{name}'s transfer is not confirmed by the receiving school: a case is closed as 转学 only with the confirmation — how (学籍系统, 接收学校回执 or 电话), with whom and on what day.</source>
        <translation>{name}的转学尚未经接收学校核实：须登记核实方式（学籍系统、接收学校回执或电话）、核实对象和核实日期，才能以转学结案。</translation>
    </message>
    <message>
        <source>送教上门 is a placement for a child with a disability: record {name}'s disability and the expert committee's placement first (残疾与安置).</source>
        <translation>送教上门是残疾儿童少年的安置方式：请先登记 {name} 的残疾情况和专家委员会的安置意见（残疾与安置）。</translation>
    </message>
    <message>
        <source>Describe the outcome.</source>
        <translation>请说明处理结果。</translation>
    </message>
    <message>
        <source>The date must fall between the opening of the case and today.</source>
        <translation>日期须在建档之后、今天之前。</translation>
    </message>
    <message>
        <source>Back at school after persuasion (case No. {id})</source>
        <translation>经劝返复学（档案第 {id} 号）</translation>
    </message>
    <message>
        <source>Transferred during case No. {id}</source>
        <translation>劝返期间转学（档案第 {id} 号）</translation>
    </message>
    <message>
        <source>{name} has no transfer out on record to confirm.</source>
        <translation>{name}没有可核实的转出记录。</translation>
    </message>
    <message>
        <source>Taught at home (送教上门), case No. {id}</source>
        <translation>送教上门（档案第 {id} 号）</translation>
    </message>
    <message>
        <source>{name} has not been away long enough to count as a dropout ({days} days after becoming a suspected dropout).</source>
        <translation>{name}离校时间尚不够认定为辍学（疑似辍学后满 {days} 天）。</translation>
    </message>
    <message>
        <source>Enter the date of the attempt (not in the future).</source>
        <translation>请填写劝返日期（不能晚于今天）。</translation>
    </message>
    <message>
        <source>Write who went.</source>
        <translation>请填写劝返人员。</translation>
    </message>
    <message>
        <source>Choose how.</source>
        <translation>请选择劝返方式。</translation>
    </message>
    <message>
        <source>Write what came of it.</source>
        <translation>请填写劝返结果。</translation>
    </message>
    <message>
        <source>Tick who took part: the school, the village committee, the township.</source>
        <translation>请勾选参与单位：学校、村民委员会、乡镇人民政府。</translation>
    </message>
    <message>
        <source>The case is closed; attempts are logged on open cases.</source>
        <translation>档案已办结；劝返记录只能登记在劝返中的档案上。</translation>
    </message>
    <message>
        <source>The attempt is dated before the absence began.</source>
        <translation>劝返日期早于缺课开始日期。</translation>
    </message>
    <message>
        <source>This entry has been corrected already: correct the correction.</source>
        <translation>这条记录已经更正过：请更正那条更正记录。</translation>
    </message>
    <message>
        <source>Write the issuing body's short name for document numbers, e.g. 平府教 (at most 12 characters, without brackets or 号).</source>
        <translation>请填写发文机关代字，例如 平府教（不超过 12 个字，不含括号和“号”）。</translation>
    </message>
    <message>
        <source>urging notice</source>
        <translation>敦促入学通知书</translation>
    </message>
    <message>
        <source>written report to the education bureau</source>
        <translation>向教育行政部门的书面报告</translation>
    </message>
    <message>
        <source>order to correct</source>
        <translation>责令限期改正决定书</translation>
    </message>
    <message>
        <source>demand to perform</source>
        <translation>履行催告书</translation>
    </message>
    <message>
        <source>application to the court for enforcement</source>
        <translation>强制执行申请书</translation>
    </message>
    <message>
        <source>Write the full name as the documents address it, at most {n} characters.</source>
        <translation>请填写文书抬头所用的全称，不超过 {n} 个字。</translation>
    </message>
    <message>
        <source>No urging notice is issued.</source>
        <translation>尚未发出敦促入学通知书。</translation>
    </message>
    <message>
        <source>The case is closed.</source>
        <translation>档案已办结。</translation>
    </message>
    <message>
        <source>Every step is issued: the court decides.</source>
        <translation>各步文书均已印发，待人民法院裁定。</translation>
    </message>
    <message>
        <source>Waiting for the proof of service of the {step} ({number}).</source>
        <translation>等待{step}（{number}）的送达回证。</translation>
    </message>
    <message>
        <source>Choose a step: report, penalty, demand or enforcement.</source>
        <translation>请选择一步：report（书面报告）、penalty（责令改正）、demand（催告）或 enforcement（申请强制执行）。</translation>
    </message>
    <message>
        <source>No step is due: {why}</source>
        <translation>没有到期的一步：{why}</translation>
    </message>
    <message>
        <source>The steps come in order: the next one is the {step}.</source>
        <translation>须按顺序进行：下一步是{step}。</translation>
    </message>
    <message>
        <source>The {step} may be issued from {date}.</source>
        <translation>{step}自 {date} 起方可印发。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期不能晚于今天。</translation>
    </message>
    <message>
        <source>The {step} is not issued.</source>
        <translation>{step}尚未印发。</translation>
    </message>
    <message>
        <source>{n} more failed persuasion attempts are needed (at least {needed})</source>
        <translation>还需要{n}次劝返无果的记录（至少{needed}次）</translation>
    </message>
    <message>
        <source>A failed attempt with the village committee is still needed</source>
        <translation>还需要村民委员会参与的劝返记录</translation>
    </message>
    <message>
        <source>A failed attempt with the township government is still needed</source>
        <translation>还需要乡镇人民政府参与的劝返记录</translation>
    </message>
    <message>
        <source>The notice date must fall between the opening of the case and today.</source>
        <translation>通知书日期须在建档之后、今天之前。</translation>
    </message>
    <message>
        <source>The deadline comes after the notice.</source>
        <translation>返校期限须晚于发文日期。</translation>
    </message>
    <message>
        <source>Enter the guardian the notice is addressed to.</source>
        <translation>请填写通知书送达的监护人。</translation>
    </message>
    <message>
        <source>The receipt date must fall between the notice and today.</source>
        <translation>签收日期须在发文之后、今天之前。</translation>
    </message>
    <message>
        <source>Enter who signed for it.</source>
        <translation>请填写签收人。</translation>
    </message>
    <message>
        <source>Choose how it was served: in person, left at the home, or through another body.</source>
        <translation>请选择送达方式：直接送达、留置送达或委托送达。</translation>
    </message>
    <message>
        <source>Left at the home: name the witnesses.</source>
        <translation>留置送达：请填写见证人。</translation>
    </message>
    <message>
        <source>Left at the home: write why the recipient refused.</source>
        <translation>留置送达：请填写拒收事由。</translation>
    </message>
    <message>
        <source>The case no longer exists.</source>
        <translation>该档案已不存在。</translation>
    </message>
    <message>
        <source>The record no longer exists.</source>
        <translation>该记录已不存在。</translation>
    </message>
    <message>
        <source>not at school</source>
        <translation>未在校</translation>
    </message>
    <message>
        <source>应入学: of compulsory-school age and still in a preschool class, with no 延缓入学 approval in force</source>
        <translation>应入学：已到义务教育入学年龄仍在学前班，无有效的延缓入学批准</translation>
    </message>
    <message>
        <source> (the deferral ran out on {date})</source>
        <translation>（延缓入学已于 {date} 到期）</translation>
    </message>
    <message>
        <source>休学 with no approval on record</source>
        <translation>休学，无批准记录</translation>
    </message>
    <message>
        <source>休学 approved until {date}, run out: the pupil is to return or be approved again</source>
        <translation>休学批准至 {date}，已到期：应复学或重新报批</translation>
    </message>
    <message>
        <source>转出待核实: transferred to {school} on {date}, not confirmed after {days} days</source>
        <extracomment>Checks that take a child off the school-age ledger: not a child of the township after all. Checks that found the child at school elsewhere, or living (and so counted) elsewhere.</extracomment>
        <translation>转出待核实：{date}转至{school}，已 {days} 天未核实</translation>
    </message>
    <message>
        <source>Graduated on {date} with no confirmed junior secondary school: {destination}</source>
        <translation>{date}毕业，未核实升入初中：{destination}</translation>
    </message>
    <message>
        <source>not reported back since {date}, {days} school days</source>
        <translation>自{date}起未报到，已{days}个上学日</translation>
    </message>
    <message>
        <source>absent since {date}, {days} school days</source>
        <translation>自 {date} 起缺课，{days} 个教学日</translation>
    </message>
    <message>
        <source>recorded as 辍学</source>
        <translation>学籍状态为辍学</translation>
    </message>
    <message>
        <source>away since {date}: record the status as 辍学</source>
        <translation>自 {date} 起未到校：请将学籍状态登记为辍学</translation>
    </message>
    <message>
        <source>All schools</source>
        <extracomment>How the report counts, printed under its table (Chinese always: the report goes to the bureau). From this day of a month on, the month to report is the one under way (its figures are nearly all in); before it, the month just ended.</extracomment>
        <translation>全部学校</translation>
    </message>
    <message>
        <source>The staff member chosen no longer exists.</source>
        <translation>所选教职工已不存在。</translation>
    </message>
    <message>
        <source>Choose the cause.</source>
        <translation>请选择辍学原因。</translation>
    </message>
    <message>
        <source>Name the school leader responsible for the child (包保责任人).</source>
        <translation>请填写包保该生的校领导（包保责任人）。</translation>
    </message>
    <message>
        <source>Name the teacher responsible for the child (包保责任人).</source>
        <translation>请填写包保该生的教师（包保责任人）。</translation>
    </message>
    <message>
        <source>Write the measures of the plan.</source>
        <translation>请填写帮扶措施。</translation>
    </message>
    <message>
        <source>A name is at most 64 characters.</source>
        <translation>姓名最多 64 个字符。</translation>
    </message>
    <message>
        <source>Say where the child is placed on return: 插班 (with the grade), 单独编班, 送教上门 or 职业教育/普职融合.</source>
        <translation>请选择返校安置方式：插班（注明年级）、单独编班、送教上门或职业教育/普职融合。</translation>
    </message>
    <message>
        <source>Give the grade the child joins (1 to 9).</source>
        <translation>请填写插入的年级（1 至 9）。</translation>
    </message>
    <message>
        <source>Only a case closed as back at school (已返校) is followed up.</source>
        <translation>只有已返校的档案才进行返校后跟踪。</translation>
    </message>
    <message>
        <source>The follow-up's date must fall between the return ({date}) and today.</source>
        <translation>跟踪日期须在返校日（{date}）和今天之间。</translation>
    </message>
    <message>
        <source>Write who followed the child up.</source>
        <translation>请填写跟踪人。</translation>
    </message>
    <message>
        <source>Write how the child is doing.</source>
        <translation>请填写学生情况。</translation>
    </message>
    <message>
        <source>There is no case No. {id}.</source>
        <translation>没有第 {id} 号档案。</translation>
    </message>
</context>
<context>
    <name>DropoutRulesDialog</name>
    <message>
        <source>Dropout control rules</source>
        <translation>控辍保学规则</translation>
    </message>
    <message>
        <source>Unexplained absence that makes a suspected dropout (school days)</source>
        <translation>无故缺课多少个教学日为疑似辍学</translation>
    </message>
    <message>
        <source>Days as a suspected dropout before counting as a dropout</source>
        <translation>疑似辍学多少天后认定为辍学</translation>
    </message>
    <message>
        <source>Failed persuasion attempts before the urging notice</source>
        <translation>劝返失败几次后发敦促入学通知书</translation>
    </message>
    <message>
        <source>Days the notice gives to return</source>
        <translation>通知书限期返校天数</translation>
    </message>
    <message>
        <source>Days a transfer out may stay unconfirmed by the receiving school</source>
        <translation>转出待接收学校核实的天数</translation>
    </message>
    <message>
        <source>Months a child back at school is followed up (monthly entries)</source>
        <translation>返校后跟踪月数（每月跟踪一次）</translation>
    </message>
    <message>
        <source>with the village committee</source>
        <translation>含村民委员会参与</translation>
    </message>
    <message>
        <source>with the township</source>
        <translation>含乡镇人民政府参与</translation>
    </message>
    <message>
        <source>order to correct, days</source>
        <translation>责令改正期限（天）</translation>
    </message>
    <message>
        <source>The period the order to correct gives (义务教育法 art. 58)</source>
        <translation>责令限期改正的期限（义务教育法第五十八条）</translation>
    </message>
    <message>
        <source>after the demand, days</source>
        <translation>催告送达后（天）</translation>
    </message>
    <message>
        <source>Days after the demand is served before applying to the court (行政强制法 art. 54)</source>
        <translation>催告书送达后至申请人民法院强制执行的天数（行政强制法第五十四条）</translation>
    </message>
    <message>
        <source>unchallenged, months</source>
        <translation>起诉期（月）</translation>
    </message>
    <message>
        <source>Months the order must stand unchallenged before enforcement (行政诉讼法 art. 46)</source>
        <translation>申请强制执行前决定须经过的起诉期限（月，行政诉讼法第四十六条）</translation>
    </message>
    <message>
        <source>After the notice's deadline</source>
        <translation>通知书期限届满后</translation>
    </message>
    <message>
        <source>and awaiting placement (待安置)</source>
        <translation>待安置最长天数</translation>
    </message>
    <message>
        <source>Days a child may go without a 送教上门 visit</source>
        <translation>送教上门最长未送教天数</translation>
    </message>
    <message>
        <source>Notice number prefix</source>
        <translation>通知书发文代字</translation>
    </message>
    <message>
        <source>Holidays (not school days)</source>
        <translation>假期（不计教学日）</translation>
    </message>
    <message>
        <source>School ages reckoned on (month-day)</source>
        <translation>计算入学年龄的日期（月-日）</translation>
    </message>
    <message>
        <source>Defaults: 5 school days, 30 days (some provinces use 28), 2 attempts, 15 days. School days are Monday to Friday outside the holidays, written month-day~month-day and separated by commas; the default is {holidays} (winter break, summer break, National Day week). A child six years old on the day school ages are reckoned on (08-31 unless the province uses another) and still in a preschool class is due to enroll (应入学) unless a 延缓入学 approval is on record.</source>
        <translation>默认：5 个教学日、30 天（有的省份为 28 天）、2 次、15 天。教学日指假期以外的周一至周五；假期写成 月-日~月-日，用逗号分隔，默认为 {holidays}（寒假、暑假、国庆假期）。在计算入学年龄的日期（默认 08-31，省里另有规定的按省里）已满六周岁仍在学前班的儿童列为应入学，有延缓入学批准的除外。</translation>
    </message>
    <message>
        <source>Targets of the indicators</source>
        <translation>各项指标的目标</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Addressees of the escalation's documents</source>
        <translation>后续文书的主送机关</translation>
    </message>
    <message>
        <source>e.g. 仁和区教育和体育局</source>
        <translation>例如：仁和区教育和体育局</translation>
    </message>
    <message>
        <source>e.g. 攀枝花市仁和区人民法院</source>
        <translation>例如：攀枝花市仁和区人民法院</translation>
    </message>
    <message>
        <source>Education bureau (written report)</source>
        <translation>教育行政部门（书面报告）</translation>
    </message>
    <message>
        <source>Court (application for enforcement)</source>
        <translation>人民法院（强制执行申请）</translation>
    </message>
    <message>
        <source>Targets and addressees</source>
        <translation>目标与主送机关</translation>
    </message>
</context>
<context>
    <name>DropoutTab</name>
    <message>
        <source>Open cases</source>
        <translation>劝返中的档案</translation>
    </message>
    <message>
        <source>Notice deadline passed</source>
        <translation>通知书已逾期</translation>
    </message>
    <message>
        <source>Ready for the urging notice</source>
        <translation>应发敦促入学通知书</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部档案</translation>
    </message>
    <message>
        <source>Student's name</source>
        <translation>学生姓名</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Days open</source>
        <translation>已建档天数</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>劝返次数</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>最近工作</translation>
    </message>
    <message>
        <source>Urging notice</source>
        <translation>敦促入学通知书</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Who went</source>
        <translation>劝返人员</translation>
    </message>
    <message>
        <source>Whom they met</source>
        <translation>见到何人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>同意返校</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Written by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Record as dropout</source>
        <translation>认定为辍学</translation>
    </message>
    <message>
        <source>Persuasion log (劝返记录) — entries are never changed: a correction is a new entry</source>
        <translation>劝返记录——记录不可修改：更正时另记一条</translation>
    </message>
    <message>
        <source>Taking part</source>
        <translation>参与单位</translation>
    </message>
    <message>
        <source>Show ended absences too</source>
        <translation>同时显示已结束的缺课</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>still away</source>
        <translation>仍未到校</translation>
    </message>
    <message>
        <source>School days</source>
        <translation>教学日</translation>
    </message>
    <message>
        <source>unexplained</source>
        <translation>无故</translation>
    </message>
    <message>
        <source>Counts as</source>
        <translation>认定</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>发现日期</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <source>Found out of school (失学) by the 比对 check, no case yet — double-click to open one:</source>
        <translation>比对核查发现失学、尚未建档的儿童（双击建档）：</translation>
    </message>
    <message>
        <source>School-age children (适龄儿童)</source>
        <translation>适龄儿童台账</translation>
    </message>
    <message>
        <source>Suspected dropouts (疑似辍学)</source>
        <translation>疑似辍学台账</translation>
    </message>
    <message>
        <source>Dropouts (辍学)</source>
        <translation>辍学台账</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>学籍状态</translation>
    </message>
    <message>
        <source>not on our roster</source>
        <translation>不在花名册</translation>
    </message>
    <message>
        <source>Comparison (比对)</source>
        <translation>比对情况</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Enrolled at the start</source>
        <translation>期初在读</translation>
    </message>
    <message>
        <source>Dropouts</source>
        <translation>辍学</translation>
    </message>
    <message>
        <source>Dropout rate</source>
        <translation>辍学率</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>How the rate is computed: primary pupils whose status became 辍学 during the period and were still 辍学 at its end, divided by the primary pupils enrolled (在读) on its first day; a child brought back within the period is not counted. The plan's target is at most 0.2%.</source>
        <translation>辍学率的算法：期间内学籍状态变为辍学且期末仍为辍学的小学生人数，除以期初第一天在读的小学生人数；期间内已劝返复学的不计。规划目标为不超过 0.2%。</translation>
    </message>
    <message>
        <source>Closed cases</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Brought back</source>
        <translation>劝返复学</translation>
    </message>
    <message>
        <source>Dropout rate from</source>
        <translation>辍学率统计期间</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Cases per school</source>
        <translation>各校档案</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>缺课登记</translation>
    </message>
    <message>
        <source>The three ledgers</source>
        <translation>三本台账</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Comparison and checks (比对核查)</source>
        <translation>比对核查</translation>
    </message>
    <message>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <source>&lt;a href='absences'&gt;{n} children&lt;/a&gt; reached {days} school days of unexplained absence and have no case yet: report them to the township and open a case.</source>
        <translation>&lt;a href='absences'&gt;{n} 名学生&lt;/a&gt;无故缺课已满 {days} 个教学日，尚未建档：请报告乡镇政府并建立档案。</translation>
    </message>
    <message>
        <source>&lt;a href='absences'&gt;{n} children&lt;/a&gt; were found out of school (失学) by the 比对 check and have no case yet: open one.</source>
        <translation>比对核查发现 &lt;a href='absences'&gt;{n} 名儿童&lt;/a&gt;失学，尚未建立控辍档案：请立案劝返。</translation>
    </message>
    <message>
        <source>&lt;a href='expired'&gt;{n} urging notices&lt;/a&gt; passed their deadline without the child back.</source>
        <translation>&lt;a href='expired'&gt;{n} 份敦促入学通知书&lt;/a&gt;已过返校期限，学生仍未返校。</translation>
    </message>
    <message>
        <source>&lt;a href='due'&gt;{n} cases&lt;/a&gt; had repeated failed attempts: the township can issue the enrollment-urging notice.</source>
        <translation>&lt;a href='due'&gt;{n} 件档案&lt;/a&gt;多次劝返无果：可由乡镇政府下发敦促入学通知书。</translation>
    </message>
    <message>
        <source>due: repeated attempts failed</source>
        <translation>应发：多次劝返无果</translation>
    </message>
    <message>
        <source>{number}, return by {deadline}</source>
        <translation>{number}，限 {deadline} 前返校</translation>
    </message>
    <message>
        <source> — deadline passed</source>
        <translation>——已逾期</translation>
    </message>
    <message>
        <source> — receipt not yet signed</source>
        <translation>——尚未签收</translation>
    </message>
    <message>
        <source>corrected by No. {id}</source>
        <translation>已由第 {id} 条更正</translation>
    </message>
    <message>
        <source>corrects No. {id}</source>
        <translation>更正第 {id} 条</translation>
    </message>
    <message>
        <source>{shown} of {n} cases; {open} being persuaded.</source>
        <translation>显示 {shown} 件，共 {n} 件；劝返中 {open} 件。</translation>
    </message>
    <message>
        <source>Choose a case above to see its persuasion log.</source>
        <translation>在上方选择档案，查看劝返记录。</translation>
    </message>
    <message>
        <source>&lt;b&gt;No. {id} {name}&lt;/b&gt; ({school} {grade}, {village}; guardian {guardian}) — {status}, absent since {began}, opened {opened}, {days} days.</source>
        <translation>&lt;b&gt;第 {id} 号 {name}&lt;/b&gt;（{school} {grade}，{village}；监护人 {guardian}）——{status}，{began} 起缺课，{opened} 建档，已 {days} 天。</translation>
    </message>
    <message>
        <source>signed for on {date}</source>
        <translation>{date} 已签收</translation>
    </message>
    <message>
        <source>&lt;span style='color:#c62828'&gt;receipt not yet signed&lt;/span&gt;</source>
        <translation>&lt;span style='color:#c62828'&gt;尚未签收&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Urging notice {number} issued {issued}, return by {deadline}; {served}.</source>
        <translation>敦促入学通知书 {number}，{issued} 发文，限 {deadline} 前返校；{served}。</translation>
    </message>
    <message>
        <source>&lt;span style='color:#c62828'&gt;{n} attempts failed: the township can issue the enrollment-urging notice.&lt;/span&gt;</source>
        <translation>&lt;span style='color:#c62828'&gt;已劝返 {n} 次无果：可由乡镇政府下发敦促入学通知书。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Persuasion log</source>
        <translation>劝返记录</translation>
    </message>
    <message>
        <source>Select an entry of the log first.</source>
        <translation>请先选择一条劝返记录。</translation>
    </message>
    <message>
        <source>Case No. {id} opened for {name}.</source>
        <translation>已为{name}建立档案（第 {id} 号）。</translation>
    </message>
    <message>
        <source>Reopen the case</source>
        <translation>重新打开档案</translation>
    </message>
    <message>
        <source>{name} came back to school within the follow-up of case No. {id}: reopen that case (back to persuading) instead of opening a new one?</source>
        <translation>{name} 仍在第 {id} 号档案的返校跟踪期内：重新打开该档案（恢复劝返），而不新建档案？</translation>
    </message>
    <message>
        <source>Case No. {id} of {name} reopened.</source>
        <translation>{name} 的第 {id} 号档案已重新打开。</translation>
    </message>
    <message>
        <source>Attempt logged on case No. {id}.</source>
        <translation>已在第 {id} 号档案登记劝返。</translation>
    </message>
    <message>
        <source>Entry No. {id} was corrected by No. {by}: correct that one instead.</source>
        <translation>第 {id} 条已由第 {by} 条更正：请更正那一条。</translation>
    </message>
    <message>
        <source>Notice {number} was issued already on {date}. Issue a new one?</source>
        <translation>{date} 已发过通知书 {number}。要再发一份吗？</translation>
    </message>
    <message>
        <source>Proof of service</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <source>Every document of this case has its proof of service on record.</source>
        <translation>本案件的每份文书都已登记送达回证。</translation>
    </message>
    <message>
        <source>Case No. {id} of {name} is now “{status}”.</source>
        <translation>{name}的第 {id} 号档案现为“{status}”。</translation>
    </message>
    <message>
        <source>Record {name}'s enrollment status as 辍学? The status goes back to 在读 when the case is closed as back at school.</source>
        <translation>将{name}的学籍状态登记为辍学？档案办结为“已返校”时，状态会恢复为在读。</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>缺课</translation>
    </message>
    <message>
        <source>suspected dropout</source>
        <translation>疑似辍学</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>辍学</translation>
    </message>
    <message>
        <source>{n} children of compulsory-education age (6 to 15) on the roster and the household register; {out} of them not known to be at school, {pending} still to be checked door to door.</source>
        <translation>花名册和户籍名单上共有义务教育适龄（6至15周岁）儿童 {n} 人，其中未在校或在校情况不明 {out} 人，待入户核查 {pending} 人。</translation>
    </message>
    <message>
        <source>Counting the cases per school</source>
        <translation>正在统计各校的案卷</translation>
    </message>
    <message>
        <source>All schools: {dropouts} dropouts of {enrolled} pupils — &lt;b style='color:{colour}'&gt;{rate}&lt;/b&gt; (target at most {target}).</source>
        <translation>全部学校：{enrolled} 名学生中辍学 {dropouts} 人——&lt;b style='color:{colour}'&gt;{rate}&lt;/b&gt;（目标不超过 {target}）。</translation>
    </message>
    <message>
        <source>open one</source>
        <translation>应建档</translation>
    </message>
    <message>
        <source>No. {id} {status}</source>
        <translation>第 {id} 号 {status}</translation>
    </message>
    <message>
        <source>{n} absences shown. Counted in school days (Monday to Friday outside the holidays: {holidays}). &lt;b&gt;{waiting}&lt;/b&gt; call for a case.</source>
        <translation>显示 {n} 条缺课。按教学日计（假期以外的周一至周五；假期：{holidays}）。&lt;b&gt;{waiting}&lt;/b&gt; 名学生应建档。</translation>
    </message>
    <message>
        <source>Select an absence first.</source>
        <translation>请先选择一条缺课记录。</translation>
    </message>
    <message>
        <source>Absence recorded.</source>
        <translation>缺课已登记。</translation>
    </message>
    <message>
        <source>Working out the ledger</source>
        <translation>正在统计台账</translation>
    </message>
    <message>
        <source>{n} children absent without reason past the threshold, not yet dropouts.</source>
        <translation>无故缺课超过规定天数、尚未认定辍学的学生 {n} 人。</translation>
    </message>
    <message>
        <source>{n} dropouts. A child brought back is written off the list (劝返一个、销号一个); the case file keeps the history.</source>
        <translation>辍学 {n} 人。劝返一个、销号一个：复学的学生从台账销号，档案保留全部经过。</translation>
    </message>
    <message>
        <source>The period ends before it begins.</source>
        <translation>统计期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Working out the dropout rate</source>
        <translation>正在计算辍学率</translation>
    </message>
    <message>
        <source>Export the three ledgers</source>
        <translation>导出三本台账</translation>
    </message>
    <message>
        <source>Ledgers written to {path}: {school_age} school-age children, {suspected} suspected dropouts, {dropouts} dropouts.</source>
        <translation>台账已写入 {path}：适龄儿童 {school_age} 人，疑似辍学 {suspected} 人，辍学 {dropouts} 人。</translation>
    </message>
    <message>
        <source>Export the cases</source>
        <translation>导出档案</translation>
    </message>
    <message>
        <source>{n} cases written to {path}.</source>
        <translation>{n} 件档案已写入 {path}。</translation>
    </message>
    <message>
        <source>Term-start dropout report</source>
        <translation>开学辍学情况报告</translation>
    </message>
    <message>
        <source>Term-start report written to {path} ({n} dropouts by name).</source>
        <translation>开学报告已写入 {path}（辍学学生名单 {n} 人）。</translation>
    </message>
    <message>
        <source>No notice has been issued on this case yet, and issuing one is not part of your role: ask a {roles}.</source>
        <translation>本案件尚未发出敦促入学通知书，发文不在您的角色范围内：请找{roles}。</translation>
    </message>
    <message>
        <source>Issue the enrollment-urging notice to {guardian} for {name} now? It gets the next number of the year and is recorded on the case, with a deadline of {days} days.</source>
        <translation>现在就{name}向{guardian}发出敦促入学通知书吗？通知书按年度顺序编号，记入档案，返校期限 {days} 天。</translation>
    </message>
    <message>
        <source>the guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Enrollment-urging notice</source>
        <translation>敦促入学通知书</translation>
    </message>
    <message>
        <source>Urging notices</source>
        <translation>敦促入学通知书</translation>
    </message>
    <message>
        <source>No notice is due.</source>
        <translation>没有应发的通知书。</translation>
    </message>
    <message>
        <source>Issue {n} enrollment-urging notices now, one for each case where repeated attempts failed, and print them together? Each is recorded on its case.</source>
        <translation>现在为 {n} 件多次劝返无果的档案各发一份敦促入学通知书，并合并打印吗？每份都记入对应档案。</translation>
    </message>
    <message>
        <source>Enrollment-urging notices</source>
        <translation>敦促入学通知书</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>The database {path} is not encrypted, so it has no recovery key. Sign in with a password, or ask another administrator to reset it.</source>
        <translation>数据库 {path} 没有加密，所以没有恢复密钥。请用密码登录，或请另一位管理员为您重设密码。</translation>
    </message>
    <message>
        <source>This is not a recovery key: a recovery key has 13 groups of 4 letters and digits (2-7), as printed on the recovery-key sheet. Check what was typed.</source>
        <translation>这不是恢复密钥：恢复密钥共 13 组，每组 4 个字母或数字（2～7），与恢复密钥页上印的一样。请检查输入。</translation>
    </message>
    <message>
        <source>The key file {path} is damaged ({detail}), so no password can open the database. Sign in with the recovery key (the paper kept in the principal's safe): “schoolaid users recover”, or “Forgot the password” at the start of the program.</source>
        <translation>密钥文件 {path} 已损坏（{detail}），任何密码都打不开数据库。请用恢复密钥（校长保险柜里的那页纸）登录：命令 “schoolaid users recover”，或在程序登录窗口点“忘记密码”。</translation>
    </message>
    <message>
        <source>The database is encrypted, and its key file {path} is missing, so no password can open it. Put the key file back beside the database (it is in the backup), or sign in with the recovery key (the paper kept in the principal's safe): “schoolaid users recover”, or “Forgot the password” at the start of the program.</source>
        <translation>数据库已加密，但它的密钥文件 {path} 不见了，任何密码都打不开它。请把密钥文件放回数据库旁边（备份里有），或用恢复密钥（校长保险柜里的那页纸）登录：命令 “schoolaid users recover”，或在程序登录窗口点“忘记密码”。</translation>
    </message>
    <message>
        <source>The key does not open the database {path}: the key file beside it belongs to another database, or the recovery key is another school's. Check the recovery key on the paper kept in the principal's safe.</source>
        <translation>这个密钥打不开数据库 {path}：旁边的密钥文件属于另一个数据库，或恢复密钥是别的学校的。请核对校长保险柜里那页纸上的恢复密钥。</translation>
    </message>
    <message>
        <source>The database {path} is encrypted: sign in with your user name and password to open it (on the command line: --user NAME --user-password-file F). If the passwords are lost, use the recovery key.</source>
        <translation>数据库 {path} 已加密：请用用户名和密码登录后打开（命令行：--user 用户名 --user-password-file 文件）。如果密码都忘了，请用恢复密钥。</translation>
    </message>
    <message>
        <source>The database {path} is encrypted already.</source>
        <translation>数据库 {path} 已经加密。</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
    <message>
        <source>The database {path} is open in another SchoolAid window or program. Close it, then try again.</source>
        <translation>数据库 {path} 正被另一个校助窗口或程序打开。请先关闭它，再试一次。</translation>
    </message>
    <message>
        <source>The database {path} was changed by another program while it was being encrypted. Close it, then try again.</source>
        <translation>加密过程中数据库 {path} 被另一个程序修改了。请关闭它，再试一次。</translation>
    </message>
    <message>
        <source>Checking the encrypted database…</source>
        <translation>正在检查加密后的数据库…</translation>
    </message>
    <message>
        <source>Writing the key file…</source>
        <translation>正在写入密钥文件…</translation>
    </message>
    <message>
        <source>Replacing the plain database…</source>
        <translation>正在替换未加密的数据库…</translation>
    </message>
    <message>
        <source>The database is encrypted.</source>
        <translation>数据库已加密。</translation>
    </message>
    <message>
        <source>The encrypted copy of the database did not check out, so the database was left as it was (plain). Try again; if it happens again, export a backup and report it.</source>
        <translation>加密后的数据库副本检查未通过，数据库保持原样（未加密）。请再试一次；如果再次出现，请导出备份并报告问题。</translation>
    </message>
</context>
<context>
    <name>EndPairingDialog</name>
    <message>
        <source>End a pairing</source>
        <translation>结束结对</translation>
    </message>
    <message>
        <source>e.g. 家庭已稳定脱贫, 全家迁出本乡镇</source>
        <translation>如：家庭已稳定脱贫、全家迁出本乡镇</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>EndSchoolPairingDialog</name>
    <message>
        <source>End the school pairing</source>
        <translation>结束学校结对</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>{helper} → {school}, since {since}</source>
        <translation>{helper} → {school}，自 {since} 起</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>The pairing and its {n} activities stay on record.</source>
        <translation>该结对及其 {n} 次活动记录继续保留。</translation>
    </message>
</context>
<context>
    <name>Enrollment</name>
    <message>
        <source>Write the day ages are reckoned on as month-day, e.g. 08-31.</source>
        <extracomment>Compulsory education: ages 6 to 15 on the age reference day. A 休学 is approved for at most one school year at a time; a longer absence is approved again. The day ages are reckoned on, as month-day, for provinces that count another day than 31 August. The rules, what each checks, and where it comes from.</extracomment>
        <translation>请按“月-日”填写计算年龄的日期，例如 08-31。</translation>
    </message>
    <message>
        <source>Choose 延缓入学 or 休学.</source>
        <translation>请选择延缓入学或休学。</translation>
    </message>
    <message>
        <source>Enter who approved it (批准机关), e.g. 乡镇人民政府 or 县级教育行政部门.</source>
        <translation>请填写批准机关，例如乡镇人民政府或县级教育行政部门。</translation>
    </message>
    <message>
        <source>The approving body is at most {n} characters long.</source>
        <translation>批准机关最多 {n} 个字。</translation>
    </message>
    <message>
        <source>The document number is at most {n} characters long.</source>
        <translation>文号最多 {n} 个字。</translation>
    </message>
    <message>
        <source>Enter the day of the approval.</source>
        <translation>请填写批准日期。</translation>
    </message>
    <message>
        <source>The day of the approval is in the future.</source>
        <translation>批准日期晚于今天。</translation>
    </message>
    <message>
        <source>Enter the day the approval ends.</source>
        <translation>请填写批准的到期日。</translation>
    </message>
    <message>
        <source>Enter the approval's document number (文号).</source>
        <translation>请填写批准文号。</translation>
    </message>
    <message>
        <source>The deferral expires on or before the day it was approved.</source>
        <translation>延缓入学的到期日不能早于或等于批准日期。</translation>
    </message>
    <message>
        <source>{name} is already at school: a deferred enrollment is for a child in a preschool class or not yet enrolled.</source>
        <translation>{name}已入学：延缓入学只适用于在学前班或尚未入学的儿童。</translation>
    </message>
    <message>
        <source>Give the reason for the suspension, e.g. 因病.</source>
        <translation>请填写休学原因，例如因病。</translation>
    </message>
    <message>
        <source>Enter the first day of the suspension.</source>
        <translation>请填写休学开始日期。</translation>
    </message>
    <message>
        <source>The suspension ends before it starts.</source>
        <translation>休学结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>A suspension is approved for at most one year ({start} to {last}): apply again when it runs out.</source>
        <translation>休学一次最多批准一年（{start}至{last}）：到期后需重新申请。</translation>
    </message>
    <message>
        <source>{name} is “{status}”: only a pupil in school or suspended can be suspended.</source>
        <translation>{name}的学籍状态为“{status}”：只有在读或休学的学生才能办理休学。</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <source>Add evidence files</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.pdf *.heic *.bmp);;All files (*)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.pdf *.heic *.bmp);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save evidence file</source>
        <translation>保存佐证材料</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>{kb} KB</source>
        <translation>{kb} KB</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
</context>
<context>
    <name>ExportBackupDialog</name>
    <message>
        <source>Export a backup</source>
        <translation>导出备份</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>The backup holds children's personal data and the ledger, so it is encrypted with this password. &lt;b&gt;Nobody can open the backup without it — not the township, not the software's makers.&lt;/b&gt; Write the password down and keep it apart from the USB stick.</source>
        <translation>备份中有孩子们的个人信息和资助台账，所以要用这个密码加密。&lt;b&gt;没有密码，谁也打不开备份——乡镇打不开，软件的开发者也打不开。&lt;/b&gt;请把密码写下来，和 U 盘分开保管。</translation>
    </message>
    <message>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再输一次密码：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Choose where to save the backup.</source>
        <translation>请选择备份保存的位置。</translation>
    </message>
    <message>
        <source>The password must have at least {n} characters.</source>
        <translation>密码至少要有 {n} 个字符。</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一样：请把同一个密码输入两次。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Include full ID numbers (only when the township asks; the sheet leaves this PC unencrypted)</source>
        <translation>包含完整身份证号（仅在上级要求时勾选；导出的表格不加密）</translation>
    </message>
    <message>
        <source>The {n} students shown in the roster, in the same order, with the columns SchoolAid imports back.</source>
        <translation>导出花名册中当前显示的 {n} 名学生，顺序相同，各栏可以再导入校助。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting the roster</source>
        <translation>正在导出花名册</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Registry no.</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>学段</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Guardian is the</source>
        <translation>监护人是</translation>
    </message>
    <message>
        <source>Guardian's phone</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <source>Left-behind</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Boarder</source>
        <translation>寄宿生</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Disability certificate no.</source>
        <translation>残疾证号</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <source>De facto unsupported child</source>
        <translation>事实无人抚养儿童</translation>
    </message>
    <message>
        <source>Child of a disabled parent</source>
        <translation>残疾人子女</translation>
    </message>
    <message>
        <source>Child of a martyr</source>
        <translation>烈士子女</translation>
    </message>
    <message>
        <source>Child in difficulty</source>
        <translation>困境儿童</translation>
    </message>
    <message>
        <source>Enrollment status</source>
        <translation>学籍状态</translation>
    </message>
    <message>
        <source>Entry date</source>
        <translation>入学日期</translation>
    </message>
    <message>
        <source>Leaving date</source>
        <translation>离校日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Date of change</source>
        <translation>变更日期</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>转入学校</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>FileDialog</name>
    <message>
        <source>Put on file (建档)</source>
        <translation>建档备案</translation>
    </message>
    <message>
        <source>Notice taken down on</source>
        <translation>公示撤下日期</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>{path} could not be read: {detail}. If it is on a USB stick, copy it to this PC first.</source>
        <extracomment>The window's folders in the system's temporary folder: printouts waiting in the preview, and evidence files opened in another program. Both hold children's data, so a window killed mid-work must not leave them for good (``leftovers.remove_leftovers`` sweeps them).</extracomment>
        <translation>无法读取 {path}：{detail}。如果文件在 U 盘上，请先复制到本机。</translation>
    </message>
    <message>
        <source>The disk is full: {path} was not written. Free some space or choose another disk.</source>
        <translation>磁盘已满：{path} 没有写入。请清理空间或换一个磁盘。</translation>
    </message>
    <message>
        <source>{path} cannot be written here (no permission, or a write-protected USB stick). Choose another folder.</source>
        <translation>无法在此写入 {path}（没有权限，或 U 盘写保护）。请换一个文件夹。</translation>
    </message>
    <message>
        <source>{path} could not be written: {detail}.</source>
        <translation>无法写入 {path}：{detail}。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow-up after the return</source>
        <translation>返校后跟踪</translation>
    </message>
    <message>
        <source>How the child is doing: attendance, studies, mood, the family</source>
        <translation>学生情况：出勤、学习、情绪、家庭</translation>
    </message>
    <message>
        <source>Attending school</source>
        <translation>在校就读</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>No. {id}: {name}</source>
        <translation>第 {id} 号：{name}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Followed up by</source>
        <translation>跟踪人</translation>
    </message>
    <message>
        <source>How the child is doing</source>
        <translation>学生情况</translation>
    </message>
    <message>
        <source>A child away again without reason: record the absence in the Absences page; within the follow-up period it reopens this case.</source>
        <translation>学生再次无故缺课：请在“缺课登记”页登记缺课；跟踪期内的缺课会重新打开本档案。</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>{label} (required)</source>
        <translation>{label}（必填）</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>marks a required field</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>* marks a required field</source>
        <translation>* 为必填项</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over a household</source>
        <translation>移交帮扶户</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>移交给</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Hardship</name>
    <message>
        <source>The assessment no longer exists.</source>
        <translation>这条认定记录已不存在。</translation>
    </message>
    <message>
        <source>The notice (公示) no longer exists.</source>
        <translation>这次公示已不存在。</translation>
    </message>
    <message>
        <source>Say the school year by the year it begins in, such as 2026.</source>
        <translation>请按学年开始的年份写学年，例如 2026。</translation>
    </message>
    <message>
        <source>{name} already has an assessment this school year ({status}): adjust it instead of applying again.</source>
        <translation>{name}本学年已有认定记录（{status}）：请调整该记录，不要重复申请。</translation>
    </message>
    <message>
        <source>The student no longer exists.</source>
        <translation>这名学生已不存在。</translation>
    </message>
    <message>
        <source>{name} is not enrolled (在读): only enrolled students are assessed.</source>
        <translation>{name}不是在读学生：只认定在读学生。</translation>
    </message>
    <message>
        <source>Write the reasons the family gives for the application.</source>
        <translation>请填写家庭的申请理由。</translation>
    </message>
    <message>
        <source>The application date is in the future.</source>
        <translation>申请日期在今天之后。</translation>
    </message>
    <message>
        <source>Only an application (已申请) is reviewed; this one is {status}.</source>
        <translation>只有“已申请”的记录才能评议；这条是“{status}”。</translation>
    </message>
    <message>
        <source>The review date must be between the application ({applied}) and today.</source>
        <translation>评议日期应在申请日期（{applied}）和今天之间。</translation>
    </message>
    <message>
        <source>{name}: only an application is decided; this one is {status}.</source>
        <translation>{name}：只有申请才能认定；这条是“{status}”。</translation>
    </message>
    <message>
        <source>{name}: the class review (评议) comes first, as the school's settings require.</source>
        <translation>{name}：按本校设置，需先进行班级评议。</translation>
    </message>
    <message>
        <source>“{level}” is not a level: choose one of {levels}.</source>
        <translation>“{level}”不是认定等级：请从{levels}中选择。</translation>
    </message>
    <message>
        <source>The decision date must be between the application ({applied}) and today.</source>
        <translation>认定日期应在申请日期（{applied}）和今天之间。</translation>
    </message>
    <message>
        <source>{name}: say what the decision rests on (a priority group or the application's reasons).</source>
        <translation>{name}：请写明认定依据（所属重点保障群体或申请理由）。</translation>
    </message>
    <message>
        <source>Say why the application is not passed.</source>
        <translation>请写明不予认定的原因。</translation>
    </message>
    <message>
        <source>No proposed application is waiting for a decision this school year: propose the priority groups first.</source>
        <translation>本学年没有待认定的按规则提出的申请：请先提出重点保障群体。</translation>
    </message>
    <message>
        <source>The notice ends before it starts.</source>
        <translation>公示结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>The notice must stay up at least {days} working days (here: {n}, weekends and holidays not counted); end it later.</source>
        <translation>公示期不少于 {days} 个工作日（现为 {n} 个，周末和节假日不计）：请推后结束日期。</translation>
    </message>
    <message>
        <source>Give the phone number for objections (异议电话).</source>
        <translation>请填写异议电话。</translation>
    </message>
    <message>
        <source>No decided assessment is waiting for its notice this school year.</source>
        <translation>本学年没有等待公示的已认定学生。</translation>
    </message>
    <message>
        <source>This notice was already taken down on {date}.</source>
        <translation>这次公示已于 {date} 撤下。</translation>
    </message>
    <message>
        <source>The notice runs until {date}: file the assessments after it ends.</source>
        <translation>公示到 {date} 为止：请在公示期满后建档。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期在今天之后。</translation>
    </message>
    <message>
        <source>This assessment is {status}: there is nothing to withdraw.</source>
        <translation>这条认定是“{status}”：没有可撤销的。</translation>
    </message>
    <message>
        <source>Say why the assessment is withdrawn.</source>
        <translation>请写明撤销认定的原因。</translation>
    </message>
    <message>
        <source>Only a decided assessment is adjusted; this one is {status}.</source>
        <translation>只有已认定的记录才能调整；这条是“{status}”。</translation>
    </message>
    <message>
        <source>The level is already {level}.</source>
        <translation>认定等级已经是{level}。</translation>
    </message>
    <message>
        <source>Say why the level changes.</source>
        <translation>请写明调整原因。</translation>
    </message>
</context>
<context>
    <name>HardshipPage</name>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>年级班级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>认定等级</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>申请日期</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>学年</translation>
    </message>
    <message>
        <source>Once a school year, adjusted each term (教财〔2018〕16号): the priority groups are proposed by rule and confirmed in one action; others apply. The notice shows only name, school, grade, class and level.</source>
        <translation>每学年认定一次，每学期动态调整（教财〔2018〕16号）：重点保障群体按规则提出、一次确认；其他学生个人申请。公示只显示姓名、学校、年级、班级和认定等级。</translation>
    </message>
    <message>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <source>{n} students: {counts}.</source>
        <translation>共 {n} 名学生：{counts}。</translation>
    </message>
    <message>
        <source>Assessment of need</source>
        <translation>困难学生认定</translation>
    </message>
    <message>
        <source>Select an assessment first (a student not yet assessed is proposed or applies first).</source>
        <translation>请先选中一条认定记录（尚未认定的学生需先提出或申请）。</translation>
    </message>
    <message>
        <source>Propose the priority groups</source>
        <translation>提出重点保障群体</translation>
    </message>
    <message>
        <source>{n} students of the priority groups proposed; {already} already had an assessment this school year.</source>
        <translation>已提出重点保障群体学生 {n} 人；{already} 人本学年已有认定记录。</translation>
    </message>
    <message>
        <source>Select a student on notice (公示中) or on file to print their notice.</source>
        <translation>请选中一名公示中或已建档的学生，打印其公示表。</translation>
    </message>
    <message>
        <source>Notice of the assessment</source>
        <translation>认定结果公示表</translation>
    </message>
    <message>
        <source>Select a student on notice (公示中): their whole notice goes on file.</source>
        <translation>请选中一名公示中的学生：该次公示的全部学生一起建档。</translation>
    </message>
    <message>
        <source>Select a student first.</source>
        <translation>请先选中一名学生。</translation>
    </message>
    <message>
        <source>Application form</source>
        <translation>认定申请表</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Subsidies of {name}</source>
        <translation>{name} 的资助记录</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>资助项目</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>In all: {total} yuan in {n} entries.</source>
        <translation>合计：{n} 条，{total} 元。</translation>
    </message>
</context>
<context>
    <name>HomeTab</name>
    <message>
        <source>Term:</source>
        <translation>学期：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>The township</source>
        <translation>全乡镇</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>正在计算…</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>新建户</translation>
    </message>
    <message>
        <source>Edit household</source>
        <translation>编辑户信息</translation>
    </message>
    <message>
        <source>e.g. 3组</source>
        <translation>如：3组</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未填</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>（未记录）</translation>
    </message>
    <message>
        <source>Risk removed (风险消除) on</source>
        <translation>风险已消除，日期</translation>
    </message>
    <message>
        <source>Minimum living allowance (低保户)</source>
        <translation>低保户</translation>
    </message>
    <message>
        <source>Extreme-poverty support (特困供养)</source>
        <translation>特困供养户</translation>
    </message>
    <message>
        <source>Year lifted (脱贫年度)</source>
        <translation>脱贫年度</translation>
    </message>
    <message>
        <source>Household category</source>
        <translation>家庭类别</translation>
    </message>
    <message>
        <source>Identified on</source>
        <translation>识别时间</translation>
    </message>
    <message>
        <source>Monitoring type</source>
        <translation>监测类型</translation>
    </message>
    <message>
        <source>Social assistance</source>
        <translation>社会救助</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>出生年份</translation>
    </message>
    <message>
        <source>Main labourer</source>
        <translation>主要劳动力</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>从业</translation>
    </message>
    <message>
        <source>Practical skill</source>
        <translation>实用技术</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Training given by</source>
        <translation>培训单位</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>添加成员</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>删除成员</translation>
    </message>
    <message>
        <source>Add skill</source>
        <translation>添加技术</translation>
    </message>
    <message>
        <source>Remove skill</source>
        <translation>删除技术</translation>
    </message>
    <message>
        <source>Members (parents, grandparents, labourers; children are on the roster)</source>
        <translation>家庭成员（父母、祖辈、劳动力；在校子女见花名册）</translation>
    </message>
    <message>
        <source>{names} belong to this household: a household with students on the roster stays. Move them to their right household first.</source>
        <translation>{names} 属于此户：花名册上有学生的户不能删除。请先把他们改到正确的户。</translation>
    </message>
    <message>
        <source>Select a member to record the practical skills they have learned.</source>
        <translation>选中一名成员，即可登记其掌握的实用技术。</translation>
    </message>
    <message>
        <source>Practical skills (实用技术) of {name}:</source>
        <translation>{name} 掌握的实用技术：</translation>
    </message>
    <message>
        <source>the selected member</source>
        <translation>所选成员</translation>
    </message>
    <message>
        <source>Delete household</source>
        <translation>删除户</translation>
    </message>
    <message>
        <source>Delete the household of {head}? Only a household entered by mistake should be deleted: its members and their skills go with it. The deletion is kept in the audit trail.</source>
        <translation>删除 {head} 户吗？只应删除误录的户：其家庭成员及其技能一并删除。删除记录保留在审计记录中。</translation>
    </message>
</context>
<context>
    <name>HouseholdPanel</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>出生</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>从业</translation>
    </message>
    <message>
        <source>Skills</source>
        <translation>实用技术</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>School and grade</source>
        <translation>学校年级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&lt;b&gt;Members and main labourers&lt;/b&gt;</source>
        <translation>&lt;b&gt;家庭成员与主要劳动力&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Children on the roster&lt;/b&gt; (double-click to open)</source>
        <translation>&lt;b&gt;在册子女&lt;/b&gt;（双击打开）</translation>
    </message>
    <message>
        <source>Minimum living allowance</source>
        <translation>低保户</translation>
    </message>
    <message>
        <source>Extreme-poverty support</source>
        <translation>特困供养</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Household&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;户信息&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>No household is recorded for {name}. Open the student (double-click) to choose the household or create it.</source>
        <translation>{name} 还没有登记户信息。请双击打开该学生，选择或新建其所在的户。</translation>
    </message>
    <message>
        <source>Select a student to see the household: members, category, main labourers and their practical skills.</source>
        <translation>选择一名学生即可查看其家庭：家庭成员、家庭类别、主要劳动力及其掌握的实用技术。</translation>
    </message>
    <message>
        <source>{category} (risk removed)</source>
        <translation>{category}（风险已消除）</translation>
    </message>
    <message>
        <source>Lifted out of poverty in {year}</source>
        <translation>{year} 年脱贫</translation>
    </message>
    <message>
        <source>type not recorded</source>
        <translation>类型未记录</translation>
    </message>
    <message>
        <source>Monitored: {kind}, identified {date}</source>
        <translation>监测对象：{kind}，识别时间 {date}</translation>
    </message>
    <message>
        <source>; risk removed {date}</source>
        <translation>；风险消除时间 {date}</translation>
    </message>
    <message>
        <source>&lt;span style="color:#b71c1c;"&gt;No main labourer has learned a practical skill yet (the plan: one or two skills per household it helps).&lt;/span&gt;</source>
        <translation>&lt;span style="color:#b71c1c;"&gt;主要劳动力尚未掌握实用技术（方案要求：每户帮扶对象有一个主要劳动力掌握一至两门实用技术）。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Household of {head}&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;户主：{head}&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Village: {village} {group}</source>
        <translation>村组：{village} {group}</translation>
    </message>
    <message>
        <source> (poor village)</source>
        <translation>（贫困村）</translation>
    </message>
    <message>
        <source>Phone: {phone}</source>
        <translation>电话：{phone}</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <source>Choose household</source>
        <translation>选择户</translation>
    </message>
    <message>
        <source>Household head's name, pinyin initials or phone</source>
        <translation>户主姓名、拼音首字母或电话</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village and group</source>
        <translation>村组</translation>
    </message>
    <message>
        <source>Household category</source>
        <translation>家庭类别</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>子女数</translation>
    </message>
    <message>
        <source>New household…</source>
        <translation>新建户…</translation>
    </message>
</context>
<context>
    <name>Households</name>
    <message>
        <source>Enter the household head's name.</source>
        <translation>请填写户主姓名。</translation>
    </message>
    <message>
        <source>Choose the village.</source>
        <translation>请选择村。</translation>
    </message>
    <message>
        <source>The phone number {phone} does not look like a mobile (11 digits) or a landline.</source>
        <translation>电话号码 {phone} 既不像手机号（11 位），也不像固定电话。</translation>
    </message>
    <message>
        <source>{name}: {reason}</source>
        <translation>{name}：{reason}</translation>
    </message>
    <message>
        <source>{name}: the birth year {year} is impossible.</source>
        <translation>{name}：出生年份 {year} 不可能。</translation>
    </message>
    <message>
        <source>{name}: choose the sex.</source>
        <translation>{name}：请选择性别。</translation>
    </message>
    <message>
        <source>{name}: the training year {year} is impossible.</source>
        <translation>{name}：培训年份 {year} 不可能。</translation>
    </message>
    <message>
        <source>Choose the household category: 一般户, 脱贫户 or 防止返贫监测对象.</source>
        <translation>请选择家庭类别：一般户、脱贫户或防止返贫监测对象。</translation>
    </message>
    <message>
        <source>No year lifted out of poverty (脱贫年度): enter it from the household's record.</source>
        <translation>没有脱贫年度：请按该户档案填写。</translation>
    </message>
    <message>
        <source>A year lifted out of poverty is kept only for a 脱贫户 or a 监测对象: clear it, or change the category.</source>
        <translation>只有脱贫户或监测对象才记录脱贫年度：请清空，或修改家庭类别。</translation>
    </message>
    <message>
        <source>The year lifted out of poverty must be between {first} and {year}.</source>
        <translation>脱贫年度应在 {first} 年至 {year} 年之间。</translation>
    </message>
    <message>
        <source>The monitoring type and dates apply only to a 防止返贫监测对象: clear them, or change the category.</source>
        <translation>监测类型和日期只适用于防止返贫监测对象：请清空，或修改家庭类别。</translation>
    </message>
    <message>
        <source>Choose the monitoring type: 脱贫不稳定户, 边缘易致贫户, 突发严重困难户, or none.</source>
        <translation>请选择监测类型：脱贫不稳定户、边缘易致贫户、突发严重困难户，或不填。</translation>
    </message>
    <message>
        <source>The date identified as a monitored household is in the future.</source>
        <translation>识别为监测对象的时间晚于今天。</translation>
    </message>
    <message>
        <source>The date the risk was removed is in the future.</source>
        <translation>风险消除时间晚于今天。</translation>
    </message>
    <message>
        <source>The risk cannot be removed ({removed}) before the household was identified ({identified}).</source>
        <translation>风险消除时间（{removed}）不能早于识别时间（{identified}）。</translation>
    </message>
    <message>
        <source>No date identified as a monitored household: enter it from the monitoring list.</source>
        <translation>没有识别时间：请按监测对象名单填写。</translation>
    </message>
    <message>
        <source>The household of {head} still has students and cannot be deleted.</source>
        <translation>户主为 {head} 的这一户还有在册学生，不能删除。</translation>
    </message>
    <message>
        <source>The household no longer exists (id {id}).</source>
        <translation>该户已不存在（编号 {id}）。</translation>
    </message>
</context>
<context>
    <name>IdNumber</name>
    <message>
        <source>The ID number {raw} was turned into a number by Excel: its last digits are lost and cannot be recovered. Type the full 18-character number again.</source>
        <translation>身份证号 {raw} 被 Excel 转成了数字：末尾几位已经丢失，无法恢复。请重新输入完整的 18 位号码。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; this one has {n}.</source>
        <translation>身份证号应为 18 位，这个号码有 {n} 位。</translation>
    </message>
    <message>
        <source>An ID number is 17 digits followed by a digit or X.</source>
        <translation>身份证号由 17 位数字加 1 位数字或 X 组成。</translation>
    </message>
    <message>
        <source>The birth date in the ID number ({digits}) is not a real date.</source>
        <translation>身份证号中的出生日期（{digits}）不是有效日期。</translation>
    </message>
    <message>
        <source>The birth date in the ID number ({date}) is impossible.</source>
        <translation>身份证号中的出生日期（{date}）不可能。</translation>
    </message>
    <message>
        <source>The check digit (last character) is wrong: it should be {expected} for these first 17 digits. One of the digits was probably mistyped.</source>
        <translation>校验码（最后一位）不对：按前 17 位应为 {expected}。可能有一位数字输错了。</translation>
    </message>
    <message>
        <source>The region code {code} is not in the reference list for {year}. Real numbers can fail this check; compare the number with the household register and confirm if it is right.</source>
        <translation>地区码 {code} 不在 {year} 年的行政区划代码表中。真实号码也可能出现这种情况；请与户口簿核对，确认无误后保存。</translation>
    </message>
    <message>
        <source>The birth date {entered} differs from the one in the ID number ({from_id}).</source>
        <translation>出生日期 {entered} 与身份证号中的（{from_id}）不一致。</translation>
    </message>
    <message>
        <source>The sex {entered} differs from the one in the ID number ({from_id}).</source>
        <translation>性别“{entered}”与身份证号中的（{from_id}）不一致。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import roster: {name}</source>
        <translation>导入花名册：{name}</translation>
    </message>
    <message>
        <source>update them with the sheet's values</source>
        <translation>用表中数据更新</translation>
    </message>
    <message>
        <source>skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Students already on the roster:</source>
        <translation>已在花名册中的学生：</translation>
    </message>
    <message>
        <source>School, when the sheet has no school column:</source>
        <translation>表中没有“学校”一栏时，学校为：</translation>
    </message>
    <message>
        <source>Students already on the roster</source>
        <translation>已在花名册中的学生</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Update the selected</source>
        <translation>所选行：更新</translation>
    </message>
    <message>
        <source>Skip the selected</source>
        <translation>所选行：跳过</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存被拒绝的行…</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>正在读取 {name}</translation>
    </message>
    <message>
        <source>Checking again…</source>
        <translation>正在重新检查……</translation>
    </message>
    <message>
        <source>Checking {name}</source>
        <translation>正在检查 {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{new}&lt;/b&gt; new · &lt;b&gt;{updated}&lt;/b&gt; to update · {unchanged} unchanged · {skipped} skipped · &lt;span style='color:#c62828'&gt;&lt;b&gt;{rejected}&lt;/b&gt; rejected&lt;/span&gt; · {warned} with warnings · {households} new households</source>
        <translation>新增 &lt;b&gt;{new}&lt;/b&gt; 名 · 更新 &lt;b&gt;{updated}&lt;/b&gt; 名 · 未变 {unchanged} 名 · 跳过 {skipped} 行 · &lt;span style='color:#c62828'&gt;拒绝 &lt;b&gt;{rejected}&lt;/b&gt; 行&lt;/span&gt; · {warned} 行有警告 · 新建 {households} 户</translation>
    </message>
    <message>
        <source>Select rows of students who are already on the roster (or earlier in the sheet).</source>
        <translation>请选择已在花名册中（或表中前面已出现）的学生所在的行。</translation>
    </message>
    <message>
        <source>Already known: {who}</source>
        <translation>已有：{who}</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>{n} rejected rows saved to {path}, with the reason for each.</source>
        <translation>已把 {n} 个被拒绝的行连同原因保存到 {path}。</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>正在导入 {name}</translation>
    </message>
    <message>
        <source>Imported from {name}: {new} new students, {updated} updated, {households} new households.</source>
        <translation>已从 {name} 导入：新增 {new} 名学生，更新 {updated} 名，新建 {households} 户。</translation>
    </message>
</context>
<context>
    <name>IndicatorCard</name>
    <message>
        <source>{name}: {numerator} ÷ {denominator}
Target {sign} {target}
How: {how}{note}</source>
        <translation>{name}：{numerator} ÷ {denominator}
目标 {sign} {target}
计算方法：{how}{note}</translation>
    </message>
    <message>
        <source>Target from: {source}</source>
        <translation>目标出处：{source}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <source>target {sign}{target}  {state}</source>
        <translation>目标 {sign}{target}  {state}</translation>
    </message>
</context>
<context>
    <name>Indicators</name>
    <message>
        <source>children aged 3–5 on the roster</source>
        <extracomment>Checks that take a register child out of the village's count: dead, moved away, counted twice, or living (and counted) where the family went.</extracomment>
        <translation>按花名册上3至5周岁儿童计</translation>
    </message>
    <message>
        <source>preschool-age children entered for {n} villages</source>
        <translation>按 {n} 个村填报的学前适龄儿童数计</translation>
    </message>
    <message>
        <source>children on the household register of {n} villages</source>
        <translation>{n} 个村按户籍名单上的儿童数</translation>
    </message>
    <message>
        <source>; elsewhere {how}</source>
        <translation>；其余：{how}</translation>
    </message>
    <message>
        <source>; elsewhere the roster's</source>
        <translation>；其余按花名册</translation>
    </message>
    <message>
        <source>lifted households {a} of {n}, monitored {b} of {m}</source>
        <translation>脱贫户 {n} 人中 {a} 人，监测对象 {m} 人中 {b} 人</translation>
    </message>
    <message>
        <source>{year}: {graduates} graduates; {entrants} entered, {came} transferred in, {went} transferred out</source>
        <translation>{year}：毕业 {graduates} 人；入学 {entrants} 人，转入 {came} 人，转出 {went} 人</translation>
    </message>
    <message>
        <source>{term} has not begun yet.</source>
        <extracomment>How each indicator is computed, in the words printed beside it; its name, target and the target's source are ``rates.TARGETS``'s. Each indicator: its name, default target, whether the target is a floor, and how it is computed.</extracomment>
        <translation>{term}还没有开始。</translation>
    </message>
    <message>
        <source>There is no such school.</source>
        <translation>没有这所学校。</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>全乡镇</translation>
    </message>
    <message>
        <source>Choose a school year such as 2026.</source>
        <translation>请选择学年，例如 2026。</translation>
    </message>
    <message>
        <source>There is no such village.</source>
        <translation>没有这个村。</translation>
    </message>
    <message>
        <source>A village's number of children must be between 0 and 100,000.</source>
        <translation>一个村的儿童数须在 0 到 100,000 之间。</translation>
    </message>
</context>
<context>
    <name>LazyPage</name>
    <message>
        <source>Opening…</source>
        <translation>正在打开…</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Staff member leaves</source>
        <translation>教职工离职或调离</translation>
    </message>
    <message>
        <source>e.g. 调往其他学校, 退休</source>
        <translation>如：调往其他学校、退休</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>教职工</translation>
    </message>
    <message>
        <source>Leaves on</source>
        <translation>离开日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&lt;b&gt;Who takes over each household?&lt;/b&gt;</source>
        <translation>&lt;b&gt;每户由谁接手帮扶？&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(end the pairing)</source>
        <translation>（结束结对）</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>“{text}” is not a month: write it like 2026-09.</source>
        <translation>“{text}”不是月份：请写成 2026-09 这样。</translation>
    </message>
    <message>
        <source>“{text}” is not a period: write a month like 2026-09 or a quarter like 2026-Q3.</source>
        <translation>“{text}”不是期间：请写月份（如 2026-09）或季度（如 2026-Q3）。</translation>
    </message>
    <message>
        <source>There is no programme with the code {code}.</source>
        <translation>没有代码为 {code} 的资助项目。</translation>
    </message>
    <message>
        <source>The programme no longer exists.</source>
        <translation>该资助项目已不存在。</translation>
    </message>
    <message>
        <source>The code is 2 to 16 capital letters or digits, e.g. BYJY.</source>
        <translation>代码为 2 至 16 位大写字母或数字，如 BYJY。</translation>
    </message>
    <message>
        <source>Another programme has the code {code}.</source>
        <translation>已有其他项目使用代码 {code}。</translation>
    </message>
    <message>
        <source>Enter the programme's name.</source>
        <translation>请填写项目名称。</translation>
    </message>
    <message>
        <source>Choose the stage.</source>
        <translation>请选择学段。</translation>
    </message>
    <message>
        <source>Choose who is eligible.</source>
        <translation>请选择资助对象。</translation>
    </message>
    <message>
        <source>The amount must be above zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>Choose per month, per term or per school day.</source>
        <translation>请选择按月、按学期或按在校日发放。</translation>
    </message>
    <message>
        <source>Choose boarders, non-boarders or either.</source>
        <translation>请选择寄宿生、非寄宿生或不限。</translation>
    </message>
    <message>
        <source>Choose grades from 1 to 9.</source>
        <translation>年级请填 1 至 9 的数字。</translation>
    </message>
    <message>
        <source>Unknown categories: {names}.</source>
        <translation>没有这些类别：{names}。</translation>
    </message>
    <message>
        <source>Choose per month, per year or per day.</source>
        <translation>请选择每月、每年或每天的标准。</translation>
    </message>
    <message>
        <source>Name the document the standard comes from.</source>
        <translation>请填写该标准所依据的文件。</translation>
    </message>
    <message>
        <source>Choose paid or fee waived.</source>
        <translation>请选择发放或减免。</translation>
    </message>
    <message>
        <source>Choose the months in which the programme pays.</source>
        <translation>请选择发放的月份。</translation>
    </message>
    <message>
        <source>Only a programme with a hand-kept list has members to choose.</source>
        <translation>只有“指定名单”类项目才需要选择名单。</translation>
    </message>
    <message>
        <source>{name} is no longer active.</source>
        <translation>{name} 已停用。</translation>
    </message>
    <message>
        <source>{name} does not pay in {month} (a school holiday month for it).</source>
        <translation>{name} 在 {month} 不发放（该项目的假期月份）。</translation>
    </message>
    <message>
        <source>{month} has not begun: a month is posted once it has come.</source>
        <translation>{month} 尚未到来：到了当月才能发放。</translation>
    </message>
    <message>
        <source>The ledger entry no longer exists.</source>
        <translation>该台账记录已不存在。</translation>
    </message>
    <message>
        <source>{name} posted this entry, so another member of the leadership must reverse or correct it.</source>
        <translation>这条记录是{name}登记的，须由另一位领导班子成员冲销或更正。</translation>
    </message>
    <message>
        <source>A reversal is not reversed: post the entry again instead.</source>
        <translation>冲销记录不能再冲销：请重新发放。</translation>
    </message>
    <message>
        <source>This entry has been reversed already.</source>
        <translation>这条记录已经冲销过了。</translation>
    </message>
    <message>
        <source>Give the reason for the reversal.</source>
        <translation>请填写冲销原因。</translation>
    </message>
    <message>
        <source>The corrected amount must be above zero.</source>
        <translation>更正后的金额必须大于零。</translation>
    </message>
    <message>
        <source>The batch has been paid: its notice dates stay as they were.</source>
        <translation>该批次已发放，公示日期不能再改。</translation>
    </message>
    <message>
        <source>The notice lasts from 1 to 30 working days.</source>
        <translation>公示期为 1 至 30 个工作日。</translation>
    </message>
    <message>
        <source>The notice ends before it begins.</source>
        <translation>公示结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>The list must be posted for at least {days} working days (weekends and statutory holidays do not count); from {start} to {end} there are {n}: it could end on {earliest} at the earliest.</source>
        <translation>名单须公示至少 {days} 个工作日（周末和法定节假日不计）；{start} 至 {end} 只有 {n} 个工作日，最早可于 {earliest} 结束。</translation>
    </message>
    <message>
        <source>Give the phone number for objections (异议电话): the notice prints it.</source>
        <translation>请填写异议电话：公示表上要印出。</translation>
    </message>
    <message>
        <source>“{phone}” is not a phone number: write a mobile number or a landline with its area code (0812-1234567).</source>
        <translation>“{phone}”不是电话号码：请填写手机号，或带区号的座机号（如 0812-1234567）。</translation>
    </message>
    <message>
        <source>The notice was taken down on {date}: its dates stay as they were.</source>
        <translation>公示已于 {date} 撤下，公示期不能再改。</translation>
    </message>
    <message>
        <source>This notice was already taken down on {date}.</source>
        <translation>该公示已于 {date} 撤下。</translation>
    </message>
    <message>
        <source>Post the list of recipients publicly (公示) first, and record its dates.</source>
        <translation>请先公示受助学生名单，并记录公示日期。</translation>
    </message>
    <message>
        <source>The notice runs until {date}: it can be taken down after that day.</source>
        <translation>公示期到 {date} 为止，此后才能撤下。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期不能晚于今天。</translation>
    </message>
    <message>
        <source>Payment comes after the notice period, which ends on {date}.</source>
        <translation>发放应在公示期结束（{date}）之后。</translation>
    </message>
    <message>
        <source>The payment date is in the future.</source>
        <translation>发放日期晚于今天。</translation>
    </message>
    <message>
        <source>Enter the voucher number (凭证号).</source>
        <translation>请填写凭证号。</translation>
    </message>
    <message>
        <source>The batch no longer exists.</source>
        <translation>该批次已不存在。</translation>
    </message>
    <message>
        <source>{name} pays only where the county is in the programme: turn on the setting {key} if it is.</source>
        <extracomment>Where the school keeps its holidays (the dropout rules' setting): school days for a programme paid per school day.</extracomment>
        <translation>{name}仅在本县属实施范围时发放：如属实施范围，请打开设置 {key}。</translation>
    </message>
    <message>
        <source>From autumn 2025 the 大班 保育教育费 is free for every child in public kindergartens (国办发〔2025〕27号): it is not aid, so it is not posted.</source>
        <translation>自2025年秋季学期起，公办幼儿园大班幼儿一律免除保育教育费（国办发〔2025〕27号），不属于资助，不再录入。</translation>
    </message>
    <message>
        <source>In none of the programme's categories ({names}).</source>
        <extracomment>What a decision reads of a student and their household, as plain columns (no ORM objects: at a county's 100,000 students building them was most of the time, with the GIL held).</extracomment>
        <translation>不属于本项目的任何资助类别（{names}）。</translation>
    </message>
    <message>
        <source>No standard of the programme applies to this student on {day}.</source>
        <translation>{day}时本项目没有适用于该生的资助标准。</translation>
    </message>
    <message>
        <source>The programme's amount is not set: enter it first.</source>
        <translation>本项目尚未填写资助金额，请先填写。</translation>
    </message>
</context>
<context>
    <name>LedgerDialogs</name>
    <message>
        <source>Write the amount in yuan, like 40 or 92.50.</source>
        <translation>请以元为单位填写金额，如 40 或 92.50。</translation>
    </message>
</context>
<context>
    <name>LedgerTab</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>资助项目</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Student's name or pinyin initials</source>
        <translation>学生姓名或拼音首字母</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Total (yuan)</source>
        <translation>合计（元）</translation>
    </message>
    <message>
        <source>A batch is posted, its list of recipients is posted publicly for at least {n} working days (names only: no ID numbers, addresses or phones), then it is paid.</source>
        <translation>每批录入后，受助名单须公示至少 {n} 个工作日（只公示姓名等，不公示身份证号、住址、电话），公示期满后发放。</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>学段</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Choose a programme and a month: who is eligible shows here.</source>
        <translation>请选择资助项目和月份：符合条件的学生会显示在这里。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Taken down on</source>
        <translation>撤下日期</translation>
    </message>
    <message>
        <source>by programme</source>
        <translation>按项目</translation>
    </message>
    <message>
        <source>by school</source>
        <translation>按学校</translation>
    </message>
    <message>
        <source>by village</source>
        <translation>按村</translation>
    </message>
    <message>
        <source>by quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>条数</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Due (yuan)</source>
        <translation>应资助（元）</translation>
    </message>
    <message>
        <source>Eligible students with no entry in</source>
        <translation>符合条件但未资助的学生，期间：</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>every stage</source>
        <translation>各学段</translation>
    </message>
    <message>
        <source>Who is eligible</source>
        <translation>资助对象</translation>
    </message>
    <message>
        <source>by its dated standards</source>
        <translation>按分时段标准</translation>
    </message>
    <message>
        <source>Months it pays</source>
        <translation>发放月份</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Who is on the hand-kept list of the selected programme</source>
        <translation>所选项目的人工名单上有哪些学生</translation>
    </message>
    <message>
        <source>Post a month</source>
        <translation>按月发放</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Coverage gaps</source>
        <translation>覆盖缺口</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>资助项目</translation>
    </message>
    <message>
        <source>Assessment of need</source>
        <translation>困难学生认定</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>全部项目</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
    <message>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <source>Working out who is eligible for {month}…</source>
        <translation>正在计算 {month} 符合条件的学生…</translation>
    </message>
    <message>
        <source>Posting a month is for the {roles}.</source>
        <translation>按月发放由{roles}操作。</translation>
    </message>
    <message>
        <source>There is no active programme to post: add one on the Programmes page.</source>
        <translation>没有可发放的资助项目：请在“资助项目”页添加。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{programme}, {month}&lt;/b&gt; cannot be posted: {reasons}</source>
        <translation>&lt;b&gt;{programme}，{month}&lt;/b&gt;不能发放：{reasons}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{programme}, {month}&lt;/b&gt; is posted already: all {n} eligible students have their entry for {period} ({batches}). Nothing is left to post.</source>
        <translation>&lt;b&gt;{programme}，{month}&lt;/b&gt;已发放：{n} 名符合条件的学生都已记入 {period}（{batches}），没有待发放的学生。</translation>
    </message>
    <message>
        <source>batch {id} posted on {day} by {name}</source>
        <translation>第 {id} 批，{day} 由{name}发放</translation>
    </message>
    <message>
        <source>entries posted one by one</source>
        <translation>逐条记账</translation>
    </message>
    <message>
        <source>&lt;b&gt;{programme}, {month}&lt;/b&gt;: no student is eligible for {period}.</source>
        <translation>&lt;b&gt;{programme}，{month}&lt;/b&gt;：{period} 没有符合条件的学生。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{programme}, {period}&lt;/b&gt;: {n} students to post, {total} yuan in all; {already} eligible students are posted already (posting again posts nothing twice).</source>
        <translation>&lt;b&gt;{programme}，{period}&lt;/b&gt;：待发放 {n} 名学生，共 {total} 元；另有 {already} 名符合条件的学生已发放（重复发放不会重复记账）。</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Select the students to post.</source>
        <translation>请选择要发放的学生。</translation>
    </message>
    <message>
        <source>Posted {period}: {n} students, {total} yuan.</source>
        <translation>已发放 {period}：{n} 名学生，{total} 元。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{n} entries, {total} yuan in all (reversals included).</source>
        <translation>共 {n} 条，合计 {total} 元（含冲销）。</translation>
    </message>
    <message>
        <source>reverses No. {id}: {reason}</source>
        <translation>冲销第 {id} 条：{reason}</translation>
    </message>
    <message>
        <source>replaces No. {id}: {reason}</source>
        <translation>更正第 {id} 条：{reason}</translation>
    </message>
    <message>
        <source>reversed by No. {id}</source>
        <translation>已由第 {id} 条冲销</translation>
    </message>
    <message>
        <source>Export the ledger</source>
        <translation>导出资助台账</translation>
    </message>
    <message>
        <source>Include full ID numbers? Only when the bureau asks for them: the sheet leaves this PC unencrypted.</source>
        <translation>是否包含完整身份证号？仅在教育局要求时选择“是”：导出的表格不加密。</translation>
    </message>
    <message>
        <source>{n} ledger entries written to {path}.</source>
        <translation>已将 {n} 条台账记录写入 {path}。</translation>
    </message>
    <message>
        <source>to be noticed</source>
        <translation>待公示</translation>
    </message>
    <message>
        <source>on notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>to be paid</source>
        <translation>待发放</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Select a batch first.</source>
        <translation>请先选择一个批次。</translation>
    </message>
    <message>
        <source>{n} students written to {path}.</source>
        <translation>已将 {n} 名学生写入 {path}。</translation>
    </message>
    <message>
        <source>Sign-off sheet</source>
        <translation>签领表</translation>
    </message>
    <message>
        <source>Public notice (公示表)</source>
        <translation>公示表</translation>
    </message>
    <message>
        <source>In all: {total} yuan.</source>
        <translation>合计：{total} 元。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{n}&lt;/b&gt; times a student who was eligible and enrolled got nothing: {total} yuan due.</source>
        <translation>符合条件的在读学生有 &lt;b&gt;{n}&lt;/b&gt; 项未得到资助：应资助 {total} 元。</translation>
    </message>
    <message>
        <source>Export coverage gaps</source>
        <translation>导出资助覆盖缺口</translation>
    </message>
    <message>
        <source>{n} gaps written to {path}.</source>
        <translation>已将 {n} 项缺口写入 {path}。</translation>
    </message>
    <message>
        <source>Select a programme whose students are “{rule}” first.</source>
        <translation>请先选择资助对象为“{rule}”的项目。</translation>
    </message>
</context>
<context>
    <name>ListColumns</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Village group</source>
        <translation>组</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Household no.</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主姓名</translation>
    </message>
    <message>
        <source>Head's ID number</source>
        <translation>户主身份证号</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Year lifted</source>
        <translation>脱贫年度</translation>
    </message>
    <message>
        <source>Date identified</source>
        <translation>识别时间</translation>
    </message>
    <message>
        <source>Registry no.</source>
        <translation>全国学籍号</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校名称</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
</context>
<context>
    <name>ListImport</name>
    <message>
        <source>Kept</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Adult, not kept</source>
        <translation>成年人，不导入</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>No header of a {list} was found in {name}: none of its sheets has a row with “姓名” and other column names such as 性别, 公民身份号码 or 与户主关系 in its first {rows} rows.</source>
        <translation>{name} 中找不到{list}的表头：各工作表前 {rows} 行中都没有含“姓名”及性别、公民身份号码、与户主关系等列名的一行。</translation>
    </message>
    <message>
        <source>Checking row {n}…</source>
        <translation>正在检查第 {n} 行……</translation>
    </message>
    <message>
        <source>The file names no village of ours (no 村 column, no address naming one): choose the village the list is for, or the people are kept without a village.</source>
        <translation>文件中没有写明本镇的村（没有“村”列，住址中也没有村名）：请选择名单所属的村，否则人员将不记村。</translation>
    </message>
    <message>
        <source>{column}: {length} characters is too long (at most {limit}).</source>
        <translation>{column}：{length} 个字符太长（最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>姓名为空。</translation>
    </message>
    <message>
        <source>The ID number is masked ({value}); the full number is needed.</source>
        <translation>身份证号被遮挡（{value}），需要完整号码。</translation>
    </message>
    <message>
        <source>The birth date {date} is after today.</source>
        <translation>出生日期 {date} 晚于今天。</translation>
    </message>
    <message>
        <source>Neither a birth date nor an ID number: the person's age cannot be known.</source>
        <translation>既无出生日期也无身份证号：无法知道此人的年龄。</translation>
    </message>
    <message>
        <source>The row names another village ({named}); recorded under the village chosen for the whole list.</source>
        <translation>此行写的是另一个村（{named}），已按为整份名单选择的村记录。</translation>
    </message>
    <message>
        <source>The village “{village}” is not one of the township's villages (Settings → Schools and villages): the person is kept without a village.</source>
        <translation>“{village}”不是本镇的村（设置 → 学校和村）：此人导入但不记村。</translation>
    </message>
    <message>
        <source>{column}: {reason} It is left out.</source>
        <translation>{column}：{reason}未导入此项。</translation>
    </message>
    <message>
        <source>{column}: “{value}” is not 脱贫户 nor a 防止返贫监测对象 (脱贫不稳定户, 边缘易致贫户, 突发严重困难户). Left empty.</source>
        <translation>{column}：“{value}”既不是脱贫户，也不是防止返贫监测对象（脱贫不稳定户、边缘易致贫户、突发严重困难户）。留空。</translation>
    </message>
    <message>
        <source>{column}: “{value}” is not a year. Left empty.</source>
        <translation>{column}：“{value}”不是年份。留空。</translation>
    </message>
    <message>
        <source>The registry number {number} is none of the national forms (G followed by the ID number, L or J followed by a temporary number).</source>
        <translation>学籍号 {number} 不是全国学籍号的格式（G 加身份证号，或 L、J 加临时编号）。</translation>
    </message>
    <message>
        <source>The registry number {number} does not carry the ID number of the row.</source>
        <translation>学籍号 {number} 与此行的身份证号不一致。</translation>
    </message>
    <message>
        <source>The school “{school}” is not one of our schools: the registry export is compared with our own schools only.</source>
        <translation>“{school}”不是本镇的学校：学籍名单只与本镇学校比对。</translation>
    </message>
    <message>
        <source>The file has no school column: choose the school the export is for.</source>
        <translation>文件中没有学校列：请选择名单所属的学校。</translation>
    </message>
    <message>
        <source>The household's category (脱贫户 or a type of 防止返贫监测对象) is not given.</source>
        <translation>没有写明户类别（脱贫户或防止返贫监测对象的类型）。</translation>
    </message>
    <message>
        <source>The same person as row {row}: merged into that row.</source>
        <translation>与第 {row} 行是同一人：已合并到该行。</translation>
    </message>
    <message>
        <source>The same name and birth date as row {row}, neither with an ID number: merged into that row.</source>
        <translation>与第 {row} 行姓名、出生日期相同，且都没有身份证号：已合并到该行。</translation>
    </message>
    <message>
        <source>No one in {name} could be kept: nothing was imported.</source>
        <translation>{name} 中没有可以导入的人：什么也没有导入。</translation>
    </message>
    <message>
        <source>Storing {n} people…</source>
        <translation>正在保存 {n} 人……</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <source>Import a list for comparison: {name}</source>
        <translation>导入比对名单：{name}</translation>
    </message>
    <message>
        <source>As the file says (the whole township)</source>
        <translation>按文件中的村（全镇名单）</translation>
    </message>
    <message>
        <source>As the file says</source>
        <translation>按文件中的学校</translation>
    </message>
    <message>
        <source>e.g. 平地派出所, 波西村村委会, 学籍系统</source>
        <translation>如：平地派出所、波西村村委会、学籍系统</translation>
    </message>
    <message>
        <source>Kind of list:</source>
        <translation>名单种类：</translation>
    </message>
    <message>
        <source>Village:</source>
        <translation>村：</translation>
    </message>
    <message>
        <source>School, when the file has no school column:</source>
        <translation>文件没有学校列时的学校：</translation>
    </message>
    <message>
        <source>Received from:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>接收日期：</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}……</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Reading {name}</source>
        <translation>读取 {name}</translation>
    </message>
    <message>
        <source>Checking again…</source>
        <translation>正在重新检查……</translation>
    </message>
    <message>
        <source>Checking {name}</source>
        <translation>检查 {name}</translation>
    </message>
    <message>
        <source>the whole township</source>
        <translation>全镇</translation>
    </message>
    <message>
        <source>{list} of {place}: &lt;b&gt;{people}&lt;/b&gt; people kept, of whom &lt;b&gt;{children}&lt;/b&gt; children · {merged} listed twice (merged) · {dropped} other adults left out · &lt;span style='color:#c62828'&gt;&lt;b&gt;{rejected}&lt;/b&gt; rejected&lt;/span&gt; · {warned} with warnings</source>
        <translation>{place}{list}：导入 &lt;b&gt;{people}&lt;/b&gt; 人，其中儿童 &lt;b&gt;{children}&lt;/b&gt; 人 · 重复 {merged} 人（已合并）· 其他成年人 {dropped} 人不导入 · &lt;span style='color:#c62828'&gt;拒绝 &lt;b&gt;{rejected}&lt;/b&gt; 行&lt;/span&gt; · {warned} 行有警告</translation>
    </message>
    <message>
        <source>Say whom the list came from first.</source>
        <translation>请先填写名单来源。</translation>
    </message>
    <message>
        <source>Importing {name}</source>
        <translation>正在导入 {name}</translation>
    </message>
    <message>
        <source>{list} imported from {name}: {people} people, of whom {children} children.</source>
        <translation>已从 {name} 导入{list}：{people} 人，其中儿童 {children} 人。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Student roster</source>
        <translation>学生花名册</translation>
    </message>
    <message>
        <source>Household pairing</source>
        <translation>结对帮扶</translation>
    </message>
    <message>
        <source>Subsidy ledger</source>
        <translation>资助台账</translation>
    </message>
    <message>
        <source>Dropout cases</source>
        <translation>控辍保学</translation>
    </message>
    <message>
        <source>Read-only view of the backup {file}: nothing here can be changed.</source>
        <translation>只读查看备份 {file}：这里的内容都不能修改。</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Showing {shown} of {total} students</source>
        <translation>显示 {shown} 名，共 {total} 名学生</translation>
    </message>
    <message>
        <source>{n} gaps in the pairing: households without a helper, helpers off quota or gone, visits overdue</source>
        <translation>结对帮扶有 {n} 处缺口：未结对的户、名额不符或已离开的帮扶人、逾期未走访</translation>
    </message>
    <message>
        <source>{n} times this quarter an eligible student got no aid</source>
        <translation>本季度有 {n} 项符合条件的学生未得到资助</translation>
    </message>
    <message>
        <source>{to_open} absences waiting for a case, {due} cases ready for the urging notice, {expired} notice deadlines passed</source>
        <translation>{to_open} 名学生缺课待建档，{due} 件档案应发敦促入学通知书，{expired} 份通知书已逾期</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>操作员：{name}</translation>
    </message>
    <message>
        <source>SchoolAid</source>
        <translation>校助</translation>
    </message>
    <message>
        <source>READ-ONLY: backup {file}</source>
        <translation>只读：备份 {file}</translation>
    </message>
    <message>
        <source>Not for your role</source>
        <translation>不在您的角色范围内</translation>
    </message>
    <message>
        <source>“{action}” is not part of your role ({role}): ask a {allowed}.</source>
        <translation>“{action}”不在您的角色（{role}）范围内：请找{allowed}。</translation>
    </message>
    <message>
        <source>person signed in</source>
        <translation>已登录的人</translation>
    </message>
    <message>
        <source>Sign out when idle</source>
        <translation>闲置自动锁定</translation>
    </message>
    <message>
        <source>Lock the window after this many minutes without use (0: never):</source>
        <translation>窗口闲置多少分钟后锁定（0 表示从不）：</translation>
    </message>
    <message>
        <source>SchoolAid was left unused for {n} minutes: sign in again.</source>
        <translation>校助已闲置 {n} 分钟：请重新登录。</translation>
    </message>
    <message>
        <source>Import a list for comparison</source>
        <translation>导入比对名单</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>名单 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Quarterly summary</source>
        <translation>季度工作汇总</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>控辍保学月报</translation>
    </message>
    <message>
        <source>Pairing register</source>
        <translation>结对帮扶花名册</translation>
    </message>
    <message>
        <source>送教上门 register</source>
        <translation>送教上门登记表</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The new language is used the next time SchoolAid starts.</source>
        <translation>新的语言将在下次启动校助时生效。</translation>
    </message>
    <message>
        <source>About SchoolAid</source>
        <translation>关于校助</translation>
    </message>
    <message>
        <source>&lt;h3&gt;SchoolAid {version}&lt;/h3&gt;&lt;p&gt;Student roster, household pairing, subsidy ledger and dropout case files for a township central school. Works without a network; your data stays on this PC.&lt;/p&gt;&lt;p&gt;Fonts: WenQuanYi Micro Hei (Apache 2.0), LXGW WenKai (SIL OFL 1.1).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;校助 {version}&lt;/h3&gt;&lt;p&gt;乡镇中心校的学生花名册、结对帮扶、资助台账和控辍保学档案。无需联网，数据只保存在本机。&lt;/p&gt;&lt;p&gt;字体：文泉驿微米黑（Apache 2.0）、霞鹜文楷（SIL OFL 1.1）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>User manual</source>
        <translation>用户手册</translation>
    </message>
    <message>
        <source>The user manual is not installed with this copy of SchoolAid (it should be at {path}). Ask whoever installed the program for the package that includes it.</source>
        <translation>这份校助没有附带用户手册（应在 {path}）。请向安装本程序的人索取包含用户手册的安装包。</translation>
    </message>
    <message>
        <source>No program on this PC could open the manual. Open this file in a web browser: {path}</source>
        <translation>这台电脑上没有能打开用户手册的程序。请用浏览器打开这个文件：{path}</translation>
    </message>
    <message>
        <source>The database is now encrypted.</source>
        <translation>数据库已加密。</translation>
    </message>
    <message>
        <source>These accounts need a new password before they can sign in: {names} (Settings → Accounts → New password).</source>
        <translation>以下账号需要管理员重设密码后才能登录：{names}（设置 → 账号管理 → 设新密码）。</translation>
    </message>
</context>
<context>
    <name>MembersDialog</name>
    <message>
        <source>The list of {name}</source>
        <translation>{name}名单</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Add a student…</source>
        <translation>添加学生…</translation>
    </message>
    <message>
        <source>Take off the list</source>
        <translation>移出名单</translation>
    </message>
    <message>
        <source>e.g. 家庭突发重大疾病，经校务会研究纳入</source>
        <translation>如：家庭突发重大疾病，经校务会研究纳入</translation>
    </message>
    <message>
        <source>Why (kept with the change)</source>
        <translation>原因（随本次修改记录）</translation>
    </message>
    <message>
        <source>{n} students on the list.</source>
        <translation>名单上共 {n} 名学生。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Nothing was saved:</source>
        <translation>没有保存：</translation>
    </message>
    <message>
        <source>SchoolAid</source>
        <translation>校助</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>请核对</translation>
    </message>
    <message>
        <source>Please check before saving:</source>
        <translation>保存前请核对：</translation>
    </message>
    <message>
        <source>Checked, save anyway</source>
        <translation>已核对，仍然保存</translation>
    </message>
    <message>
        <source>Go back and correct</source>
        <translation>返回修改</translation>
    </message>
</context>
<context>
    <name>MoveCaseDialog</name>
    <message>
        <source>Close or move the case</source>
        <translation>办结或转处理</translation>
    </message>
    <message>
        <source>The school the child now attends</source>
        <translation>学生现就读的学校</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>No. {id}: {name} — now “{status}”</source>
        <translation>第 {id} 号：{name}——现为“{status}”</translation>
    </message>
    <message>
        <source>New state</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Back at school on</source>
        <translation>返校日期</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>转入学校</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <source>This case is closed: it moves no further.</source>
        <translation>档案已办结，不能再转处理。</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <source>New password for {name}</source>
        <translation>为 {name} 设置新密码</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再输一次密码：</translation>
    </message>
    <message>
        <source>Tell the person the new password; they can change it after signing in.</source>
        <translation>请把新密码告诉本人；登录后可以自己修改。</translation>
    </message>
</context>
<context>
    <name>NextStepDialog</name>
    <message>
        <source>Next step — case No. {id} {name}</source>
        <translation>下一步 — 案件 {id} {name}</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Record the proof of service…</source>
        <translation>登记送达回证…</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>served {date} ({manner})</source>
        <translation>{date}送达（{manner}）</translation>
    </message>
    <message>
        <source>&lt;span style='color:#c62828'&gt;not yet served&lt;/span&gt;</source>
        <translation>&lt;span style='color:#c62828'&gt;尚未送达&lt;/span&gt;</translation>
    </message>
    <message>
        <source>, period to {date}</source>
        <translation>，期限至 {date}</translation>
    </message>
    <message>
        <source>{title} {number}: issued {date}{deadline}; {served}.</source>
        <translation>{title}（{number}）：{date}印发{deadline}；{served}。</translation>
    </message>
    <message>
        <source>No urging notice is issued on this case.</source>
        <translation>本案件尚未发出敦促入学通知书。</translation>
    </message>
    <message>
        <source>Next: the {step}, from {date}.</source>
        <translation>下一步：{step}，自 {date} 起。</translation>
    </message>
    <message>
        <source>Issue now: {title}</source>
        <translation>现在印发：{title}</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>Public notice dates</source>
        <translation>公示日期</translation>
    </message>
    <message>
        <source>e.g. 0812-1234567</source>
        <translation>如 0812-1234567</translation>
    </message>
    <message>
        <source>Posted publicly from</source>
        <translation>公示开始</translation>
    </message>
    <message>
        <source>until</source>
        <translation>公示结束</translation>
    </message>
    <message>
        <source>Phone for objections</source>
        <translation>异议电话</translation>
    </message>
    <message>
        <source>The list of recipients is posted for at least {n} working days before payment (weekends and statutory holidays do not count), with a phone number for objections.</source>
        <translation>发放前，受助学生名单至少公示 {n} 个工作日（周末和法定节假日不计），并公布异议电话。</translation>
    </message>
    <message>
        <source>Enrollment-urging notice</source>
        <translation>敦促入学通知书</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>No. {id}: {name}, {school} {grade}</source>
        <translation>第 {id} 号：{name}，{school} {grade}</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发文日期</translation>
    </message>
    <message>
        <source>Back at school by</source>
        <translation>限期返校日期</translation>
    </message>
    <message>
        <source>Addressed to (guardian)</source>
        <translation>送达监护人</translation>
    </message>
    <message>
        <source>The notice gets the next number of the year, like {example}.</source>
        <translation>通知书按年度顺序编号，例如 {example}。</translation>
    </message>
</context>
<context>
    <name>NoticeDownDialog</name>
    <message>
        <source>End of the public notice</source>
        <translation>公示结束</translation>
    </message>
    <message>
        <source>Taken down on</source>
        <translation>撤下日期</translation>
    </message>
    <message>
        <source>The day after the notice ends at the earliest.</source>
        <translation>最早为公示期满的次日。</translation>
    </message>
</context>
<context>
    <name>OpeningSignInDialog</name>
    <message>
        <source>Forgot the password? Use the recovery key…</source>
        <translation>忘记密码？用恢复密钥…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>正在加密数据库…</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A few seconds left</source>
        <translation>还剩几秒</translation>
    </message>
    <message>
        <source>About {n} seconds left</source>
        <translation>大约还剩 {n} 秒</translation>
    </message>
    <message>
        <source>About {n} minutes left</source>
        <translation>大约还剩 {n} 分钟</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Who is working?</source>
        <translation>谁在操作？</translation>
    </message>
    <message>
        <source>Choose your name, or type it. Every change you make is recorded under this name.</source>
        <translation>请选择或输入您的姓名。您所做的每一项修改都会以这个姓名记录。</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <source>Pair a household</source>
        <translation>结对帮扶户</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village and group</source>
        <translation>村组</translation>
    </message>
    <message>
        <source>Search all lifted and monitored households by the head's name</source>
        <translation>按户主姓名搜索所有脱贫户和监测对象</translation>
    </message>
    <message>
        <source>Household category</source>
        <translation>家庭类别</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>帮扶人</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <source>Paired from</source>
        <translation>结对日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>All lifted and monitored households whose head's name contains the text.</source>
        <translation>户主姓名含有所输入文字的脱贫户和监测对象。</translation>
    </message>
    <message>
        <source>Households still without a helper, those of the helper's village first.</source>
        <translation>尚无帮扶人的户，帮扶人所在村的排在前面。</translation>
    </message>
</context>
<context>
    <name>Pairing</name>
    <message>
        <source>The number of days must be between 1 and 365.</source>
        <translation>天数应在 1 到 365 之间。</translation>
    </message>
    <message>
        <source>Choose a staff member who is still at the school.</source>
        <translation>请选择仍在校的教职工。</translation>
    </message>
    <message>
        <source>Choose the household.</source>
        <translation>请选择户。</translation>
    </message>
    <message>
        <source>The household of {head} is neither a 脱贫户 nor a 防止返贫监测对象 at risk: it is not paired.</source>
        <translation>户主为 {head} 的这一户既不是脱贫户，也不是风险未消除的防止返贫监测对象，不需要结对。</translation>
    </message>
    <message>
        <source>The start date is in the future.</source>
        <translation>开始日期晚于今天。</translation>
    </message>
    <message>
        <source>The household of {head} is already paired with {staff}. End that pairing or hand it over first.</source>
        <translation>户主为 {head} 的这一户已由 {staff} 帮扶。请先结束或移交原结对。</translation>
    </message>
    <message>
        <source>This pairing has already ended.</source>
        <translation>这个结对已经结束。</translation>
    </message>
    <message>
        <source>The end date is before the start date ({date}).</source>
        <translation>结束日期早于结对日期（{date}）。</translation>
    </message>
    <message>
        <source>Say why the pairing ends.</source>
        <translation>请填写结束结对的原因。</translation>
    </message>
    <message>
        <source>The staff member no longer exists.</source>
        <translation>该教职工已不存在。</translation>
    </message>
    <message>
        <source>Hand the household over to someone else.</source>
        <translation>请移交给另一位教职工。</translation>
    </message>
    <message>
        <source>Handed over to {name}: {reason}</source>
        <translation>移交给 {name}：{reason}</translation>
    </message>
    <message>
        <source>Handed over to {name}</source>
        <translation>移交给 {name}</translation>
    </message>
    <message>
        <source>The pairing no longer exists.</source>
        <translation>该结对已不存在。</translation>
    </message>
</context>
<context>
    <name>PairingExport</name>
    <message>
        <source>Visits of {name}…</source>
        <translation>正在写入{name}的走访记录…</translation>
    </message>
</context>
<context>
    <name>PairingTab</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gaps:&lt;/b&gt;</source>
        <translation>&lt;b&gt;缺口：&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Visit at least every</source>
        <translation>走访间隔不超过</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>帮扶人</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>帮扶户数</translation>
    </message>
    <message>
        <source>Fewer households than the plan asks</source>
        <translation>少于方案要求的户数</translation>
    </message>
    <message>
        <source>More households than the plan allows</source>
        <translation>多于方案规定的户数</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Village and group</source>
        <translation>村组</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访次数</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Show ended pairings</source>
        <translation>显示已结束的结对</translation>
    </message>
    <message>
        <source>Helpers (households against the plan's quota)</source>
        <translation>帮扶人（帮扶户数 / 方案名额）</translation>
    </message>
    <message>
        <source>Households of the selected helper</source>
        <translation>所选帮扶人的帮扶户</translation>
    </message>
    <message>
        <source>Helper who left</source>
        <translation>已离开的帮扶人</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Household category</source>
        <translation>家庭类别</translation>
    </message>
    <message>
        <source>Households to help without a helper</source>
        <translation>尚无帮扶人的需帮扶户</translation>
    </message>
    <message>
        <source>Pairs whose helper has left</source>
        <translation>帮扶人已离开的结对</translation>
    </message>
    <message>
        <source>Pairs with no recent visit</source>
        <translation>近期未走访的结对</translation>
    </message>
    <message>
        <source>Helpers over or under the quota</source>
        <translation>名额不符的帮扶人</translation>
    </message>
    <message>
        <source>Main labourers</source>
        <translation>主要劳动力</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Practical skills learned</source>
        <translation>掌握的实用技术</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Only households with no skilled labourer</source>
        <translation>只看劳动力没有实用技术的户</translation>
    </message>
    <message>
        <source>Double-click a household to record its labourers and their skills.</source>
        <translation>双击一户，可登记其劳动力和实用技术。</translation>
    </message>
    <message>
        <source>Helping school</source>
        <translation>帮扶学校</translation>
    </message>
    <message>
        <source>Paired school</source>
        <translation>结对学校</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>帮扶目标</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>活动次数</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>做了什么</translation>
    </message>
    <message>
        <source>Who took part</source>
        <translation>参加人员</translation>
    </message>
    <message>
        <source>The central school's party branch pairs one or two weak schools</source>
        <translation>中心校党支部结对帮扶 1—2 所薄弱学校</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>Helpers and households</source>
        <translation>帮扶人与帮扶户</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>Visit log</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Labourers' skills</source>
        <translation>劳动力技能</translation>
    </message>
    <message>
        <source>School pairing</source>
        <translation>校际结对</translation>
    </message>
    <message>
        <source>Visit saved.</source>
        <translation>走访已保存。</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{n} households without a helper</source>
        <translation>{n} 户未结对</translation>
    </message>
    <message>
        <source>{n} helpers off quota</source>
        <translation>{n} 人名额不符</translation>
    </message>
    <message>
        <source>{n} helpers who left</source>
        <translation>{n} 位帮扶人已离开</translation>
    </message>
    <message>
        <source>{n} not visited for {days} days</source>
        <translation>{n} 对超过 {days} 天未走访</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Select an active pairing first.</source>
        <translation>请先选择一个未结束的结对。</translation>
    </message>
    <message>
        <source>{without} of {total} lifted and monitored households have no main labourer with a practical skill (the plan: one or two skills for one labourer in every household it helps).</source>
        <translation>{total} 户脱贫户和监测对象中，有 {without} 户的主要劳动力没有掌握实用技术（方案要求：每户帮扶对象有一个主要劳动力掌握一至两门实用技术）。</translation>
    </message>
    <message>
        <source>Select a paired school first.</source>
        <translation>请先选择一所结对学校。</translation>
    </message>
    <message>
        <source>Select a pairing still under way first.</source>
        <translation>请先选择一个尚在进行的结对。</translation>
    </message>
    <message>
        <source>The pairing with {school} has ended.</source>
        <translation>与{school}的结对已结束。</translation>
    </message>
    <message>
        <source>Pairing register</source>
        <translation>结对帮扶花名册</translation>
    </message>
    <message>
        <source>Pairing register of {n} pairs written to {path}.</source>
        <translation>已将 {n} 对结对写入结对帮扶花名册 {path}。</translation>
    </message>
    <message>
        <source>Visit record sheets</source>
        <translation>走访记录表</translation>
    </message>
    <message>
        <source>Visit record sheets of {n} helpers written to {path}.</source>
        <translation>已将 {n} 位帮扶人的走访记录表写入 {path}。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Record the payment</source>
        <translation>记录发放</translation>
    </message>
    <message>
        <source>Paid (or waived) on</source>
        <translation>发放（减免）日期</translation>
    </message>
    <message>
        <source>Voucher no.</source>
        <translation>凭证号</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>{n} pages</source>
        <extracomment>Room the window's title bar and frame take outside the dialog's own area.</extracomment>
        <translation>共 {n} 页</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The printer could not be started. Check that it is on and connected, or save the PDF and print it from another PC.</source>
        <translation>打印机无法启动。请检查打印机是否开机并已连接，或者把 PDF 存下来到别的电脑上打印。</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Quarter {n}</source>
        <translation>第 {n} 季度</translation>
    </message>
    <message>
        <source>Month {n}</source>
        <translation>{n} 月</translation>
    </message>
    <message>
        <source>Autumn term (September to January)</source>
        <translation>秋季学期（9月至次年1月）</translation>
    </message>
    <message>
        <source>Spring term (February to August)</source>
        <translation>春季学期（2月至8月）</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>学期</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>aid officer</source>
        <translation>资助专干</translation>
    </message>
    <message>
        <source>principal or leadership</source>
        <translation>校长/班子成员</translation>
    </message>
    <message>
        <source>class teacher or teacher</source>
        <translation>班主任/教师</translation>
    </message>
    <message>
        <source>township viewer</source>
        <translation>乡镇查看</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>管理账号</translation>
    </message>
    <message>
        <source>change settings, schools and villages</source>
        <translation>修改设置、学校和村</translation>
    </message>
    <message>
        <source>view the records</source>
        <translation>查看记录</translation>
    </message>
    <message>
        <source>view one's own classes</source>
        <translation>查看本人所带班级</translation>
    </message>
    <message>
        <source>see full ID numbers</source>
        <translation>查看完整身份证号</translation>
    </message>
    <message>
        <source>view the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>change the roster and households</source>
        <translation>修改花名册和家庭信息</translation>
    </message>
    <message>
        <source>change staff and pairings</source>
        <translation>修改教职工和结对</translation>
    </message>
    <message>
        <source>log home visits</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>post subsidies to the ledger</source>
        <translation>登记资助台账</translation>
    </message>
    <message>
        <source>reverse or correct ledger entries</source>
        <translation>冲销或更正台账记录</translation>
    </message>
    <message>
        <source>record absences</source>
        <translation>登记缺课</translation>
    </message>
    <message>
        <source>log persuasion attempts</source>
        <translation>登记劝返工作</translation>
    </message>
    <message>
        <source>open and close dropout cases</source>
        <translation>建立和结束辍学案件</translation>
    </message>
    <message>
        <source>issue enrollment-urging notices</source>
        <translation>签发敦促入学通知书</translation>
    </message>
    <message>
        <source>export or print personal data</source>
        <translation>导出或打印个人信息</translation>
    </message>
    <message>
        <source>export and restore backups</source>
        <translation>导出和恢复备份</translation>
    </message>
    <message>
        <source>Sign in first: only a signed-in person can {what}.</source>
        <translation>请先登录：只有登录的人才能{what}。</translation>
    </message>
    <message>
        <source>{name} ({role}) may not {what}: ask a {allowed}.</source>
        <translation>{name}（{role}）不能{what}：请找{allowed}。</translation>
    </message>
    <message>
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <source>{who} is not in one of {name}'s classes: a class teacher can {what} only for their own classes.</source>
        <translation>{who} 不在{name}所带的班级：班主任只能为本班学生{what}。</translation>
    </message>
</context>
<context>
    <name>PlacementFields</name>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Placed on return</source>
        <translation>返校安置</translation>
    </message>
    <message>
        <source>Grade joined (插班)</source>
        <translation>插班年级</translation>
    </message>
</context>
<context>
    <name>PlacesDialog</name>
    <message>
        <source>Schools and villages</source>
        <translation>学校和村</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Poor village</source>
        <translation>贫困村</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>In village</source>
        <translation>所在村</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已撤并</translation>
    </message>
    <message>
        <source>Add village…</source>
        <translation>添加村…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Add school…</source>
        <translation>添加学校…</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Schools</source>
        <translation>学校</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Plan for the child (一人一案)</source>
        <translation>一人一案</translation>
    </message>
    <message>
        <source>e.g. 波西村委会 张主任</source>
        <translation>如：波西村委会 张主任</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>No. {id}: {name} ({school} {grade})</source>
        <translation>第 {id} 号：{name}（{school} {grade}）</translation>
    </message>
    <message>
        <source>School leader responsible</source>
        <translation>包保校领导</translation>
    </message>
    <message>
        <source>Teacher responsible</source>
        <translation>包保教师</translation>
    </message>
    <message>
        <source>Village cadre responsible</source>
        <translation>包保村干部</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>辍学原因</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>帮扶措施</translation>
    </message>
    <message>
        <source>Each change is kept as a new revision of the plan; the earlier ones stay on the case.</source>
        <translation>每次修改都另存为新版本，原有版本留在档案中。</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The character “{char}” (U+{code:04X}) in {record} is in none of the fonts on this PC, so it cannot be printed. Check the spelling, or write the character another way in that record.</source>
        <translation>{record}中的字“{char}”（U+{code:04X}）在这台电脑的所有字体中都没有，无法打印。请检查这个字是否写对，或在该记录中换一种写法。</translation>
    </message>
    <message>
        <source>The notice no longer exists.</source>
        <translation>该通知书已不存在。</translation>
    </message>
    <message>
        <source>That term has not begun yet.</source>
        <translation>该学期还没有开始。</translation>
    </message>
    <message>
        <source>A month is 1 to 12 of a year from {first}.</source>
        <translation>月份须为 {first} 年以后某年的 1 至 12 月。</translation>
    </message>
    <message>
        <source>That month has not begun yet.</source>
        <translation>该月还没有开始。</translation>
    </message>
    <message>
        <source>There is no school named {name} (the schools: {names}).</source>
        <translation>没有名为 {name} 的学校（现有学校：{names}）。</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>New programme</source>
        <translation>新增资助项目</translation>
    </message>
    <message>
        <source>Edit programme</source>
        <translation>编辑资助项目</translation>
    </message>
    <message>
        <source>Every stage</source>
        <translation>各学段</translation>
    </message>
    <message>
        <source>Compulsory education (primary and junior)</source>
        <translation>义务教育（小学和初中）</translation>
    </message>
    <message>
        <source>every grade; or numbers like 3 (大班) or 7,8,9</source>
        <translation>不填为所有年级；或填数字，如 3（大班）、7,8,9</translation>
    </message>
    <message>
        <source>Boarders or not</source>
        <translation>不限是否寄宿</translation>
    </message>
    <message>
        <source>Boarders only</source>
        <translation>仅寄宿生</translation>
    </message>
    <message>
        <source>Non-boarders only</source>
        <translation>仅非寄宿生</translation>
    </message>
    <message>
        <source>{n} month</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>学段</translation>
    </message>
    <message>
        <source>Who is eligible</source>
        <translation>资助对象</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Boarding</source>
        <translation>寄宿</translation>
    </message>
    <message>
        <source>Categories (any of them; none ticked: no condition)</source>
        <translation>资助类别（符合任一即可；都不勾选则不限）</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>from the programme's dated standards</source>
        <translation>按本项目的分时段资助标准</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>发放周期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Funding source</source>
        <translation>资金来源</translation>
    </message>
    <message>
        <source>Months it pays</source>
        <translation>发放月份</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>{n} of {total} rows written…</source>
        <translation>已写入 {n} 行，共 {total} 行…</translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation>正在保存文件…</translation>
    </message>
</context>
<context>
    <name>PublicityDialog</name>
    <message>
        <source>Public notice (公示)</source>
        <translation>结果公示</translation>
    </message>
    <message>
        <source>Posted from</source>
        <translation>公示开始</translation>
    </message>
    <message>
        <source>until</source>
        <translation>公示结束</translation>
    </message>
    <message>
        <source>Phone for objections</source>
        <translation>异议电话</translation>
    </message>
    <message>
        <source>At least {n} working days (weekends and holidays not counted). The notice shows name, school, grade, class and level only.</source>
        <translation>公示期不少于 {n} 个工作日（周末和节假日不计）。公示只显示姓名、学校、年级、班级和认定等级。</translation>
    </message>
</context>
<context>
    <name>Quarterly</name>
    <message>
        <source>{year} quarter {quarter} has not begun yet.</source>
        <translation>{year} 年第 {quarter} 季度还没有开始。</translation>
    </message>
</context>
<context>
    <name>Rates</name>
    <message>
        <source>There is no indicator called {key}.</source>
        <extracomment>Compulsory education (义务教育): primary and junior secondary. Preschool is never in a dropout rate. The last grade of each compulsory stage: its pupils graduate (grades are numbered on, 1–6 and 7–9). The first grade of each compulsory stage: a pupil who entered in a later one came by transfer. Every indicator's target, with where it comes from. The township may set another (settings ``targets.&lt;key&gt;``, a fraction: 0.002 is 0.2 %).</extracomment>
        <translation>没有名为 {key} 的指标。</translation>
    </message>
    <message>
        <source>A target must be between 0% and 100%.</source>
        <translation>目标值须在 0% 到 100% 之间。</translation>
    </message>
</context>
<context>
    <name>Reconcile</name>
    <message>
        <source>Choose the result of the check: {results}.</source>
        <extracomment>How a study elsewhere was confirmed. The kinds whose 已更正 puts the household's category right on the roster.</extracomment>
        <translation>请选择核查结果：{results}。</translation>
    </message>
    <message>
        <source>Enter who checked (核查人).</source>
        <translation>请填写核查人。</translation>
    </message>
    <message>
        <source>Enter the day of the check (核查日期).</source>
        <translation>请填写核查日期。</translation>
    </message>
    <message>
        <source>The day of the check is in the future.</source>
        <translation>核查日期晚于今天。</translation>
    </message>
    <message>
        <source>Enter the school where the child studies.</source>
        <translation>请填写儿童就读的学校。</translation>
    </message>
    <message>
        <source>Enter where that school is (county or city).</source>
        <translation>请填写该学校所在地（县、市）。</translation>
    </message>
    <message>
        <source>Choose how the study elsewhere was confirmed: 学籍系统, 接收学校证明 or 电话.</source>
        <translation>请选择在外地就读的核实方式：学籍系统、接收学校证明或电话。</translation>
    </message>
    <message>
        <source>Enter with whom it was confirmed by telephone (name and phone).</source>
        <translation>请填写电话核实的对象（姓名和电话）。</translation>
    </message>
    <message>
        <source>Choose the student of ours this child is.</source>
        <translation>请选择该儿童对应的本校学生。</translation>
    </message>
    <message>
        <source>Enter who approved the deferred enrollment.</source>
        <translation>请填写延缓入学的批准单位。</translation>
    </message>
    <message>
        <source>Enter the approval's document number.</source>
        <translation>请填写批准文号。</translation>
    </message>
    <message>
        <source>Enter the day the deferral ends.</source>
        <translation>请填写延缓入学的到期日期。</translation>
    </message>
    <message>
        <source>The deferral ends on or before the day of the check: the child is to start school.</source>
        <translation>延缓入学在核查日期当天或之前已到期：该儿童应当入学。</translation>
    </message>
    <message>
        <source>Choose the school the child is put on the roster of.</source>
        <translation>请选择将儿童登记入花名册的学校。</translation>
    </message>
    <message>
        <source>Choose the grade the child is put in.</source>
        <translation>请选择儿童编入的年级。</translation>
    </message>
    <message>
        <source>The child's sex is not known from an ID number: choose it.</source>
        <translation>无法从身份证号得知儿童性别：请选择。</translation>
    </message>
    <message>
        <source>Found out of school by the check of {kind}.</source>
        <translation>在“{kind}”核查中发现失学。</translation>
    </message>
    <message>
        <source>The child's household is no longer on the roster.</source>
        <translation>该儿童的家庭已不在花名册中。</translation>
    </message>
    <message>
        <source>There is no such difference to check (it may have been settled by a newer list).</source>
        <translation>没有这条待核查的差异（可能已因导入更新的名单而消除）。</translation>
    </message>
</context>
<context>
    <name>RecoverWithKeyDialog</name>
    <message>
        <source>Sign in with the recovery key</source>
        <translation>用恢复密钥登录</translation>
    </message>
    <message>
        <source>The recovery key is on the sheet printed when the data was encrypted, kept by the principal. With it, an administrator's account gets a new password. Type the key as printed (dashes, spaces and small or capital letters do not matter), choose the account and type its new password twice.</source>
        <translation>恢复密钥印在数据加密时打印的那张纸上，由校长保管。用它可以给管理员账号重新设一个密码。请照纸上输入密钥（横线、空格、大小写都不要紧），选择账号，再把新密码输入两遍。</translation>
    </message>
    <message>
        <source>Recovery key:</source>
        <translation>恢复密钥：</translation>
    </message>
    <message>
        <source>Administrator's account:</source>
        <translation>管理员账号：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>再输一遍新密码：</translation>
    </message>
    <message>
        <source>Set the password and sign in</source>
        <translation>设好密码并登录</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一样：请输入两遍相同的密码。</translation>
    </message>
    <message>
        <source>Opening the database with the recovery key…</source>
        <translation>正在用恢复密钥打开数据库…</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Recovery key of {school} {date}.pdf</source>
        <translation>恢复密钥_{school}_{date}.pdf</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>The recovery key</source>
        <extracomment>Monospaced faces for the key: a 0 and an O, a 1 and an I must not be mistaken on the sheet or the screen.</extracomment>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Print the recovery key now&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;请现在打印恢复密钥&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>The data on this PC is now encrypted: without signing in, nobody who takes the PC or copies the database file can read it. Each account's password opens it.&lt;br&gt;&lt;br&gt;If every administrator forgets their password, this recovery key is the only way back to the data: with it an administrator's password can be set anew (the sign-in window's "Forgot the password?"). &lt;b&gt;It is shown only this once.&lt;/b&gt; Print it, give the sheet to the principal to keep in the school's safe, and do not keep it on this PC or send it by phone: whoever has it can read every child's data.</source>
        <translation>这台电脑上的数据现在已经加密：不登录的话，拿走电脑或拷走数据库文件的人都看不到里面的内容。每个账号用自己的密码打开。&lt;br&gt;&lt;br&gt;如果所有管理员都忘了密码，这个恢复密钥是找回数据的唯一办法：用它可以给管理员重新设密码（登录窗口里的“忘记密码？”）。&lt;b&gt;它只显示这一次。&lt;/b&gt;请打印出来，交给校长锁在学校保险柜里；不要存在这台电脑上，也不要用手机发送：拿到它的人能看到所有孩子的信息。</translation>
    </message>
    <message>
        <source>Print the key sheet…</source>
        <translation>打印恢复密钥单…</translation>
    </message>
    <message>
        <source>Save the key sheet as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>I have printed it and given it to the principal to keep safe</source>
        <translation>我已打印并交校长妥善保管</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Print the key and tick the box first: the key is not shown again.</source>
        <translation>请先打印密钥并勾选下面的方框：密钥不会再显示。</translation>
    </message>
    <message>
        <source>The recovery key sheet</source>
        <translation>恢复密钥单</translation>
    </message>
    <message>
        <source>Save the key sheet as PDF</source>
        <translation>将恢复密钥单另存为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReferenceLists</name>
    <message>
        <source>Who the list came from is at most {n} characters long.</source>
        <translation>名单来源最多 {n} 个字。</translation>
    </message>
    <message>
        <source>The day the list was received ({day}) is after today.</source>
        <translation>接收名单的日期（{day}）晚于今天。</translation>
    </message>
    <message>
        <source>That village is not on the list of villages.</source>
        <translation>该村不在本镇的村名单中。</translation>
    </message>
    <message>
        <source>A list of the same kind received on {newer} is already imported; this one was received earlier ({older}) and cannot replace it.</source>
        <translation>已导入 {newer} 接收的同类名单；这份名单接收得更早（{older}），不能替换它。</translation>
    </message>
    <message>
        <source>Whole township</source>
        <translation>全镇</translation>
    </message>
</context>
<context>
    <name>ReportBackModel</name>
    <message>
        <source>Reported back</source>
        <translation>已报到</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>报到日期</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse or correct an entry</source>
        <translation>冲销或更正记录</translation>
    </message>
    <message>
        <source>Post the correct amount in its place</source>
        <translation>同时按正确金额重新发放</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>No. {id}: {student}, {programme} {period}, {amount} yuan</source>
        <translation>第 {id} 条：{student}，{programme}，{period}，{amount} 元</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Correct amount (yuan)</source>
        <translation>正确金额（元）</translation>
    </message>
    <message>
        <source>The entry stays in the ledger; a reversing entry cancels it, and both are kept, linked, for the auditors.</source>
        <translation>原记录保留在台账中，以一条冲销记录抵消；两条记录相互关联，都保留备查。</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Class review of {name}</source>
        <translation>{name}的班级评议</translation>
    </message>
    <message>
        <source>What the review found</source>
        <translation>评议意见</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>评议日期</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Withdraw the assessment of {name}</source>
        <translation>撤销{name}的认定</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>Enter the student's name.</source>
        <translation>请填写学生姓名。</translation>
    </message>
    <message>
        <source>Guardian: {reason}</source>
        <translation>监护人：{reason}</translation>
    </message>
    <message>
        <source>Choose the student's sex.</source>
        <translation>请选择学生性别。</translation>
    </message>
    <message>
        <source>No ID number: the student cannot be matched with the registry or the poverty office's list.</source>
        <translation>没有身份证号：无法与学籍系统或扶贫部门的名单比对。</translation>
    </message>
    <message>
        <source>This ID number already belongs to {name} ({school}). A student is recorded only once: edit that record instead.</source>
        <translation>这个身份证号已属于 {name}（{school}）。同一名学生只登记一次：请编辑那条记录。</translation>
    </message>
    <message>
        <source>Enter the birth date.</source>
        <translation>请填写出生日期。</translation>
    </message>
    <message>
        <source>The birth date is in the future.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <source>Choose the school.</source>
        <translation>请选择学校。</translation>
    </message>
    <message>
        <source>Choose the grade.</source>
        <translation>请选择年级。</translation>
    </message>
    <message>
        <source>A {age}-year-old in {grade} is unusual: check the birth date and the grade.</source>
        <translation>{age} 岁读{grade}不太常见：请核对出生日期和年级。</translation>
    </message>
    <message>
        <source>The household no longer exists.</source>
        <translation>该户已不存在。</translation>
    </message>
    <message>
        <source>The phone number {phone} does not look like a mobile (11 digits) or a landline.</source>
        <translation>电话号码 {phone} 既不像手机号（11 位），也不像固定电话。</translation>
    </message>
    <message>
        <source>The entry date is before the birth date.</source>
        <translation>入学日期早于出生日期。</translation>
    </message>
    <message>
        <source>Disability category {value} is not one of 视力, 听力, 言语, 肢体, 智力, 精神, 多重: choose one from the list.</source>
        <translation>残疾类别“{value}”不是视力、听力、言语、肢体、智力、精神、多重之一：请从列表中选择。</translation>
    </message>
    <message>
        <source>Disability grade {value} is not one of 一级, 二级, 三级, 四级.</source>
        <translation>残疾等级“{value}”不是一级、二级、三级、四级之一。</translation>
    </message>
    <message>
        <source>A disability grade or certificate is entered without the disability category: choose the category, or clear the grade and certificate.</source>
        <translation>填了残疾等级或残疾证号，却没有残疾类别：请选择残疾类别，或清空等级和证号。</translation>
    </message>
    <message>
        <source>The student no longer exists (id {id}).</source>
        <extracomment>The statuses a child placed 送教上门 is brought back from: they are on the roll, taught at home.</extracomment>
        <translation>该学生已不存在（编号 {id}）。</translation>
    </message>
    <message>
        <source>{name} has a disability and placement record: the category cannot be removed here. Change it in the record (right-click the student, 残疾与安置…).</source>
        <translation>{name}已有残疾与安置记录，不能在此清除残疾类别。请在该记录中更改（右键点击该学生 → 残疾与安置…）。</translation>
    </message>
    <message>
        <source>{name} has a disability and placement record, which needs the grade: choose 一级 to 四级.</source>
        <translation>{name}已有残疾与安置记录，记录需要残疾等级：请选择一级至四级。</translation>
    </message>
    <message>
        <source>A student who is “{current}” cannot become “{new}”.</source>
        <translation>学籍状态为“{current}”的学生不能变更为“{new}”。</translation>
    </message>
    <message>
        <source>Give the reason for the change.</source>
        <translation>请填写变更原因。</translation>
    </message>
    <message>
        <source>Say which school the student transferred to.</source>
        <translation>请填写转入学校。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期晚于今天。</translation>
    </message>
    <message>
        <source>The date is before the student's birth date.</source>
        <translation>日期早于学生的出生日期。</translation>
    </message>
    <message>
        <source>The date is before the last status change ({date}).</source>
        <translation>日期早于上一次学籍变更（{date}）。</translation>
    </message>
    <message>
        <source>{name} has a history and cannot be deleted. Change the enrollment status instead.</source>
        <translation>{name} 已有变更记录，不能删除。请改为变更学籍状态。</translation>
    </message>
    <message>
        <source>full ID number shown: {what}</source>
        <translation>显示完整身份证号：{what}</translation>
    </message>
    <message>
        <source>full ID numbers exported: {what}</source>
        <translation>导出完整身份证号：{what}</translation>
    </message>
</context>
<context>
    <name>RosterColumns</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Registry no.</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Guardian's relation</source>
        <translation>与学生关系</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Household category</source>
        <translation>家庭类别</translation>
    </message>
    <message>
        <source>Lifted out of poverty</source>
        <translation>是否脱贫户</translation>
    </message>
    <message>
        <source>Year lifted</source>
        <translation>脱贫年度</translation>
    </message>
    <message>
        <source>Monitored household</source>
        <translation>是否监测对象</translation>
    </message>
    <message>
        <source>Monitoring type</source>
        <translation>监测类型</translation>
    </message>
    <message>
        <source>Minimum living allowance</source>
        <translation>是否低保</translation>
    </message>
    <message>
        <source>Extreme-poverty support</source>
        <translation>是否特困</translation>
    </message>
    <message>
        <source>Left-behind</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Boarder</source>
        <translation>寄宿生</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <source>De facto unsupported</source>
        <translation>事实无人抚养</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Disability grade</source>
        <translation>残疾等级</translation>
    </message>
    <message>
        <source>Disability certificate no.</source>
        <translation>残疾证号</translation>
    </message>
    <message>
        <source>Child of a disabled parent</source>
        <translation>残疾人子女</translation>
    </message>
    <message>
        <source>Child of a martyr</source>
        <translation>烈士子女</translation>
    </message>
    <message>
        <source>Child in difficulty</source>
        <translation>困境儿童</translation>
    </message>
    <message>
        <source>Entry date</source>
        <translation>入学日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RosterExport</name>
    <message>
        <source>Writing students: {n} of {total}…</source>
        <translation>正在写入学生：{n} / {total}……</translation>
    </message>
</context>
<context>
    <name>RosterImport</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>No roster header was found in {name}: none of its sheets has a row with “姓名” and other column names such as 性别, 身份证号 or 年级 in its first {rows} rows.</source>
        <translation>在 {name} 中找不到花名册的表头：各工作表的前 {rows} 行中，都没有一行同时含有“姓名”和“性别”“身份证号”“年级”等列名。</translation>
    </message>
    <message>
        <source>Checking row {n}…</source>
        <translation>正在检查第 {n} 行……</translation>
    </message>
    <message>
        <source>The school “{school}” is not on the list of schools: add it under Settings → Schools and villages, or correct the sheet.</source>
        <translation>学校“{school}”不在学校名单中：请在“设置 → 学校和村”中添加，或改正表格。</translation>
    </message>
    <message>
        <source>The sheet has no school column: choose the school the sheet is for.</source>
        <translation>表中没有“学校”一栏：请选择这张表所属的学校。</translation>
    </message>
    <message>
        <source>{name}, {school}, already on the roster</source>
        <translation>{name}（{school}），已在花名册中</translation>
    </message>
    <message>
        <source>the ID number is masked ({value}) and no single student on the roster has this name, birth date and these digits: write the full number.</source>
        <translation>身份证号被隐去了部分数字（{value}），花名册上没有唯一一名姓名、出生日期和这些数字都相符的学生：请填写完整的身份证号。</translation>
    </message>
    <message>
        <source>{name}, born {date}, ID number {masked}: already on the roster (found by name, birth date and the digits shown; the ID number is left as it is)</source>
        <translation>{name}，{date}出生，身份证号{masked}：已在花名册上（按姓名、出生日期和露出的数字认定，身份证号保持不变）</translation>
    </message>
    <message>
        <source>{name}, born {date}, already on the roster</source>
        <translation>{name}（{date} 出生），已在花名册中</translation>
    </message>
    <message>
        <source>digits are hidden ({value}); not imported, the roster's number is kept.</source>
        <translation>隐去了部分数字（{value}），未导入，保留花名册上的学籍号。</translation>
    </message>
    <message>
        <source>{length} characters is too long (at most {limit}).</source>
        <translation>{length} 个字符太长（最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>姓名为空。</translation>
    </message>
    <message>
        <source> Recorded as no.</source>
        <translation>按“否”记录。</translation>
    </message>
    <message>
        <source>The grade is missing (no 年级 column, and the class does not name one).</source>
        <translation>缺少年级（没有“年级”一栏，班级中也没有写年级）。</translation>
    </message>
    <message>
        <source>“{value}” is not a household category (write 一般户, 脱贫户 or 防止返贫监测对象). Recorded as 一般户.</source>
        <translation>“{value}”不是家庭类别（请写一般户、脱贫户或防止返贫监测对象），按一般户记录。</translation>
    </message>
    <message>
        <source>“{value}” is not a monitoring type (脱贫不稳定户, 边缘易致贫户, 突发严重困难户). Left empty.</source>
        <translation>“{value}”不是监测类型（脱贫不稳定户、边缘易致贫户、突发严重困难户），未填写。</translation>
    </message>
    <message>
        <source>“{value}” is not a year. Left empty.</source>
        <translation>“{value}”不是年份，未填写。</translation>
    </message>
    <message>
        <source>Same ID number as row {row}: this row's values were applied to that student.</source>
        <translation>与第 {row} 行身份证号相同：本行的数据已合并到该学生。</translation>
    </message>
    <message>
        <source>Same ID number as row {row}: this row was skipped.</source>
        <translation>与第 {row} 行身份证号相同：本行已跳过。</translation>
    </message>
    <message>
        <source>The household was not recorded: the sheet gives no {missing}. The household category needs a household; add it in the student's dialog.</source>
        <translation>未登记户信息：表中没有{missing}。家庭类别需要登记在户上，请在学生信息中补充。</translation>
    </message>
    <message>
        <source>The sheet says {sheet}, but the household of {head} on the roster is {recorded}: the import leaves the household as it is; check, and change it in the household dialog.</source>
        <translation>表中写的是{sheet}，但花名册中户主为 {head} 的这一户是{recorded}：导入不修改户信息，请核实，并在户信息中修改。</translation>
    </message>
    <message>
        <source>guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>village that is on the list</source>
        <translation>村名单中的村</translation>
    </message>
    <message>
        <source>Creating households…</source>
        <translation>正在建立户……</translation>
    </message>
    <message>
        <source>Adding students: {n} of {total}…</source>
        <translation>正在添加学生：{n} / {total}……</translation>
    </message>
    <message>
        <source>Updating students: {n} of {total}…</source>
        <translation>正在更新学生：{n} / {total}……</translation>
    </message>
    <message>
        <source>The roster changed since the preview ({detail}). Nothing was imported: preview the file again.</source>
        <translation>预览之后花名册有了变化（{detail}）。没有导入任何数据：请重新预览这个文件。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>{status} · {flag}</source>
        <translation>{status} · {flag}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Grade and class</source>
        <translation>年级班级</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Household category</source>
        <translation>家庭类别</translation>
    </message>
    <message>
        <source>Left-behind</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Boarder</source>
        <translation>寄宿生</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <source>Search: name, pinyin initials (zs) or ID digits</source>
        <translation>搜索：姓名、拼音首字母（如 zs）或身份证号数字</translation>
    </message>
    <message>
        <source>All household categories</source>
        <translation>全部家庭类别</translation>
    </message>
    <message>
        <source>Left-behind</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Boarders</source>
        <translation>寄宿生</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Import students from an Excel or CSV roster</source>
        <translation>从 Excel 或 CSV 花名册导入学生</translation>
    </message>
    <message>
        <source>Export the students shown to Excel</source>
        <translation>把当前显示的学生导出到 Excel</translation>
    </message>
    <message>
        <source>Edit student</source>
        <translation>编辑学生</translation>
    </message>
    <message>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部村</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>全部年级</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Type at least {n} digits to find an ID number.</source>
        <translation>按身份证号查找，请至少输入 {n} 位数字。</translation>
    </message>
    <message>
        <source>Without the right to see full ID numbers, search by the last {n} digits of the ID number only.</source>
        <translation>没有查看完整证件号的权限，只能按证件号后 {n} 位查找。</translation>
    </message>
    <message>
        <source>Not for your role</source>
        <translation>不在您的角色范围内</translation>
    </message>
    <message>
        <source>Your role ({role}) does not include this. Ask the aid officer or the leadership.</source>
        <translation>您的角色（{role}）不包括这项工作。请找资助专干或领导班子。</translation>
    </message>
    <message>
        <source>shown on screen</source>
        <translation>在屏幕上查看</translation>
    </message>
    <message>
        <source>Full ID number</source>
        <translation>完整身份证号</translation>
    </message>
    <message>
        <source>{name}: {number}

This look is recorded in the audit trail.</source>
        <translation>{name}：{number}

这次查看已记入审计记录。</translation>
    </message>
    <message>
        <source>Import roster</source>
        <translation>导入花名册</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>花名册 (*.xlsx *.xls *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{n} students exported to {path}.</source>
        <translation>已将 {n} 名学生导出到 {path}。</translation>
    </message>
    <message>
        <source>Export the poor villages' survey</source>
        <translation>导出贫困村儿童受教育情况调查表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Survey of {n} poor villages written to {path}.</source>
        <translation>已将 {n} 个贫困村的调查表写入 {path}。</translation>
    </message>
    <message>
        <source>Delete student</source>
        <translation>删除学生</translation>
    </message>
    <message>
        <source>Delete {name}? Only a record entered by mistake can be deleted; for a student who left, change the enrollment status instead.</source>
        <translation>删除 {name}？只有误录的记录可以删除；学生离校请改为变更学籍状态。</translation>
    </message>
</context>
<context>
    <name>SafetyCopies</name>
    <message>
        <source>Take a safety copy every 1 to 24 hours.</source>
        <translation>每隔 1 到 24 小时做一次安全副本。</translation>
    </message>
    <message>
        <source>Keep between 2 and 100 safety copies.</source>
        <translation>保留 2 到 100 份安全副本。</translation>
    </message>
</context>
<context>
    <name>SafetyCopyDialog</name>
    <message>
        <source>Restore from a safety copy</source>
        <translation>从安全副本恢复</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>距今</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SchoolAid copies the database at every start and every few hours. Restoring a copy puts the data back as it was then; everything entered since is set aside with the current database (kept as a dated copy beside it), not deleted.</source>
        <translation>校助在每次启动时和每隔几小时复制一次数据库。恢复某份副本就是把数据恢复到当时的样子；此后录入的内容随当前数据库一起另存（当前数据库存为旁边带日期的副本），不会删除。</translation>
    </message>
    <message>
        <source>Restore this copy</source>
        <translation>恢复这份副本</translation>
    </message>
    <message>
        <source>There is no safety copy yet.</source>
        <translation>还没有安全副本。</translation>
    </message>
    <message>
        <source>less than an hour</source>
        <translation>不到一小时</translation>
    </message>
    <message>
        <source>{n} hours</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
</context>
<context>
    <name>SafetyScheduleDialog</name>
    <message>
        <source>Safety copies</source>
        <translation>安全副本</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>A copy of the database is taken at every start and, while SchoolAid is open, every few hours; the oldest copies beyond the number kept are removed.</source>
        <translation>每次启动时、以及校助打开期间每隔几小时复制一次数据库；超过保留份数的最早副本会被删除。</translation>
    </message>
    <message>
        <source>A copy every:</source>
        <translation>间隔：</translation>
    </message>
    <message>
        <source>Copies kept:</source>
        <translation>保留份数：</translation>
    </message>
</context>
<context>
    <name>SchoolDialog</name>
    <message>
        <source>Add school</source>
        <translation>添加学校</translation>
    </message>
    <message>
        <source>Edit school</source>
        <translation>编辑学校</translation>
    </message>
    <message>
        <source>(in the town)</source>
        <translation>（镇上）</translation>
    </message>
    <message>
        <source>Open (uncheck when the school closes or merges)</source>
        <translation>开办中（学校撤销或合并时取消勾选）</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>In village</source>
        <translation>所在村</translation>
    </message>
</context>
<context>
    <name>SchoolPairing</name>
    <message>
        <source>There is no central school to pair from.</source>
        <translation>没有中心校，无法结对。</translation>
    </message>
    <message>
        <source>Choose the village school to pair with.</source>
        <translation>请选择要结对的村小或教学点。</translation>
    </message>
    <message>
        <source>The start date is in the future.</source>
        <translation>开始日期晚于今天。</translation>
    </message>
    <message>
        <source>{school} is already paired.</source>
        <translation>{school} 已经结对。</translation>
    </message>
    <message>
        <source>The plan pairs one or two weak schools; end a pairing before starting a third.</source>
        <translation>方案要求结对 1—2 所薄弱学校；请先结束一个结对，再开始第三个。</translation>
    </message>
    <message>
        <source>The pairing has ended already, or the date is before it began.</source>
        <translation>该结对已经结束，或日期早于结对开始日期。</translation>
    </message>
    <message>
        <source>Choose the kind of activity.</source>
        <translation>请选择活动类型。</translation>
    </message>
    <message>
        <source>Describe what was done.</source>
        <translation>请写明做了什么。</translation>
    </message>
    <message>
        <source>The date must fall between the start of the pairing and today.</source>
        <translation>日期应在结对开始之后、今天之前。</translation>
    </message>
    <message>
        <source>The school pairing no longer exists.</source>
        <translation>该校际结对已不存在。</translation>
    </message>
</context>
<context>
    <name>SchoolPairingDialog</name>
    <message>
        <source>Pair a weak school</source>
        <translation>结对薄弱学校</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>帮扶目标</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Proof of service</source>
        <translation>送达回证</translation>
    </message>
    <message>
        <source>e.g. 村委会 王主任、村民 赵四</source>
        <translation>例如：村委会 王主任、村民 赵四</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>受送达人（签收人）</translation>
    </message>
    <message>
        <source>Manner</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Served by</source>
        <translation>送达人</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>送达地点</translation>
    </message>
    <message>
        <source>Witnesses (left at the home)</source>
        <translation>见证人（留置送达）</translation>
    </message>
    <message>
        <source>Reason given for refusing</source>
        <translation>拒收事由</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Welcome to SchoolAid</source>
        <translation>欢迎使用校助</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Set up your township&lt;/h2&gt;&lt;p&gt;Enter the township, the central school and the village schools it runs. Villages and schools can be added later (Settings → Schools and villages). Just looking around? Load the demo township.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;建立本乡镇的资料&lt;/h2&gt;&lt;p&gt;请填写乡镇、中心校及其管理的村小和教学点。村和学校以后还可以添加（设置 → 学校和村）。只想先看看？请载入示范乡镇。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Your name, recorded with every change</source>
        <translation>您的姓名，每项修改都会记录</translation>
    </message>
    <message>
        <source>e.g. 平地镇</source>
        <translation>如：平地镇</translation>
    </message>
    <message>
        <source>e.g. 平地镇中心校</source>
        <translation>如：平地镇中心校</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Central school</source>
        <translation>中心校</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Poor village</source>
        <translation>贫困村</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>In village</source>
        <translation>所在村</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>村</translation>
    </message>
    <message>
        <source>More rows</source>
        <translation>增加一行</translation>
    </message>
    <message>
        <source>Village schools and teaching points</source>
        <translation>村小和教学点</translation>
    </message>
    <message>
        <source>Load the demo township</source>
        <translation>载入示范乡镇</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>建立</translation>
    </message>
    <message>
        <source>Enter your name first: every change is recorded with the name of the person who made it.</source>
        <translation>请先填写您的姓名：每项修改都会记录操作人的姓名。</translation>
    </message>
    <message>
        <source>Loading the demo township</source>
        <translation>正在载入示范乡镇</translation>
    </message>
</context>
<context>
    <name>SheetImportDialog</name>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}……</translation>
    </message>
    <message>
        <source>Rows that need attention</source>
        <translation>需要注意的行</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>Rows with warnings</source>
        <translation>有警告的行</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was written.</source>
        <translation>导入已取消，没有写入任何数据。</translation>
    </message>
</context>
<context>
    <name>SheetValues</name>
    <message>
        <source>“{value}” is not a date (write it like 2015-03-02).</source>
        <translation>“{value}”不是日期（请写成 2015-03-02 这样）。</translation>
    </message>
    <message>
        <source>“{value}” is not a real date.</source>
        <translation>“{value}”不是有效日期。</translation>
    </message>
    <message>
        <source>“{value}” is neither yes nor no (write 是 or 否).</source>
        <translation>“{value}”既不是“是”也不是“否”（请填“是”或“否”）。</translation>
    </message>
    <message>
        <source>“{value}” is not a sex (write 男 or 女).</source>
        <translation>“{value}”不是性别（请填“男”或“女”）。</translation>
    </message>
    <message>
        <source>“{value}” is not a grade (write 一年级 … 六年级, 小班, 中班 or 大班).</source>
        <translation>“{value}”不是年级（请填一年级至六年级，或小班、中班、大班）。</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Sign in to SchoolAid</source>
        <translation>登录校助</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>Spreadsheet</name>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The file {path} cannot be opened ({detail}).</source>
        <translation>无法打开文件 {path}（{detail}）。</translation>
    </message>
    <message>
        <source>{name} is too large to be a roster ({size} MB, at most {limit} MB): split it into several files, or delete what is not the roster, and import again.</source>
        <translation>{name} 太大，不像是花名册（{size} MB，最多 {limit} MB）：请拆成几个文件，或删去花名册以外的内容，再导入。</translation>
    </message>
    <message>
        <source>{name} is too large to be read on this computer: split it into several files and import again.</source>
        <translation>{name} 太大，这台电脑读不了：请拆成几个文件再导入。</translation>
    </message>
    <message>
        <source>neither an Excel workbook nor a table</source>
        <translation>既不是 Excel 工作簿，也不是表格</translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet SchoolAid can read ({detail}). Save it from Excel or WPS as .xlsx and try again.</source>
        <translation>{name} 不是校助能读取的表格（{detail}）。请在 Excel 或 WPS 中另存为 .xlsx 后再试。</translation>
    </message>
    <message>
        <source>{name} is protected with a password. Open it in Excel or WPS, remove the password (File → Info → Protect Workbook), save, and import again.</source>
        <translation>{name} 设有打开密码。请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿），保存后再导入。</translation>
    </message>
    <message>
        <source>{name} unpacks to far more data than any roster holds (it may be damaged, or built to harm): open it in Excel or WPS, copy the roster to a new workbook, save, and import that.</source>
        <translation>{name} 解压后的数据远超任何花名册（文件可能已损坏，或是恶意构造的）：请在 Excel 或 WPS 中打开，把花名册复制到新的工作簿，保存后导入新文件。</translation>
    </message>
    <message>
        <source>The sheet “{sheet}” of {name} has an unreasonably large range ({range}): copy the data to a new sheet and import again.</source>
        <translation>{name} 的工作表“{sheet}”范围大得不合常理（{range}）：请把数据复制到新的工作表再导入。</translation>
    </message>
    <message>
        <source>a damaged Excel 97–2003 workbook</source>
        <translation>是损坏的 Excel 97–2003 工作簿</translation>
    </message>
    <message>
        <source>{name} is not text in any encoding SchoolAid knows (UTF-8, UTF-16, GBK, Big5): open it in Excel or WPS, save it as .xlsx, and import that.</source>
        <translation>{name} 不是校助认识的任何编码的文本（UTF-8、UTF-16、GBK、Big5）：请在 Excel 或 WPS 中打开，另存为 .xlsx 后导入。</translation>
    </message>
    <message>
        <source>{name} has a field far longer than any roster has (over {limit} characters; often a quotation mark that is never closed): correct it in Excel or WPS and import again.</source>
        <translation>{name} 中有一格内容长得不合常理（超过 {limit} 个字符，常因引号没有配对）：请在 Excel 或 WPS 中改正后再导入。</translation>
    </message>
    <message>
        <source>a web page without a table</source>
        <translation>是没有表格的网页</translation>
    </message>
    <message>
        <source>The table in this file has far more cells than any roster: delete what is not the roster and import again.</source>
        <translation>这个文件中的表格单元格数远超任何花名册：请删去花名册以外的内容再导入。</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <source>Enter the staff member's name.</source>
        <translation>请填写教职工姓名。</translation>
    </message>
    <message>
        <source>Choose the school.</source>
        <translation>请选择学校。</translation>
    </message>
    <message>
        <source>Choose the role.</source>
        <translation>请选择职务。</translation>
    </message>
    <message>
        <source>Choose the sex.</source>
        <translation>请选择性别。</translation>
    </message>
    <message>
        <source>The phone number {phone} does not look like a mobile (11 digits) or a landline.</source>
        <translation>电话号码 {phone} 既不像手机号（11 位），也不像固定电话。</translation>
    </message>
    <message>
        <source>{name} has already left.</source>
        <translation>{name} 已经离开。</translation>
    </message>
    <message>
        <source>Say why the staff member leaves.</source>
        <translation>请填写离开的原因。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期晚于今天。</translation>
    </message>
    <message>
        <source>Say who takes over the households of {heads}, or end those pairings.</source>
        <translation>请指定由谁接手户主为 {heads} 的帮扶户，或结束这些结对。</translation>
    </message>
    <message>
        <source>{name} left: {reason}</source>
        <translation>{name} 离开：{reason}</translation>
    </message>
    <message>
        <source>The staff member no longer exists.</source>
        <translation>该教职工已不存在。</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Add staff member</source>
        <translation>新增教职工</translation>
    </message>
    <message>
        <source>Edit staff member</source>
        <translation>编辑教职工</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change enrollment status</source>
        <translation>变更学籍状态</translation>
    </message>
    <message>
        <source>Transferred to</source>
        <translation>转入学校</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Current status</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The receiving school has confirmed the transfer</source>
        <translation>接收学校已核实转入</translation>
    </message>
    <message>
        <source>No change is possible from this status.</source>
        <translation>该状态不能再变更。</translation>
    </message>
</context>
<context>
    <name>StudentDialog</name>
    <message>
        <source>Add student</source>
        <translation>新增学生</translation>
    </message>
    <message>
        <source>Edit student</source>
        <translation>编辑学生</translation>
    </message>
    <message>
        <source>Take birth date and sex from the ID</source>
        <translation>按身份证号填入出生日期和性别</translation>
    </message>
    <message>
        <source>e.g. 1班</source>
        <translation>如：1班</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>New household…</source>
        <translation>新建户…</translation>
    </message>
    <message>
        <source>e.g. 父亲, 祖母</source>
        <translation>如：父亲、祖母</translation>
    </message>
    <message>
        <source>Left-behind child (留守儿童)</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Boarder (寄宿生)</source>
        <translation>寄宿生</translation>
    </message>
    <message>
        <source>Orphan (孤儿)</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <source>De facto unsupported child (事实无人抚养儿童)</source>
        <translation>事实无人抚养儿童</translation>
    </message>
    <message>
        <source>Child of a disabled parent (残疾人子女)</source>
        <translation>残疾人子女</translation>
    </message>
    <message>
        <source>Child of a martyr (烈士子女)</source>
        <translation>烈士子女</translation>
    </message>
    <message>
        <source>Child in difficulty (困境儿童)</source>
        <translation>困境儿童</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>certificate no. (残疾人证号)</source>
        <translation>残疾人证号</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Registry no.</source>
        <translation>学籍号</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>残疾类别</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Grade and class</source>
        <translation>年级班级</translation>
    </message>
    <message>
        <source>Entry date</source>
        <translation>入学日期</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Guardian is the</source>
        <translation>监护人是</translation>
    </message>
    <message>
        <source>Guardian's phone</source>
        <translation>监护人电话</translation>
    </message>
    <message>
        <source>Enrollment status</source>
        <translation>学籍状态</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Enrolled (new student)</source>
        <translation>在读（新学生）</translation>
    </message>
    <message>
        <source>{status} · {flag}</source>
        <translation>{status} · {flag}</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>学籍变更</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>No font on this PC can show {chars}: check the name, or type the character the household register uses.</source>
        <translation>本机没有能显示“{chars}”的字体：请核对姓名，或改用户口簿上的写法。</translation>
    </message>
    <message>
        <source>Birth date and sex are read from the ID number.</source>
        <translation>出生日期和性别可从身份证号读出。</translation>
    </message>
    <message>
        <source>Valid: born {date}, {sex}, {place}</source>
        <translation>号码有效：{date} 出生，{sex}，{place}</translation>
    </message>
</context>
<context>
    <name>StudentPicker</name>
    <message>
        <source>Choose student</source>
        <translation>选择学生</translation>
    </message>
    <message>
        <source>Name, pinyin initials or the last digits of the ID number</source>
        <translation>姓名、拼音首字母或身份证号后几位</translation>
    </message>
    <message>
        <source>All schools</source>
        <translation>全部学校</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>年级</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>学籍状态</translation>
    </message>
</context>
<context>
    <name>TermStart</name>
    <message>
        <source>A pupil cannot report back in the future.</source>
        <translation>报到日期不能晚于今天。</translation>
    </message>
    <message>
        <source>{date} is not in {term}.</source>
        <translation>{date}不在{term}内。</translation>
    </message>
    <message>
        <source>{name} is not 在读 (“{status}”): only pupils on the roll report back.</source>
        <translation>{name}不是在读学生（“{status}”）：只有在读学生需要报到。</translation>
    </message>
    <message>
        <source>Choose the pupils who reported back.</source>
        <translation>请选择已报到的学生。</translation>
    </message>
    <message>
        <source>A pupil chosen no longer exists.</source>
        <translation>所选学生已不存在。</translation>
    </message>
    <message>
        <source>There is no school named {name}.</source>
        <translation>没有名为{name}的学校。</translation>
    </message>
    <message>
        <source>{school} has no class {name} with pupils on the roll.</source>
        <translation>{school}没有有在读学生的{name}。</translation>
    </message>
</context>
<context>
    <name>TermStartDialog</name>
    <message>
        <source>Term-start check (开学报到) — {term}</source>
        <translation>开学报到 — {term}</translation>
    </message>
    <message>
        <source>Arrows move, Space ticks the selected pupils, a click on the box ticks one. Each tick is saved at once; untick to withdraw a mistaken one.</source>
        <translation>方向键移动，空格键勾选选中的学生，点击方框勾选一人。每次勾选立即保存；勾错了再按一次即撤销（撤销留有记录）。</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Reported back on</source>
        <translation>报到日期</translation>
    </message>
    <message>
        <source>The check runs from {first} to {last}.</source>
        <translation>开学摸排时间：{first} 至 {last}。</translation>
    </message>
    <message>
        <source>Today is outside the check's two weeks ({first} to {last}); ticks are still recorded.</source>
        <translation>今天不在开学摸排的两周内（{first} 至 {last}），勾选仍会记录。</translation>
    </message>
    <message>
        <source>{school} {klass} ({n}/{total})</source>
        <translation>{school} {klass}（{n}/{total}）</translation>
    </message>
    <message>
        <source>No class with pupils on the roll.</source>
        <translation>没有在读学生的班级。</translation>
    </message>
    <message>
        <source>Reported back: {n} of {total}</source>
        <translation>已报到：{total}人中的{n}人</translation>
    </message>
    <message>
        <source>Not yet: {names}</source>
        <translation>尚未报到：{names}</translation>
    </message>
</context>
<context>
    <name>Township</name>
    <message>
        <source>This database is already set up.</source>
        <translation>这个数据库已经建立过了。</translation>
    </message>
    <message>
        <source>Enter the township's name.</source>
        <translation>请填写乡镇名称。</translation>
    </message>
    <message>
        <source>Enter the central school's name.</source>
        <translation>请填写中心校名称。</translation>
    </message>
    <message>
        <source>Enter at least one village: households belong to villages.</source>
        <translation>请至少填写一个村：每户都属于某个村。</translation>
    </message>
    <message>
        <source>School names must differ: {names}.</source>
        <translation>学校名称不能重复：{names}。</translation>
    </message>
    <message>
        <source>Village names must differ: {names}.</source>
        <translation>村名不能重复：{names}。</translation>
    </message>
    <message>
        <source>These villages are not in the village list: {names}.</source>
        <translation>这些村不在村名单中：{names}。</translation>
    </message>
    <message>
        <source>Enter the village's name.</source>
        <translation>请填写村名。</translation>
    </message>
    <message>
        <source>There is already a village called {name}.</source>
        <translation>已经有名为 {name} 的村。</translation>
    </message>
    <message>
        <source>Enter the school's name.</source>
        <translation>请填写学校名称。</translation>
    </message>
    <message>
        <source>Choose the kind of school.</source>
        <translation>请选择学校类型。</translation>
    </message>
    <message>
        <source>There is already a school called {name}.</source>
        <translation>已经有名为 {name} 的学校。</translation>
    </message>
    <message>
        <source>Choose the village.</source>
        <translation>请选择村。</translation>
    </message>
    <message>
        <source>The village no longer exists.</source>
        <translation>该村已不存在。</translation>
    </message>
    <message>
        <source>The school no longer exists.</source>
        <translation>该学校已不存在。</translation>
    </message>
    <message>
        <source>The central school stays the central school.</source>
        <translation>中心校的类型不能更改。</translation>
    </message>
    <message>
        <source>Name at least one backup file.</source>
        <translation>请至少指定一个备份文件。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Confirmed by</source>
        <translation>核实方式</translation>
    </message>
    <message>
        <source>Confirmed with</source>
        <translation>核实对象</translation>
    </message>
    <message>
        <source>Confirmed on</source>
        <translation>核实日期</translation>
    </message>
    <message>
        <source>e.g. the receiving school's registrar 李老师</source>
        <translation>例如接收学校学籍管理员李老师</translation>
    </message>
    <message>
        <source>Transfer or destination</source>
        <translation>转学核实／毕业去向</translation>
    </message>
    <message>
        <source>This is for a student 转出 whose transfer the receiving school has not yet confirmed, or for a graduate. {name} is “{status}”.</source>
        <translation>此项用于转学尚未经接收学校核实的转出学生，或毕业生。{name}目前为“{status}”。</translation>
    </message>
</context>
<context>
    <name>Transfers</name>
    <message>
        <source>Say how the receiving school was confirmed: 学籍系统, 接收学校回执 or 电话.</source>
        <extracomment>What the roster says of a 转出 child whose receiving school is not confirmed. A primary graduate is to be confirmed at a junior school by this month-day of the graduation year.</extracomment>
        <translation>请选择核实方式：学籍系统、接收学校回执或电话。</translation>
    </message>
    <message>
        <source>Say with whom the transfer was confirmed (the receiving school's staff member).</source>
        <translation>请填写核实对象（接收学校的经办人）。</translation>
    </message>
    <message>
        <source>The name of whom it was confirmed with is at most {n} characters long.</source>
        <translation>核实对象最多 {n} 个字。</translation>
    </message>
    <message>
        <source>Enter the day the transfer was confirmed.</source>
        <translation>请填写核实日期。</translation>
    </message>
    <message>
        <source>The day of the confirmation is in the future.</source>
        <translation>核实日期晚于今天。</translation>
    </message>
    <message>
        <source>The day of the confirmation is before the transfer ({date}).</source>
        <translation>核实日期早于转学日期（{date}）。</translation>
    </message>
    <message>
        <source>Enter the school.</source>
        <translation>请填写学校。</translation>
    </message>
    <message>
        <source>The school's name is at most {n} characters long.</source>
        <translation>学校名称最多 {n} 个字。</translation>
    </message>
    <message>
        <source>Enter the place the child came from (county or town).</source>
        <translation>请填写转入前所在地（县或乡镇）。</translation>
    </message>
    <message>
        <source>The place is at most {n} characters long.</source>
        <translation>所在地最多 {n} 个字。</translation>
    </message>
    <message>
        <source>The date is in the future.</source>
        <translation>日期晚于今天。</translation>
    </message>
    <message>
        <source>There is no transfer out or graduate's school with number {id}.</source>
        <translation>没有编号为 {id} 的转出或升学记录。</translation>
    </message>
    <message>
        <source>The transfer of {name} was already confirmed on {date}.</source>
        <translation>{name}的转学已于{date}核实。</translation>
    </message>
    <message>
        <source>{name} has not graduated: a destination is recorded for a graduate.</source>
        <translation>{name}未毕业：毕业去向只为毕业生登记。</translation>
    </message>
    <message>
        <source>Choose the destination: 升学, 就业 or 未升学.</source>
        <translation>请选择毕业去向：升学、就业或未升学。</translation>
    </message>
    <message>
        <source>Give the reason the graduate is not going on to a school.</source>
        <translation>请填写未升学的原因。</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New account</source>
        <extracomment>The roles from the least to the most powerful, as the role list shows them.</extracomment>
        <translation>新账号</translation>
    </message>
    <message>
        <source>Account {name}</source>
        <translation>账号 {name}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>May sign in</source>
        <translation>允许登录</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Staff member:</source>
        <translation>对应教职工：</translation>
    </message>
    <message>
        <source>Classes (teachers):</source>
        <translation>所带班级（教师）：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再输一次密码：</translation>
    </message>
    <message>
        <source>May: {what}.</source>
        <translation>可以：{what}。</translation>
    </message>
    <message>
        <source>The two passwords differ: type the same password twice.</source>
        <translation>两次输入的密码不一样：请把同一个密码输入两次。</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>班级数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>New password…</source>
        <translation>设新密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>cannot sign in</source>
        <translation>不能登录</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>needs a new password</source>
        <translation>需重设密码</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The name contains an invisible control character (U+{code:04X}): delete it and type the name again.</source>
        <translation>姓名中有看不见的控制字符（U+{code:04X}），请删去后重新输入姓名。</translation>
    </message>
    <message>
        <source>A name cannot begin with “{char}” (spreadsheets take it for a formula).</source>
        <translation>姓名不能以“{char}”开头（电子表格会把它当作公式）。</translation>
    </message>
    <message>
        <source>A name cannot contain “{char}”: write it with Chinese characters, the middle dot · of minority names, Latin letters and spaces.</source>
        <translation>姓名中不能有“{char}”：姓名用汉字、少数民族姓名的间隔号“·”、英文字母和空格书写。</translation>
    </message>
</context>
<context>
    <name>VillageCountsDialog</name>
    <message>
        <source>Preschool-age children per village</source>
        <translation>各村学前适龄儿童数</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
    <message>
        <source>Aged 3–5 on the roster</source>
        <translation>花名册上3至5周岁</translation>
    </message>
    <message>
        <source>Aged 3–5 living there (village report)</source>
        <translation>在村3至5周岁（村里上报）</translation>
    </message>
    <message>
        <source>The preschool gross enrollment rate divides the children in kindergarten by all the children aged 3–5, including those who never came. Enter the number each village reports; leave it empty to use the roster's count.</source>
        <translation>学前三年毛入园率 = 在园幼儿数 ÷ 全部3至5周岁儿童数（包括从未入园的）。请填写各村上报的人数；留空则用花名册上的人数。</translation>
    </message>
    <message>
        <source>School year starting in September of</source>
        <translation>学年（当年9月开始）：</translation>
    </message>
    <message>
        <source>{village}: write a whole number, or leave it empty.</source>
        <translation>{village}：请填整数，或留空。</translation>
    </message>
</context>
<context>
    <name>VillageDialog</name>
    <message>
        <source>Add village</source>
        <translation>添加村</translation>
    </message>
    <message>
        <source>Edit village</source>
        <translation>编辑村</translation>
    </message>
    <message>
        <source>Poor village (贫困村)</source>
        <translation>贫困村</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>村</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Done or given</source>
        <translation>帮扶内容</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Log a 送教上门 visit</source>
        <translation>登记送教上门</translation>
    </message>
    <message>
        <source>Correct a 送教上门 visit</source>
        <translation>更正送教上门记录</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>e.g. 刘老师</source>
        <translation>如：刘老师</translation>
    </message>
    <message>
        <source>What was taught: subjects, rehabilitation, daily-living skills</source>
        <translation>送教内容：文化课、康复训练、生活技能</translation>
    </message>
    <message>
        <source>No files</source>
        <translation>无文件</translation>
    </message>
    <message>
        <source>Add photos or scans…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>送教日期</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>送教教师</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>课时（小时）</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>送教内容</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>替代</translation>
    </message>
    <message>
        <source>No. {id} of {day} ({teacher}, {hours} h)</source>
        <translation>第 {id} 条，{day}（{teacher}，{hours} 小时）</translation>
    </message>
    <message>
        <source>{n} files: {names}</source>
        <translation>{n} 个文件：{names}</translation>
    </message>
</context>
<context>
    <name>VisitPanel</name>
    <message>
        <source>What was done or given</source>
        <translation>做了什么、送了什么</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步打算</translation>
    </message>
    <message>
        <source>No evidence files</source>
        <translation>没有佐证材料</translation>
    </message>
    <message>
        <source>Add photos or scans…</source>
        <translation>添加照片或扫描件…</translation>
    </message>
    <message>
        <source>Save visit</source>
        <translation>保存走访</translation>
    </message>
    <message>
        <source>Quick entry</source>
        <translation>快速录入</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>帮扶人</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>户</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Show all visits</source>
        <translation>显示全部走访</translation>
    </message>
    <message>
        <source>Done or given</source>
        <translation>帮扶内容</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证</translation>
    </message>
    <message>
        <source>{n} files: {names}</source>
        <translation>{n} 个文件：{names}</translation>
    </message>
    <message>
        <source>&lt;b&gt;All visits to the household of {head}&lt;/b&gt; ({n})</source>
        <translation>&lt;b&gt;户主 {head} 的全部走访记录&lt;/b&gt;（{n} 次）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Latest visits&lt;/b&gt; (double-click a visit to see it and its evidence)</source>
        <translation>&lt;b&gt;最近的走访&lt;/b&gt;（双击查看详情和佐证材料）</translation>
    </message>
</context>
<context>
    <name>Visits</name>
    <message>
        <source>Choose who visited.</source>
        <translation>请选择走访人。</translation>
    </message>
    <message>
        <source>Choose the household visited.</source>
        <translation>请选择走访的户。</translation>
    </message>
    <message>
        <source>Enter the date of the visit.</source>
        <translation>请填写走访日期。</translation>
    </message>
    <message>
        <source>The visit date is in the future.</source>
        <translation>走访日期晚于今天。</translation>
    </message>
    <message>
        <source>The visit date is before 2014, when the households to help were first registered.</source>
        <translation>走访日期早于 2014 年（帮扶对象开始登记的年份）。</translation>
    </message>
    <message>
        <source>Choose how the visit was made.</source>
        <translation>请选择走访方式。</translation>
    </message>
    <message>
        <source>Write what was done or given during the visit.</source>
        <translation>请填写走访时做了什么、送了什么。</translation>
    </message>
    <message>
        <source>{name} can log only their own visits: choose yourself as the visitor.</source>
        <translation>{name} 只能登记自己的走访：请选择自己为走访人。</translation>
    </message>
    <message>
        <source>The visit no longer exists.</source>
        <translation>该走访记录已不存在。</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Enrolled</source>
        <translation>在读</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>休学</translation>
    </message>
    <message>
        <source>Dropped out</source>
        <translation>辍学</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Graduated</source>
        <translation>毕业</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>未入学</translation>
    </message>
    <message>
        <source>Preschool</source>
        <translation>学前</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation>小学</translation>
    </message>
    <message>
        <source>Junior middle</source>
        <translation>初中</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Not poor</source>
        <translation>一般户</translation>
    </message>
    <message>
        <source>Poor, not yet lifted</source>
        <translation>未脱贫</translation>
    </message>
    <message>
        <source>Lifted out of poverty</source>
        <translation>已脱贫</translation>
    </message>
    <message>
        <source>Under monitoring</source>
        <translation>监测户</translation>
    </message>
    <message>
        <source>Central school</source>
        <translation>中心校</translation>
    </message>
    <message>
        <source>Township primary school</source>
        <translation>镇属小学</translation>
    </message>
    <message>
        <source>Village school</source>
        <translation>村小</translation>
    </message>
    <message>
        <source>Teaching point</source>
        <translation>教学点</translation>
    </message>
    <message>
        <source>Kindergarten</source>
        <translation>幼儿园</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>校长</translation>
    </message>
    <message>
        <source>Leadership member</source>
        <translation>班子成员</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>教师</translation>
    </message>
    <message>
        <source>Household head</source>
        <translation>户主</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>配偶</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>子女</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>孙子女</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父母</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>祖父母</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>兄弟姐妹</translation>
    </message>
    <message>
        <source>Teaching sent down</source>
        <translation>送教</translation>
    </message>
    <message>
        <source>Lessons observed</source>
        <translation>听课评课</translation>
    </message>
    <message>
        <source>Teacher training</source>
        <translation>教师培训</translation>
    </message>
    <message>
        <source>Donation</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <source>Teacher exchange</source>
        <translation>教师交流</translation>
    </message>
    <message>
        <source>Persuading</source>
        <translation>劝返中</translation>
    </message>
    <message>
        <source>Back at school</source>
        <translation>已返校</translation>
    </message>
    <message>
        <source>Taught at home</source>
        <translation>送教上门</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>转学</translation>
    </message>
    <message>
        <source>Other outcome</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Learning difficulties or weariness</source>
        <translation>学习困难/厌学</translation>
    </message>
    <message>
        <source>Family hardship</source>
        <translation>家庭经济困难</translation>
    </message>
    <message>
        <source>Working away or with migrant parents</source>
        <translation>外出务工/随父母外出</translation>
    </message>
    <message>
        <source>Early marriage or childbirth</source>
        <translation>早婚早育</translation>
    </message>
    <message>
        <source>Illness or disability</source>
        <translation>疾病/残疾</translation>
    </message>
    <message>
        <source>Parents do not value school</source>
        <translation>家长不重视</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Village committee</source>
        <translation>村民委员会</translation>
    </message>
    <message>
        <source>Township government</source>
        <translation>乡镇人民政府</translation>
    </message>
    <message>
        <source>Handed over in person</source>
        <translation>直接送达</translation>
    </message>
    <message>
        <source>Left at the home (refused, before witnesses)</source>
        <translation>留置送达（拒收，有见证人）</translation>
    </message>
    <message>
        <source>Served through another body</source>
        <translation>委托送达</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Persuasion at home</source>
        <translation>入户劝返</translation>
    </message>
    <message>
        <source>Persuasion by phone</source>
        <translation>电话劝返</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>入户</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Talk with the parents</source>
        <translation>约谈家长</translation>
    </message>
    <message>
        <source>Village committee mediation</source>
        <translation>村委会调解</translation>
    </message>
    <message>
        <source>Township supervision</source>
        <translation>乡镇督办</translation>
    </message>
    <message>
        <source>At school</source>
        <translation>到校</translation>
    </message>
    <message>
        <source>Children of lifted and monitored households</source>
        <translation>脱贫户和监测对象家庭子女</translation>
    </message>
    <message>
        <source>Left-behind children</source>
        <translation>留守儿童</translation>
    </message>
    <message>
        <source>Boarders</source>
        <translation>寄宿生</translation>
    </message>
    <message>
        <source>Everyone in the stage</source>
        <translation>本学段全体学生</translation>
    </message>
    <message>
        <source>A hand-kept list</source>
        <translation>指定名单</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>per term</source>
        <translation>每学期</translation>
    </message>
    <message>
        <source>per school day</source>
        <translation>按在校日</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Fee waived</source>
        <translation>减免</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>General household</source>
        <translation>一般户</translation>
    </message>
    <message>
        <source>Household lifted out of poverty</source>
        <extracomment>How sheets and lists name the categories (the old 建档立卡 words included). 残疾类别 (GB/T 26341): stored short, printed with 残疾 after it. The first year a household could be lifted out of poverty as 建档立卡 counted it (registration 2014, first exits recorded for 2013's targets), the lower bound of 脱贫年度.</extracomment>
        <translation>脱贫户</translation>
    </message>
    <message>
        <source>Monitored against returning to poverty</source>
        <translation>防止返贫监测对象</translation>
    </message>
    <message>
        <source>Lifted but unstable</source>
        <translation>脱贫不稳定户</translation>
    </message>
    <message>
        <source>On the margin of poverty</source>
        <translation>边缘易致贫户</translation>
    </message>
    <message>
        <source>Sudden severe hardship</source>
        <translation>突发严重困难户</translation>
    </message>
    <message>
        <source>Minimum living allowance (dibao)</source>
        <translation>低保</translation>
    </message>
    <message>
        <source>Extreme-poverty support (tekun)</source>
        <translation>特困供养</translation>
    </message>
    <message>
        <source>Orphan</source>
        <translation>孤儿</translation>
    </message>
    <message>
        <source>De facto unsupported child</source>
        <translation>事实无人抚养</translation>
    </message>
    <message>
        <source>Disabled child</source>
        <translation>残疾</translation>
    </message>
    <message>
        <source>Child of a martyr</source>
        <translation>烈士子女</translation>
    </message>
    <message>
        <source>Household register</source>
        <translation>户籍名单</translation>
    </message>
    <message>
        <source>Poverty list</source>
        <translation>脱贫户及监测对象名单</translation>
    </message>
    <message>
        <source>Student registry</source>
        <translation>学籍名单</translation>
    </message>
    <message>
        <source>On the register, not at school</source>
        <translation>户籍有、学籍无（适龄未入学）</translation>
    </message>
    <message>
        <source>Preschool age, in no kindergarten</source>
        <translation>学前适龄未入园</translation>
    </message>
    <message>
        <source>On the registry, not on the roster</source>
        <translation>有学籍、不在花名册（名在人不在）</translation>
    </message>
    <message>
        <source>On the roster, not on the registry</source>
        <translation>在花名册、无学籍</translation>
    </message>
    <message>
        <source>On the poverty list, not flagged</source>
        <translation>在脱贫名单、花名册未标注</translation>
    </message>
    <message>
        <source>Flagged, not on the poverty list</source>
        <translation>花名册已标注、不在脱贫名单</translation>
    </message>
    <message>
        <source>Studying elsewhere</source>
        <translation>在外地就读</translation>
    </message>
    <message>
        <source>Already at our school</source>
        <translation>已在本校</translation>
    </message>
    <message>
        <source>Deferred enrollment</source>
        <translation>延缓入学</translation>
    </message>
    <message>
        <source>Away with the family / registered but not living here</source>
        <translation>随迁/户在人不在</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>迁出</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>Duplicate person</source>
        <translation>重复人员</translation>
    </message>
    <message>
        <source>Out of school</source>
        <translation>失学</translation>
    </message>
    <message>
        <source>Not in kindergarten</source>
        <translation>未入园</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>The list is wrong</source>
        <translation>名单有误</translation>
    </message>
    <message>
        <source>Suspension</source>
        <translation>休学</translation>
    </message>
    <message>
        <source>Due to enroll</source>
        <translation>应入学</translation>
    </message>
    <message>
        <source>Suspended without approval</source>
        <translation>休学无批准</translation>
    </message>
    <message>
        <source>Suspension expired</source>
        <translation>休学已到期</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>待核实</translation>
    </message>
    <message>
        <source>Transfer out</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Transfer in</source>
        <translation>转入</translation>
    </message>
    <message>
        <source>Goes on to a school</source>
        <translation>升学</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>就业</translation>
    </message>
    <message>
        <source>Not continuing school</source>
        <translation>未升学</translation>
    </message>
    <message>
        <source>Student registry system</source>
        <translation>学籍系统</translation>
    </message>
    <message>
        <source>Receiving school's receipt</source>
        <translation>接收学校回执</translation>
    </message>
    <message>
        <source>Placed in a regular class (插班)</source>
        <translation>插班</translation>
    </message>
    <message>
        <source>A class of their own (单独编班)</source>
        <translation>单独编班</translation>
    </message>
    <message>
        <source>Taught at home (送教上门)</source>
        <translation>送教上门</translation>
    </message>
    <message>
        <source>Vocational education (职业教育/普职融合)</source>
        <translation>职业教育/普职融合</translation>
    </message>
    <message>
        <source>Regular class (随班就读)</source>
        <translation>随班就读</translation>
    </message>
    <message>
        <source>Special education class (特教班)</source>
        <translation>特教班</translation>
    </message>
    <message>
        <source>Special education school</source>
        <translation>特殊教育学校</translation>
    </message>
    <message>
        <source>Awaiting placement (待安置)</source>
        <translation>待安置</translation>
    </message>
</context>
<context>
    <name>WorkList</name>
    <message>
        <source>{name} ({school}) has been away {days} school days with no case: open one</source>
        <translation>{name}（{school}）已缺课 {days} 个教学日，尚未建档：请建立辍学案件</translation>
    </message>
    <message>
        <source>{name} ({school} {klass}) has not reported back after {days} school days of the term and has no case: open one</source>
        <translation>{name}（{school}{klass}）开学{days}个上学日仍未报到，尚无档案：请建档</translation>
    </message>
    <message>
        <source>{school} {klass}: reported back {n}/{total}</source>
        <translation>{school}{klass}：已报到 {n}/{total}</translation>
    </message>
    <message>
        <source>{name} ({village}) was found out of school (失学) by the check of {date} and has no case: open one</source>
        <translation>{name}（{village}）经{date}比对核查为失学，尚未建档：请立案劝返</translation>
    </message>
    <message>
        <source>Nothing done on {name}'s case for {days} days: log the next attempt</source>
        <translation>{name}的案件已 {days} 天没有进展：请登记下一次劝返</translation>
    </message>
    <message>
        <source>{name} ({school}) is back at school since {back}: follow-up {k} of {n} is due on {date}: record it</source>
        <translation>{name}（{school}）{back} 返校，第 {k}/{n} 次跟踪应于 {date} 进行：请登记</translation>
    </message>
    <message>
        <source>{village}: {n} differences of the 比对 to check door to door, the oldest since {date}</source>
        <translation>{village}：{n} 条比对差异待核查，最早 {date}</translation>
    </message>
    <message>
        <source>Village unknown</source>
        <translation>未填村</translation>
    </message>
    <message>
        <source>The household of {head} ({village}) has no helper: pair it</source>
        <translation>{head}（{village}）户还没有帮扶人：请安排结对</translation>
    </message>
    <message>
        <source> (of them: {lifted} from lifted households, {monitored} from monitored households)</source>
        <translation>（其中脱贫户子女 {lifted} 人，监测对象子女 {monitored} 人）</translation>
    </message>
    <message>
        <source>{n} students of the priority groups are not yet assessed this school year: propose them (家庭经济困难学生认定)</source>
        <translation>重点保障群体中有 {n} 名学生本学年尚未认定：请提出认定（家庭经济困难学生认定）</translation>
    </message>
    <message>
        <source>{name} ({school}) is taught at home (送教上门) and has had no visit for {days} days: log the next visit</source>
        <translation>{name}（{school}）送教上门，已 {days} 天未送教：请登记下一次送教</translation>
    </message>
    <message>
        <source>{staff} has not visited the household of {head} for {days} days</source>
        <translation>{staff}已有 {days} 天没有走访 {head} 户</translation>
    </message>
    <message>
        <source>{programme}: {n} eligible students not yet paid this month</source>
        <translation>{programme}：本月还有 {n} 名符合条件的学生未发放</translation>
    </message>
    <message>
        <source>Notice deadline passed</source>
        <extracomment>Today's work, most urgent kind first (a kind's rank is its place here), each with why it stands there.</extracomment>
        <translation>告知期限已过</translation>
    </message>
    <message>
        <source>Suspected dropout</source>
        <translation>疑似辍学</translation>
    </message>
    <message>
        <source>Not reported back</source>
        <translation>开学未报到</translation>
    </message>
    <message>
        <source>Found out of school</source>
        <translation>比对发现失学</translation>
    </message>
    <message>
        <source>Escalation step</source>
        <translation>劝返升级步骤</translation>
    </message>
    <message>
        <source>Due to enroll</source>
        <translation>应入学未入学</translation>
    </message>
    <message>
        <source>Transfer not confirmed</source>
        <translation>转出待核实</translation>
    </message>
    <message>
        <source>Graduate not placed</source>
        <translation>小学毕业未升学</translation>
    </message>
    <message>
        <source>Suspension without approval</source>
        <translation>休学无批准</translation>
    </message>
    <message>
        <source>Home teaching visit due</source>
        <translation>送教上门待送教</translation>
    </message>
    <message>
        <source>Case with no action</source>
        <translation>案件久未跟进</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>返校跟踪到期</translation>
    </message>
    <message>
        <source>Awaiting placement</source>
        <translation>残疾儿童待安置</translation>
    </message>
    <message>
        <source>Eligible, not paid</source>
        <translation>应发未发</translation>
    </message>
    <message>
        <source>Not yet assessed</source>
        <translation>困难认定未完成</translation>
    </message>
    <message>
        <source>Visit overdue</source>
        <translation>走访逾期</translation>
    </message>
    <message>
        <source>Household with no helper</source>
        <translation>未结对帮扶户</translation>
    </message>
    <message>
        <source>Differences to check</source>
        <translation>比对差异待核查</translation>
    </message>
    <message>
        <source>Term-start report-back</source>
        <translation>开学报到未完成</translation>
    </message>
    <message>
        <source>Term-start report</source>
        <translation>期初控辍报告</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The notice deadline for {name} passed on {date}: the {step} is due since {due}</source>
        <translation>{name}的通知书期限已于{date}届满：{step}自 {due} 起到期</translation>
    </message>
    <message>
        <source>{name}'s case: the {step} is due since {due}</source>
        <translation>{name}的案件：{step}自 {due} 起到期</translation>
    </message>
    <message>
        <source>{name}'s case: {waiting}</source>
        <translation>{name}的案件：{waiting}</translation>
    </message>
    <message>
        <source>{name}'s case: the {stage} is issued; the {step} may follow from {due}</source>
        <translation>{name}的案件：{stage}已印发；{step}自 {due} 起可印发</translation>
    </message>
    <message>
        <source>The term began on {date}: send the term-start dropout report to the bureau and the township</source>
        <translation>学期已于 {date} 开始：请向教育局和乡镇报送开学辍学情况报告</translation>
    </message>
    <message>
        <source>No backup taken to the township for {days} days: export one</source>
        <translation>已有 {days} 天没有向乡镇报送备份：请导出备份</translation>
    </message>
    <message>
        <source>No backup has ever been exported: export one for the township</source>
        <translation>还从未导出过备份：请导出一份交乡镇</translation>
    </message>
    <message>
        <source>{name} ({school}) is of compulsory-school age and still in a preschool class with no 延缓入学 approval (应入学)</source>
        <translation>{name}（{school}）已到义务教育入学年龄，仍在学前班且无延缓入学批准（应入学）</translation>
    </message>
    <message>
        <source>{name} ({school}) is 休学 with no approval in force ({state})</source>
        <translation>{name}（{school}）休学无有效批准（{state}）</translation>
    </message>
    <message>
        <source>{name} ({school}) transferred out to {to} on {date}, not confirmed by the receiving school after {days} days (转出待核实): confirm it or follow the child up as a suspected dropout</source>
        <translation>{name}（{school}）于 {date} 转出至 {to}，超过 {days} 天未经接收学校核实（转出待核实）：请核实，或按疑似辍学跟进</translation>
    </message>
    <message>
        <source>{name} ({school}), a child with a disability, has awaited placement (待安置) since {date}: ask the county's expert committee</source>
        <translation>{name}（{school}）为残疾儿童，自 {date} 起待安置：请提请县残疾人教育专家委员会评估安置</translation>
    </message>
    <message>
        <source>{name} ({school}) finished primary school in {year} and has no confirmed junior secondary school</source>
        <translation>{name}（{school}）{year} 年小学毕业，升入初中未核实</translation>
    </message>
</context>
<context>
    <name>WorkListPanel</name>
    <message>
        <source>Open case</source>
        <extracomment>A group with more lines than this starts collapsed (the most urgent kind shows at least its schools).</extracomment>
        <translation>打开案卷</translation>
    </message>
    <message>
        <source>See absence</source>
        <translation>查看缺勤</translation>
    </message>
    <message>
        <source>Open a case</source>
        <translation>立案</translation>
    </message>
    <message>
        <source>Disability record</source>
        <translation>残疾档案</translation>
    </message>
    <message>
        <source>Show student</source>
        <translation>查看学生</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核查</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>结对</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Assess</source>
        <translation>认定</translation>
    </message>
    <message>
        <source>Report back</source>
        <translation>报到登记</translation>
    </message>
    <message>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <source>Export backup</source>
        <translation>导出备份</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>The township</source>
        <translation>全乡镇</translation>
    </message>
    <message>
        <source>Double-click, press Enter or use the button to open it</source>
        <translation>双击、按回车键或点右侧按钮打开</translation>
    </message>
    <message>
        <source>Today's work: being worked out…</source>
        <translation>今日工作：正在整理…</translation>
    </message>
    <message>
        <source>Today's work ({n})</source>
        <translation>今日工作（{n}）</translation>
    </message>
    <message>
        <source>Today's work: nothing waiting</source>
        <translation>今日工作：暂无待办</translation>
    </message>
</context>
</TS>