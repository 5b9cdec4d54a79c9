"""The borrower API, version 1 (docs/borrower-api.md)."""

from django.urls import path

from .views import care, conversations, education, loans, paying, plans, preferences, promises

urlpatterns = [
    path("loans/", loans.LoanList.as_view(), name="api_loans"),
    path(
        "loans/<str:reference>/statement/",
        loans.LoanStatement.as_view(),
        name="api_loan_statement",
    ),
    path("loans/<str:reference>/offers/", loans.LoanOffers.as_view(), name="api_loan_offers"),
    path(
        "loans/<str:reference>/offers/<str:code>/accept/",
        plans.OfferAccept.as_view(),
        name="api_offer_accept",
    ),
    path(
        "loans/<str:reference>/proposals/",
        plans.ProposalCreate.as_view(),
        name="api_proposals",
    ),
    path(
        "loans/<str:reference>/proposals/<int:pk>/",
        plans.ProposalDetail.as_view(),
        name="api_proposal",
    ),
    path(
        "loans/<str:reference>/proposals/<int:pk>/accept/",
        plans.ProposalAccept.as_view(),
        name="api_proposal_accept",
    ),
    path("loans/<str:reference>/pauses/", care.PauseCreate.as_view(), name="api_pauses"),
    path("loans/<str:reference>/disputes/", care.DisputeCreate.as_view(), name="api_disputes"),
    path("loans/<str:reference>/promises/", promises.Promises.as_view(), name="api_promises"),
    path("loans/<str:reference>/payment/", paying.HowToPay.as_view(), name="api_payment"),
    path(
        "loans/<str:reference>/payment-reports/",
        paying.PaymentReports.as_view(),
        name="api_payment_reports",
    ),
    path("plans/", plans.PlanList.as_view(), name="api_plans"),
    path("preferences/", preferences.Preferences.as_view(), name="api_preferences"),
    path("conversations/", conversations.Threads.as_view(), name="api_conversations"),
    path(
        "conversations/<int:pk>/",
        conversations.ThreadDetail.as_view(),
        name="api_conversation",
    ),
    path(
        "conversations/<int:pk>/posts/",
        conversations.ThreadPosts.as_view(),
        name="api_conversation_posts",
    ),
    path("lessons/", education.LessonList.as_view(), name="api_lessons"),
    path("lessons/<str:slug>/", education.LessonDetail.as_view(), name="api_lesson"),
    path("glossary/", education.Glossary.as_view(), name="api_glossary"),
]
