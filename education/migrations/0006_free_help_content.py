"""The free help and the rights text for each country the portal serves, published, and who may
edit them.

- Services: real, free, public services, each checked on its own site: the NFCC (United
  States); MoneyHelper and StepChange (United Kingdom); the 12348 public legal service hotline
  (司法部, 中国法律服务网) and the 12378 complaint hotline of the National Financial Regulatory
  Administration (国家金融监督管理总局) (China). Editors keep them up to date in Wagtail.
- Rights texts: what the portal itself does (contact hours, no third parties, questioning an
  entry, opting out, which are the contact rules of each country in
  portal/notifications/contact_rules/presets.py) and where to complain: the CFPB, the
  Financial Ombudsman Service (after eight weeks, DISP 1.6), the 12378 hotline.
- "Editors" may add and change them and submit them for review; "Compliance reviewers" also
  publish and delete. Both go through the "Lesson review" workflow, as glossary terms do.

Rows that already exist for a country are left alone, so running this on a site where editors
have started is harmless.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils import timezone

EDITORS = "Editors"
REVIEWERS = "Compliance reviewers"
WORKFLOW = "Lesson review"
EDITOR_ACTIONS = ["add", "change", "view"]
REVIEWER_ACTIONS = ["add", "change", "delete", "view", "publish"]
MODELS = {"debtadviceservice": "free help service", "borrowerrights": "rights text"}

SERVICES = [
    {
        "jurisdiction": "US",
        "order": 10,
        "name": "NFCC (National Foundation for Credit Counseling)",
        "name_zh_hans": "美国全国信用咨询基金会（NFCC）",
        "phone": "1-800-388-2227",
        "website": "https://www.nfcc.org",
        "description": (
            "Non-profit credit counselors look at your budget and all your debts with you, "
            "free or at low cost."
        ),
        "description_zh_hans": "非营利的信用咨询师会和您一起看您的预算和全部债务，免费或收费很低。",
    },
    {
        "jurisdiction": "GB",
        "order": 10,
        "name": "MoneyHelper",
        "name_zh_hans": "",
        "phone": "0800 138 7777",
        "website": "https://www.moneyhelper.org.uk",
        "description": (
            "Free, impartial help with money and debt, backed by the government. It can also "
            "find you a free debt adviser."
        ),
        "description_zh_hans": "由英国政府支持的免费、中立的理财和债务帮助，也能帮您找到免费的债务咨询师。",
    },
    {
        "jurisdiction": "GB",
        "order": 20,
        "name": "StepChange Debt Charity",
        "name_zh_hans": "",
        "phone": "0800 138 1111",
        "website": "https://www.stepchange.org",
        "description": "A charity that gives free, confidential debt advice by phone or online.",
        "description_zh_hans": "一家慈善机构，通过电话或网上提供免费、保密的债务咨询。",
    },
    {
        "jurisdiction": "CN",
        "order": 10,
        "name": "12348 public legal service hotline",
        "name_zh_hans": "12348 公共法律服务热线",
        "phone": "12348",
        "website": "https://www.12348.gov.cn",
        "description": (
            "Run by the justice authorities: free legal advice, including on loans and debts. "
            "It can tell you about legal aid near you."
        ),
        "description_zh_hans": "由司法行政机关开设：免费法律咨询，包括借款和债务问题，也可以告诉您附近的法律援助。",
    },
    {
        "jurisdiction": "CN",
        "order": 20,
        "name": "12378 financial consumer complaint hotline",
        "name_zh_hans": "12378 金融消费者投诉热线",
        "phone": "12378",
        "website": "https://www.nfra.gov.cn",
        "description": (
            "Run by the National Financial Regulatory Administration. Call it if a financial "
            "company treats you unfairly and telling us first did not help."
        ),
        "description_zh_hans": "由国家金融监督管理总局设立。如果金融机构对您不公平，先告诉我们后问题仍没有解决，可以拨打这个电话投诉。",
    },
]

RIGHTS = [
    {
        "jurisdiction": "US",
        "text": (
            "We must treat you fairly. We will not threaten you, use rude words, or tell "
            "anyone else about your debt. We do not send reminders or call you before 8 a.m. "
            "or after 9 p.m. your time.\n\n"
            "You can question any entry on your statement. We check it before we ask you to "
            "pay it. You can tell us how and when to contact you, and stop our e-mails and "
            "text messages at any time.\n\n"
            "If you think we have treated you unfairly, you can complain to the Consumer "
            "Financial Protection Bureau: www.consumerfinance.gov/complaint or 855-411-2372."
        ),
        "text_zh_hans": (
            "我们必须公平对待您。我们不会威胁您，不会对您说粗鲁的话，也不会把您的欠款告诉其他任何人。"
            "在您当地时间早上8点前、晚上9点后，我们不会给您发提醒或打电话。\n\n"
            "您可以对账单上的任何一笔记录提出疑问。我们核查清楚之前，不会要求您支付这一笔。"
            "您可以告诉我们怎样、什么时候联系您，也可以随时停止接收我们的电子邮件和短信。\n\n"
            "如果您觉得我们对您不公平，可以向美国消费者金融保护局（CFPB）投诉："
            "www.consumerfinance.gov/complaint，电话 855-411-2372。"
        ),
        "source": (
            "12 CFR 1006 (Regulation F): 1006.6(b)(1)(i) contact hours, 1006.6(d) third "
            "parties, 1006.6(e) opt-out, 1006.14 harassment; the portal's disputes hold an "
            "entry until checked (docs/plans-and-hardship.md). CFPB complaints: "
            "consumerfinance.gov/complaint, (855) 411-2372."
        ),
    },
    {
        "jurisdiction": "GB",
        "text": (
            "If you are finding it hard to pay, we must treat you fairly and with patience. "
            "We will not pressure you, and we will give you time to get free debt advice.\n\n"
            "If a debt adviser arranges Breathing Space for you, we stop asking you to pay "
            "and freeze interest and charges for 60 days.\n\n"
            "If you are unhappy with how we treat you, tell us first. If we have not sorted "
            "it out within 8 weeks, you can go to the Financial Ombudsman Service for free: "
            "www.financial-ombudsman.org.uk or 0800 023 4567."
        ),
        "text_zh_hans": (
            "如果您还款有困难，我们必须公平、耐心地对待您。我们不会给您施压，并会给您时间去寻求免费的债务咨询。\n\n"
            "如果债务咨询师为您办理了“喘息期”（Breathing Space），我们会在60天内停止要求您还款，"
            "并冻结利息和费用。\n\n"
            "如果您对我们的做法不满意，请先告诉我们。如果8周内问题还没有解决，您可以免费向"
            "金融申诉专员服务机构（Financial Ombudsman Service）投诉："
            "www.financial-ombudsman.org.uk，电话 0800 023 4567。"
        ),
        "source": (
            "FCA CONC 7.3 (forbearance, time to seek advice: CONC 7.3.4, 7.3.7A, 7.3.11); "
            "The Debt Respite Scheme (Breathing Space Moratorium and Mental Health Crisis "
            "Moratorium) (England and Wales) Regulations 2020; DISP 1.6 (eight weeks) and "
            "financial-ombudsman.org.uk."
        ),
    },
    {
        "jurisdiction": "CN",
        "text": (
            "We must treat you fairly and with respect. We will not threaten or insult you, "
            "and we will not contact your family, friends or employer about your debt. We do "
            "not contact you about payments between 10 p.m. and 8 a.m.\n\n"
            "You have the right to know how what you owe is made up: every amount is on your "
            "statement, and you can question any entry.\n\n"
            "If you think we are treating you unfairly, tell us first. If that does not solve "
            "it, you can call the financial consumer complaint hotline 12378."
        ),
        "text_zh_hans": (
            "我们必须公平对待您、尊重您。我们不会威胁或侮辱您，也不会为了您的欠款去联系您的家人、朋友或单位。"
            "晚上10点到早上8点之间，我们不会就还款联系您。\n\n"
            "您有权知道欠款是怎么算出来的：每一笔都列在您的账单上，您可以对任何一笔提出疑问。\n\n"
            "如果您觉得我们对您不公平，请先告诉我们。如果问题没有解决，可以拨打金融消费者投诉热线 12378。"
        ),
        "source": (
            "NIFA (中国互联网金融协会) guidance on internet lending post-loan collection: "
            "no contact 22:00-08:00, no contact with third parties; 《中国人民银行金融消费者"
            "权益保护实施办法》 (the right to know, to fair treatment, to respect); 国家金融监督"
            "管理总局 12378 complaint hotline."
        ),
    },
]


def _ensure_permissions(apps, app_label):
    """Django makes model permissions after all migrations; these are needed now."""
    app_config = apps.get_app_config(app_label)
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module


def create(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    DebtAdviceService = apps.get_model("education.DebtAdviceService")
    BorrowerRights = apps.get_model("education.BorrowerRights")

    now = timezone.now()
    published = {
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": now,
        "last_published_at": now,
    }
    started = set(DebtAdviceService.objects.values_list("jurisdiction", flat=True))
    DebtAdviceService.objects.bulk_create(
        DebtAdviceService(**service, **published)
        for service in SERVICES
        if service["jurisdiction"] not in started
    )
    written = set(BorrowerRights.objects.values_list("jurisdiction", flat=True))
    BorrowerRights.objects.bulk_create(
        BorrowerRights(**rights, **published)
        for rights in RIGHTS
        if rights["jurisdiction"] not in written
    )

    _ensure_permissions(apps, "education")
    types = {}
    for model, verbose_name in MODELS.items():
        types[model], _ = ContentType.objects.get_or_create(app_label="education", model=model)
        Permission.objects.get_or_create(
            content_type=types[model],
            codename=f"publish_{model}",
            defaults={"name": f"Can publish {verbose_name}"},
        )
    for name, actions in ((EDITORS, EDITOR_ACTIONS), (REVIEWERS, REVIEWER_ACTIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__in=types.values(),
                codename__in=[f"{action}_{model}" for action in actions for model in MODELS],
            )
        )
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        for content_type in types.values():
            WorkflowContentType.objects.update_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0005_free_help_and_rights"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
