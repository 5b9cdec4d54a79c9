"""The shipped words of every reminder and confirmation, in English and Simplified Chinese. How
they are written and used: docs/message-texts.md."""

# Each paragraph is one line, as it is sent: e-mail clients wrap it to the screen.
# ruff: noqa: E501

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from django.utils.translation import gettext_lazy as _

from portal.notifications.models import Event

ENGLISH = "en"
CHINESE = "zh-hans"
LANGUAGES = (ENGLISH, CHINESE)


@dataclass(frozen=True, slots=True)
class Text:
    subject: str
    body: str
    sms: str


# What each placeholder holds, for the planner and for the editor's help text.
PLACEHOLDER_HELP: Mapping[str, str] = MappingProxyType(
    {
        "name": _("The borrower's first name."),
        "lender": _("The lender's name."),
        "reference": _("The loan reference, e.g. HCF-000123."),
        "amount": _("An amount with its currency, formatted, e.g. $120.00 or ¥1,200.00."),
        "due_date": _("The date a payment is due, formatted in the borrower's language."),
        "paid_on": _("The date a payment arrived, formatted in the borrower's language."),
        "days_late": _("How late a payment is, worded with its unit, e.g. '12 days' or '12 天'."),
        "until": _("The last day of a pause, formatted in the borrower's language."),
        "outcome": _("The answer to a question about the statement: one or two short sentences."),
        "note": _("What the member of staff wrote to the borrower about their answer."),
        "link": _("The web address of the page about this message (the loan, the plan)."),
        "help_link": _("The web address of the page of what the borrower can arrange."),
    }
)

_COMMON = ("name", "lender", "reference", "link")

# The placeholders the planner supplies for each event (every one of them, always).
PLACEHOLDERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        Event.UPCOMING_DUE: (*_COMMON, "amount", "due_date", "help_link"),
        Event.PAYMENT_RECEIVED: (*_COMMON, "amount", "paid_on"),
        Event.PAYMENT_MISSED: (*_COMMON, "amount", "due_date", "days_late", "help_link"),
        Event.PLAN_OFFER_AVAILABLE: (*_COMMON, "help_link"),
        Event.PLAN_ACCEPTED: (*_COMMON, "amount", "due_date", "help_link"),
        Event.PLAN_INSTALLMENT_DUE: (*_COMMON, "amount", "due_date", "help_link"),
        Event.PLAN_PAYMENT_MOVED_TO_END: (*_COMMON, "amount", "due_date", "help_link"),
        Event.PLAN_COMPLETED: _COMMON,
        Event.PLAN_BROKEN: (*_COMMON, "help_link"),
        Event.PAUSE_GRANTED: (*_COMMON, "until"),
        Event.PAUSE_DECLINED: (*_COMMON, "note", "help_link"),
        Event.PAUSE_ENDED: (*_COMMON, "until", "help_link"),
        Event.PROPOSAL_APPROVED: (*_COMMON, "amount", "due_date"),
        Event.PROPOSAL_COUNTERED: (*_COMMON, "amount", "due_date", "help_link"),
        Event.PROPOSAL_DECLINED: (*_COMMON, "note", "help_link"),
        Event.DISPUTE_RECEIVED: _COMMON,
        Event.DISPUTE_RESOLVED: (*_COMMON, "outcome"),
        Event.PROMISE_BROKEN: (*_COMMON, "amount", "due_date", "help_link"),
        Event.PROMISE_PART_KEPT: (*_COMMON, "amount", "due_date", "help_link"),
        Event.PROMISE_MADE: (*_COMMON, "amount", "due_date", "until"),
        Event.PAYMENT_REPORTED: (*_COMMON, "amount", "paid_on", "until"),
        Event.PAYMENT_NOT_FOUND: (*_COMMON, "amount", "paid_on", "help_link"),
        Event.SUPPORT_REPLIED: _COMMON,
    }
)

# Realistic values for the editor's preview and for the length and plain-language checks.
SAMPLE_VALUES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        ENGLISH: MappingProxyType(
            {
                "name": "Maria",
                "lender": "Harbour Community Finance",
                "reference": "HCF-000123",
                "amount": "$120.00",
                "due_date": "March 14, 2026",
                "paid_on": "March 10, 2026",
                "days_late": "12 days",
                "until": "April 30, 2026",
                "outcome": "We checked the fee you asked about. We have taken it off your "
                "statement.",
                "note": "Your budget shows less left each month than this plan needs. A smaller "
                "plan over a longer time may suit you better.",
                "link": "https://portal.example/en/loans/HCF-000123/",
                "help_link": "https://portal.example/en/loans/HCF-000123/help/",
            }
        ),
        CHINESE: MappingProxyType(
            {
                "name": "王芳",
                "lender": "海港社区金融",
                "reference": "HCF-000123",
                "amount": "¥1,200.00",
                "due_date": "2026年3月14日",
                "paid_on": "2026年3月10日",
                "days_late": "12 天",
                "until": "2026年4月30日",
                "outcome": "我们核查了您问到的那笔费用，已经从账单中去掉。",
                "note": "您的预算每月剩下的钱比这个计划需要的少。时间更长、每期更少的计划可能更适合您。",
                "link": "https://portal.example/zh-hans/loans/HCF-000123/",
                "help_link": "https://portal.example/zh-hans/loans/HCF-000123/help/",
            }
        ),
    }
)

DEFAULTS: Mapping[str, Mapping[str, Text]] = MappingProxyType(
    {
        Event.UPCOMING_DUE: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Your next payment is coming up",
                    body="""Hello {{ name }},

Your next payment on loan {{ reference }} is {{ amount }}. It is due on {{ due_date }}.

If this date is hard for you, tell us before it comes. We can find a way that works. See what you can arrange: {{ help_link }}

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: your payment of {{ amount }} on loan {{ reference }} is "
                    "due {{ due_date }}. Need more time? {{ help_link }}",
                ),
                CHINESE: Text(
                    subject="您的下一笔还款快到了",
                    body="""{{ name }}，您好：

您的贷款 {{ reference }} 下一笔要还 {{ amount }}，还款日是 {{ due_date }}。

如果这个日期对您有困难，请在还款日之前告诉我们，我们一起想办法。看看您可以办理什么：{{ help_link }}

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】您的贷款{{ reference }}将在{{ due_date }}还款"
                    "{{ amount }}。需要更多时间，请登录查看。",
                ),
            }
        ),
        Event.PAYMENT_RECEIVED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Thank you: we have your payment",
                    body="""Hello {{ name }},

Thank you. We received your payment of {{ amount }} for loan {{ reference }} on {{ paid_on }}.

Your statement shows where your loan stands now: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: thank you. We received {{ amount }} for loan "
                    "{{ reference }} on {{ paid_on }}. Your statement: {{ link }}",
                ),
                CHINESE: Text(
                    subject="谢谢您，我们已收到您的还款",
                    body="""{{ name }}，您好：

谢谢您。我们在 {{ paid_on }} 收到了您为贷款 {{ reference }} 还的 {{ amount }}。

您可以在账单中查看贷款的最新情况：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】谢谢您！我们在{{ paid_on }}收到了您为贷款"
                    "{{ reference }}还的{{ amount }}。",
                ),
            }
        ),
        Event.PAYMENT_MISSED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Your payment has not reached us: we can help",
                    body="""Hello {{ name }},

If paying is hard right now, we can help. You can set up a plan with smaller payments, or ask for a pause. See what you can arrange: {{ help_link }}

Your payment of {{ amount }} for loan {{ reference }} was due on {{ due_date }}. It has not reached us yet. It is now {{ days_late }} late.

If you have paid since, thank you. You can ignore this message.

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: if paying is hard, we can help with smaller payments or "
                    "a pause. {{ amount }} is late. {{ help_link }}",
                ),
                CHINESE: Text(
                    subject="这笔还款我们还没收到，我们可以帮您",
                    body="""{{ name }}，您好：

如果现在还款有困难，我们可以帮您。您可以办理一个每期金额更小的还款计划，也可以申请暂停。看看您可以办理什么：{{ help_link }}

您的贷款 {{ reference }} 有一笔 {{ amount }} 的还款，还款日是 {{ due_date }}。我们还没有收到这笔钱，现在已经晚了 {{ days_late }}。

如果您已经还了，谢谢您，请不用理会这条消息。

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】还款有困难？可以办理每期更少的计划或申请暂停，请登录查看。",
                ),
            }
        ),
        Event.PLAN_OFFER_AVAILABLE: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="A repayment plan could make things easier",
                    body="""Hello {{ name }},

We can offer you a repayment plan for loan {{ reference }}. You pay what you owe in smaller amounts, over more time.

You can choose a plan that fits your budget, or propose your own. You can also ask for a pause. See your options: {{ help_link }}

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: we can offer you a plan with smaller payments, or a pause. "
                    "See your options: {{ help_link }}",
                ),
                CHINESE: Text(
                    subject="还款计划可以让您轻松一些",
                    body="""{{ name }}，您好：

我们可以为您的贷款 {{ reference }} 提供一个还款计划。您可以分成更小的金额，用更长的时间慢慢还。

您可以选一个适合自己预算的计划，也可以自己提出一个计划，或申请暂停。看看您的选择：{{ help_link }}

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】我们可以为您提供每期更少的还款计划，也可以申请暂停，请登录查看。",
                ),
            }
        ),
        Event.PLAN_ACCEPTED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Your repayment plan is ready",
                    body="""Hello {{ name }},

Your repayment plan for loan {{ reference }} is ready. Your first payment is {{ amount }} on {{ due_date }}. Your plan page shows every payment: {{ link }}

If a payment date stops working for you, you can move one payment or change your payment day on your plan page. If something changes, tell us early: we will look at it with you.

{{ lender }}""",
                    sms="{{ lender }}: your plan for loan {{ reference }} is ready. First "
                    "payment: {{ amount }} on {{ due_date }}. {{ link }}",
                ),
                CHINESE: Text(
                    subject="您的还款计划已建立",
                    body="""{{ name }}，您好：

贷款 {{ reference }} 的还款计划已建立。第一笔还款是 {{ amount }}，还款日是 {{ due_date }}。每一笔还款都可以在计划页面查看：{{ link }}

如果某个还款日对您不再合适，您可以在计划页面改一笔还款的日期，或更改还款日。如果情况有变，请尽早告诉我们，我们会和您一起想办法。

{{ lender }}""",
                    sms="【{{ lender }}】您的还款计划已建立。第一笔{{ amount }}，"
                    "还款日{{ due_date }}。",
                ),
            }
        ),
        Event.PLAN_INSTALLMENT_DUE: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Your next plan payment is coming up",
                    body="""Hello {{ name }},

Your next plan payment for loan {{ reference }} is {{ amount }}. It is due on {{ due_date }}.

If this date does not suit you, you can move the payment on your plan page: {{ link }}

If paying is getting harder, tell us early. We can look at other options with you: {{ help_link }}

{{ lender }}""",
                    sms="{{ lender }}: your plan payment of {{ amount }} for loan {{ reference }} "
                    "is due {{ due_date }}. Need to move it? {{ link }}",
                ),
                CHINESE: Text(
                    subject="您的下一笔计划还款快到了",
                    body="""{{ name }}，您好：

您的贷款 {{ reference }} 还款计划中，下一笔是 {{ amount }}，还款日是 {{ due_date }}。

如果这个日期不合适，您可以在计划页面调整这笔还款：{{ link }}

如果还款越来越难，请尽早告诉我们。我们可以和您一起看看别的办法：{{ help_link }}

{{ lender }}""",
                    sms="【{{ lender }}】您的计划还款{{ amount }}的还款日是{{ due_date }}。"
                    "日期不合适，可以登录调整。",
                ),
            }
        ),
        Event.PLAN_PAYMENT_MOVED_TO_END: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="We moved a plan payment to the end of your plan",
                    body="""Hello {{ name }},

Your plan payment of {{ amount }} for loan {{ reference }} was due on {{ due_date }}. It did not reach us. We have moved it to the end of your plan, so your plan carries on. This can happen once in a plan.

If paying is getting harder, tell us now. We can look at a different plan or a pause with you: {{ help_link }}

Your plan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: we moved your {{ amount }} plan payment to the end, so your "
                    "plan carries on. Need help? {{ help_link }}",
                ),
                CHINESE: Text(
                    subject="我们已把一笔计划还款移到计划末尾",
                    body="""{{ name }}，您好：

贷款 {{ reference }} 的还款计划中，{{ due_date }} 那笔 {{ amount }} 没有还上。我们已把它移到计划末尾，您的计划会继续。每个计划只能这样做一次。

如果还款越来越难，请现在就告诉我们。我们可以和您一起考虑换一个计划，或暂停：{{ help_link }}

查看您的计划：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】您有一笔计划还款{{ amount }}没有还上，我们已把它移到"
                    "计划末尾，计划会继续。",
                ),
            }
        ),
        Event.PLAN_COMPLETED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="You have completed your repayment plan",
                    body="""Hello {{ name }},

You have made every payment in your repayment plan for loan {{ reference }}. Well done: keeping to a plan takes effort.

Your statement shows where your loan stands now: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: you have made every payment in your plan for loan "
                    "{{ reference }}. Well done! Your statement: {{ link }}",
                ),
                CHINESE: Text(
                    subject="您已完成还款计划",
                    body="""{{ name }}，您好：

贷款 {{ reference }} 还款计划中的每一笔还款，您都已还上。做得很好！坚持按计划还款并不容易。

您可以在账单中查看贷款的最新情况：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】贷款{{ reference }}还款计划中的每一笔，您都已还上。"
                    "做得很好！",
                ),
            }
        ),
        Event.PLAN_BROKEN: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Your repayment plan has ended: let's find what works now",
                    body="""Hello {{ name }},

A payment in your repayment plan for loan {{ reference }} did not reach us, so the plan has ended. We know things do not always go to plan.

You can still set up a new plan or ask for a pause. You can also propose a plan of your own, based on what you can afford: {{ help_link }}

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: your plan has ended. You can still set up a new plan or "
                    "ask for a pause: {{ help_link }}",
                ),
                CHINESE: Text(
                    subject="您的还款计划已结束：我们一起找找现在可行的办法",
                    body="""{{ name }}，您好：

贷款 {{ reference }} 的还款计划中有一笔还款没有按期还上，所以这个计划已结束。我们理解，事情并不总能按计划进行。

您仍然可以办理新的还款计划，或申请暂停。您也可以按自己能负担的金额，提出一个计划：{{ help_link }}

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】您的还款计划已结束。您仍可以办理新计划或申请暂停，"
                    "请登录查看。",
                ),
            }
        ),
        Event.PAUSE_GRANTED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Your pause is in place",
                    body="""Hello {{ name }},

We have paused payment reminders for loan {{ reference }} until {{ until }}. While the pause lasts, we will not ask you to pay. Interest and fees stay frozen, as your loan page explains.

Your loan: {{ link }}

Free, confidential debt advice is there if you would like to talk things through with someone independent.

{{ lender }}""",
                    sms="{{ lender }}: your pause on loan {{ reference }} is in place until "
                    "{{ until }}. We will not send payment reminders until then.",
                ),
                CHINESE: Text(
                    subject="您的暂停已生效",
                    body="""{{ name }}，您好：

我们已暂停贷款 {{ reference }} 的还款提醒，直到 {{ until }}。暂停期间，我们不会要求您还款。利息和费用也会按贷款页面上的说明冻结。

查看您的贷款：{{ link }}

如果您想和独立的专业人士聊一聊，可以获得免费、保密的债务咨询。

{{ lender }}""",
                    sms="【{{ lender }}】您的贷款{{ reference }}已暂停到{{ until }}。"
                    "在这之前，我们不会发还款提醒。",
                ),
            }
        ),
        Event.PAUSE_DECLINED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="About your request for a pause",
                    body="""Hello {{ name }},

We have looked at your request for a pause on loan {{ reference }}. We cannot agree the pause you asked for. This is why:

{{ note }}

There are other ways we can help. You can set up a plan with smaller payments, or propose a plan of your own: {{ help_link }}

Free, confidential debt advice is there if you would like to talk things through with someone independent.

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: we cannot agree the pause on loan {{ reference }}. See other "
                    "help: {{ help_link }}",
                ),
                CHINESE: Text(
                    subject="关于您申请的暂停",
                    body="""{{ name }}，您好：

我们已看过您为贷款 {{ reference }} 申请的暂停。您申请的暂停，我们这次无法同意。原因如下：

{{ note }}

我们还可以用别的办法帮您。您可以办理每期金额更小的还款计划，也可以自己提出一个计划：{{ help_link }}

如果您想和独立的专业人士聊一聊，可以获得免费、保密的债务咨询。

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】您申请的暂停我们这次无法同意。还有别的办法可以帮您，"
                    "请登录查看。",
                ),
            }
        ),
        Event.PAUSE_ENDED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Your pause is ending",
                    body="""Hello {{ name }},

The pause on loan {{ reference }} ends on {{ until }}. After that, we will send payment reminders again. Interest and fees go back to what your loan terms say.

If paying is still hard, tell us. We can look at a plan with smaller payments with you: {{ help_link }}

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: the pause on loan {{ reference }} ends {{ until }}. Still hard "
                    "to pay? {{ help_link }}",
                ),
                CHINESE: Text(
                    subject="您的暂停即将结束",
                    body="""{{ name }}，您好：

贷款 {{ reference }} 的暂停到 {{ until }} 结束。之后，我们会重新发送还款提醒。利息和费用也会按贷款条款恢复。

如果还款仍然有困难，请告诉我们。我们可以和您一起看看每期金额更小的计划：{{ help_link }}

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】贷款{{ reference }}的暂停到{{ until }}结束。"
                    "还款仍有困难，请登录查看可以办理什么。",
                ),
            }
        ),
        Event.PROPOSAL_APPROVED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="We can agree the plan you proposed",
                    body="""Hello {{ name }},

We have looked at the plan you proposed for loan {{ reference }}, and we can agree it. The first payment is {{ amount }} on {{ due_date }}.

Your plan starts when you confirm it. You can see every payment and confirm the plan here: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: we can agree your plan. First payment {{ amount }} on "
                    "{{ due_date }}. To confirm it: {{ link }}",
                ),
                CHINESE: Text(
                    subject="您提出的还款计划我们可以同意",
                    body="""{{ name }}，您好：

我们已看过您为贷款 {{ reference }} 提出的还款计划，可以同意。第一笔还款是 {{ amount }}，还款日是 {{ due_date }}。

您确认后，计划才开始。您可以在这里查看每一笔还款，并确认计划：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】您提出的还款计划我们可以同意。第一笔{{ amount }}，"
                    "还款日{{ due_date }}。请登录确认。",
                ),
            }
        ),
        Event.PROPOSAL_COUNTERED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="We can agree a plan close to yours",
                    body="""Hello {{ name }},

We have looked at the plan you proposed for loan {{ reference }}. We cannot agree it as it is, but we can agree a plan close to it. Its first payment is {{ amount }} on {{ due_date }}.

You can see every payment of this plan, and our note to you, here: {{ link }}

If the plan suits you, you can confirm it on that page. If it does not, you can propose a different plan or ask for a pause: {{ help_link }}

{{ lender }}""",
                    sms="{{ lender }}: we can agree a plan close to yours. First payment {{ amount }}. "
                    "See it and confirm: {{ link }}",
                ),
                CHINESE: Text(
                    subject="我们可以同意一个和您的方案接近的计划",
                    body="""{{ name }}，您好：

我们已看过您为贷款 {{ reference }} 提出的还款计划。原方案我们无法同意，但可以同意一个和它接近的计划。第一笔还款是 {{ amount }}，还款日是 {{ due_date }}。

您可以在这里查看这个计划的每一笔还款，以及我们给您的说明：{{ link }}

如果这个计划适合您，可以在那个页面确认。如果不适合，您可以提出别的计划，或申请暂停：{{ help_link }}

{{ lender }}""",
                    sms="【{{ lender }}】我们可以同意一个和您的方案接近的还款计划，"
                    "第一笔{{ amount }}。请登录查看。",
                ),
            }
        ),
        Event.PROPOSAL_DECLINED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="About the plan you proposed",
                    body="""Hello {{ name }},

We have looked at the plan you proposed for loan {{ reference }}. We cannot agree it. This is why:

{{ note }}

There are other ways we can help. You can choose a plan we offer, propose a different plan, or ask for a pause: {{ help_link }}

Free, confidential debt advice is there if you would like to talk things through with someone independent.

You can read our answer again here: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: we cannot agree the plan you proposed. See other help: "
                    "{{ help_link }}",
                ),
                CHINESE: Text(
                    subject="关于您提出的还款计划",
                    body="""{{ name }}，您好：

我们已看过您为贷款 {{ reference }} 提出的还款计划。这个计划我们无法同意，原因如下：

{{ note }}

我们还可以用别的办法帮您。您可以选一个我们提供的计划，提出别的计划，或申请暂停：{{ help_link }}

如果您想和独立的专业人士聊一聊，可以获得免费、保密的债务咨询。

您可以在这里再看一遍我们的答复：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】您提出的还款计划我们无法同意。还有别的办法可以帮您，"
                    "请登录查看。",
                ),
            }
        ),
        Event.DISPUTE_RECEIVED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="We have your message about your statement",
                    body="""Hello {{ name }},

Thank you for telling us about an entry on the statement for loan {{ reference }}. A person will look at it and reply. Until then we will not ask you to pay the amount you questioned.

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: thanks for your question about loan {{ reference }}. A person "
                    "will reply. Until then we will not ask you to pay that amount.",
                ),
                CHINESE: Text(
                    subject="我们已收到您关于账单的留言",
                    body="""{{ name }}，您好：

感谢您告诉我们贷款 {{ reference }} 账单上一笔记录的问题。工作人员会核查并答复您。在这之前，我们不会要求您支付有疑问的那笔钱。

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】我们已收到您关于贷款{{ reference }}账单的问题。"
                    "工作人员会核查并答复您。",
                ),
            }
        ),
        Event.DISPUTE_RESOLVED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="We have answered your question about your statement",
                    body="""Hello {{ name }},

We have looked at the entry you asked about on the statement for loan {{ reference }}.

{{ outcome }}

Your statement: {{ link }}

If something still looks wrong, you can ask again from your loan page.

{{ lender }}""",
                    sms="{{ lender }}: we have answered your question about loan {{ reference }}. "
                    "See our answer: {{ link }}",
                ),
                CHINESE: Text(
                    subject="我们已答复您关于账单的问题",
                    body="""{{ name }}，您好：

我们已核查您问到的贷款 {{ reference }} 账单记录。

{{ outcome }}

查看您的账单：{{ link }}

如果还有地方看起来不对，您可以在贷款页面再次提出。

{{ lender }}""",
                    sms="【{{ lender }}】我们已答复您关于贷款{{ reference }}账单的问题，"
                    "请登录查看。",
                ),
            }
        ),
        Event.PROMISE_BROKEN: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="About the payment you planned for {{ due_date }}",
                    body="""Hello {{ name }},

You told us you would pay {{ amount }} on loan {{ reference }} by {{ due_date }}. We have not seen that payment yet. Things do not always go as planned, and that is all right.

If paying is hard right now, we can help in other ways. You can set up a plan with smaller payments, or ask for a pause: {{ help_link }}

If you have already paid, thank you: it can take a few days to reach us.

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: your planned payment has not reached us yet. If paying is "
                    "hard: {{ help_link }}",
                ),
                CHINESE: Text(
                    subject="关于您计划在 {{ due_date }} 前的还款",
                    body="""{{ name }}，您好：

您告诉我们，会在 {{ due_date }} 前为贷款 {{ reference }} 还款 {{ amount }}。我们暂时还没有收到这笔还款。事情并不总能按计划进行，这没有关系。

如果现在还款有困难，我们还有别的办法可以帮您。您可以办理每期金额更小的还款计划，或申请暂停：{{ help_link }}

如果您已经还款，谢谢您：款项可能需要几天才能到账。

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】我们暂时还没有收到您计划在{{ due_date }}前的还款。"
                    "如有困难，请登录查看其他办法。",
                ),
            }
        ),
        Event.PROMISE_PART_KEPT: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Thank you for your payment on loan {{ reference }}",
                    body="""Hello {{ name }},

Thank you for the payment you made on loan {{ reference }}. You told us you would pay {{ amount }} by {{ due_date }}, and part of it has reached us. Every payment helps.

If paying the rest is hard right now, we can help in other ways. You can set up a plan with smaller payments, or ask for a pause: {{ help_link }}

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: thank you for your payment. If paying the rest is hard: "
                    "{{ help_link }}",
                ),
                CHINESE: Text(
                    subject="感谢您为贷款 {{ reference }} 还款",
                    body="""{{ name }}，您好：

感谢您为贷款 {{ reference }} 还款。您告诉我们会在 {{ due_date }} 前还款 {{ amount }}，我们已收到其中一部分。每一笔还款都有帮助。

如果剩下的部分现在还不上，我们还有别的办法可以帮您。您可以办理每期金额更小的还款计划，或申请暂停：{{ help_link }}

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】感谢您为贷款{{ reference }}还款。如果剩下的部分有困难，"
                    "请登录查看其他办法。",
                ),
            }
        ),
        Event.PROMISE_MADE: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Thank you for telling us when you will pay",
                    body="""Hello {{ name }},

Thank you for telling us. You plan to pay {{ amount }} on loan {{ reference }} by {{ due_date }}.

We will not send you payment reminders until {{ until }}. If your plans change, that is all right: you can always ask us for a plan or a pause.

Your loan, and how to pay: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: thank you. You plan to pay {{ amount }} by {{ due_date }}. "
                    "No payment reminders until {{ until }}.",
                ),
                CHINESE: Text(
                    subject="感谢您告诉我们还款时间",
                    body="""{{ name }}，您好：

感谢您告诉我们。您计划在 {{ due_date }} 前为贷款 {{ reference }} 还款 {{ amount }}。

在 {{ until }} 之前，我们不会给您发还款提醒。如果情况有变，没有关系：您随时可以申请还款计划或暂停还款。

查看您的贷款和还款方式：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】感谢您。您计划在{{ due_date }}前还款{{ amount }}。"
                    "{{ until }}前我们不会发还款提醒。",
                ),
            }
        ),
        Event.PAYMENT_REPORTED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Thank you for telling us about your payment",
                    body="""Hello {{ name }},

Thank you for telling us that you paid {{ amount }} on loan {{ reference }} on {{ paid_on }}.

A payment can take a few days to reach us. We will not send you payment reminders until {{ until }}. When it arrives, we will tell you, and you will see it on your statement.

Your loan: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: thank you for telling us you paid {{ amount }}. No payment "
                    "reminders until {{ until }}.",
                ),
                CHINESE: Text(
                    subject="感谢您告诉我们您已还款",
                    body="""{{ name }}，您好：

感谢您告诉我们，您已在 {{ paid_on }} 为贷款 {{ reference }} 还款 {{ amount }}。

款项可能需要几天才能到账。在 {{ until }} 之前，我们不会给您发还款提醒。款项到账后，我们会告诉您，您也可以在账单上看到。

查看您的贷款：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】感谢您告诉我们已还款{{ amount }}。"
                    "{{ until }}前我们不会发还款提醒。",
                ),
            }
        ),
        Event.PAYMENT_NOT_FOUND: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="Can you help us find your payment?",
                    body="""Hello {{ name }},

You told us you paid {{ amount }} on loan {{ reference }} on {{ paid_on }}. Thank you. We have not found that payment yet. Sometimes a payment takes longer, or goes to another account by mistake.

Can you help us find it? Tell us how you paid, and the bank or receipt number if you have one: {{ link }}

If paying is hard right now, we can help in other ways: {{ help_link }}

{{ lender }}""",
                    sms="{{ lender }}: we have not found your payment of {{ amount }} yet. Can "
                    "you tell us how you paid? {{ link }}",
                ),
                CHINESE: Text(
                    subject="请帮我们找到您的还款",
                    body="""{{ name }}，您好：

您告诉我们，您已在 {{ paid_on }} 为贷款 {{ reference }} 还款 {{ amount }}。谢谢您。我们暂时还没有找到这笔还款。有时款项到账需要更久，或者不小心转到了别的账户。

能帮我们找到它吗？请告诉我们您是怎样还款的，如果有的话，也告诉我们银行或收据号码：{{ link }}

如果现在还款有困难，我们还有别的办法可以帮您：{{ help_link }}

{{ lender }}""",
                    sms="【{{ lender }}】我们暂时还没有找到您还的{{ amount }}。"
                    "能告诉我们您是怎样还款的吗？请登录查看。",
                ),
            }
        ),
        Event.SUPPORT_REPLIED: MappingProxyType(
            {
                ENGLISH: Text(
                    subject="We have replied to your message",
                    body="""Hello {{ name }},

Thank you for writing to us. We have replied to your message. For your privacy, you can read our reply when you sign in.

Read our reply: {{ link }}

{{ lender }}""",
                    sms="{{ lender }}: we have replied to your message. Sign in to read it: "
                    "{{ link }}",
                ),
                CHINESE: Text(
                    subject="我们已回复您的留言",
                    body="""{{ name }}，您好：

感谢您给我们留言。我们已经回复了您。为了保护您的隐私，请登录后查看回复。

查看回复：{{ link }}

{{ lender }}""",
                    sms="【{{ lender }}】我们已回复您的留言，请登录查看。",
                ),
            }
        ),
    }
)
