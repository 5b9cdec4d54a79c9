from django.urls import path

from repayment.hardship import promise_views
from repayment.hardship import views as hardship_views
from repayment.paying import report_views
from repayment.paying import views as paying_views
from repayment.plans import views as plan_views
from repayment.statements import pdf_views
from repayment.statements import views as statement_views

loan = "loans/<str:reference>/"

urlpatterns = [
    path("", statement_views.home, name="borrower_home"),
    path(loan, statement_views.statement, name="loan_statement"),
    path(f"{loan}statement.pdf", pdf_views.statement_pdf, name="loan_statement_pdf"),
    path(
        f"{loan}statement/pdf/<int:pk>/",
        pdf_views.prepared_statement,
        name="loan_statement_pdf_prepared",
    ),
    path(
        f"{loan}statement/pdf/<int:pk>/statement.pdf",
        pdf_views.prepared_statement_file,
        name="loan_statement_pdf_file",
    ),
    path(
        f"{loan}statement/pdf/<int:pk>/again/",
        pdf_views.prepare_statement_again,
        name="loan_statement_pdf_again",
    ),
    path(f"{loan}paid-in-full.pdf", pdf_views.paid_in_full_pdf, name="loan_paid_in_full_pdf"),
    path(f"{loan}pay/", paying_views.pay, name="loan_pay"),
    path(f"{loan}paid/", report_views.loan_paid, name="loan_paid"),
    path(f"{loan}help/", plan_views.loan_help, name="loan_help"),
    path(f"{loan}offers/<slug:code>/", plan_views.offer_confirm, name="offer_confirm"),
    path(f"{loan}budget/", plan_views.plan_budget, name="plan_budget"),
    path(f"{loan}propose/", plan_views.plan_propose, name="plan_propose"),
    path(f"{loan}proposals/<int:pk>/", plan_views.proposal_detail, name="proposal_detail"),
    path(f"{loan}plan/", plan_views.loan_plan, name="loan_plan"),
    path(f"{loan}plan/move/", plan_views.plan_move, name="plan_move"),
    path(f"{loan}plan/payday/", plan_views.plan_payday, name="plan_payday"),
    path(f"{loan}pause/", hardship_views.loan_pause, name="loan_pause"),
    path(f"{loan}promise/", promise_views.loan_promise, name="loan_promise"),
    path(f"{loan}dispute/", hardship_views.loan_dispute, name="loan_dispute"),
]
