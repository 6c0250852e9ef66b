<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ApprovalRulesDialog</name>
    <message>
        <location filename="../../ui/orders/approval_rules.py" line="41"/>
        <source>Order approval rules</source>
        <translation>订单审批规则</translation>
    </message>
    <message>
        <location filename="../../ui/orders/approval_rules.py" line="42"/>
        <source>A sales order needs a manager&apos;s approval when its total or a line&apos;s discount is above these limits. Leave a limit empty for no rule. Orders already submitted keep their decision.</source>
        <translation>销售订单的总额或某行折扣超过以下限额时，需要经理审批。留空表示不设此规则。已提交的订单保持原来的审批结果。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/approval_rules.py" line="48"/>
        <source>e.g. 50000 or 5万 (empty: no limit)</source>
        <translation>例如 50000 或 5万（留空：不限）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/approval_rules.py" line="50"/>
        <source>e.g. 10 (empty: no limit)</source>
        <translation>例如 10（留空：不限）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/approval_rules.py" line="53"/>
        <source>Order total above (¥)</source>
        <translation>订单总额超过（¥）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/approval_rules.py" line="55"/>
        <source>Line discount above (%)</source>
        <translation>单行折扣超过（%）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/approval_rules.py" line="89"/>
        <source>Type an amount such as 50000 or 5万.</source>
        <translation>请输入金额，例如 50000 或 5万。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/approval_rules.py" line="94"/>
        <source>Type a percentage such as 10.</source>
        <translation>请输入百分比，例如 10。</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="36"/>
        <source>Assign customer</source>
        <translation>分配客户</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="43"/>
        <source>Why (optional, kept in the history)</source>
        <translation>原因（选填，记入历史）</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="46"/>
        <source>&amp;To:</source>
        <translation>分配给(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="47"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="50"/>
        <source>Assign</source>
        <translation>分配</translation>
    </message>
</context>
<context>
    <name>CatalogForm</name>
    <message>
        <location filename="../../ui/catalog/common.py" line="121"/>
        <source>Only warehouse staff and administrators change this; you can look at it.</source>
        <translation>只有仓库人员和管理员可以修改；您可以查看。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/common.py" line="189"/>
        <source>Load their version</source>
        <translation>载入对方的版本</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/common.py" line="191"/>
        <source>Save mine over it</source>
        <translation>用我的内容覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/common.py" line="200"/>
        <source>Loaded the version saved by the other user.</source>
        <translation>已载入其他用户保存的版本。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../ui/pipeline/charts.py" line="180"/>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="125"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="126"/>
        <source>Another user</source>
        <translation>另一位用户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="127"/>
        <source>%1 saved this customer after you opened it. Choose which values to keep.</source>
        <translation>在您打开之后，%1 保存了此客户。请选择要保留哪些值。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="143"/>
        <location filename="../../ui/customers/form_dialogs.py" line="145"/>
        <source>public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="147"/>
        <source>(unchanged)</source>
        <translation>（未改动）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="153"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="153"/>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="153"/>
        <source>Theirs (saved)</source>
        <translation>对方的（已保存）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="168"/>
        <source>Keep theirs (reload)</source>
        <translation>保留对方的（重新加载）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="169"/>
        <source>Overwrite with mine</source>
        <translation>用我的覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="170"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="50"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="53"/>
        <source>Primary contact</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="55"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="56"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="57"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="58"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
</context>
<context>
    <name>ContactFormDialog</name>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="27"/>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="27"/>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="34"/>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="40"/>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="40"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="41"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="41"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="42"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="43"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/contact_form.py" line="108"/>
        <source>Someone else changed this contact meanwhile; the saved version is shown now.</source>
        <translation>此期间他人修改了该联系人；现在显示的是已保存的版本。</translation>
    </message>
</context>
<context>
    <name>ConvertLeadDialog</name>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="66"/>
        <source>Convert lead: %1</source>
        <translation>转化线索：%1</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="80"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="81"/>
        <source>Create a new customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="82"/>
        <source>Attach to an existing customer</source>
        <translation>关联到已有客户</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="98"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="99"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="100"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="101"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="102"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="109"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="109"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="110"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="111"/>
        <source>Why it matches</source>
        <translation>匹配原因</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="118"/>
        <source>Find another customer…</source>
        <translation>查找其他客户…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="119"/>
        <source>Create a new customer anyway</source>
        <translation>仍然新建客户</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="140"/>
        <source>Add the lead&apos;s person as a contact</source>
        <translation>将线索联系人添加为客户联系人</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="145"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="151"/>
        <source>Also open an opportunity</source>
        <translation>同时创建商机</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="157"/>
        <source>e.g. 120000 or 12万</source>
        <translation>例如 120000 或 12万</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="158"/>
        <source>Set a date</source>
        <translation>设置日期</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="171"/>
        <source>Convert</source>
        <translation>转化</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="218"/>
        <source>This lead looks like an existing customer. Attach it to that customer instead of creating a second record.</source>
        <translation>此线索与一个已有客户相似。请关联到该客户，不要重复建档。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="221"/>
        <source>This lead looks like %1 existing customers. Attach it to one of them instead of creating a second record.</source>
        <translation>此线索与 %1 个已有客户相似。请关联到其中一个，不要重复建档。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="241"/>
        <source>public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="252"/>
        <source>Attach the lead to which customer?</source>
        <translation>将线索关联到哪个客户？</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="278"/>
        <source>Name the customer.</source>
        <translation>请填写客户名称。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="287"/>
        <source>Pick the customer to attach the lead to.</source>
        <translation>请选择要关联线索的客户。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="294"/>
        <source>Type an amount such as 120000, 120,000.50 or 12万.</source>
        <translation>请输入金额，例如 120000、120,000.50 或 12万。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="298"/>
        <source>Amount is required (0 when not known yet).</source>
        <translation>必须填写金额（尚不确定时填 0）。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/convert_dialog.py" line="346"/>
        <source>A customer like this exists already. Attach the lead to it, or create a new customer anyway.</source>
        <translation>已有类似的客户。请将线索关联到该客户，或仍然新建客户。</translation>
    </message>
</context>
<context>
    <name>Customer360Widget</name>
    <message>
        <location filename="../../ui/customers/detail.py" line="41"/>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="42"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="43"/>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="44"/>
        <source>Tickets</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="90"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="104"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="105"/>
        <source>Merge a duplicate…</source>
        <translation>合并重复客户…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="106"/>
        <source>Pick another customer and merge it into this one: its contacts and follow-ups move here.</source>
        <translation>选择另一个客户并将其合并到本客户：其联系人和跟进记录将移到这里。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="116"/>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="127"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="127"/>
        <source>Last follow-up</source>
        <translation>最后跟进</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="128"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="129"/>
        <source>Returns to pool</source>
        <translation>退回公海</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="130"/>
        <location filename="../../ui/customers/detail.py" line="147"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="130"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="131"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="132"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="147"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="147"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="148"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="148"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="148"/>
        <location filename="../../ui/customers/detail.py" line="161"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="149"/>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="150"/>
        <source>Edit contact…</source>
        <translation>编辑联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="160"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="160"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="160"/>
        <source>By</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="161"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="161"/>
        <source>Next</source>
        <translation>下次</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="171"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="172"/>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="184"/>
        <source>Log a follow-up</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="241"/>
        <source>Level %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="243"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="244"/>
        <source>not planned</source>
        <translation>未安排</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="262"/>
        <location filename="../../ui/customers/detail.py" line="264"/>
        <source>in public pool</source>
        <translation>在公海中</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="271"/>
        <source>does not return</source>
        <translation>不会退回</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="275"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="277"/>
        <source>in 1 day</source>
        <translation>1 天后</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="279"/>
        <source>in %1 days</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="298"/>
        <source>Contacts (%1)</source>
        <translation>联系人（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="316"/>
        <source>Follow-ups (%1)</source>
        <translation>跟进记录（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="318"/>
        <source>Showing the newest %1 of %2 follow-ups.</source>
        <translation>显示 %2 条跟进记录中最新的 %1 条。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="378"/>
        <source>Claim the customer from the public pool first.</source>
        <translation>请先从公海领取该客户。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="382"/>
        <source>Opportunities (%1)</source>
        <translation>商机（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="398"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="453"/>
        <source>Merge which customer into this one?</source>
        <translation>要将哪个客户合并到本客户？</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="465"/>
        <source>%1 contact(s)</source>
        <translation>%1 个联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="466"/>
        <source>%1 follow-up(s)</source>
        <translation>%1 条跟进记录</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="470"/>
        <source>Merge %1 into %2?</source>
        <translation>将 %1 合并到 %2？</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="472"/>
        <source>These move to %1: %2.</source>
        <translation>以下内容将移到 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="474"/>
        <source>%1 is then hidden from lists; its history is kept in the audit log.</source>
        <translation>之后 %1 将不再出现在列表中；其历史保留在审计日志里。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="476"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="479"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="501"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>CustomerFields</name>
    <message>
        <location filename="../../ui/customers/customer_fields.py" line="21"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_fields.py" line="22"/>
        <source>Person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/customer_fields.py" line="27"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>CustomerFormDialog</name>
    <message>
        <location filename="../../ui/customers/form.py" line="57"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form.py" line="58"/>
        <source>Edit customer</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form.py" line="71"/>
        <source>assigned automatically</source>
        <translation>自动分配</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form.py" line="77"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form.py" line="89"/>
        <source>unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form.py" line="155"/>
        <source>by rule (sales staff: me; others: public pool)</source>
        <translation>按规则（销售人员：归我；其他人：进入公海）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form.py" line="157"/>
        <source>public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form.py" line="183"/>
        <source>You may look at this customer but not change it.</source>
        <translation>您可以查看此客户，但不能修改。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form.py" line="308"/>
        <source>another user</source>
        <translation>另一位用户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form.py" line="309"/>
        <source>Reloaded the version saved by %1.</source>
        <translation>已重新加载 %1 保存的版本。</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../ui/customers/list_model.py" line="29"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_model.py" line="30"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_model.py" line="31"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_model.py" line="32"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_model.py" line="33"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_model.py" line="34"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_model.py" line="35"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_model.py" line="36"/>
        <source>Last follow-up</source>
        <translation>最后跟进</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_model.py" line="38"/>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_model.py" line="148"/>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
</context>
<context>
    <name>CustomerListWidget</name>
    <message>
        <location filename="../../ui/customers/list_view.py" line="170"/>
        <source>Search name, code, phone or contact…</source>
        <translation>搜索名称、编码、电话或联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="171"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="172"/>
        <source>My customers</source>
        <translation>我的客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="172"/>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="173"/>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="173"/>
        <source>All I can see</source>
        <translation>我可见的全部</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="176"/>
        <source>&amp;Level:</source>
        <translation>级别(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="177"/>
        <location filename="../../ui/customers/list_view.py" line="179"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="178"/>
        <source>&amp;Region:</source>
        <translation>地区(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="180"/>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="181"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="182"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="194"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="198"/>
        <source>%1+ customers</source>
        <translation>%1+ 个客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="200"/>
        <source>%1 customers</source>
        <translation>%1 个客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="243"/>
        <source>The list could not be loaded: %1</source>
        <translation>无法加载列表：%1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="263"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="264"/>
        <source>The customer form is not available in this version.</source>
        <translation>此版本中没有客户表单。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="282"/>
        <source>Export customers</source>
        <translation>导出客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="283"/>
        <source>customers.xlsx</source>
        <translation>客户.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="284"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="301"/>
        <location filename="../../ui/customers/list_view.py" line="308"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="302"/>
        <source>Export is not available in this version.</source>
        <translation>此版本中没有导出功能。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="307"/>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="307"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="321"/>
        <source>Exporting customers… %1 of %2</source>
        <translation>正在导出客户… %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="341"/>
        <source>Exported %1 customers to %2</source>
        <translation>已将 %1 个客户导出到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="343"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/list_view.py" line="352"/>
        <source>Export cancelled</source>
        <translation>导出已取消</translation>
    </message>
</context>
<context>
    <name>CustomerOrdersTab</name>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="31"/>
        <source>New order…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="39"/>
        <location filename="../../ui/orders/customer_tabs.py" line="44"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="39"/>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="40"/>
        <source>Delivery date</source>
        <translation>交货日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="40"/>
        <location filename="../../ui/orders/customer_tabs.py" line="44"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="41"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="41"/>
        <source>Total</source>
        <translation>金额合计</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="43"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="43"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="45"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="45"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="46"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="47"/>
        <source>Deliveries and returns</source>
        <translation>发货与退货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="66"/>
        <source>(draft %1)</source>
        <translation>（草稿 %1）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/customer_tabs.py" line="76"/>
        <source>%1 orders, %2 still open</source>
        <translation>%1 张订单，未完成 %2</translation>
    </message>
</context>
<context>
    <name>CustomerPickerDialog</name>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="29"/>
        <source>Choose a customer</source>
        <translation>选择客户</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="31"/>
        <source>Name, code, phone or contact…</source>
        <translation>名称、编码、电话或联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="34"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="34"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="35"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="35"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="44"/>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="66"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="76"/>
        <source>public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/customer_picker.py" line="84"/>
        <source>No customer matches.</source>
        <translation>没有匹配的客户。</translation>
    </message>
</context>
<context>
    <name>CustomerTimeline</name>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="163"/>
        <location filename="../../ui/pipeline/customer_tabs.py" line="164"/>
        <source>the public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="166"/>
        <source>Created; owner %2</source>
        <translation>创建；负责人 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="167"/>
        <source>%2 claimed it from the public pool</source>
        <translation>%2 从公海领取</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="168"/>
        <source>%1 released it to the public pool</source>
        <translation>%1 释放到公海</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="169"/>
        <source>Handed from %1 to %2</source>
        <translation>从 %1 分配给 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="170"/>
        <source>Returned from %1 to the public pool: no follow-up for too long</source>
        <translation>从 %1 退回公海：长期未跟进</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="172"/>
        <source>Returned from %1 to the public pool: no deal in time</source>
        <translation>从 %1 退回公海：未在期限内成交</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="174"/>
        <source>Owner %2 after a merge</source>
        <translation>合并后负责人为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="175"/>
        <source>Imported; owner %2</source>
        <translation>导入；负责人 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="177"/>
        <source>Owner changed from %1 to %2</source>
        <translation>负责人由 %1 变更为 %2</translation>
    </message>
</context>
<context>
    <name>DisqualifyDialog</name>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="229"/>
        <source>Disqualify lead</source>
        <translation>标记线索无效</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="230"/>
        <source>Why is %1 not worth following up?</source>
        <translation>为什么 %1 不值得跟进？</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="237"/>
        <source>Pick or type the reason</source>
        <translation>选择或输入原因</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="240"/>
        <source>Disqualify</source>
        <translation>标记无效</translation>
    </message>
</context>
<context>
    <name>DisqualifyReason</name>
    <message>
        <location filename="../../ui/leads/__init__.py" line="40"/>
        <source>No real need</source>
        <translation>无实际需求</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="41"/>
        <source>Cannot be reached</source>
        <translation>联系不上</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="42"/>
        <source>Duplicate of another lead</source>
        <translation>与其他线索重复</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="43"/>
        <source>A competitor or a peer asking</source>
        <translation>竞争对手或同行咨询</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="44"/>
        <source>Spam or advertising</source>
        <translation>垃圾信息或广告</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="45"/>
        <source>Budget far too small</source>
        <translation>预算过低</translation>
    </message>
</context>
<context>
    <name>DocLinesModel</name>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="133"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="133"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="133"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="134"/>
        <source>Specification</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="134"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="135"/>
        <source>Book qty</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="136"/>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="136"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="137"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="137"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="138"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="188"/>
        <source>Barcode %1</source>
        <translation>条码 %1</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="202"/>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="206"/>
        <source>A cost cannot be negative.</source>
        <translation>成本不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="223"/>
        <source>Type a quantity above zero, or press Delete to remove the line.</source>
        <translation>请输入大于零的数量，或按 Delete 删除该行。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="226"/>
        <source>%1 is counted in whole %2.</source>
        <translation>%1 只能按整%2计数。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_lines.py" line="228"/>
        <source>%1 takes at most %2 decimals.</source>
        <translation>%1 最多 %2 位小数。</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="20"/>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="21"/>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="22"/>
        <source>same tax ID</source>
        <translation>税号相同</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="23"/>
        <source>same code</source>
        <translation>编码相同</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="51"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="52"/>
        <source>This customer looks like one that already exists. Check the list before saving a second record.</source>
        <translation>此客户与已有客户相似。保存第二条记录之前，请先检查列表。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="55"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="55"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="55"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="56"/>
        <source>Why it matches</source>
        <translation>匹配原因</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="59"/>
        <source>public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="70"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="71"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="74"/>
        <source>Merge this customer into the selected one</source>
        <translation>将此客户合并到所选客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="76"/>
        <source>Contacts and follow-ups of this customer move to the selected customer; this record is then hidden from lists.</source>
        <translation>此客户的联系人和跟进记录将移到所选客户；之后此记录不再出现在列表中。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/form_dialogs.py" line="79"/>
        <source>Open the selected customer</source>
        <translation>打开所选客户</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <location filename="../../ui/errors.py" line="747"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="748"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="749"/>
        <source>Follow-up</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="750"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="751"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="752"/>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="753"/>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="754"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="755"/>
        <source>Sales target</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="111"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="112"/>
        <source>Product category</source>
        <translation>商品分类</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="113"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="114"/>
        <source>Supplier contact</source>
        <translation>供应商联系人</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="115"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="57"/>
        <source>Print template</source>
        <translation>打印模板</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="58"/>
        <source>Delivery note</source>
        <translation>送货单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="59"/>
        <source>Goods receipt</source>
        <translation>入库单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="60"/>
        <source>Stock document</source>
        <translation>出入库单据</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="61"/>
        <source>Sales order</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="62"/>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="63"/>
        <source>Quotation</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="64"/>
        <source>Statement</source>
        <translation>对账单</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="867"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="893"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="895"/>
        <source>Please correct the following:</source>
        <translation>请更正以下内容：</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="900"/>
        <source>%1 %2 no longer exists. Someone may have deleted or merged it; refresh the list.</source>
        <translation>%1 %2 已不存在。可能已被他人删除或合并；请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="913"/>
        <source>Someone else changed this record after you opened it. Reload it to see the current version.</source>
        <translation>在您打开之后，他人修改了此记录。请重新加载以查看当前版本。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="918"/>
        <source>Changed: %1</source>
        <translation>已修改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="922"/>
        <source>public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="923"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="926"/>
        <source>This looks like a customer that already exists:</source>
        <translation>这似乎是一个已存在的客户：</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="930"/>
        <source>Not enough stock of %1 in %2: short by %3.</source>
        <translation>%2 中 %1 的库存不足：缺少 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="937"/>
        <source>The database cannot be reached. Check the network cable or Wi-Fi and that the office server is running, then try again.</source>
        <translation>无法连接数据库。请检查网线或 Wi-Fi，并确认办公室服务器正在运行，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="941"/>
        <source>The database server refused the user name or password.</source>
        <translation>数据库服务器拒绝了该用户名或密码。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="944"/>
        <source>The office server has no such database. Check the database name in the connection profile.</source>
        <translation>办公室服务器上没有这个数据库。请检查连接配置中的数据库名称。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="948"/>
        <source>The database is busy with another change. Try again in a moment.</source>
        <translation>数据库正忙于另一项修改。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="950"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="956"/>
        <source>Check your input</source>
        <translation>请检查输入</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="958"/>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="960"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="962"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="964"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="966"/>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="967"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="985"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="992"/>
        <source>Qianli ran into a problem it did not expect. What you were doing may not have been saved. You can keep working; if it happens again, send the details below to your administrator.</source>
        <translation>千里遇到了一个意外问题。您刚才的操作可能没有保存。您可以继续工作；如果再次出现，请将下面的详细信息发送给管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="1003"/>
        <source>The error was also written to %1</source>
        <translation>错误也已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="1014"/>
        <location filename="../../ui/errors.py" line="1027"/>
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="1017"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="1027"/>
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/errors.py" line="667"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="668"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="669"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="670"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="671"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="672"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="673"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="674"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="675"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="676"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="677"/>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="678"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="679"/>
        <location filename="../../ui/errors.py" line="680"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="681"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="682"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="683"/>
        <location filename="../../ui/errors.py" line="684"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="685"/>
        <source>When</source>
        <translation>跟进时间</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="686"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="687"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="688"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="689"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="690"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="691"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="692"/>
        <location filename="../../ui/errors.py" line="724"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="693"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="695"/>
        <location filename="../../ui/errors.py" line="696"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="697"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="698"/>
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="699"/>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="700"/>
        <location filename="../../ui/errors.py" line="701"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="702"/>
        <source>Commit</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="703"/>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="704"/>
        <source>Products of interest</source>
        <translation>意向产品</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="705"/>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="706"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="707"/>
        <source>Enquiry</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="708"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="709"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="710"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="711"/>
        <source>Position</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="712"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="713"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="714"/>
        <source>Counts as won</source>
        <translation>计为赢单</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="715"/>
        <source>Counts as lost</source>
        <translation>计为输单</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="717"/>
        <source>Most customers per rep</source>
        <translation>每人客户上限</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="718"/>
        <source>Days before re-claiming</source>
        <translation>再次领取间隔天数</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="719"/>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="720"/>
        <source>Period start</source>
        <translation>期间开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="721"/>
        <location filename="../../ui/errors.py" line="722"/>
        <source>Measured on</source>
        <translation>考核口径</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="723"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="725"/>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="726"/>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="727"/>
        <source>Group by</source>
        <translation>统计维度</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="729"/>
        <source>Lines</source>
        <translation>明细行</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="730"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="731"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="732"/>
        <source>From warehouse</source>
        <translation>调出仓库</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="733"/>
        <source>To warehouse</source>
        <translation>调入仓库</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="734"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="735"/>
        <source>Sales order</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="736"/>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="737"/>
        <source>Source document</source>
        <translation>来源单据</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="738"/>
        <source>Reversal</source>
        <translation>冲销</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="739"/>
        <source>Quality note</source>
        <translation>质检说明</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="740"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="741"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="743"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="92"/>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="93"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="94"/>
        <source>Specification</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="95"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="96"/>
        <source>Quantity decimals</source>
        <translation>数量小数位</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="97"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="98"/>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="99"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="100"/>
        <source>Tax rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="101"/>
        <location filename="../../ui/catalog/messages.py" line="102"/>
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="103"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="104"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="105"/>
        <source>Payment days</source>
        <translation>账期天数</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="106"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="107"/>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="48"/>
        <source>Received from</source>
        <translation>交款单位（人）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="49"/>
        <source>For</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="50"/>
        <source>Period end</source>
        <translation>期间止</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="742"/>
        <location filename="../../ui/printing/messages.py" line="51"/>
        <source>Document type</source>
        <translation>单据类型</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="52"/>
        <source>Quotation valid (days)</source>
        <translation>报价有效天数</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="53"/>
        <source>Delivery note copies</source>
        <translation>送货单联次</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="134"/>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="135"/>
        <source>An Excel workbook (.xlsx) or a CSV file with one customer per row and column titles such as 客户名称 / Name, 电话 / Phone.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件，每行一个客户，列标题如 客户名称 / Name、电话 / Phone。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="138"/>
        <source>Path of the file to import</source>
        <translation>要导入的文件路径</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="139"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="152"/>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
</context>
<context>
    <name>FollowUpEntry</name>
    <message>
        <location filename="../../ui/customers/followup.py" line="76"/>
        <location filename="../../ui/customers/followup.py" line="118"/>
        <source>(no contact)</source>
        <translation>（无联系人）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="78"/>
        <source>What was discussed? Ctrl+Enter saves.</source>
        <translation>沟通了什么？按 Ctrl+Enter 保存。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="81"/>
        <source>Next follow-up on</source>
        <translation>下次跟进日期</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="82"/>
        <source>Log follow-up</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="83"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="94"/>
        <source>with</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="96"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="97"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="135"/>
        <source>Write what was discussed.</source>
        <translation>请填写沟通内容。</translation>
    </message>
</context>
<context>
    <name>FollowUpKind</name>
    <message>
        <location filename="../../ui/customers/followup.py" line="30"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="31"/>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="32"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="33"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/customers/followup.py" line="34"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
</context>
<context>
    <name>ForecastWidget</name>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="110"/>
        <source>&amp;Per:</source>
        <translation>统计维度(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="111"/>
        <location filename="../../ui/pipeline/forecast.py" line="130"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="111"/>
        <location filename="../../ui/pipeline/forecast.py" line="130"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="111"/>
        <location filename="../../ui/pipeline/forecast.py" line="131"/>
        <source>Company</source>
        <translation>全公司</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="113"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="114"/>
        <source>Save chart as PNG…</source>
        <translation>图表另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="115"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="126"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="126"/>
        <source>Pipeline</source>
        <translation>商机金额</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="126"/>
        <location filename="../../ui/pipeline/forecast.py" line="185"/>
        <source>Weighted</source>
        <translation>加权金额</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="127"/>
        <location filename="../../ui/pipeline/forecast.py" line="187"/>
        <source>Best case</source>
        <translation>最佳情况</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="127"/>
        <location filename="../../ui/pipeline/forecast.py" line="189"/>
        <source>Commit</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="127"/>
        <location filename="../../ui/pipeline/forecast.py" line="191"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="143"/>
        <source>The forecast could not be loaded: %1</source>
        <translation>无法加载销售预测：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="170"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="179"/>
        <source>Weighted &lt;b&gt;%1&lt;/b&gt; · best case &lt;b&gt;%2&lt;/b&gt; · commit &lt;b&gt;%3&lt;/b&gt; · won &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>加权 &lt;b&gt;%1&lt;/b&gt; · 最佳情况 &lt;b&gt;%2&lt;/b&gt; · 承诺 &lt;b&gt;%3&lt;/b&gt; · 赢单 &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="198"/>
        <source>Save the forecast chart</source>
        <translation>保存预测图表</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="198"/>
        <source>forecast.png</source>
        <translation>销售预测.png</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="199"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="208"/>
        <source>Export the forecast</source>
        <translation>导出销售预测</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="208"/>
        <source>forecast.xlsx</source>
        <translation>销售预测.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="209"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/forecast.py" line="215"/>
        <source>Forecast</source>
        <translation>销售预测</translation>
    </message>
</context>
<context>
    <name>FunnelChart</name>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="94"/>
        <source>%1 · %2</source>
        <translation>%1 个 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="103"/>
        <source>avg %1 d</source>
        <translation>平均 %1 天</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="108"/>
        <source>↓ %1</source>
        <translation>↓ %1</translation>
    </message>
</context>
<context>
    <name>FunnelWidget</name>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="256"/>
        <source>&amp;Width by:</source>
        <translation>宽度依据(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="257"/>
        <location filename="../../ui/pipeline/funnel.py" line="277"/>
        <location filename="../../ui/pipeline/funnel.py" line="454"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="258"/>
        <location filename="../../ui/pipeline/funnel.py" line="264"/>
        <location filename="../../ui/pipeline/funnel.py" line="277"/>
        <location filename="../../ui/pipeline/funnel.py" line="454"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="259"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="260"/>
        <source>Save chart as PNG…</source>
        <translation>图表另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="261"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="264"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="264"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="264"/>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="265"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="265"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="265"/>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="266"/>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="277"/>
        <location filename="../../ui/pipeline/funnel.py" line="454"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="278"/>
        <source>Conversion to next</source>
        <translation>下一阶段转化率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="278"/>
        <location filename="../../ui/pipeline/funnel.py" line="455"/>
        <source>Avg days in stage</source>
        <translation>平均停留天数</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="289"/>
        <source>The funnel could not be loaded: %1</source>
        <translation>无法加载销售漏斗：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="297"/>
        <source>&lt;b&gt;%1&lt;/b&gt; opportunities worth &lt;b&gt;%2&lt;/b&gt; expected to close %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 个商机，金额 &lt;b&gt;%2&lt;/b&gt;，预计成交日期 %3</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="405"/>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="406"/>
        <source>Click a stage in the funnel to list its opportunities; double-click one to open the customer.</source>
        <translation>点击漏斗中的阶段可列出该阶段的商机；双击商机可打开客户。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="410"/>
        <source>Opportunities in %1</source>
        <translation>“%1”阶段的商机</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="414"/>
        <source>%1 shown, now in this stage; double-click to open the customer.</source>
        <translation>显示当前处于此阶段的 %1 个商机；双击可打开客户。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="423"/>
        <source>Save the funnel chart</source>
        <translation>保存漏斗图</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="423"/>
        <source>funnel.png</source>
        <translation>销售漏斗.png</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="424"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="438"/>
        <source>Export the funnel</source>
        <translation>导出销售漏斗</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="438"/>
        <source>funnel.xlsx</source>
        <translation>销售漏斗.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="439"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="454"/>
        <source>Reached</source>
        <translation>到达数</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="455"/>
        <source>Conversion to next (%)</source>
        <translation>下一阶段转化率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/funnel.py" line="457"/>
        <source>Funnel</source>
        <translation>销售漏斗</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="35"/>
        <source>Contact&apos;s title</source>
        <translation>联系人职务</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="40"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="41"/>
        <source>errors</source>
        <translation>有错误</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="42"/>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="54"/>
        <source>column %1 (%2): %3</source>
        <translation>第 %1 列（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="61"/>
        <source>like existing customer %1 %2 (%3)</source>
        <translation>与已有客户 %1 %2 相似（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="65"/>
        <source>same as row %1 of this file</source>
        <translation>与本文件第 %1 行相同</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="102"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="103"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="104"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="531"/>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="543"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>LeadFields</name>
    <message>
        <location filename="../../ui/leads/__init__.py" line="30"/>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="31"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="32"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="33"/>
        <source>Enquiry</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="34"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="35"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>LeadFilePage</name>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="124"/>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="125"/>
        <source>An Excel workbook (.xlsx) or a CSV file with one lead per row and column titles such as 联系人 / Contact, 公司 / Company, 电话 / Phone, 需求 / Enquiry.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件，每行一条线索，列标题如 联系人 / Contact、公司 / Company、电话 / Phone、需求 / Enquiry。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="129"/>
        <source>Path of the file to import</source>
        <translation>要导入的文件路径</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="130"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="139"/>
        <source>Import leads</source>
        <translation>导入线索</translation>
    </message>
</context>
<context>
    <name>LeadFormDialog</name>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="47"/>
        <source>New enquiry</source>
        <translation>新咨询</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="49"/>
        <source>New lead</source>
        <translation>新建线索</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="49"/>
        <source>Edit lead</source>
        <translation>编辑线索</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="60"/>
        <source>Who called or wrote, e.g. 王先生</source>
        <translation>来电或来信的人，例如 王先生</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="71"/>
        <source>Where the lead came from</source>
        <translation>线索从哪里来</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="76"/>
        <source>What did they ask for? Ctrl+Enter saves.</source>
        <translation>对方咨询了什么？按 Ctrl+Enter 保存。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="96"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="99"/>
        <source>Save and add another</source>
        <translation>保存并继续添加</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="122"/>
        <source>by rule (sales staff: me; admin: unassigned)</source>
        <translation>按规则（销售人员：归我；管理员：未分配）</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="125"/>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="143"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="149"/>
        <source>This lead was converted into a customer; it can no longer change.</source>
        <translation>此线索已转化为客户，不能再修改。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="177"/>
        <source>Who is it? Type a name, e.g. 王先生.</source>
        <translation>对方是谁？请输入姓名，例如 王先生。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="199"/>
        <source>Saved %1. Next one:</source>
        <translation>已保存 %1。下一条：</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_form.py" line="215"/>
        <source>Someone else changed this lead meanwhile; the form now shows what is saved (changed: %1). Make your change again and save.</source>
        <translation>此期间他人修改了该线索；表单现在显示已保存的内容（已修改：%1）。请重新修改后保存。</translation>
    </message>
</context>
<context>
    <name>LeadImportWizard</name>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="39"/>
        <source>Owner (login or name)</source>
        <translation>负责人（登录名或姓名）</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="50"/>
        <source>column %1 (%2): %3</source>
        <translation>第 %1 列（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="55"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="56"/>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="59"/>
        <source>same %1 as existing lead %2</source>
        <translation>与已有线索 %2 的%1相同</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="62"/>
        <source>same %1 as row %2 of this file</source>
        <translation>与本文件第 %2 行的%1相同</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="96"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="96"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="97"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="449"/>
        <source>Import leads</source>
        <translation>导入线索</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="459"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>LeadListWidget</name>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="65"/>
        <source>Open (new, contacted, qualified)</source>
        <translation>跟进中（新线索、已联系、有效）</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="68"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="70"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="70"/>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="71"/>
        <source>Unassigned</source>
        <translation>未分配</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="72"/>
        <source>All I can see</source>
        <translation>我可见的全部</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="79"/>
        <source>Name, company, phone, email or WeChat…</source>
        <translation>姓名、公司、电话、邮箱或微信…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="81"/>
        <source>New enquiry…</source>
        <translation>新咨询…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="82"/>
        <source>Quickly note a call or message (Ctrl+N)</source>
        <translation>快速记下来电或留言（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="84"/>
        <source>New lead…</source>
        <translation>新建线索…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="85"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="88"/>
        <location filename="../../ui/leads/lead_list.py" line="117"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="90"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="96"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="97"/>
        <source>Mark contacted</source>
        <translation>标记为已联系</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="98"/>
        <source>Mark qualified</source>
        <translation>标记为有效</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="99"/>
        <source>Disqualify…</source>
        <translation>标记无效…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="100"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="101"/>
        <source>Put a disqualified lead back to new</source>
        <translation>将无效线索恢复为新线索</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="102"/>
        <source>Convert…</source>
        <translation>转化…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="103"/>
        <source>Turn the lead into a customer, a contact and optionally an opportunity</source>
        <translation>将线索转化为客户和联系人，并可同时创建商机</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="105"/>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="116"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="116"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="116"/>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="116"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="117"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="117"/>
        <source>Enquiry</source>
        <translation>需求</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="117"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="127"/>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="209"/>
        <source>%1 leads shown</source>
        <translation>显示 %1 条线索</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="210"/>
        <source>No leads match.</source>
        <translation>没有匹配的线索。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="224"/>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="285"/>
        <source>Disqualified: %1</source>
        <translation>无效：%1</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="287"/>
        <source>Converted on %1.</source>
        <translation>已于 %1 转化。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/lead_list.py" line="353"/>
        <source>%1 converted. &lt;a href=&quot;customer:%2&quot;&gt;Open the customer&lt;/a&gt;</source>
        <translation>%1 已转化。&lt;a href=&quot;customer:%2&quot;&gt;打开客户&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>LeadPreviewPage</name>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="164"/>
        <source>Check the columns and rows</source>
        <translation>检查列和行</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="165"/>
        <source>Change what a column is imported as if it was not recognised; the rows are checked again.</source>
        <translation>如果某列未被识别，请修改它的导入字段；各行会重新检查。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="168"/>
        <source>Title in file</source>
        <translation>文件中的标题</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="168"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="169"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="179"/>
        <source>Show only rows with problems</source>
        <translation>只显示有问题的行</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="187"/>
        <source>All or nothing: import only if every row is fine</source>
        <translation>全部或全不：仅当每一行都正确时才导入</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="189"/>
        <source>Only the good rows: leave out rows with errors (they go into the error report)</source>
        <translation>只导入正确的行：跳过有错误的行（写入错误报告）</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="192"/>
        <source>Also import rows that look like existing leads (otherwise they are skipped)</source>
        <translation>同时导入与已有线索相似的行（否则跳过）</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="219"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="243"/>
        <source>%1 rows: %2 ok, %3 with errors, %4 duplicates.</source>
        <translation>共 %1 行：%2 行正常，%3 行有错误，%4 行重复。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="259"/>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
</context>
<context>
    <name>LeadResultPage</name>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="324"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="329"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="330"/>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="344"/>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="361"/>
        <source>Checking and importing…</source>
        <translation>正在检查并导入…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="382"/>
        <source>Cancelling: undoing what was written…</source>
        <translation>正在取消：撤销已写入的内容…</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="392"/>
        <source>Imported: %1</source>
        <translation>已导入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="393"/>
        <source>Duplicates skipped: %1</source>
        <translation>跳过的重复行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="394"/>
        <source>Rows with errors: %1</source>
        <translation>有错误的行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="396"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="398"/>
        <source>Nothing was imported (all or nothing).</source>
        <translation>没有导入任何内容（全部或全不）。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="410"/>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/leads/import_wizard.py" line="429"/>
        <source>Error report saved to %1</source>
        <translation>错误报告已保存到 %1</translation>
    </message>
</context>
<context>
    <name>LeadStatus</name>
    <message>
        <location filename="../../ui/leads/__init__.py" line="21"/>
        <source>New</source>
        <translation>新线索</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="22"/>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="23"/>
        <source>Qualified</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="24"/>
        <source>Disqualified</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../ui/leads/__init__.py" line="25"/>
        <source>Converted</source>
        <translation>已转化</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="124"/>
        <source>Log in — 千里 Qianli CRM</source>
        <translation>登录 — 千里 Qianli CRM</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="125"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="126"/>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="127"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="128"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="129"/>
        <source>Add or change connection profiles</source>
        <translation>添加或修改连接配置</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="130"/>
        <source>&amp;Remember me on this computer</source>
        <translation>在此电脑上记住我(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="131"/>
        <source>The password is kept in the system&apos;s credential store, never in a file.</source>
        <translation>密码保存在系统的凭据存储中，绝不写入文件。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="133"/>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="134"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="178"/>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="182"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="215"/>
        <source>The office database is older than this program. Ask your administrator to run the database upgrade.</source>
        <translation>办公室数据库的版本比本程序旧。请让管理员执行数据库升级。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="218"/>
        <source>Cannot reach the database server of profile “%1”. Check the network and that the server is running.</source>
        <translation>无法连接配置“%1”的数据库服务器。请检查网络，并确认服务器正在运行。</translation>
    </message>
</context>
<context>
    <name>LostReason</name>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="41"/>
        <source>Price too high</source>
        <translation>价格太高</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="42"/>
        <source>Chose a competitor</source>
        <translation>选择了竞争对手</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="43"/>
        <source>No budget</source>
        <translation>没有预算</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="44"/>
        <source>Project cancelled or postponed</source>
        <translation>项目取消或延期</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="45"/>
        <source>No reply from the customer</source>
        <translation>客户没有回应</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="46"/>
        <source>Requirements do not fit our products</source>
        <translation>需求与我们的产品不匹配</translation>
    </message>
</context>
<context>
    <name>LostReasonDialog</name>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="91"/>
        <source>Why was it lost?</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="92"/>
        <source>Moving “%1” to %2. What made the customer say no?</source>
        <translation>正在将“%1”移到“%2”。客户为什么没有选择我们？</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="99"/>
        <source>Pick or type the reason</source>
        <translation>选择或输入原因</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="103"/>
        <source>Mark as lost</source>
        <translation>标记为输单</translation>
    </message>
</context>
<context>
    <name>LowStockWidget</name>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="38"/>
        <location filename="../../ui/stock/low_stock.py" line="66"/>
        <location filename="../../ui/stock/low_stock.py" line="79"/>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="40"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="44"/>
        <source>Warehouse:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="59"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="59"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="59"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="60"/>
        <source>On hand</source>
        <translation>现存</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="60"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="60"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="61"/>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="61"/>
        <source>Short by</source>
        <translation>缺少</translation>
    </message>
    <message>
        <location filename="../../ui/stock/low_stock.py" line="83"/>
        <source>%1 products below their minimum stock</source>
        <translation>%1 种商品低于最低库存</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <location filename="../../ui/main_window.py" line="227"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <location filename="../../ui/main_window.py" line="229"/>
        <location filename="../../ui/main_window.py" line="327"/>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <location filename="../../ui/main_window.py" line="553"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>&amp;Today</source>
        <translation>今日待办(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>&amp;Leads</source>
        <translation>线索(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>Pipeline &amp;board</source>
        <translation>商机看板(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>&amp;Funnel</source>
        <translation>销售漏斗(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>F&amp;orecast</source>
        <translation>销售预测(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>&amp;Targets</source>
        <translation>销售目标(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>&amp;Rep performance</source>
        <translation>销售业绩(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>&amp;Export list…</source>
        <translation>导出列表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="247"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="250"/>
        <source>&amp;Public pool</source>
        <translation>公海(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>&amp;Close tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>&amp;About Qianli</source>
        <translation>关于千里(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="254"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="258"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Pipeline board</source>
        <translation>商机看板</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>Funnel</source>
        <translation>销售漏斗</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Forecast</source>
        <translation>销售预测</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>Targets</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>Performance</source>
        <translation>销售业绩</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Sales settings</source>
        <translation>销售设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="274"/>
        <source>Warehouses</source>
        <translation>仓库设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="275"/>
        <source>Stock inquiry</source>
        <translation>库存查询</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>Stock reports</source>
        <translation>库存报表</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367"/>
        <source>This screen is not available in this version.</source>
        <translation>此版本中没有该页面。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="430"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431"/>
        <source>The customer view is not available in this version.</source>
        <translation>此版本中没有客户视图。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="437"/>
        <source>Customer %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="519"/>
        <source>%1 customers returned to the public pool.</source>
        <translation>%1 个客户已退回公海。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="554"/>
        <source>Importing is not available in this version.</source>
        <translation>此版本中没有导入功能。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="561"/>
        <source>Imported %1 customers</source>
        <translation>已导入 %1 个客户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="578"/>
        <source>About Qianli</source>
        <translation>关于千里</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="579"/>
        <source>千里 Qianli CRM
Customers, sales, stock and receivables for small and mid-sized offices.</source>
        <translation>千里 Qianli CRM
面向中小型办公室的客户、销售、库存与应收管理。</translation>
    </message>
</context>
<context>
    <name>ModePage</name>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="315"/>
        <source>How to import</source>
        <translation>导入方式</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="317"/>
        <source>All or nothing: import only if every row is fine</source>
        <translation>全部或全不：仅当每一行都正确时才导入</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="319"/>
        <source>Only the good rows: leave out rows with errors (they go into the error report)</source>
        <translation>只导入正确的行：跳过有错误的行（写入错误报告）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="321"/>
        <source>Also import rows that look like existing customers (otherwise they are skipped)</source>
        <translation>同时导入与已有客户相似的行（否则跳过）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="335"/>
        <source>%1 rows are fine, %2 have errors and %3 look like customers that already exist.</source>
        <translation>%1 行正确，%2 行有错误，%3 行与已有客户相似。</translation>
    </message>
</context>
<context>
    <name>NewDocumentDialog</name>
    <message>
        <location filename="../../ui/stock/new_document.py" line="53"/>
        <source>Receive goods without a purchase order</source>
        <translation>无采购订单入库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="54"/>
        <source>New transfer</source>
        <translation>新建调拨单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="54"/>
        <source>New stock count</source>
        <translation>新建盘点单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="66"/>
        <source>From warehouse</source>
        <translation>调出仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="66"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="69"/>
        <source>To warehouse</source>
        <translation>调入仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="70"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="72"/>
        <source>e.g. sample from supplier, found in stock</source>
        <translation>例如：供应商样品、盘点发现</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="79"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="97"/>
        <source>Choose a warehouse.</source>
        <translation>请选择仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="102"/>
        <source>Say why goods are received without a purchase order.</source>
        <translation>请说明无采购订单入库的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/new_document.py" line="110"/>
        <source>A transfer goes to a different warehouse.</source>
        <translation>调拨必须调往另一个仓库。</translation>
    </message>
</context>
<context>
    <name>OpportunitiesTab</name>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="58"/>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="59"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="66"/>
        <source>Title</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="66"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="66"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="67"/>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="67"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="68"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="68"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="106"/>
        <source>%1 open, %2 in the pipeline</source>
        <translation>%1 个进行中，商机金额 %2</translation>
    </message>
</context>
<context>
    <name>OpportunityCard</name>
    <message>
        <location filename="../../ui/pipeline/board.py" line="138"/>
        <source>%1% probability</source>
        <translation>赢率 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="139"/>
        <source>commit</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="141"/>
        <source>no close date</source>
        <translation>无成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="145"/>
        <source>Expected close date has passed</source>
        <translation>已过预计成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="146"/>
        <source>Expected close date</source>
        <translation>预计成交日期</translation>
    </message>
</context>
<context>
    <name>OpportunityConflictDialog</name>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="133"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="134"/>
        <source>%1 saved this opportunity after you opened it. Choose which values to keep.</source>
        <translation>在您打开之后，%1 保存了此商机。请选择要保留哪些值。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="136"/>
        <source>Another user</source>
        <translation>另一位用户</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="142"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="142"/>
        <source>Yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="143"/>
        <source>Theirs (saved)</source>
        <translation>对方的（已保存）</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="157"/>
        <source>Keep theirs (reload)</source>
        <translation>保留对方的（重新加载）</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="158"/>
        <source>Overwrite with mine</source>
        <translation>用我的覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="159"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OpportunityForm</name>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="50"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="51"/>
        <source>Title</source>
        <translation>商机名称</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="52"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="53"/>
        <source>Expected close</source>
        <translation>预计成交日期</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="54"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="55"/>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="56"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="57"/>
        <source>Products of interest</source>
        <translation>意向产品</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="58"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="59"/>
        <source>Lost reason</source>
        <translation>输单原因</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="60"/>
        <source>Commit</source>
        <translation>承诺</translation>
    </message>
</context>
<context>
    <name>OpportunityFormDialog</name>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="207"/>
        <source>New opportunity</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="208"/>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="227"/>
        <source>(choose a customer)</source>
        <translation>（请选择客户）</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="229"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="230"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="231"/>
        <source>Open the customer&apos;s 360° view</source>
        <translation>打开客户的 360° 视图</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="240"/>
        <source>What is the deal? e.g. 二期生产线改造</source>
        <translation>做什么项目？例如 二期生产线改造</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="242"/>
        <source>e.g. 120000 or 12万</source>
        <translation>例如 120000 或 12万</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="243"/>
        <source>Set a date</source>
        <translation>设置日期</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="255"/>
        <source>Products or services they are interested in</source>
        <translation>客户感兴趣的产品或服务</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="259"/>
        <source>Commit — count it in the forecast&apos;s commit column</source>
        <translation>承诺 — 计入销售预测的“承诺”列</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="283"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="283"/>
        <source>Entered</source>
        <translation>进入时间</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="284"/>
        <source>Left</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="343"/>
        <source>by rule (sales staff: me; others: the customer&apos;s owner)</source>
        <translation>按规则（销售人员：归我；其他人：客户负责人）</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="381"/>
        <source>(current)</source>
        <translation>（当前）</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="415"/>
        <source>Opportunity: %1</source>
        <translation>商机：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="419"/>
        <source>Won on %1.</source>
        <translation>已于 %1 赢单。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="419"/>
        <source>Lost on %1.</source>
        <translation>已于 %1 输单。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="422"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="440"/>
        <source>Opportunity for which customer?</source>
        <translation>为哪个客户创建商机？</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="465"/>
        <source>Choose the customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="470"/>
        <source>Type an amount such as 120000, 120,000.50 or 12万.</source>
        <translation>请输入金额，例如 120000、120,000.50 或 12万。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="473"/>
        <source>Amount is required (0 when not known yet).</source>
        <translation>必须填写金额（尚不确定时填 0）。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/opportunity_form.py" line="563"/>
        <source>Reloaded the saved version.</source>
        <translation>已重新加载已保存的版本。</translation>
    </message>
</context>
<context>
    <name>OpportunityState</name>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="31"/>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="32"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="33"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
</context>
<context>
    <name>OrderFormBase</name>
    <message>
        <location filename="../../ui/orders/order_form.py" line="118"/>
        <source>Find product…</source>
        <translation>查找商品…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="146"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="117"/>
        <source>No product has the barcode or SKU “%1”.</source>
        <translation>没有条码或货号为“%1”的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="114"/>
        <source>Add a product: scan or type its SKU or name</source>
        <translation>添加商品：扫描条码，或输入货号、名称</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="148"/>
        <source>Load their version</source>
        <translation>载入对方的版本</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="159"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="159"/>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="159"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="160"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="160"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="163"/>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="164"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="186"/>
        <source>Quotation</source>
        <translation>报价单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="187"/>
        <source>Sales contract</source>
        <translation>销售合同</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="188"/>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="189"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="203"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="263"/>
        <source>Total %1 (tax %2)</source>
        <translation>合计 %1（税额 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="266"/>
        <source>discount %1</source>
        <translation>折扣 %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="293"/>
        <source>Sent back by %1: %2</source>
        <translation>已被 %1 退回：%2</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="368"/>
        <source>Submitted as %1.</source>
        <translation>已提交，单号 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="368"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="394"/>
        <source>Save the order before printing it.</source>
        <translation>请先保存订单再打印。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_form.py" line="435"/>
        <source>Someone else saved this order after you opened it. Load their version to continue (your changes are not saved).</source>
        <translation>您打开此订单后，他人已保存了修改。请载入对方的版本后继续（您的修改未保存）。</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="99"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="99"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="99"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="100"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="100"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="101"/>
        <source>Unit price (incl. tax)</source>
        <translation>含税单价</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="102"/>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="102"/>
        <source>Tax %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="103"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="103"/>
        <source>Tax</source>
        <translation>税额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="104"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="105"/>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="105"/>
        <source>Delivered</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="106"/>
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="149"/>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="152"/>
        <source>Type a number of 0 or more.</source>
        <translation>请输入 0 或更大的数字。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="156"/>
        <source>Type a quantity above zero, or press Delete to remove the line.</source>
        <translation>请输入大于零的数量，或按 Delete 删除该行。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="160"/>
        <source>%1 takes at most %2 decimals.</source>
        <translation>%1 最多 %2 位小数。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="167"/>
        <source>A price has at most %1 decimals.</source>
        <translation>单价最多 %1 位小数。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_lines.py" line="173"/>
        <source>A percentage is from 0 to 100, with at most two decimals.</source>
        <translation>百分比须在 0 到 100 之间，最多两位小数。</translation>
    </message>
</context>
<context>
    <name>OrderListBase</name>
    <message>
        <location filename="../../ui/orders/order_list.py" line="41"/>
        <source>Open orders</source>
        <translation>未完成订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="42"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="43"/>
        <source>All orders</source>
        <translation>全部订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="46"/>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="49"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="50"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="52"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="64"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="119"/>
        <source>%1 orders shown</source>
        <translation>已显示 %1 张订单</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <location filename="../../ui/orders/__init__.py" line="18"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="19"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="20"/>
        <location filename="../../ui/orders/__init__.py" line="34"/>
        <source>Approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="21"/>
        <source>Partly received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="22"/>
        <source>Received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="23"/>
        <source>Partly delivered</source>
        <translation>部分发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="24"/>
        <source>Delivered</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="25"/>
        <location filename="../../ui/orders/__init__.py" line="36"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="31"/>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="32"/>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="33"/>
        <source>Submitted</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="35"/>
        <source>Sent back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="37"/>
        <source>Goods received</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/__init__.py" line="38"/>
        <source>Goods delivered</source>
        <translation>发货</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../ui/orders/order_list.py" line="233"/>
        <source>Sales orders</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="234"/>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
</context>
<context>
    <name>PerformanceWidget</name>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="83"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="84"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="87"/>
        <source>New customers: created or claimed from the pool in the period. Win rate: won ÷ (won + lost) closed in the period. Cycle: days from creation to won.</source>
        <translation>新增客户：期间内新建或从公海领取的客户。赢单率：期间内关闭的商机中 赢单 ÷（赢单 + 输单）。成交周期：从创建到赢单的天数。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="97"/>
        <location filename="../../ui/pipeline/performance.py" line="104"/>
        <source>Rep</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="97"/>
        <location filename="../../ui/pipeline/performance.py" line="104"/>
        <source>New customers</source>
        <translation>新增客户</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="97"/>
        <location filename="../../ui/pipeline/performance.py" line="104"/>
        <source>Follow-ups</source>
        <translation>跟进次数</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="98"/>
        <location filename="../../ui/pipeline/performance.py" line="105"/>
        <source>Opportunities created</source>
        <translation>新建商机</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="98"/>
        <location filename="../../ui/pipeline/performance.py" line="105"/>
        <source>Won</source>
        <translation>赢单数</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="98"/>
        <location filename="../../ui/pipeline/performance.py" line="105"/>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="99"/>
        <source>Win rate</source>
        <translation>赢单率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="99"/>
        <location filename="../../ui/pipeline/performance.py" line="106"/>
        <source>Average deal size</source>
        <translation>平均成交金额</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="100"/>
        <location filename="../../ui/pipeline/performance.py" line="107"/>
        <source>Average cycle (days)</source>
        <translation>平均成交周期（天）</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="100"/>
        <location filename="../../ui/pipeline/performance.py" line="107"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="101"/>
        <source>Target attainment</source>
        <translation>目标达成率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="106"/>
        <source>Lost</source>
        <translation>输单数</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="106"/>
        <source>Win rate %</source>
        <translation>赢单率 %</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="108"/>
        <source>Target attainment %</source>
        <translation>目标达成率 %</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="150"/>
        <source>Export rep performance</source>
        <translation>导出销售业绩</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="151"/>
        <source>performance.xlsx</source>
        <translation>销售业绩.xlsx</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/performance.py" line="151"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <location filename="../../ui/pipeline/board.py" line="348"/>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="348"/>
        <source>My team</source>
        <translation>我的团队</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="349"/>
        <source>All I can see</source>
        <translation>我可见的全部</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="354"/>
        <location filename="../../ui/pipeline/board.py" line="419"/>
        <source>Any owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="356"/>
        <source>Any close date</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="357"/>
        <source>Closing this month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="358"/>
        <source>Closing next month</source>
        <translation>下月</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="359"/>
        <source>Closing this quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="360"/>
        <source>Closing this year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="361"/>
        <source>Close date passed</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="364"/>
        <source>Title or customer…</source>
        <translation>商机名称或客户…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="368"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="369"/>
        <source>New opportunity…</source>
        <translation>新建商机…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="372"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="372"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="373"/>
        <source>Close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="383"/>
        <source>Drag a card to another stage, or select it and press Ctrl+← / Ctrl+→ (or Alt+← / Alt+→). Enter opens it.</source>
        <translation>把卡片拖到其他阶段，或选中后按 Ctrl+← / Ctrl+→（或 Alt+← / Alt+→）。按 Enter 打开。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="665"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="667"/>
        <source>Open customer</source>
        <translation>打开客户</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="668"/>
        <source>Move to</source>
        <translation>移到</translation>
    </message>
</context>
<context>
    <name>PoolWidget</name>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="142"/>
        <source>Only sales staff claim customers from the pool.</source>
        <translation>只有销售人员可以从公海领取客户。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="159"/>
        <source>&amp;Claim</source>
        <translation>领取(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="160"/>
        <source>Take the selected customer from the pool; it becomes yours.</source>
        <translation>从公海领取所选客户，归到您名下。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="162"/>
        <source>&amp;Assign to…</source>
        <translation>分配给(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="163"/>
        <source>Give the selected customer to a rep of your team.</source>
        <translation>把所选客户分配给本团队的销售。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="165"/>
        <source>&amp;Release</source>
        <translation>释放(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="166"/>
        <source>Put the selected customer of yours back into the pool.</source>
        <translation>把您名下的所选客户释放回公海。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="213"/>
        <source>Customer %1 is already yours.</source>
        <translation>客户 %1 已经是您的了。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="214"/>
        <source>Customer %1 was already claimed by %2.</source>
        <translation>客户 %1 已被 %2 领取。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="215"/>
        <source>someone else</source>
        <translation>他人</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="218"/>
        <source>You own %1 customers, the most allowed is %2; release one before claiming another.</source>
        <translation>您名下已有 %1 个客户，上限为 %2 个；请先释放一个再领取。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="223"/>
        <source>%1 owns %2 customers, the most allowed is %3.</source>
        <translation>%1 名下已有 %2 个客户，上限为 %3 个。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="229"/>
        <source>Customer %1 left you less than %2 days ago; you can claim it again in %3 day(s).</source>
        <translation>客户 %1 离开您名下不足 %2 天；%3 天后才能再次领取。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="264"/>
        <source>%1 is now your customer.</source>
        <translation>%1 已归到您名下。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="296"/>
        <source>%1 now belongs to %2.</source>
        <translation>%1 已分配给 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="318"/>
        <source>%1 is back in the public pool.</source>
        <translation>%1 已释放回公海。</translation>
    </message>
</context>
<context>
    <name>PostedDocumentActions</name>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="35"/>
        <source>Return to supplier from %1</source>
        <translation>%1 退供应商</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="36"/>
        <source>Why do the goods go back to the supplier?</source>
        <translation>为什么把货退回给供应商？</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="37"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="39"/>
        <source>Customer return from %1</source>
        <translation>%1 客户退货</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="40"/>
        <source>Why does the customer return goods? (each line can say more)</source>
        <translation>客户为什么退货？（每行还可以单独说明）</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="41"/>
        <source>Take back</source>
        <translation>退货入库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="54"/>
        <source>Reverse %1</source>
        <translation>冲销 %1</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="55"/>
        <source>Why is this document reversed? A reversal document with the opposite movements is posted at once.</source>
        <translation>为什么冲销此单据？系统将立即过账一张数量相反的冲销单。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="57"/>
        <source>Reverse</source>
        <translation>冲销</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_posted.py" line="76"/>
        <source>%1 created.</source>
        <translation>已创建 %1。</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="173"/>
        <source>Check the columns and rows</source>
        <translation>检查列和行</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="174"/>
        <source>Each column of the file and what it is imported as. Change a column&apos;s field if it was not recognised; the rows are checked again.</source>
        <translation>文件的每一列及其导入后对应的字段。如果某列未被识别，请修改其字段；各行会重新检查。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="186"/>
        <source>Title in file</source>
        <translation>文件中的标题</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="186"/>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="187"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="191"/>
        <source>Show only rows with problems</source>
        <translation>只显示有问题的行</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="222"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="248"/>
        <source>%1 rows: %2 ok, %3 with errors, %4 duplicates.</source>
        <translation>共 %1 行：%2 行正常，%3 行有错误，%4 行重复。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="263"/>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/printing/preview.py" line="37"/>
        <source>Print preview — %1</source>
        <translation>打印预览 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="46"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="49"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="51"/>
        <source>Save as Excel…</source>
        <translation>另存为 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="53"/>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="56"/>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="62"/>
        <source>%1 pages, %2 documents</source>
        <translation>共 %1 页，%2 张单据</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="86"/>
        <source>Print %1</source>
        <translation>打印 %1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="96"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="97"/>
        <source>The printer could not print: %1</source>
        <translation>打印机无法打印：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="124"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="124"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="139"/>
        <source>Save as Excel</source>
        <translation>另存为 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="140"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>PrintSettingsDialog</name>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="23"/>
        <source>Print settings</source>
        <translation>打印设置</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="26"/>
        <source>Company name</source>
        <translation>公司名称</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="26"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="27"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="27"/>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="27"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="28"/>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="28"/>
        <source>Tax id</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="29"/>
        <source>Bank</source>
        <translation>开户银行</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="29"/>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="35"/>
        <source>One printed copy per name, separated by /; empty for a single copy</source>
        <translation>每个名称打印一联，用 / 分隔；留空则只打一份</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="37"/>
        <source>Delivery note copies</source>
        <translation>送货单联次</translation>
    </message>
    <message>
        <location filename="../../ui/printing/settings_dialog.py" line="40"/>
        <source>Quotation valid (days)</source>
        <translation>报价有效天数</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../ui/printing/preview.py" line="155"/>
        <source>Rendering %1 documents…</source>
        <translation>正在生成 %1 张单据…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/preview.py" line="157"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/printing/__init__.py" line="121"/>
        <source>Print templates…</source>
        <translation>打印模板…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/__init__.py" line="125"/>
        <source>Print settings…</source>
        <translation>打印设置…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/__init__.py" line="129"/>
        <source>Customer statement…</source>
        <translation>客户对账单…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/__init__.py" line="133"/>
        <source>Payment receipt…</source>
        <translation>收据…</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="23"/>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="24"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="25"/>
        <source>Specification</source>
        <translation>规格型号</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="26"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="27"/>
        <source>Quantity decimals</source>
        <translation>数量小数位</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="28"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="29"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="30"/>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="31"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="32"/>
        <source>Tax rate %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="33"/>
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="34"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>ProductFormDialog</name>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="45"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="46"/>
        <source>Edit product</source>
        <translation>编辑商品</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="57"/>
        <source>e.g. M6×20, 500 ml</source>
        <translation>例如 M6×20、500 ml</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="63"/>
        <source>0 for pieces; 1 to 3 for goods sold by weight or length (kg, m).</source>
        <translation>按件计为 0；按重量或长度（千克、米）计为 1 到 3。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="68"/>
        <source>none; type a new one to add it</source>
        <translation>无；输入新分类即可添加</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_form.py" line="70"/>
        <source>scan or type; optional</source>
        <translation>扫码或输入；可不填</translation>
    </message>
</context>
<context>
    <name>ProductImportDialog</name>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="30"/>
        <location filename="../../ui/catalog/product_import.py" line="62"/>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="33"/>
        <source>an .xlsx or .csv file with SKU and name columns</source>
        <translation>含商品编码和名称列的 .xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="34"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="39"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="39"/>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="40"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="40"/>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="45"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="63"/>
        <source>Spreadsheets (*.xlsx *.xlsm *.csv)</source>
        <translation>表格文件 (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="73"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="79"/>
        <source>new</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="79"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="80"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="92"/>
        <source>%1 new products, %2 to update, %3 rows with errors.</source>
        <translation>新建 %1 个商品，更新 %2 个，%3 行有错误。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="96"/>
        <source>Nothing is imported until every row is right: fix the file and choose it again.</source>
        <translation>所有行都正确后才会导入：请修改文件后重新选择。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_import.py" line="110"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
</context>
<context>
    <name>ProductListModel</name>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="51"/>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="51"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="51"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="52"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="52"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="53"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="53"/>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="54"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="54"/>
        <source>Min. stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="55"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="70"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="70"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ProductListWidget</name>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="155"/>
        <source>SKU, name, spec or barcode…</source>
        <translation>商品编码、名称、规格或条码…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="156"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="159"/>
        <location filename="../../ui/catalog/product_list.py" line="225"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="162"/>
        <source>Show inactive</source>
        <translation>显示停用</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="167"/>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="170"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="171"/>
        <source>Create or update products from an .xlsx or .csv file</source>
        <translation>从 .xlsx 或 .csv 文件新建或更新商品</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="233"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="247"/>
        <source>No product matches.</source>
        <translation>没有匹配的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="249"/>
        <source>%1 products</source>
        <translation>%1 个商品</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="251"/>
        <source>%1+ products</source>
        <translation>%1+ 个商品</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/product_list.py" line="283"/>
        <source>Imported: %1 new, %2 updated.</source>
        <translation>已导入：新建 %1 个，更新 %2 个。</translation>
    </message>
</context>
<context>
    <name>ProductPicker</name>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="92"/>
        <source>Scan a barcode, or type SKU, name or spec…</source>
        <translation>扫描条码，或输入商品编码、名称、规格…</translation>
    </message>
</context>
<context>
    <name>ProductPickerDialog</name>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="272"/>
        <source>Choose a product</source>
        <translation>选择商品</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="274"/>
        <source>SKU, name, spec or barcode…</source>
        <translation>商品编码、名称、规格或条码…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="281"/>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="308"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="321"/>
        <source>No product matches.</source>
        <translation>没有匹配的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="323"/>
        <source>The first %1 matches; type more to narrow them.</source>
        <translation>仅显示前 %1 条；请输入更多内容缩小范围。</translation>
    </message>
</context>
<context>
    <name>ProductTable</name>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="42"/>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="42"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="42"/>
        <source>Spec</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="43"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="43"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/product_picker.py" line="44"/>
        <source>Sale price</source>
        <translation>售价</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="226"/>
        <source>Connection profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="242"/>
        <source>Two profiles have the same name.</source>
        <translation>有两个配置同名。</translation>
    </message>
</context>
<context>
    <name>ProfilesEditor</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="25"/>
        <source>This PC</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="116"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="117"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="118"/>
        <source>This PC (SQLite file)</source>
        <translation>本机（SQLite 文件）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="119"/>
        <source>Office server (PostgreSQL)</source>
        <translation>办公室服务器（PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="120"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="121"/>
        <source>Profile name:</source>
        <translation>配置名称：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="122"/>
        <source>Database is on:</source>
        <translation>数据库位置：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="123"/>
        <source>Database file:</source>
        <translation>数据库文件：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="125"/>
        <source>Leave empty for the standard file. Keep the file on this computer, never on a network share.</source>
        <translation>留空则使用默认文件。请把文件放在本机上，切勿放在网络共享中。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="128"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="129"/>
        <source>Database name:</source>
        <translation>数据库名称：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="130"/>
        <source>Encryption (TLS):</source>
        <translation>加密（TLS）：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="190"/>
        <source>Office server</source>
        <translation>办公室服务器</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="209"/>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="210"/>
        <source>Qianli database (*.sqlite3 *.db);;All files (*)</source>
        <translation>千里数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PurchaseOrderForm</name>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="101"/>
        <source>New purchase order</source>
        <translation>新建采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="102"/>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="106"/>
        <source>(choose a supplier)</source>
        <translation>（请选择供应商）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="109"/>
        <source>Set a date</source>
        <translation>设置日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="112"/>
        <source>empty: the supplier&apos;s terms</source>
        <translation>留空：按供应商的付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="118"/>
        <source>Supplier *</source>
        <translation>供应商 *</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="119"/>
        <source>Receiving warehouse *</source>
        <translation>收货仓库 *</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="120"/>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="121"/>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="122"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="122"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="126"/>
        <source>Created / approved by</source>
        <translation>制单 / 审批人</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="132"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="133"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="135"/>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="137"/>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="158"/>
        <source>Purchase order %1</source>
        <translation>采购订单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="159"/>
        <source>Purchase order (draft)</source>
        <translation>采购订单（草稿）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="161"/>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="196"/>
        <source>Choose the supplier.</source>
        <translation>请选择供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="198"/>
        <source>Choose the warehouse that receives the goods.</source>
        <translation>请选择收货仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="211"/>
        <source>%1 approved; it is in the warehouse&apos;s queue to receive.</source>
        <translation>%1 已审批，已进入仓库的待收货列表。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="215"/>
        <location filename="../../ui/orders/purchase_form.py" line="216"/>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="215"/>
        <source>Why is the order cancelled?</source>
        <translation>为什么取消此订单？</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="220"/>
        <source>%1 cancelled.</source>
        <translation>%1 已取消。</translation>
    </message>
</context>
<context>
    <name>PurchaseOrderList</name>
    <message>
        <location filename="../../ui/orders/order_list.py" line="207"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="207"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="207"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="208"/>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="208"/>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="208"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="208"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="211"/>
        <source>(draft %1)</source>
        <translation>（草稿 %1）</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../ui/printing/forms.py" line="94"/>
        <source>Payment receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="100"/>
        <source>bank transfer, cash, cheque…</source>
        <translation>银行转账、现金、支票…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="105"/>
        <source>(from the date)</source>
        <translation>（按日期生成）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="108"/>
        <source>Received from</source>
        <translation>交款单位（人）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="109"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="110"/>
        <source>For</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="111"/>
        <source>Paid by</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="112"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="113"/>
        <source>Receipt number</source>
        <translation>收据号</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="114"/>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="116"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="70"/>
        <source>Release to the public pool</source>
        <translation>释放到公海</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="71"/>
        <source>Put %1 back into the public pool? Anyone in sales can then claim it; you cannot claim it again for a few days.</source>
        <translation>把 %1 释放回公海吗？之后任何销售都可以领取；您在几天内不能再次领取。</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="77"/>
        <source>Why (optional, kept in the history)</source>
        <translation>原因（选填，记入历史）</translation>
    </message>
    <message>
        <location filename="../../ui/pool/pool_view.py" line="80"/>
        <source>Release</source>
        <translation>释放</translation>
    </message>
</context>
<context>
    <name>ReportFilterBar</name>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="148"/>
        <source>&amp;Period:</source>
        <translation>期间(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="149"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="149"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="150"/>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="151"/>
        <source>Last quarter</source>
        <translation>上季度</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="151"/>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="152"/>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="153"/>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="153"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="154"/>
        <source>Next month</source>
        <translation>下月</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="154"/>
        <source>Next quarter</source>
        <translation>下季度</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="155"/>
        <source>Next 6 months</source>
        <translation>未来 6 个月</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="158"/>
        <source>&amp;Team:</source>
        <translation>团队(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="159"/>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="160"/>
        <source>&amp;Rep:</source>
        <translation>销售(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/report_filters.py" line="161"/>
        <source>All reps</source>
        <translation>全部销售</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="448"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="452"/>
        <source>Save error report…</source>
        <translation>保存错误报告…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="469"/>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="481"/>
        <source>Imported: %1</source>
        <translation>已导入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="482"/>
        <source>Duplicates skipped: %1</source>
        <translation>跳过的重复行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="483"/>
        <source>Rows with errors: %1</source>
        <translation>有错误的行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="485"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="487"/>
        <source>Nothing was imported (all or nothing).</source>
        <translation>没有导入任何内容（全部或全不）。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="504"/>
        <source>Writing the report…</source>
        <translation>正在写入报告…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="514"/>
        <source>Error report saved to %1</source>
        <translation>错误报告已保存到 %1</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/errors.py" line="759"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="760"/>
        <source>Sales manager</source>
        <translation>销售经理</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="761"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="762"/>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="763"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="367"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="372"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="389"/>
        <source>Reading and checking the file…</source>
        <translation>正在读取并检查文件…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="409"/>
        <source>%1 of %2 rows done…</source>
        <translation>已完成 %1 / %2 行…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="416"/>
        <source>Cancelling: undoing what was written…</source>
        <translation>正在取消：撤销已写入的内容…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="424"/>
        <source>Finished.</source>
        <translation>已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/import_wizard.py" line="434"/>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
</context>
<context>
    <name>SalesOrderForm</name>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="53"/>
        <source>New sales order</source>
        <translation>新建销售订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="54"/>
        <source>Sales order</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="58"/>
        <source>(choose a customer)</source>
        <translation>（请选择客户）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="61"/>
        <source>Set a date</source>
        <translation>设置日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="66"/>
        <source>e.g. 送货上门, 运费我方承担</source>
        <translation>例如：送货上门，运费我方承担</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="69"/>
        <source>e.g. 月结30天</source>
        <translation>例如：月结30天</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="82"/>
        <source>Customer *</source>
        <translation>客户 *</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="82"/>
        <source>Warehouse *</source>
        <translation>仓库 *</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="83"/>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="84"/>
        <source>Delivery date</source>
        <translation>交货日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="85"/>
        <source>Delivery address</source>
        <translation>送货地址</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="86"/>
        <source>Delivery terms</source>
        <translation>交货条件</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="87"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="88"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="88"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="89"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="93"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="100"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="101"/>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="103"/>
        <source>Approve</source>
        <translation>审批通过</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="105"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="106"/>
        <source>Cancel order…</source>
        <translation>取消订单…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="130"/>
        <source>Sales order %1</source>
        <translation>销售订单 %1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="131"/>
        <source>Sales order (draft)</source>
        <translation>销售订单（草稿）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="134"/>
        <source>Needs a manager&apos;s approval:</source>
        <translation>需要经理审批：</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="137"/>
        <source>Approved by %1 (%2)</source>
        <translation>已由 %1 审批（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="140"/>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="164"/>
        <source>Order for which customer?</source>
        <translation>为哪个客户下单？</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="182"/>
        <source>Choose the customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="184"/>
        <source>Choose the warehouse that delivers.</source>
        <translation>请选择发货仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="203"/>
        <source>%1 approved; its stock is reserved.</source>
        <translation>%1 已审批，库存已预留。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="206"/>
        <source>Reject order</source>
        <translation>驳回订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="207"/>
        <source>Why does the order go back to the salesperson?</source>
        <translation>为什么将订单退回给业务员？</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="208"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="212"/>
        <source>Sent back to the salesperson as a draft.</source>
        <translation>已作为草稿退回给业务员。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="215"/>
        <location filename="../../ui/orders/sales_form.py" line="217"/>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="216"/>
        <source>Why is the order cancelled? Reserved stock is released.</source>
        <translation>为什么取消此订单？已预留的库存将被释放。</translation>
    </message>
    <message>
        <location filename="../../ui/orders/sales_form.py" line="221"/>
        <source>%1 cancelled.</source>
        <translation>%1 已取消。</translation>
    </message>
</context>
<context>
    <name>SalesOrderList</name>
    <message>
        <location filename="../../ui/orders/order_list.py" line="171"/>
        <source>Approval rules…</source>
        <translation>审批规则…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="185"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="185"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="185"/>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="186"/>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="186"/>
        <source>Delivery date</source>
        <translation>交货日期</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="186"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="187"/>
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/orders/order_list.py" line="190"/>
        <source>(draft %1)</source>
        <translation>（草稿 %1）</translation>
    </message>
</context>
<context>
    <name>SalesSettingsWidget</name>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="208"/>
        <source>Opportunity stages</source>
        <translation>商机阶段</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="210"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="210"/>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="210"/>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="211"/>
        <source>Order</source>
        <translation>顺序</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="211"/>
        <source>Default probability</source>
        <translation>默认赢率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="211"/>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="211"/>
        <source>Lost</source>
        <translation>输单</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="212"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="213"/>
        <source>&amp;Add stage</source>
        <translation>添加阶段(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="214"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="215"/>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="216"/>
        <source>&amp;Save stages</source>
        <translation>保存阶段(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="217"/>
        <source>Public pool rules</source>
        <translation>公海规则</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="219"/>
        <source>An owned customer returns to the public pool after the given days without a follow-up, or without a won deal since it was claimed. 0 switches a rule off.</source>
        <translation>客户在指定天数内没有跟进记录，或自领取起没有赢单，将退回公海。设为 0 表示关闭该规则。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="221"/>
        <source>Days without follow-up</source>
        <translation>未跟进天数</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="222"/>
        <source>Days without a won deal</source>
        <translation>未成交天数</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="224"/>
        <source>Level %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="225"/>
        <source>Other / no level</source>
        <translation>其他 / 无等级</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="226"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="229"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="230"/>
        <source>No block</source>
        <translation>不限制</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="231"/>
        <source>Most customers per rep:</source>
        <translation>每位销售最多客户数：</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="233"/>
        <source>Days before a released customer can be re-claimed:</source>
        <translation>释放后再次领取需等待天数：</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="234"/>
        <source>Save &amp;pool rules</source>
        <translation>保存公海规则(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="235"/>
        <source>Target attainment</source>
        <translation>目标达成率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="236"/>
        <source>Measured on:</source>
        <translation>考核口径：</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="237"/>
        <source>Won amount</source>
        <translation>赢单金额</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="237"/>
        <source>Signed orders</source>
        <translation>签约订单</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="238"/>
        <source>Cash collected</source>
        <translation>回款金额</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="239"/>
        <source>Needs the orders/finance module</source>
        <translation>需要订单/财务模块</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="245"/>
        <source>Only an administrator chooses how targets are measured.</source>
        <translation>只有管理员可以选择目标的考核口径。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="246"/>
        <source>Save &amp;basis</source>
        <translation>保存口径(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="248"/>
        <source>Only a sales manager or an administrator can change these settings.</source>
        <translation>只有销售经理或管理员可以修改这些设置。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="294"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="385"/>
        <source>Nothing to save.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="393"/>
        <source>Stages saved.</source>
        <translation>阶段已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="401"/>
        <source>new stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="406"/>
        <source>Row %1 (%2), %3: %4</source>
        <translation>第 %1 行（%2），%3：%4</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="449"/>
        <source>Pool rules saved.</source>
        <translation>公海规则已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/sales_settings.py" line="480"/>
        <source>Basis saved.</source>
        <translation>口径已保存。</translation>
    </message>
</context>
<context>
    <name>ServiceMessages</name>
    <message>
        <location filename="../../ui/errors.py" line="31"/>
        <source>Unknown user or wrong password.</source>
        <translation>用户不存在或密码错误。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="32"/>
        <source>You are not allowed to do this.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="33"/>
        <source>Only an administrator can add users.</source>
        <translation>只有管理员可以添加用户。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="34"/>
        <source>Login is required.</source>
        <translation>必须填写登录名。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="35"/>
        <source>Use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (at most 64).</source>
        <translation>请使用字母、数字、“.”、“_”或“-”（最多 64 个）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="36"/>
        <source>Display name is required.</source>
        <translation>必须填写显示名称。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="37"/>
        <source>Password needs at least 6 characters.</source>
        <translation>密码至少需要 6 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="38"/>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="39"/>
        <source>Name is required.</source>
        <translation>必须填写名称。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="40"/>
        <source>Contact name is required.</source>
        <translation>必须填写联系人姓名。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="41"/>
        <source>Choose an owner or the public pool, not both.</source>
        <translation>请选择负责人或公海，不能同时选择。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="42"/>
        <source>Only sales staff and administrators can create customers.</source>
        <translation>只有销售人员和管理员可以新建客户。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="44"/>
        <source>Only sales staff and administrators can import customers.</source>
        <translation>只有销售人员和管理员可以导入客户。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="46"/>
        <source>You can assign customers only to members of your team.</source>
        <translation>您只能把客户分配给本团队的成员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="48"/>
        <source>Only a sales manager or an administrator can give a customer to someone else.</source>
        <translation>只有销售经理或管理员可以把客户转给他人。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="50"/>
        <source>A customer cannot be merged into itself.</source>
        <translation>客户不能合并到其自身。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="51"/>
        <source>Write what was discussed.</source>
        <translation>请填写沟通内容。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>The follow-up time needs a time zone.</source>
        <translation>跟进时间需要带时区。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="53"/>
        <source>The follow-up time is in the future.</source>
        <translation>跟进时间不能在将来。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="55"/>
        <source>Only sales staff and administrators work on opportunities.</source>
        <translation>只有销售人员和管理员可以处理商机。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="57"/>
        <source>You can give opportunities only to members of your team.</source>
        <translation>您只能把商机分配给本团队的成员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="59"/>
        <source>Only a sales manager or an administrator can give opportunities to someone else.</source>
        <translation>只有销售经理或管理员可以把商机转给他人。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="61"/>
        <source>Say why the opportunity was lost.</source>
        <translation>请填写输单原因。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="62"/>
        <source>Only a sales manager or an administrator marks commit.</source>
        <translation>只有销售经理或管理员可以标记承诺。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="64"/>
        <source>A page has at least one row.</source>
        <translation>每页至少一行。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="65"/>
        <source>The number of cards cannot be negative.</source>
        <translation>卡片数量不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="66"/>
        <source>Amount is required (0 when not known yet).</source>
        <translation>必须填写金额（尚不确定时填 0）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="67"/>
        <source>Amount must be exact (a Decimal), not a floating-point number.</source>
        <translation>金额必须是精确值（Decimal），不能是浮点数。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="69"/>
        <source>Amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70"/>
        <source>Amount has at most two decimals (cents).</source>
        <translation>金额最多保留两位小数（分）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="71"/>
        <source>Title is required.</source>
        <translation>必须填写商机名称。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="72"/>
        <source>Expected close date must be a date.</source>
        <translation>预计成交日期必须是日期。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="73"/>
        <source>No active open stage is configured; add one in the stage settings first.</source>
        <translation>没有启用的进行中阶段；请先在阶段设置中添加。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="75"/>
        <source>Only a sales manager or an administrator can change the stages.</source>
        <translation>只有销售经理或管理员可以修改销售阶段。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="77"/>
        <source>Stage code is required.</source>
        <translation>必须填写阶段编码。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="78"/>
        <source>Stage code: letters, digits, &apos;_&apos; or &apos;-&apos;, at most 30.</source>
        <translation>阶段编码：请使用字母、数字、“_”或“-”，最多 30 个。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="79"/>
        <source>Stage name is required.</source>
        <translation>必须填写阶段名称。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="80"/>
        <source>Position is a whole number.</source>
        <translation>顺序必须是整数。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="81"/>
        <source>A stage cannot be both won and lost.</source>
        <translation>一个阶段不能既计为赢单又计为输单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="83"/>
        <source>Only sales staff and administrators work on leads.</source>
        <translation>只有销售人员和管理员可以处理线索。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="84"/>
        <source>You can give leads only to members of your team.</source>
        <translation>您只能把线索分配给本团队的成员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="85"/>
        <source>Only a sales manager or an administrator can give leads to someone else.</source>
        <translation>只有销售经理或管理员可以把线索转给他人。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="87"/>
        <source>A lead becomes converted by converting it into a customer, not by setting its status.</source>
        <translation>线索要通过“转化”为客户才会变为已转化，不能直接设置状态。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="89"/>
        <source>Say why the lead is disqualified.</source>
        <translation>请填写线索无效的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="90"/>
        <source>Convert into a new customer or an existing one, not both.</source>
        <translation>请转化为新客户或关联已有客户，不能同时选择。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="92"/>
        <source>Only sales staff and administrators can import leads.</source>
        <translation>只有销售人员和管理员可以导入线索。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="93"/>
        <source>The contact name is empty; every lead needs one.</source>
        <translation>联系人姓名为空；每条线索都必须有联系人。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="94"/>
        <source>The file has no data rows below the header.</source>
        <translation>文件的标题行下面没有数据行。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="95"/>
        <source>unknown header, ignored</source>
        <translation>无法识别的标题，已忽略</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="96"/>
        <source>no header, ignored</source>
        <translation>没有标题，已忽略</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="97"/>
        <source>not an import field, ignored</source>
        <translation>不是导入字段，已忽略</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="99"/>
        <source>Only a sales manager or an administrator can change the public pool rules.</source>
        <translation>只有销售经理或管理员可以修改公海规则。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="101"/>
        <source>Max owned must be a whole number from 1 to 1000000 or empty.</source>
        <translation>每人客户上限必须是 1 到 1000000 之间的整数，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="103"/>
        <source>Only sales staff can claim customers from the public pool.</source>
        <translation>只有销售人员可以从公海领取客户。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="105"/>
        <source>Only a sales manager or an administrator can assign customers.</source>
        <translation>只有销售经理或管理员可以分配客户。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="107"/>
        <source>The sweep time needs a time zone.</source>
        <translation>回收时间需要带时区。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="109"/>
        <source>Give the first day of the period as a date.</source>
        <translation>请以日期形式给出期间的第一天。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="110"/>
        <source>Only an administrator chooses how targets are measured.</source>
        <translation>只有管理员可以选择目标的考核口径。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="112"/>
        <source>Targets are set to be measured on &apos;orders&apos;, but signed orders need the orders module, which is not installed yet; set targets.basis to &apos;won&apos; for now.</source>
        <translation>目标设置为按签约订单考核，但签约订单需要订单模块，该模块尚未安装；请暂时把 targets.basis 设为 won（按赢单考核）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="115"/>
        <source>Targets are set to be measured on &apos;cash&apos;, but cash collected needs the finance module, which is not installed yet; set targets.basis to &apos;won&apos; for now.</source>
        <translation>目标设置为按回款考核，但回款需要财务模块，该模块尚未安装；请暂时把 targets.basis 设为 won（按赢单考核）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="118"/>
        <source>Only sales managers (for their team) and administrators set targets.</source>
        <translation>只有销售经理（为本团队）和管理员可以设定目标。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="120"/>
        <source>A sales manager sets targets for their own team only.</source>
        <translation>销售经理只能为本团队设定目标。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="122"/>
        <source>A sales manager sets targets for their own team&apos;s reps only.</source>
        <translation>销售经理只能为本团队的销售设定目标。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="124"/>
        <source>Set a target for either a rep or a team.</source>
        <translation>请为一名销售或一个团队设定目标，二选一。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="125"/>
        <source>Targets are for sales staff and administrators.</source>
        <translation>只有销售人员和管理员可以查看目标。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="126"/>
        <source>Show between 1 and 120 months.</source>
        <translation>请显示 1 到 120 个月。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="127"/>
        <source>Choose a rep or a team, not both.</source>
        <translation>请选择销售或团队，不能同时选择。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="128"/>
        <source>Choose the first and the last day of the period.</source>
        <translation>请选择期间的第一天和最后一天。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="129"/>
        <source>A sales manager sees the figures of their own team only.</source>
        <translation>销售经理只能查看本团队的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="131"/>
        <source>A sales rep sees their own figures only.</source>
        <translation>销售只能查看自己的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="132"/>
        <source>Sales reports are for sales staff and administrators.</source>
        <translation>只有销售人员和管理员可以查看销售报表。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="133"/>
        <source>You may not see this rep&apos;s figures.</source>
        <translation>您无权查看该销售的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="135"/>
        <source>Only sales staff and administrators work on sales orders.</source>
        <translation>只有销售人员和管理员可以处理销售订单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="137"/>
        <source>Only a sales manager or an administrator can approve orders.</source>
        <translation>只有销售经理或管理员可以审批订单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="139"/>
        <source>Only a sales manager or an administrator can reject orders.</source>
        <translation>只有销售经理或管理员可以驳回订单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="141"/>
        <source>Only warehouse staff and administrators work on purchase orders.</source>
        <translation>只有仓库人员和管理员可以处理采购订单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="143"/>
        <source>Only an administrator can approve purchase orders.</source>
        <translation>只有管理员可以审批采购订单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="144"/>
        <source>Only a sales manager or an administrator can change the approval rules.</source>
        <translation>只有销售经理或管理员可以修改审批规则。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="146"/>
        <source>Say why the order is cancelled.</source>
        <translation>请填写取消订单的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="147"/>
        <source>Say why the order is rejected.</source>
        <translation>请填写驳回订单的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="148"/>
        <source>Add at least one line.</source>
        <translation>请至少添加一行明细。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="149"/>
        <source>Choose a warehouse.</source>
        <translation>请选择仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="150"/>
        <source>Choose a supplier.</source>
        <translation>请选择供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="151"/>
        <source>The delivery date is before the order date.</source>
        <translation>交货日期早于订单日期。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="152"/>
        <source>The expected date is before the order date.</source>
        <translation>预计到货日期早于订单日期。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="153"/>
        <source>The opportunity belongs to another customer.</source>
        <translation>该商机属于另一个客户。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="154"/>
        <source>The approval amount is money from 0 with at most two decimals, or empty.</source>
        <translation>审批金额须为不小于 0、最多两位小数的金额，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="156"/>
        <source>The approval discount is a percentage from 0 to 100, or empty.</source>
        <translation>审批折扣须为 0 到 100 之间的百分比，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="159"/>
        <source>Only warehouse staff and administrators may receive goods.</source>
        <translation>只有仓库人员和管理员可以收货入库。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="161"/>
        <source>Only warehouse staff and administrators may create delivery notes.</source>
        <translation>只有仓库人员和管理员可以开发货单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="163"/>
        <source>Only warehouse staff and administrators may take back goods.</source>
        <translation>只有仓库人员和管理员可以办理客户退货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="165"/>
        <source>Only warehouse staff and administrators may return goods to suppliers.</source>
        <translation>只有仓库人员和管理员可以退货给供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="167"/>
        <source>Only warehouse staff and administrators may return goods.</source>
        <translation>只有仓库人员和管理员可以办理退货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="169"/>
        <source>Say why goods are received without a purchase order.</source>
        <translation>请说明无采购订单入库的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="171"/>
        <source>A receipt without a purchase order cannot fill purchase order lines; receive those from the order.</source>
        <translation>没有采购订单的入库单不能登记采购订单的行；请从采购订单收货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="173"/>
        <source>A delivery note needs an approved sales order: no stock leaves without one.</source>
        <translation>发货单必须来自已审核的销售订单：没有订单，货物不能出库。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="175"/>
        <source>Goods can only be returned from a posted document.</source>
        <translation>只能对已过账的单据退货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="176"/>
        <source>A customer return is made against a posted delivery note.</source>
        <translation>客户退货须针对一张已过账的发货单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="178"/>
        <source>Say why the goods go back to the supplier.</source>
        <translation>请说明退回供应商的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="179"/>
        <source>Choose the supplier the goods go back to.</source>
        <translation>请选择货物退回的供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="180"/>
        <source>Lines that return goods of a receipt need the return to be made against that receipt.</source>
        <translation>要退回某张入库单的货物，退货单须针对该入库单开具。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="182"/>
        <source>This document id is already used by another document.</source>
        <translation>此单据标识已被另一张单据使用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="185"/>
        <source>Only warehouse staff and administrators may work with stock documents.</source>
        <translation>只有仓库人员和管理员可以处理库存单据。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="187"/>
        <source>Only warehouse staff and administrators may post stock documents.</source>
        <translation>只有仓库人员和管理员可以过账库存单据。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="189"/>
        <source>Only warehouse staff and administrators may edit stock documents.</source>
        <translation>只有仓库人员和管理员可以修改库存单据。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="192"/>
        <source>A transfer goes to a different warehouse.</source>
        <translation>调拨必须调往另一个仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="193"/>
        <source>Only warehouse staff and administrators may create transfers.</source>
        <translation>只有仓库人员和管理员可以创建调拨单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="195"/>
        <source>Only warehouse staff and administrators may count stock.</source>
        <translation>只有仓库人员和管理员可以盘点。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="197"/>
        <source>Only warehouse staff and administrators may reverse stock documents.</source>
        <translation>只有仓库人员和管理员可以红冲库存单据。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="199"/>
        <source>There is nothing to count in this warehouse.</source>
        <translation>该仓库没有可盘点的库存。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="200"/>
        <source>This document is not a stock count.</source>
        <translation>该单据不是盘点单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="201"/>
        <source>Only a draft count can be submitted.</source>
        <translation>只有草稿状态的盘点单可以提交。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="202"/>
        <source>Submit the count before approving it.</source>
        <translation>请先提交盘点单，再审核。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="203"/>
        <source>Say why the document is reversed.</source>
        <translation>请填写红冲原因。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="204"/>
        <source>Only an administrator can reverse a stock count.</source>
        <translation>只有管理员可以红冲盘点单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="205"/>
        <source>You are not allowed to see this report.</source>
        <translation>您无权查看此报表。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="206"/>
        <source>The period ends before it starts.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="214"/>
        <source>Login &apos;%1&apos; is taken.</source>
        <translation>登录名“%1”已被使用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="216"/>
        <source>No user &apos;%1&apos;.</source>
        <translation>没有用户“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="218"/>
        <source>Phone &apos;%1&apos; contains letters; use digits, spaces, dashes, parentheses and a leading +.</source>
        <translation>电话“%1”含有字母；请使用数字、空格、短横线、括号和开头的 +。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="221"/>
        <source>Phone &apos;%1&apos; has characters a phone number cannot have; use digits, spaces, dashes, parentheses and a leading +.</source>
        <translation>电话“%1”含有电话号码中不能出现的字符；请使用数字、空格、短横线、括号和开头的 +。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="225"/>
        <source>Phone &apos;%1&apos; has too few digits (%2); a phone number has at least %3, with the area code for a landline.</source>
        <translation>电话“%1”位数太少（%2 位）；电话号码至少 %3 位，座机请加区号。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="228"/>
        <source>Phone &apos;%1&apos; has too many digits (%2); at most %3.</source>
        <translation>电话“%1”位数太多（%2 位）；最多 %3 位。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="230"/>
        <source>Phone &apos;%1&apos; looks like a mobile number with %2 digits; mainland mobile numbers have 11.</source>
        <translation>电话“%1”像是 %2 位的手机号；大陆手机号为 11 位。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="233"/>
        <source>Phone &apos;%1&apos; is not a mainland mobile number (13x–19x).</source>
        <translation>电话“%1”不是大陆手机号（13x–19x）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="236"/>
        <source>Email &apos;%1&apos; contains a space.</source>
        <translation>邮箱“%1”含有空格。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="238"/>
        <source>Email &apos;%1&apos; needs exactly one &apos;@&apos;, as in name@example.com.</source>
        <translation>邮箱“%1”必须恰好有一个“@”，例如 name@example.com。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="241"/>
        <source>Email &apos;%1&apos; is missing &apos;@&apos;, as in name@example.com.</source>
        <translation>邮箱“%1”缺少“@”，例如 name@example.com。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="243"/>
        <source>Email &apos;%1&apos;: the part before &apos;@&apos; is not valid.</source>
        <translation>邮箱“%1”：“@”前面的部分无效。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="245"/>
        <source>Email &apos;%1&apos;: the domain &apos;%2&apos; needs a dot, as in example.com.</source>
        <translation>邮箱“%1”：域名“%2”需要包含点，例如 example.com。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="248"/>
        <source>Email &apos;%1&apos;: the domain &apos;%2&apos; is not valid.</source>
        <translation>邮箱“%1”：域名“%2”无效。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="250"/>
        <source>Stage name is too long: %1 characters, at most %2.</source>
        <translation>阶段名称太长：%1 个字符，最多 %2 个。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="253"/>
        <source>%1 is too long: %2 characters, at most %3.</source>
        <translation>%1太长：%2 个字符，最多 %3 个。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="255"/>
        <source>Code &apos;%1&apos; is already used by another customer.</source>
        <translation>编码“%1”已被其他客户使用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="257"/>
        <source>Customer %1 was merged into %2; work on %2 instead.</source>
        <translation>客户 %1 已合并到 %2；请改为处理 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="261"/>
        <source>You cannot change customer %1: it belongs to someone outside your team.</source>
        <translation>您不能修改客户 %1：它属于您团队以外的人。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="265"/>
        <source>Customer %1 is in the public pool; claim it before logging a follow-up.</source>
        <translation>客户 %1 在公海中；请先领取，再记录跟进。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="268"/>
        <source>The next follow-up date %1 is in the past.</source>
        <translation>下次跟进日期 %1 已经过去。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="270"/>
        <source>Customer %1 was changed by someone else since you opened it.</source>
        <translation>在您打开之后，客户 %1 已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="273"/>
        <source>Contact %1 of %2 was changed by someone else since you opened it.</source>
        <translation>在您打开之后，%2 的联系人 %1 已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="276"/>
        <source>Tax ID &apos;%1&apos; may contain only letters and digits.</source>
        <translation>税号“%1”只能包含字母和数字。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="278"/>
        <source>Tax ID &apos;%1&apos; has %2 characters; expected 6 to 20 (18 for a unified social credit code).</source>
        <translation>税号“%1”有 %2 个字符；应为 6 到 20 个（统一社会信用代码为 18 个）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="281"/>
        <source>Tax ID &apos;%1&apos; is not a unified social credit code: %2 cannot appear in one.</source>
        <translation>税号“%1”不是统一社会信用代码：其中不能出现 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="284"/>
        <source>Tax ID &apos;%1&apos; fails the unified social credit code check character; please check it for a typo.</source>
        <translation>税号“%1”未通过统一社会信用代码校验位检查；请检查是否有输入错误。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="288"/>
        <source>the customer name is empty; every customer needs one.</source>
        <translation>客户名称为空；每个客户都必须有名称。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="291"/>
        <source>is %1 characters long; at most %2.</source>
        <translation>长度为 %1 个字符；最多 %2 个。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="293"/>
        <source>is a date (%1), not a phone number: Excel turned what was typed into a date; format the column as Text and type the number again.</source>
        <translation>是日期（%1），不是电话号码：Excel 把输入的内容变成了日期；请把该列设为“文本”格式后重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="297"/>
        <source>is a date (%1); expected text.</source>
        <translation>是日期（%1）；应为文本。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="299"/>
        <source>&apos;%1&apos; is not a phone number.</source>
        <translation>“%1”不是电话号码。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="301"/>
        <source>&apos;%1&apos; is a number Excel shortened to scientific notation, so digits are lost; format the column as Text in Excel and type the number again.</source>
        <translation>“%1”是被 Excel 缩写为科学计数法的数字，部分数字已丢失；请在 Excel 中把该列设为“文本”格式后重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="305"/>
        <source>level must be A, B, C or D (got &apos;%1&apos;).</source>
        <translation>级别必须是 A、B、C 或 D（实际为“%1”）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="307"/>
        <source>type must be 公司/个人 or company/person (got &apos;%1&apos;).</source>
        <translation>类型必须是 公司/个人 或 company/person（实际为“%1”）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="310"/>
        <location filename="../../ui/errors.py" line="427"/>
        <source>the formula %1 has no saved result (the file was not saved by Excel after calculating); open it in Excel and save it, or paste the values.</source>
        <translation>公式 %1 没有保存的计算结果（文件在计算后未经 Excel 保存）；请在 Excel 中打开并保存，或粘贴为数值。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="314"/>
        <source>File not found: %1</source>
        <translation>找不到文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="316"/>
        <source>%1: the old Excel 97-2003 format (.xls) cannot be read; open it in Excel and save as .xlsx.</source>
        <translation>%1：无法读取旧的 Excel 97-2003 格式（.xls）；请在 Excel 中打开并另存为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="319"/>
        <source>%1: unsupported file type %2; use .xlsx or .csv.</source>
        <translation>%1：不支持的文件类型 %2；请使用 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="321"/>
        <location filename="../../ui/printing/messages.py" line="40"/>
        <source>%1 is empty.</source>
        <translation>%1 是空的。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="323"/>
        <source>%1: export files are .xlsx.</source>
        <translation>%1：导出文件须为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="325"/>
        <source>Folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="328"/>
        <source>User %1 cannot own opportunities (unknown, inactive or not in sales).</source>
        <translation>用户 %1 不能负责商机（不存在、已停用或不是销售人员）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="332"/>
        <source>Customer %1 is in the public pool; claim it before opening an opportunity.</source>
        <translation>客户 %1 在公海中；请先领取，再创建商机。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="335"/>
        <source>Opportunity &apos;%1&apos; was changed by someone else since you opened it.</source>
        <translation>在您打开之后，商机“%1”已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="339"/>
        <source>Opportunity &apos;%1&apos; is won; only a sales manager or an administrator can reopen it.</source>
        <translation>商机“%1”已赢单；只有销售经理或管理员可以重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="343"/>
        <source>Opportunity &apos;%1&apos; is lost; only a sales manager or an administrator can reopen it.</source>
        <translation>商机“%1”已输单；只有销售经理或管理员可以重新打开。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="347"/>
        <source>Opportunity &apos;%1&apos; is won; only a sales manager or an administrator can change it.</source>
        <translation>商机“%1”已赢单；只有销售经理或管理员可以修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="351"/>
        <source>Opportunity &apos;%1&apos; is lost; only a sales manager or an administrator can change it.</source>
        <translation>商机“%1”已输单；只有销售经理或管理员可以修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="354"/>
        <source>Opportunity &apos;%1&apos; is won; only open opportunities can be marked commit.</source>
        <translation>商机“%1”已赢单；只有进行中的商机可以标记为承诺。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="357"/>
        <source>Opportunity &apos;%1&apos; is lost; only open opportunities can be marked commit.</source>
        <translation>商机“%1”已输单；只有进行中的商机可以标记为承诺。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="360"/>
        <source>Unknown scope &apos;%1&apos;; one of %2.</source>
        <translation>未知范围“%1”；应为 %2 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="362"/>
        <source>Unknown state &apos;%1&apos;; one of %2.</source>
        <translation>未知状态“%1”；应为 %2 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="364"/>
        <location filename="../../ui/errors.py" line="366"/>
        <source>Amount &apos;%1&apos; is not a number.</source>
        <translation>金额“%1”不是数字。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="368"/>
        <source>Amount is too large (at most %1).</source>
        <translation>金额太大（最多 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="370"/>
        <source>Probability is a whole percent from 0 to 100 (got %1).</source>
        <translation>赢率必须是 0 到 100 之间的整数百分比（实际为 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="373"/>
        <source>Stage %1 does not exist.</source>
        <translation>阶段 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="375"/>
        <source>Stage %1 is no longer in use; choose another.</source>
        <translation>阶段 %1 已停用；请选择其他阶段。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="377"/>
        <source>Stage code &apos;%1&apos; is already used.</source>
        <translation>阶段编码“%1”已被使用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="380"/>
        <source>Stage %1 holds %2 opportunities; move them to another stage before changing whether it counts as won or lost.</source>
        <translation>阶段 %1 中有 %2 个商机；请先把它们移到其他阶段，再修改该阶段是否计为赢单或输单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="384"/>
        <source>User %1 cannot own leads (unknown, inactive or not in sales).</source>
        <translation>用户 %1 不能负责线索（不存在、已停用或不是销售人员）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="387"/>
        <source>Lead %1 was converted already (customer %2); it cannot change.</source>
        <translation>线索 %1 已转化（客户 %2），不能再修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="390"/>
        <source>Lead %1 was converted already (customer %2).</source>
        <translation>线索 %1 已转化（客户 %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="393"/>
        <source>Lead %1 is disqualified (%2); change its status before converting it.</source>
        <translation>线索 %1 已标记为无效（%2）；请先修改其状态再转化。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="396"/>
        <source>Lead %1 was changed by someone else since you opened it.</source>
        <translation>在您打开之后，线索 %1 已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="399"/>
        <source>Unknown lead status &apos;%1&apos;; one of %2.</source>
        <translation>未知线索状态“%1”；应为 %2 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="402"/>
        <source>Unknown lead import field(s): %1; known: %2.</source>
        <translation>未知的线索导入字段：%1；可用字段：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="404"/>
        <source>Row %1 is not among the first %2 rows of %3.</source>
        <translation>第 %1 行不在 %3 的前 %2 行中。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="407"/>
        <source>%1: no header row found in the first %2 rows; expected column titles such as 联系人 / Contact, 电话 / Phone, 公司 / Company.</source>
        <translation>%1：前 %2 行中没有找到标题行；列标题应如 联系人 / Contact、电话 / Phone、公司 / Company。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="412"/>
        <source>%1: no column for the contact name; the header row %2 should have a column titled 联系人 or Contact.</source>
        <translation>%1：没有联系人姓名列；第 %2 行标题行中应有标题为“联系人”或“Contact”的列。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="416"/>
        <source>Header row is row %1; row(s) %2 above it were taken as titles and skipped.</source>
        <translation>标题行为第 %1 行；其上方的第 %2 行被视为表头说明并已跳过。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="419"/>
        <source>second %1 column; only column %2 is imported</source>
        <translation>第二个“%1”列；只导入第 %2 列</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="421"/>
        <source>Column %1 (%2): %3.</source>
        <translation>第 %1 列（%2）：%3。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="423"/>
        <source>CSV file, text encoding %1, delimiter %2.</source>
        <translation>CSV 文件，文本编码 %1，分隔符 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="425"/>
        <source>Sheet &apos;%1&apos; read; other sheets (%2) ignored.</source>
        <translation>已读取工作表“%1”；其他工作表（%2）已忽略。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="431"/>
        <source>%1 is a date (%2); expected text.</source>
        <translation>%1是日期（%2）；应为文本。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="433"/>
        <source>Owner &apos;%1&apos; is not a user.</source>
        <translation>负责人“%1”不是系统用户。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="435"/>
        <source>Owner &apos;%1&apos; names more than one user; use the login.</source>
        <translation>负责人“%1”对应多个用户；请使用登录名。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="438"/>
        <source>Owner &apos;%1&apos;: %2</source>
        <translation>负责人“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="440"/>
        <source>%1: import cancelled; nothing was imported.</source>
        <translation>%1：导入已取消；没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="443"/>
        <source>%1: nothing imported because %2 of %3 rows have errors (all-or-nothing). Fix them or import the good rows only.</source>
        <translation>%1：%3 行中有 %2 行有错误，未导入任何内容（全部或全不）。请修正错误，或只导入正确的行。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="446"/>
        <source>%1: %2 leads imported.</source>
        <translation>%1：已导入 %2 条线索。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="448"/>
        <source>%1: %2 leads imported, %3 duplicates skipped.</source>
        <translation>%1：已导入 %2 条线索，跳过 %3 条重复。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="450"/>
        <source>%1: %2 leads imported, %3 rows with errors left out.</source>
        <translation>%1：已导入 %2 条线索，%3 行有错误未导入。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="454"/>
        <source>%1: %2 leads imported, %3 duplicates skipped, %4 rows with errors left out.</source>
        <translation>%1：已导入 %2 条线索，跳过 %3 条重复，%4 行有错误未导入。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="457"/>
        <source>Unknown import mode &apos;%1&apos;: all_or_nothing or good_rows.</source>
        <translation>未知导入方式“%1”：应为 all_or_nothing 或 good_rows。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="460"/>
        <source>Unknown duplicate rule &apos;%1&apos;: skip or import.</source>
        <translation>未知重复处理规则“%1”：应为 skip 或 import。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="463"/>
        <source>Customer %1 is already yours.</source>
        <translation>客户 %1 已经是您的了。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="465"/>
        <source>Customer %1 was already claimed by someone else.</source>
        <translation>客户 %1 已被他人领取。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="467"/>
        <source>Customer %1 was already claimed by %2.</source>
        <translation>客户 %1 已被 %2 领取。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="470"/>
        <source>You own %1 customers, the most allowed is %2; release one before claiming another.</source>
        <translation>您名下已有 %1 个客户，上限为 %2 个；请先释放一个再领取。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="473"/>
        <source>%1 owns %2 customers, the most allowed is %3.</source>
        <translation>%1 名下已有 %2 个客户，上限为 %3 个。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="476"/>
        <source>Customer %1 left you less than %2 days ago; you can claim it again in %3 day(s).</source>
        <translation>客户 %1 离开您名下不足 %2 天；%3 天后才能再次领取。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="479"/>
        <source>Customer %1 is already in the public pool.</source>
        <translation>客户 %1 已在公海中。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="481"/>
        <source>You cannot release customer %1: it is not yours.</source>
        <translation>您不能释放客户 %1：它不在您名下。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="483"/>
        <source>Customer %1 already belongs to %2.</source>
        <translation>客户 %1 已经归 %2 负责。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="485"/>
        <source>User %1 cannot own customers (unknown, inactive or not in sales).</source>
        <translation>用户 %1 不能负责客户（不存在、已停用或不是销售人员）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="489"/>
        <source>Default no follow up days must be a whole number from %1 to %2 or empty.</source>
        <translation>默认未跟进回收天数必须是 %1 到 %2 之间的整数，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="493"/>
        <source>Default no deal days must be a whole number from %1 to %2 or empty.</source>
        <translation>默认未成交回收天数必须是 %1 到 %2 之间的整数，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="497"/>
        <source>%1 no follow up days must be a whole number from %2 to %3 or empty.</source>
        <translation>%1 级客户未跟进回收天数必须是 %2 到 %3 之间的整数，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="501"/>
        <source>%1 no deal days must be a whole number from %2 to %3 or empty.</source>
        <translation>%1 级客户未成交回收天数必须是 %2 到 %3 之间的整数，或留空。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="504"/>
        <source>Reclaim block days must be a whole number from %1 to %2.</source>
        <translation>再次领取间隔天数必须是 %1 到 %2 之间的整数。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="507"/>
        <source>Unknown level &apos;%1&apos;; use one of %2.</source>
        <translation>未知级别“%1”；应为 %2 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="510"/>
        <source>Unknown period &apos;%1&apos;; use one of %2.</source>
        <translation>未知期间“%1”；应为 %2 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="512"/>
        <source>A month starts on the 1st of a month, not %1.</source>
        <translation>月度期间应从每月 1 日开始，而不是 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="514"/>
        <source>A quarter starts on 1 January, 1 April, 1 July or 1 October, not %1.</source>
        <translation>季度期间应从 1 月 1 日、4 月 1 日、7 月 1 日或 10 月 1 日开始，而不是 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="517"/>
        <source>A year starts on 1 January, not %1.</source>
        <translation>年度期间应从 1 月 1 日开始，而不是 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="519"/>
        <source>Unknown basis &apos;%1&apos;; use one of %2.</source>
        <translation>未知考核口径“%1”；应为 %2 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="521"/>
        <source>Unknown targets.basis &apos;%1&apos; in the settings; use one of %2.</source>
        <translation>设置中的 targets.basis“%1”未知；应为 %2 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="524"/>
        <location filename="../../ui/errors.py" line="527"/>
        <source>The target amount &apos;%1&apos; is not an amount of money ≥ 0.</source>
        <translation>目标金额“%1”不是 ≥ 0 的金额。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="530"/>
        <source>There is no user %1.</source>
        <translation>没有用户 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="532"/>
        <source>There is no team %1.</source>
        <translation>没有团队 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="534"/>
        <source>The period ends (%1) before it starts (%2).</source>
        <translation>期间的结束日期（%1）早于开始日期（%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="536"/>
        <source>Choose a period of at most %1 months.</source>
        <translation>请选择不超过 %1 个月的期间。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="538"/>
        <source>Group the forecast by one of %1.</source>
        <translation>预测的统计维度应为 %1 之一。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="540"/>
        <source>Give %1 column titles.</source>
        <translation>请提供 %1 个列标题。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="543"/>
        <source>%1 is still a draft; submit it first.</source>
        <translation>%1 仍是草稿，请先提交。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="545"/>
        <source>%1 is waiting for approval.</source>
        <translation>%1 正在等待审批。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="547"/>
        <source>%1 is already approved.</source>
        <translation>%1 已审批。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="549"/>
        <source>%1 is already being received.</source>
        <translation>%1 已开始收货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="551"/>
        <source>%1 is fully received.</source>
        <translation>%1 已全部收货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="553"/>
        <source>%1 is already being delivered.</source>
        <translation>%1 已开始发货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="555"/>
        <source>%1 is fully delivered.</source>
        <translation>%1 已全部发货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="557"/>
        <source>%1 was cancelled.</source>
        <translation>%1 已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="559"/>
        <source>%1 has received goods and cannot be cancelled.</source>
        <translation>%1 已有收货，不能取消。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="561"/>
        <source>Sales order %1 was changed by someone else since you opened it.</source>
        <translation>销售订单 %1 在您打开后已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="564"/>
        <source>Purchase order %1 was changed by someone else since you opened it.</source>
        <translation>采购订单 %1 在您打开后已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="567"/>
        <source>Customer %1 is in the public pool; claim it before taking an order.</source>
        <translation>客户 %1 在公海中，请先领取再下单。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="570"/>
        <source>Warehouse %1 is inactive.</source>
        <translation>仓库 %1 已停用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="572"/>
        <source>Supplier %1 is inactive.</source>
        <translation>供应商 %1 已停用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="574"/>
        <source>An order has at most %1 lines.</source>
        <translation>一张订单最多 %1 行。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="576"/>
        <source>Line %1: unknown product.</source>
        <translation>第 %1 行：产品不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="578"/>
        <source>Line %1 (%2): the product is inactive.</source>
        <translation>第 %1 行（%2）：产品已停用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="580"/>
        <source>Line %1 (%2): the quantity must be above zero.</source>
        <translation>第 %1 行（%2）：数量必须大于零。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="582"/>
        <source>Line %1 (%2): %3 takes at most %4 decimals.</source>
        <translation>第 %1 行（%2）：单位“%3”最多 %4 位小数。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="584"/>
        <source>Line %1 (%2): the price cannot be negative.</source>
        <translation>第 %1 行（%2）：单价不能为负。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="586"/>
        <source>Line %1 (%2): the price takes at most %3 decimals.</source>
        <translation>第 %1 行（%2）：单价最多 %3 位小数。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="588"/>
        <source>Line %1 (%2): the discount is a percentage from 0 to 100.</source>
        <translation>第 %1 行（%2）：折扣须为 0 到 100 之间的百分比。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="591"/>
        <source>Line %1 (%2): the tax rate is a percentage from 0 to 100.</source>
        <translation>第 %1 行（%2）：税率须为 0 到 100 之间的百分比。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="594"/>
        <source>Line %1 (%2): the line amount is too large.</source>
        <translation>第 %1 行（%2）：行金额过大。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="596"/>
        <source>Line %1 (%2): the quantity is too large.</source>
        <translation>第 %1 行（%2）：数量过大。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="598"/>
        <source>Line %1 (%2): the price is too large.</source>
        <translation>第 %1 行（%2）：单价过大。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="600"/>
        <source>Line %1 (%2) of %3: only %4 left to receive.</source>
        <translation>%3 第 %1 行（%2）：只剩 %4 待收货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="602"/>
        <source>Line %1 (%2) of %3: only %4 left to deliver.</source>
        <translation>%3 第 %1 行（%2）：只剩 %4 待发货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="605"/>
        <source>Line %1 (%2) of %3: %4 of it went back to the supplier; undo that return first.</source>
        <translation>%3 第 %1 行（%2）：其中 %4 已退回供应商，请先撤销该退货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="609"/>
        <source>Line %1 (%2) of %3: %4 of it came back from the customer; undo that return first.</source>
        <translation>%3 第 %1 行（%2）：其中 %4 已由客户退回，请先撤销该退货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="613"/>
        <source>Line %1 (%2) of %3: only %4 received and not yet returned.</source>
        <translation>%3 第 %1 行（%2）：已收货且未退回的只有 %4。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="617"/>
        <source>Line %1 (%2) of %3: only %4 delivered and not yet returned.</source>
        <translation>%3 第 %1 行（%2）：已发货且未退回的只有 %4。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="620"/>
        <source>Line %1 (%2) of %3: nothing returned to undo.</source>
        <translation>%3 第 %1 行（%2）：没有可撤销的退货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="622"/>
        <source>The total %1 is above the approval limit %2.</source>
        <translation>订单总额 %1 超过审批限额 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="624"/>
        <source>Line %1 has a %2% discount, above the approval limit of %3%.</source>
        <translation>第 %1 行折扣 %2% 超过审批限额 %3%。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="628"/>
        <source>Sales order %1 has nothing left to deliver.</source>
        <translation>销售订单 %1 已没有待发货的数量。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="630"/>
        <source>Purchase order %1 has nothing left to receive.</source>
        <translation>采购订单 %1 已没有待收货的数量。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="632"/>
        <source>Line %1 (%2): not on %3.</source>
        <translation>第 %1 行（%2）：不在 %3 上。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="634"/>
        <source>Line %1 (%2): %3 is more than the %4 still open on %5.</source>
        <translation>第 %1 行（%2）：%3 超过了 %5 尚未完成的 %4。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="637"/>
        <source>Line %1 (%2): give the reason for the return.</source>
        <translation>第 %1 行（%2）：请填写退货原因。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="639"/>
        <source>Line %1: not a line of delivery note %2.</source>
        <translation>第 %1 行：不是发货单 %2 上的行。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="641"/>
        <source>Receipt %1 came from another supplier.</source>
        <translation>入库单 %1 来自另一家供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="643"/>
        <source>%1 was reversed by %2; nothing can be returned from it.</source>
        <translation>%1 已被 %2 红冲，不能再从中退货。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="647"/>
        <source>Warehouse %1 is closed.</source>
        <translation>仓库 %1 已停用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="649"/>
        <source>Line %1: the product is already counted on line %2.</source>
        <translation>第 %1 行：该产品已在第 %2 行盘点。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="651"/>
        <source>%1 is not posted: change or cancel the draft instead.</source>
        <translation>%1 尚未过账：请修改或作废草稿。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="655"/>
        <source>%1 is itself a reversal and cannot be reversed; post the original document again instead.</source>
        <translation>%1 本身是红冲单，不能再红冲；请重新录入原单据。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="658"/>
        <source>%1 was already reversed by %2.</source>
        <translation>%1 已被 %2 红冲。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="660"/>
        <source>Goods of %1 were returned on %2; reverse that return first.</source>
        <translation>%1 的货物已在 %2 退回；请先红冲该退货单。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="11"/>
        <source>SKU is required.</source>
        <translation>请填写商品编码。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="12"/>
        <source>Unit is required.</source>
        <translation>请填写单位。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="13"/>
        <source>Warehouse code is required.</source>
        <translation>请填写仓库编码。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="14"/>
        <source>Only warehouse staff and administrators can change products.</source>
        <translation>只有仓库人员和管理员可以修改商品。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="16"/>
        <source>Only warehouse staff and administrators can change suppliers.</source>
        <translation>只有仓库人员和管理员可以修改供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="18"/>
        <source>Only warehouse staff and administrators can change warehouses.</source>
        <translation>只有仓库人员和管理员可以修改仓库。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="28"/>
        <source>SKU &apos;%1&apos; is already used by product %2.</source>
        <translation>商品编码“%1”已被商品 %2 使用。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="30"/>
        <source>Barcode &apos;%1&apos; is already used by product %2 %3.</source>
        <translation>条码“%1”已被商品 %2 %3 使用。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="33"/>
        <source>%1 &apos;%2&apos; is already used by another product.</source>
        <translation>%1“%2”已被其他商品使用。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="35"/>
        <source>%1 &apos;%2&apos; contains spaces.</source>
        <translation>%1“%2”不能包含空格。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="37"/>
        <source>%1 &apos;%2&apos; contains control characters.</source>
        <translation>%1“%2”包含控制字符。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="39"/>
        <source>Quantity decimals must be 0, 1, 2 or 3 (got %1).</source>
        <translation>数量小数位只能是 0、1、2 或 3（现为 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="42"/>
        <source>%1 must be exact (a Decimal), not a floating-point number.</source>
        <translation>%1必须是精确数值（Decimal），不能是浮点数。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="45"/>
        <source>%1 &apos;%2&apos; is not a number.</source>
        <translation>%1“%2”不是数字。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="47"/>
        <source>%1 cannot be negative.</source>
        <translation>%1不能为负数。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="49"/>
        <source>%1 has at most %2 decimals.</source>
        <translation>%1最多 %2 位小数。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="51"/>
        <source>%1 must be a whole number.</source>
        <translation>%1必须是整数。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="53"/>
        <source>%1 is too large (at most %2).</source>
        <translation>%1过大（最多 %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="55"/>
        <source>Product %1 was changed by someone else since you opened it.</source>
        <translation>商品 %1 在您打开后已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="58"/>
        <source>Supplier %1 was changed by someone else since you opened it.</source>
        <translation>供应商 %1 在您打开后已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="61"/>
        <source>Supplier code &apos;%1&apos; is already used by another supplier.</source>
        <translation>供应商编码“%1”已被其他供应商使用。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="64"/>
        <source>Payment days must be a whole number from 0 to 365 (got %1).</source>
        <translation>账期天数必须是 0 到 365 的整数（现为 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="67"/>
        <source>Rating is 1 to 5 stars (got %1).</source>
        <translation>评级为 1 到 5 星（现为 %1）。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="69"/>
        <source>Warehouse code &apos;%1&apos; is already used.</source>
        <translation>仓库编码“%1”已被使用。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="72"/>
        <source>Column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="74"/>
        <source>%1 &apos;%2&apos; is also on row %3.</source>
        <translation>%1“%2”在第 %3 行也出现了。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="76"/>
        <source>&apos;%1&apos; is not yes/no (是/否).</source>
        <translation>“%1”不是 是/否。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="78"/>
        <source>%1: nothing imported because %2 of %3 rows have errors.</source>
        <translation>%1：%3 行中有 %2 行有错误，未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="81"/>
        <source>%1: no header row with a SKU and a name column in the first %2 rows; title them SKU / 商品编码 and Name / 名称.</source>
        <translation>%1：前 %2 行中没有包含商品编码和名称列的标题行；请将列标题写为 商品编码 / SKU 和 名称 / Name。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="84"/>
        <source>%1: more than %2 rows; split the file.</source>
        <translation>%1：超过 %2 行；请拆分文件。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/messages.py" line="87"/>
        <source>Warehouse %1 still holds stock; move it to another warehouse or count it out before deactivating it.</source>
        <translation>仓库 %1 仍有库存；请先调拨到其他仓库或盘点出库，再停用。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="12"/>
        <source>Company name is required.</source>
        <translation>请填写公司名称。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="13"/>
        <source>A quotation is valid for 1 to 365 days.</source>
        <translation>报价有效期为 1 到 365 天。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="14"/>
        <source>At most 6 copies.</source>
        <translation>最多 6 联。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="15"/>
        <source>Only an administrator can change the print settings.</source>
        <translation>只有管理员可以修改打印设置。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="16"/>
        <source>Only an administrator can import print templates.</source>
        <translation>只有管理员可以导入打印模板。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="17"/>
        <source>Only an administrator can choose the default template.</source>
        <translation>只有管理员可以设置默认模板。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="19"/>
        <source>Give the template a name.</source>
        <translation>请给模板起个名称。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="20"/>
        <source>The name is longer than 100 characters.</source>
        <translation>名称超过 100 个字符。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="21"/>
        <source>Someone stored a version of this template at the same moment; import it again.</source>
        <translation>有人同时保存了这个模板的新版本，请重新导入。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="23"/>
        <source>Who paid is required.</source>
        <translation>请填写交款单位（人）。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="24"/>
        <source>What the payment is for is required.</source>
        <translation>请填写收款事由。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="25"/>
        <source>The amount must be more than 0.</source>
        <translation>金额必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="26"/>
        <source>Only delivery notes and goods receipts can be printed yet.</source>
        <translation>目前只能打印送货单和入库单。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="28"/>
        <source>This document type has no stored numbers.</source>
        <translation>这种单据没有单号。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="29"/>
        <source>You may not print delivery notes.</source>
        <translation>您无权打印送货单。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="30"/>
        <source>You may not print quotations.</source>
        <translation>您无权打印报价单。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="31"/>
        <source>You may not print sales orders.</source>
        <translation>您无权打印销售订单。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="32"/>
        <source>You may not print purchase orders.</source>
        <translation>您无权打印采购订单。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="33"/>
        <source>You may not print goods receipts.</source>
        <translation>您无权打印入库单。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="34"/>
        <source>You may not print customer statements.</source>
        <translation>您无权打印客户对账单。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="35"/>
        <source>You may not print payment receipts.</source>
        <translation>您无权打印收据。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="42"/>
        <source>%1 is larger than %2 MB.</source>
        <translation>%1 超过 %2 MB。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/messages.py" line="44"/>
        <source>Unknown document type %1.</source>
        <translation>未知的单据类型 %1。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="295"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="296"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="297"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="299"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="302"/>
        <source>Open windows switch at once; dialogs that are open now switch the next time they open.</source>
        <translation>已打开的窗口会立即切换；当前打开的对话框在下次打开时切换。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="304"/>
        <source>Connection profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="313"/>
        <source>Two profiles have the same name.</source>
        <translation>有两个配置同名。</translation>
    </message>
</context>
<context>
    <name>StageColumn</name>
    <message>
        <location filename="../../ui/pipeline/board.py" line="210"/>
        <source>Default probability of this stage</source>
        <translation>此阶段的默认赢率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="274"/>
        <source>%1 · %2</source>
        <translation>%1 个 · %2</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="276"/>
        <source>%1 opportunities, %2 in total</source>
        <translation>%1 个商机，合计 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/board.py" line="280"/>
        <source>%1 more not shown; narrow the filters to see them.</source>
        <translation>还有 %1 个未显示；请缩小筛选范围后查看。</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <location filename="../../ui/printing/forms.py" line="37"/>
        <source>Customer statement</source>
        <translation>客户对账单</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="38"/>
        <source>(none chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="39"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="47"/>
        <source>Deliveries and returns only: payments are not deducted yet.</source>
        <translation>仅按送货单和退货单计算：尚未扣除已收款项。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="50"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="52"/>
        <source>From</source>
        <translation>自</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="53"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/printing/forms.py" line="56"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
</context>
<context>
    <name>Stock</name>
    <message>
        <location filename="../../ui/stock/__init__.py" line="44"/>
        <source>Goods receipt</source>
        <translation>入库单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/__init__.py" line="45"/>
        <source>Delivery note</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/__init__.py" line="46"/>
        <source>Customer return</source>
        <translation>客户退货单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/__init__.py" line="47"/>
        <source>Supplier return</source>
        <translation>退供应商单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/__init__.py" line="48"/>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/__init__.py" line="49"/>
        <source>Stock count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/__init__.py" line="54"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/stock/__init__.py" line="55"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/stock/__init__.py" line="56"/>
        <source>Posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../ui/stock/__init__.py" line="57"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>StockDocumentEditor</name>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="101"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="102"/>
        <source>From / to</source>
        <translation>往来单位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="103"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="104"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="105"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="106"/>
        <source>Quality note</source>
        <translation>质量说明</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="107"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="108"/>
        <source>Created / posted</source>
        <translation>制单 / 过账</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="115"/>
        <source>Scan a barcode or type a SKU, then Enter</source>
        <translation>扫描条码或输入货号后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="119"/>
        <source>Find product…</source>
        <translation>查找商品…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="126"/>
        <source>Scan:</source>
        <translation>扫描：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="142"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="143"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="144"/>
        <location filename="../../ui/stock/doc_editor.py" line="315"/>
        <source>Post</source>
        <translation>过账</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="146"/>
        <source>Ctrl+Enter: book the stock movement and give the document its number</source>
        <translation>Ctrl+Enter：记入库存变动并生成单号</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="148"/>
        <source>Submit for approval</source>
        <translation>提交审批</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="149"/>
        <location filename="../../ui/stock/doc_editor.py" line="562"/>
        <source>Cancel document</source>
        <translation>作废单据</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="150"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="153"/>
        <source>Print after posting</source>
        <translation>过账后打印</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="155"/>
        <location filename="../../ui/stock/doc_editor.py" line="333"/>
        <source>Customer return…</source>
        <translation>客户退货…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="156"/>
        <source>Reverse…</source>
        <translation>冲销…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="157"/>
        <source>Load their version</source>
        <translation>载入对方的版本</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="249"/>
        <source>%1 (draft %2)</source>
        <translation>%1（草稿 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="253"/>
        <source>(reversal)</source>
        <translation>（冲销单）</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="256"/>
        <location filename="../../ui/stock/doc_editor.py" line="278"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="265"/>
        <source>%1; posted %2 by %3</source>
        <translation>%1；%3 于 %2 过账</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="274"/>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="315"/>
        <source>Approve and post</source>
        <translation>审批并过账</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="327"/>
        <source>Printing is not installed yet.</source>
        <translation>打印功能尚未安装。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="332"/>
        <source>Return to supplier…</source>
        <translation>退货给供应商…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="350"/>
        <source>%1 lines, %2 units in total</source>
        <translation>共 %1 行，合计 %2</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="370"/>
        <source>No product has the barcode or SKU “%1”.</source>
        <translation>没有条码或货号为“%1”的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="402"/>
        <source>%1 %2 is no longer sold (inactive); added anyway.</source>
        <translation>%1 %2 已停用，仍已添加。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="467"/>
        <location filename="../../ui/stock/doc_editor.py" line="488"/>
        <source>Scan or add at least one product first.</source>
        <translation>请先扫描或添加至少一个商品。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="478"/>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="490"/>
        <source>Posting…</source>
        <translation>正在过账…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="501"/>
        <source>Already posted as %1; nothing was booked twice.</source>
        <translation>已过账，单号 %1；没有重复记账。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="503"/>
        <source>Posted as %1.</source>
        <translation>已过账，单号 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="523"/>
        <source>Sent to an administrator for approval.</source>
        <translation>已提交管理员审批。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="541"/>
        <source>Someone else changed this document after you opened it. Load their version to continue (your changes are not saved).</source>
        <translation>您打开此单据后，他人已修改了它。请载入对方的版本后继续（您的修改未保存）。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="563"/>
        <source>Cancel this draft? Nothing was booked; it stays in the list as cancelled.</source>
        <translation>作废此草稿？它没有记账，将以“已取消”状态保留在列表中。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="580"/>
        <source>Unsaved lines</source>
        <translation>明细未保存</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_editor.py" line="581"/>
        <source>The lines were changed and not saved. Close anyway?</source>
        <translation>明细已修改但未保存。仍要关闭吗？</translation>
    </message>
</context>
<context>
    <name>StockDocumentList</name>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="36"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="40"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="44"/>
        <location filename="../../ui/stock/doc_list.py" line="86"/>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="45"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="47"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="49"/>
        <source>Print selected</source>
        <translation>打印所选</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="51"/>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="51"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="52"/>
        <source>Warehouse:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="73"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="73"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="73"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="74"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="74"/>
        <source>Customer / supplier</source>
        <translation>客户 / 供应商</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="75"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="75"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="75"/>
        <source>Posted</source>
        <translation>过账时间</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="120"/>
        <source>%1 documents shown</source>
        <translation>已显示 %1 张单据</translation>
    </message>
    <message>
        <location filename="../../ui/stock/doc_list.py" line="146"/>
        <source>Select posted delivery notes to print.</source>
        <translation>请选择已过账的送货单再打印。</translation>
    </message>
</context>
<context>
    <name>StockDocumentWindow</name>
    <message>
        <location filename="../../ui/stock/doc_window.py" line="34"/>
        <source>Stock document</source>
        <translation>库存单据</translation>
    </message>
</context>
<context>
    <name>StockInquiryWidget</name>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="56"/>
        <source>Scan a barcode or type a SKU, then Enter</source>
        <translation>扫描条码或输入货号后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="60"/>
        <source>Find product…</source>
        <translation>查找商品…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="63"/>
        <source>Product:</source>
        <translation>商品：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="66"/>
        <source>Scan or find a product to see its stock.</source>
        <translation>扫描或查找商品以查看其库存。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="77"/>
        <source>Stock by warehouse</source>
        <translation>各仓库存</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="83"/>
        <location filename="../../ui/stock/inquiry.py" line="162"/>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="87"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="90"/>
        <source>Movements</source>
        <translation>出入库明细</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="93"/>
        <source>Warehouse:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="110"/>
        <location filename="../../ui/stock/inquiry.py" line="114"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="110"/>
        <source>On hand</source>
        <translation>现存</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="111"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="111"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="112"/>
        <source>Average cost</source>
        <translation>平均成本</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="113"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="113"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="113"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="114"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="115"/>
        <source>Balance after</source>
        <translation>结存</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="115"/>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="59"/>
        <source>No product has the barcode or SKU “%1”.</source>
        <translation>没有条码或货号为“%1”的商品。</translation>
    </message>
    <message>
        <location filename="../../ui/stock/inquiry.py" line="155"/>
        <source>In all warehouses: %1 on hand, %2 available; minimum stock %3.</source>
        <translation>全部仓库：现存 %1，可用 %2；最低库存 %3。</translation>
    </message>
</context>
<context>
    <name>StockReportsWidget</name>
    <message>
        <location filename="../../ui/stock/reports.py" line="254"/>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="255"/>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="256"/>
        <source>Warehouse:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="257"/>
        <location filename="../../ui/stock/reports.py" line="295"/>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="258"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="259"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="253"/>
        <source>Report:</source>
        <translation>报表：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="194"/>
        <location filename="../../ui/stock/reports.py" line="233"/>
        <source>SKU</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="194"/>
        <location filename="../../ui/stock/reports.py" line="233"/>
        <source>Product</source>
        <translation>品名</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="195"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="196"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="197"/>
        <location filename="../../ui/stock/reports.py" line="228"/>
        <source>Net quantity</source>
        <translation>净销量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="198"/>
        <location filename="../../ui/stock/reports.py" line="229"/>
        <source>Revenue excl. VAT</source>
        <translation>不含税收入</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="199"/>
        <source>Cost of sales</source>
        <translation>销售成本</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="200"/>
        <source>Gross margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="201"/>
        <source>Margin %</source>
        <translation>毛利率%</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="203"/>
        <source>Stock on hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="205"/>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="206"/>
        <source>Reserved</source>
        <translation>已预留</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="207"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="209"/>
        <source>Movements by period</source>
        <translation>收发存</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="211"/>
        <source>Opening</source>
        <translation>期初</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="212"/>
        <source>In</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="213"/>
        <source>Out</source>
        <translation>出库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="214"/>
        <source>Closing</source>
        <translation>期末</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="215"/>
        <source>Value in</source>
        <translation>入库金额</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="216"/>
        <source>Value out</source>
        <translation>出库金额</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="217"/>
        <source>Inventory valuation</source>
        <translation>存货估值</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="219"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="220"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="221"/>
        <source>Average cost</source>
        <translation>移动平均成本</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="222"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="224"/>
        <source>Product sales summary</source>
        <translation>销售汇总</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="226"/>
        <source>Delivered</source>
        <translation>发货数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="227"/>
        <location filename="../../ui/stock/reports.py" line="247"/>
        <source>Returned</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="230"/>
        <source>Revenue incl. VAT</source>
        <translation>含税收入</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="231"/>
        <source>Gross margin by product</source>
        <translation>销售毛利（按产品）</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="235"/>
        <source>Gross margin by customer</source>
        <translation>销售毛利（按客户）</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="237"/>
        <source>Customer code</source>
        <translation>客户编码</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="238"/>
        <source>Customer</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="240"/>
        <source>Purchase summary</source>
        <translation>采购汇总</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="242"/>
        <source>Supplier code</source>
        <translation>供应商编码</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="243"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="244"/>
        <source>Receipts</source>
        <translation>入库单数</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="245"/>
        <source>Received</source>
        <translation>入库数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="246"/>
        <source>Amount excl. VAT</source>
        <translation>入库金额(不含税)</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="248"/>
        <source>Returns</source>
        <translation>退货金额</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="249"/>
        <source>Net purchases</source>
        <translation>净采购额</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="266"/>
        <location filename="../../ui/stock/reports.py" line="327"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="332"/>
        <source>%1 rows</source>
        <translation>%1 行</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="347"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="348"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/stock/reports.py" line="368"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>SupplierForm</name>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="27"/>
        <source>Purchase order</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="28"/>
        <source>Goods receipt</source>
        <translation>入库单</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="29"/>
        <source>Supplier return</source>
        <translation>退货给供应商</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="33"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="34"/>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="35"/>
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="36"/>
        <source>partially received</source>
        <translation>部分收货</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="38"/>
        <source>received</source>
        <translation>已收货</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="39"/>
        <source>posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="40"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>SupplierFormDialog</name>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="112"/>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="113"/>
        <source>Edit supplier</source>
        <translation>编辑供应商</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="124"/>
        <source>assigned automatically</source>
        <translation>自动生成</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="137"/>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="139"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="141"/>
        <source>not rated</source>
        <translation>未评级</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="147"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="154"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="154"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="155"/>
        <location filename="../../ui/catalog/supplier_form.py" line="181"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="155"/>
        <location filename="../../ui/catalog/supplier_form.py" line="181"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="156"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="156"/>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="157"/>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="158"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="159"/>
        <source>Payment days</source>
        <translation>账期天数</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="159"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="172"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="180"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="180"/>
        <source>Job title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="182"/>
        <source>Primary</source>
        <translation>主联系人</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="184"/>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="186"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="188"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="190"/>
        <source>Save the supplier first, then add its contacts.</source>
        <translation>请先保存供应商，再添加联系人。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="206"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="206"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="207"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="207"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="208"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="209"/>
        <source>Orders: total with tax. Receipts and returns: value at cost, without tax.</source>
        <translation>订单：含税总额。入库和退货：按成本计的不含税金额。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="218"/>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="219"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="220"/>
        <source>Purchase history</source>
        <translation>采购记录</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="307"/>
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_form.py" line="318"/>
        <source>No purchases from this supplier yet.</source>
        <translation>尚无该供应商的采购记录。</translation>
    </message>
</context>
<context>
    <name>SupplierListWidget</name>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="30"/>
        <source>Code, name, phone or contact…</source>
        <translation>编码、名称、电话或联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="31"/>
        <source>Show inactive</source>
        <translation>显示停用</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="34"/>
        <source>New supplier</source>
        <translation>新建供应商</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="38"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="38"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="39"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="39"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="40"/>
        <source>Rating</source>
        <translation>评级</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="40"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="58"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="79"/>
        <source>No supplier matches.</source>
        <translation>没有匹配的供应商。</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/supplier_list.py" line="80"/>
        <source>%1 suppliers</source>
        <translation>%1 个供应商</translation>
    </message>
</context>
<context>
    <name>SupplierPickerDialog</name>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="38"/>
        <source>Choose a supplier</source>
        <translation>选择供应商</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="40"/>
        <source>Code, name or phone…</source>
        <translation>编码、名称或电话…</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="42"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="42"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="42"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="43"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../ui/orders/purchase_form.py" line="46"/>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
</context>
<context>
    <name>TargetsWidget</name>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="194"/>
        <source>&amp;Target for:</source>
        <translation>目标周期(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="195"/>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="195"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="195"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="198"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="199"/>
        <source>Save trend as PNG…</source>
        <translation>趋势图另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="200"/>
        <source>Targets</source>
        <translation>销售目标</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="201"/>
        <source>Rep or team</source>
        <translation>销售或团队</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="201"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="202"/>
        <location filename="../../ui/pipeline/targets.py" line="209"/>
        <location filename="../../ui/pipeline/targets.py" line="491"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="204"/>
        <source>Type a target and press Enter; it is saved at once. 12万, 120k and 120,000 all mean 120,000.</source>
        <translation>输入目标后按 Enter 即保存。12万、120k 和 120,000 都表示 120,000。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="206"/>
        <source>Targets are set by your sales manager.</source>
        <translation>目标由您的销售经理设定。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="207"/>
        <source>Ranking by attainment</source>
        <translation>达成率排名</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="209"/>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="209"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="209"/>
        <location filename="../../ui/pipeline/targets.py" line="493"/>
        <source>Achieved</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="210"/>
        <source>Attainment</source>
        <translation>达成率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="224"/>
        <source>Q%1</source>
        <translation>第%1季度</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="341"/>
        <location filename="../../ui/pipeline/targets.py" line="364"/>
        <location filename="../../ui/pipeline/targets.py" line="471"/>
        <source>%1 (team)</source>
        <translation>%1（团队）</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="389"/>
        <source>Type an amount such as 120000, 120,000 or 12万.</source>
        <translation>请输入金额，例如 120000、120,000 或 12万。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="390"/>
        <source>“%1” is not an amount.</source>
        <translation>“%1”不是金额。</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="479"/>
        <source>Attainment over 12 months</source>
        <translation>近 12 个月达成率</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="481"/>
        <source>Attainment over 12 months: %1</source>
        <translation>近 12 个月达成率：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="510"/>
        <source>Save the trend chart</source>
        <translation>保存趋势图</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="510"/>
        <source>targets.png</source>
        <translation>目标达成趋势.png</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/targets.py" line="511"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>TemplateManager</name>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="35"/>
        <source>Print templates</source>
        <translation>打印模板</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="45"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="45"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="45"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="45"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="46"/>
        <source>Imported by</source>
        <translation>导入人</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="46"/>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="54"/>
        <source>Show earlier versions</source>
        <translation>显示历史版本</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="59"/>
        <source>PDF font…</source>
        <translation>PDF 字体…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="60"/>
        <source>Default PDF font</source>
        <translation>默认 PDF 字体</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="63"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="64"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="65"/>
        <source>Preview with a document…</source>
        <translation>用实际单据预览…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="66"/>
        <source>Set as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="67"/>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="143"/>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="146"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="149"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="149"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="162"/>
        <source>PDF font: %1</source>
        <translation>PDF 字体：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="163"/>
        <source>PDF font: STSong-Light (every PDF reader has it; nothing embedded)</source>
        <translation>PDF 字体：STSong-Light（所有 PDF 阅读器自带，不嵌入）</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="168"/>
        <source>PDF font</source>
        <translation>PDF 字体</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="169"/>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="196"/>
        <source>This font cannot be used for PDFs: %1</source>
        <translation>此字体不能用于 PDF：%1</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="203"/>
        <location filename="../../ui/printing/template_manager.py" line="209"/>
        <source>Import a template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="205"/>
        <location filename="../../ui/printing/template_manager.py" line="297"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="210"/>
        <source>Template name (a new name, or an existing one for a new version):</source>
        <translation>模板名称（新名称，或已有名称以保存为新版本）：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="221"/>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="227"/>
        <source>Imported %1, version %2.</source>
        <translation>已导入 %1，版本 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="232"/>
        <source>The template was not imported.</source>
        <translation>模板未导入。</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="257"/>
        <source>Customer code (this month&apos;s statement):</source>
        <translation>客户编号（本月对账单）：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="258"/>
        <source>Document number:</source>
        <translation>单号：</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="259"/>
        <source>Preview with a document</source>
        <translation>用实际单据预览</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="295"/>
        <source>Export template</source>
        <translation>导出模板</translation>
    </message>
    <message>
        <location filename="../../ui/printing/template_manager.py" line="308"/>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="197"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="197"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="197"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="198"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="219"/>
        <source>“%1” opened in %2</source>
        <translation>新建“%1”，阶段：%2</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="222"/>
        <source>“%1”: %2 → %3</source>
        <translation>“%1”：%2 → %3</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="226"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="229"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="230"/>
        <source>(automatic)</source>
        <translation>（自动）</translation>
    </message>
    <message>
        <location filename="../../ui/pipeline/customer_tabs.py" line="246"/>
        <source>Includes the newest %1 of %2 follow-ups.</source>
        <translation>包含 %2 条跟进记录中最新的 %1 条。</translation>
    </message>
</context>
<context>
    <name>WarehouseDialog</name>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="28"/>
        <source>New warehouse</source>
        <translation>新建仓库</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="29"/>
        <source>Edit warehouse</source>
        <translation>编辑仓库</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="32"/>
        <source>e.g. WH-SZ</source>
        <translation>例如 WH-SZ</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="33"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="36"/>
        <source>Code *</source>
        <translation>编码 *</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="37"/>
        <source>Name *</source>
        <translation>名称 *</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="38"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
</context>
<context>
    <name>WarehousePage</name>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="92"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="94"/>
        <source>Receive without order…</source>
        <translation>无单入库…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="95"/>
        <source>Transfer…</source>
        <translation>调拨…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="96"/>
        <source>Stock count…</source>
        <translation>盘点…</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="101"/>
        <source>Warehouse:</source>
        <translation>仓库：</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="109"/>
        <source>Create delivery note</source>
        <translation>生成发货单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="112"/>
        <source>Create receipt</source>
        <translation>生成入库单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="114"/>
        <source>To ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="115"/>
        <source>To receive</source>
        <translation>待收货</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="124"/>
        <source>Drafts in progress</source>
        <translation>处理中的草稿</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="190"/>
        <location filename="../../ui/stock/warehouse_page.py" line="193"/>
        <location filename="../../ui/stock/warehouse_page.py" line="197"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="190"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="191"/>
        <location filename="../../ui/stock/warehouse_page.py" line="194"/>
        <location filename="../../ui/stock/warehouse_page.py" line="198"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="191"/>
        <source>Deliver by</source>
        <translation>交货日期</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="192"/>
        <location filename="../../ui/stock/warehouse_page.py" line="195"/>
        <source>Open lines</source>
        <translation>未完成行</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="192"/>
        <location filename="../../ui/stock/warehouse_page.py" line="195"/>
        <source>Open qty</source>
        <translation>未完成数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="193"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="194"/>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="196"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="196"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="197"/>
        <source>Customer / supplier</source>
        <translation>客户 / 供应商</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="198"/>
        <source>Created by</source>
        <translation>制单人</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="199"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="200"/>
        <source>Work queue</source>
        <translation>工作队列</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="200"/>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="200"/>
        <source>Purchase orders</source>
        <translation>采购订单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="201"/>
        <source>Low stock</source>
        <translation>库存预警</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="216"/>
        <source>All warehouses</source>
        <translation>全部仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="261"/>
        <source>To ship (%1)</source>
        <translation>待发货（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/stock/warehouse_page.py" line="262"/>
        <source>To receive (%1)</source>
        <translation>待收货（%1）</translation>
    </message>
</context>
<context>
    <name>WarehouseWidget</name>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="98"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="98"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="99"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="99"/>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="104"/>
        <source>New warehouse</source>
        <translation>新建仓库</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="106"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="129"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="130"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/catalog/warehouses.py" line="136"/>
        <source>%1 warehouses</source>
        <translation>%1 个仓库</translation>
    </message>
</context>
<context>
    <name>WorkbenchWidget</name>
    <message>
        <location filename="../../ui/workbench.py" line="166"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="168"/>
        <source>Overdue follow-ups</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="169"/>
        <source>Follow-ups due today</source>
        <translation>今日待跟进</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="170"/>
        <source>Closing this month</source>
        <translation>本月预计成交</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="171"/>
        <source>About to return to the public pool</source>
        <translation>即将退回公海</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="172"/>
        <source>Nothing overdue. Well done.</source>
        <translation>没有逾期的跟进，做得好！</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="173"/>
        <source>No follow-ups planned for today.</source>
        <translation>今天没有计划的跟进。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="174"/>
        <source>No open opportunity is expected to close this month.</source>
        <translation>本月没有预计成交的商机。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="176"/>
        <source>No customer of yours returns to the pool in the next 3 days.</source>
        <translation>未来 3 天内您没有客户会退回公海。</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="196"/>
        <source>Today, %1 — %2</source>
        <translation>今天是 %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="213"/>
        <source>Today&apos;s work could not be loaded: %1</source>
        <translation>无法加载今日待办：%1</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="226"/>
        <source>showing the first %1</source>
        <translation>仅显示前 %1 条</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="236"/>
        <source>%1 overdue · %2 due today · %3 closing this month (%4, weighted %5) · %6 returning to the pool</source>
        <translation>逾期 %1 · 今日待跟进 %2 · 本月预计成交 %3（%4，加权 %5）· 即将退回公海 %6</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="265"/>
        <source>Log follow-up</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="266"/>
        <source>Open the customer with the follow-up entry ready</source>
        <translation>打开客户并准备好填写跟进</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="272"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="273"/>
        <source>Open the customer&apos;s 360° view</source>
        <translation>打开客户的 360° 视图</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="297"/>
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="297"/>
        <location filename="../../ui/workbench.py" line="323"/>
        <location filename="../../ui/workbench.py" line="344"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="297"/>
        <source>Last follow-up</source>
        <translation>最后跟进</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="298"/>
        <location filename="../../ui/workbench.py" line="324"/>
        <location filename="../../ui/workbench.py" line="344"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="304"/>
        <source>%1 (%2 d late)</source>
        <translation>%1（逾期 %2 天）</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="306"/>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="323"/>
        <source>Close by</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="323"/>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="324"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="324"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="344"/>
        <source>Returns</source>
        <translation>退回时间</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="344"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="350"/>
        <source>at the next sweep</source>
        <translation>下次回收时</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="352"/>
        <source>in 1 day</source>
        <translation>1 天后</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="354"/>
        <source>in %1 days</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="355"/>
        <source>no follow-up</source>
        <translation>未跟进</translation>
    </message>
    <message>
        <location filename="../../ui/workbench.py" line="356"/>
        <source>no deal won</source>
        <translation>未成交</translation>
    </message>
</context>
</TS>
