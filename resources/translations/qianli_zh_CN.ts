<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
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
    <name>Customer360Widget</name>
    <message>
        <location filename="../../ui/customers/detail.py" line="37"/>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="38"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="39"/>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="40"/>
        <source>Tickets</source>
        <translation>服务工单</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="84"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="98"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="99"/>
        <source>Merge a duplicate…</source>
        <translation>合并重复客户…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="100"/>
        <source>Pick another customer and merge it into this one: its contacts and follow-ups move here.</source>
        <translation>选择另一个客户并将其合并到本客户：其联系人和跟进记录将移到这里。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="117"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="117"/>
        <source>Last follow-up</source>
        <translation>最后跟进</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="118"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="119"/>
        <source>Returns to pool</source>
        <translation>退回公海</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="120"/>
        <location filename="../../ui/customers/detail.py" line="137"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="120"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="121"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="122"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="137"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="137"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="138"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="138"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="138"/>
        <location filename="../../ui/customers/detail.py" line="151"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="139"/>
        <source>Add contact…</source>
        <translation>添加联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="140"/>
        <source>Edit contact…</source>
        <translation>编辑联系人…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="150"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="150"/>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="150"/>
        <source>By</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="151"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="151"/>
        <source>Next</source>
        <translation>下次</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="161"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="162"/>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="167"/>
        <source>Log a follow-up</source>
        <translation>记录跟进</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="221"/>
        <source>Level %1</source>
        <translation>%1 级</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="223"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="224"/>
        <source>not planned</source>
        <translation>未安排</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="241"/>
        <location filename="../../ui/customers/detail.py" line="243"/>
        <source>in public pool</source>
        <translation>在公海中</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="250"/>
        <source>does not return</source>
        <translation>不会退回</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="254"/>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="256"/>
        <source>in 1 day</source>
        <translation>1 天后</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="258"/>
        <source>in %1 days</source>
        <translation>%1 天后</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="277"/>
        <source>Contacts (%1)</source>
        <translation>联系人（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="295"/>
        <source>Follow-ups (%1)</source>
        <translation>跟进记录（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="297"/>
        <source>Showing the newest %1 of %2 follow-ups.</source>
        <translation>显示 %2 条跟进记录中最新的 %1 条。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="374"/>
        <source>Merge which customer into this one?</source>
        <translation>要将哪个客户合并到本客户？</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="386"/>
        <source>%1 contact(s)</source>
        <translation>%1 个联系人</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="387"/>
        <source>%1 follow-up(s)</source>
        <translation>%1 条跟进记录</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="391"/>
        <source>Merge %1 into %2?</source>
        <translation>将 %1 合并到 %2？</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="393"/>
        <source>These move to %1: %2.</source>
        <translation>以下内容将移到 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="395"/>
        <source>%1 is then hidden from lists; its history is kept in the audit log.</source>
        <translation>之后 %1 将不再出现在列表中；其历史保留在审计日志里。</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="397"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="400"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../ui/customers/detail.py" line="422"/>
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
        <location filename="../../ui/errors.py" line="205"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="206"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="207"/>
        <source>Follow-up</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="208"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="209"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="306"/>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="326"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="328"/>
        <source>Please correct the following:</source>
        <translation>请更正以下内容：</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="333"/>
        <source>%1 %2 no longer exists. Someone may have deleted or merged it; refresh the list.</source>
        <translation>%1 %2 已不存在。可能已被他人删除或合并；请刷新列表。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="340"/>
        <source>Someone else changed this record after you opened it. Reload it to see the current version.</source>
        <translation>在您打开之后，他人修改了此记录。请重新加载以查看当前版本。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="345"/>
        <source>Changed: %1</source>
        <translation>已修改：%1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="349"/>
        <source>public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="350"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="353"/>
        <source>This looks like a customer that already exists:</source>
        <translation>这似乎是一个已存在的客户：</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="357"/>
        <source>Not enough stock of %1 in %2: short by %3.</source>
        <translation>%2 中 %1 的库存不足：缺少 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="364"/>
        <source>The database cannot be reached. Check the network cable or Wi-Fi and that the office server is running, then try again.</source>
        <translation>无法连接数据库。请检查网线或 Wi-Fi，并确认办公室服务器正在运行，然后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="368"/>
        <source>The database server refused the user name or password.</source>
        <translation>数据库服务器拒绝了该用户名或密码。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="371"/>
        <source>The office server has no such database. Check the database name in the connection profile.</source>
        <translation>办公室服务器上没有这个数据库。请检查连接配置中的数据库名称。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="375"/>
        <source>The database is busy with another change. Try again in a moment.</source>
        <translation>数据库正忙于另一项修改。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="377"/>
        <source>Something went wrong: %1</source>
        <translation>出现问题：%1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="383"/>
        <source>Check your input</source>
        <translation>请检查输入</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="385"/>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="387"/>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="389"/>
        <source>Possible duplicate</source>
        <translation>可能重复</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="391"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="393"/>
        <source>Database problem</source>
        <translation>数据库问题</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="394"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>ExceptionDialog</name>
    <message>
        <location filename="../../ui/errors.py" line="412"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="419"/>
        <source>Qianli ran into a problem it did not expect. What you were doing may not have been saved. You can keep working; if it happens again, send the details below to your administrator.</source>
        <translation>千里遇到了一个意外问题。您刚才的操作可能没有保存。您可以继续工作；如果再次出现，请将下面的详细信息发送给管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="430"/>
        <source>The error was also written to %1</source>
        <translation>错误也已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="441"/>
        <location filename="../../ui/errors.py" line="454"/>
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="444"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="454"/>
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../ui/errors.py" line="175"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="176"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="177"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="178"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="179"/>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="180"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="181"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="182"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="183"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="184"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="185"/>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="186"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="187"/>
        <location filename="../../ui/errors.py" line="188"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="189"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="190"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="191"/>
        <location filename="../../ui/errors.py" line="192"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="193"/>
        <source>When</source>
        <translation>跟进时间</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="194"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="195"/>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="196"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="197"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="198"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="199"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="200"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="201"/>
        <source>File</source>
        <translation>文件</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <location filename="../../ui/main_window.py" line="160"/>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>Public pool</source>
        <translation>公海</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <location filename="../../ui/main_window.py" line="311"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="163"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="165"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>&amp;Export list…</source>
        <translation>导出列表(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>&amp;Public pool</source>
        <translation>公海(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>&amp;Close tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>&amp;About Qianli</source>
        <translation>关于千里(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="255"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="256"/>
        <source>The customer view is not available in this version.</source>
        <translation>此版本中没有客户视图。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>Customer %1</source>
        <translation>客户 %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <source>Importing is not available in this version.</source>
        <translation>此版本中没有导入功能。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>Imported %1 customers</source>
        <translation>已导入 %1 个客户</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>About Qianli</source>
        <translation>关于千里</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="337"/>
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
        <location filename="../../ui/errors.py" line="213"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="214"/>
        <source>Sales manager</source>
        <translation>销售经理</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="215"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="216"/>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="217"/>
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
        <location filename="../../ui/errors.py" line="61"/>
        <source>Login &apos;%1&apos; is taken.</source>
        <translation>登录名“%1”已被使用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="63"/>
        <source>No user &apos;%1&apos;.</source>
        <translation>没有用户“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="65"/>
        <source>Phone &apos;%1&apos; contains letters; use digits, spaces, dashes, parentheses and a leading +.</source>
        <translation>电话“%1”含有字母；请使用数字、空格、短横线、括号和开头的 +。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="68"/>
        <source>Phone &apos;%1&apos; has characters a phone number cannot have; use digits, spaces, dashes, parentheses and a leading +.</source>
        <translation>电话“%1”含有电话号码中不能出现的字符；请使用数字、空格、短横线、括号和开头的 +。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="72"/>
        <source>Phone &apos;%1&apos; has too few digits (%2); a phone number has at least %3, with the area code for a landline.</source>
        <translation>电话“%1”位数太少（%2 位）；电话号码至少 %3 位，座机请加区号。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="75"/>
        <source>Phone &apos;%1&apos; has too many digits (%2); at most %3.</source>
        <translation>电话“%1”位数太多（%2 位）；最多 %3 位。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="77"/>
        <source>Phone &apos;%1&apos; looks like a mobile number with %2 digits; mainland mobile numbers have 11.</source>
        <translation>电话“%1”像是 %2 位的手机号；大陆手机号为 11 位。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="80"/>
        <source>Phone &apos;%1&apos; is not a mainland mobile number (13x–19x).</source>
        <translation>电话“%1”不是大陆手机号（13x–19x）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="83"/>
        <source>Email &apos;%1&apos; contains a space.</source>
        <translation>邮箱“%1”含有空格。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="85"/>
        <source>Email &apos;%1&apos; needs exactly one &apos;@&apos;, as in name@example.com.</source>
        <translation>邮箱“%1”必须恰好有一个“@”，例如 name@example.com。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="88"/>
        <source>Email &apos;%1&apos; is missing &apos;@&apos;, as in name@example.com.</source>
        <translation>邮箱“%1”缺少“@”，例如 name@example.com。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="90"/>
        <source>Email &apos;%1&apos;: the part before &apos;@&apos; is not valid.</source>
        <translation>邮箱“%1”：“@”前面的部分无效。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="92"/>
        <source>Email &apos;%1&apos;: the domain &apos;%2&apos; needs a dot, as in example.com.</source>
        <translation>邮箱“%1”：域名“%2”需要包含点，例如 example.com。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="95"/>
        <source>Email &apos;%1&apos;: the domain &apos;%2&apos; is not valid.</source>
        <translation>邮箱“%1”：域名“%2”无效。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="97"/>
        <source>%1 is too long: %2 characters, at most %3.</source>
        <translation>%1太长：%2 个字符，最多 %3 个。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="99"/>
        <source>Code &apos;%1&apos; is already used by another customer.</source>
        <translation>编码“%1”已被其他客户使用。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="101"/>
        <source>Customer %1 was merged into %2; work on %2 instead.</source>
        <translation>客户 %1 已合并到 %2；请改为处理 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="105"/>
        <source>You cannot change customer %1: it belongs to someone outside your team.</source>
        <translation>您不能修改客户 %1：它属于您团队以外的人。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="109"/>
        <source>Customer %1 is in the public pool; claim it before logging a follow-up.</source>
        <translation>客户 %1 在公海中；请先领取，再记录跟进。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="112"/>
        <source>The next follow-up date %1 is in the past.</source>
        <translation>下次跟进日期 %1 已经过去。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="114"/>
        <source>Customer %1 was changed by someone else since you opened it.</source>
        <translation>在您打开之后，客户 %1 已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="117"/>
        <source>Contact %1 of %2 was changed by someone else since you opened it.</source>
        <translation>在您打开之后，%2 的联系人 %1 已被他人修改。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="120"/>
        <source>Tax ID &apos;%1&apos; may contain only letters and digits.</source>
        <translation>税号“%1”只能包含字母和数字。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="122"/>
        <source>Tax ID &apos;%1&apos; has %2 characters; expected 6 to 20 (18 for a unified social credit code).</source>
        <translation>税号“%1”有 %2 个字符；应为 6 到 20 个（统一社会信用代码为 18 个）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="125"/>
        <source>Tax ID &apos;%1&apos; is not a unified social credit code: %2 cannot appear in one.</source>
        <translation>税号“%1”不是统一社会信用代码：其中不能出现 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="128"/>
        <source>Tax ID &apos;%1&apos; fails the unified social credit code check character; please check it for a typo.</source>
        <translation>税号“%1”未通过统一社会信用代码校验位检查；请检查是否有输入错误。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="132"/>
        <source>the customer name is empty; every customer needs one.</source>
        <translation>客户名称为空；每个客户都必须有名称。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="135"/>
        <source>is %1 characters long; at most %2.</source>
        <translation>长度为 %1 个字符；最多 %2 个。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="137"/>
        <source>is a date (%1), not a phone number: Excel turned what was typed into a date; format the column as Text and type the number again.</source>
        <translation>是日期（%1），不是电话号码：Excel 把输入的内容变成了日期；请把该列设为“文本”格式后重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="141"/>
        <source>is a date (%1); expected text.</source>
        <translation>是日期（%1）；应为文本。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="143"/>
        <source>&apos;%1&apos; is not a phone number.</source>
        <translation>“%1”不是电话号码。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="145"/>
        <source>&apos;%1&apos; is a number Excel shortened to scientific notation, so digits are lost; format the column as Text in Excel and type the number again.</source>
        <translation>“%1”是被 Excel 缩写为科学计数法的数字，部分数字已丢失；请在 Excel 中把该列设为“文本”格式后重新输入号码。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="149"/>
        <source>level must be A, B, C or D (got &apos;%1&apos;).</source>
        <translation>级别必须是 A、B、C 或 D（实际为“%1”）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="151"/>
        <source>type must be 公司/个人 or company/person (got &apos;%1&apos;).</source>
        <translation>类型必须是 公司/个人 或 company/person（实际为“%1”）。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="154"/>
        <source>the formula %1 has no saved result (the file was not saved by Excel after calculating); open it in Excel and save it, or paste the values.</source>
        <translation>公式 %1 没有保存的计算结果（文件在计算后未经 Excel 保存）；请在 Excel 中打开并保存，或粘贴为数值。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="158"/>
        <source>File not found: %1</source>
        <translation>找不到文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="160"/>
        <source>%1: the old Excel 97-2003 format (.xls) cannot be read; open it in Excel and save as .xlsx.</source>
        <translation>%1：无法读取旧的 Excel 97-2003 格式（.xls）；请在 Excel 中打开并另存为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="163"/>
        <source>%1: unsupported file type %2; use .xlsx or .csv.</source>
        <translation>%1：不支持的文件类型 %2；请使用 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="165"/>
        <source>%1 is empty.</source>
        <translation>%1 是空的。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="167"/>
        <source>%1: export files are .xlsx.</source>
        <translation>%1：导出文件须为 .xlsx。</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="169"/>
        <source>Folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
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
</TS>
