from django.urls import path

from . import pdf_views, plan_views, views

loan = "loans/<str:reference>/"

urlpatterns = [
    path("", views.home, name="borrower_home"),
    path(loan, views.statement, name="loan_statement"),
    path(f"{loan}statement.pdf", pdf_views.statement_pdf, name="loan_statement_pdf"),
    path(f"{loan}help/", plan_views.loan_help, name="loan_help"),
    path(f"{loan}offers/<slug:code>/", plan_views.offer_confirm, name="offer_confirm"),
    path(f"{loan}budget/", plan_views.plan_budget, name="plan_budget"),
    path(f"{loan}propose/", plan_views.plan_propose, name="plan_propose"),
    path(f"{loan}proposals/<int:pk>/", plan_views.proposal_detail, name="proposal_detail"),
    path(f"{loan}plan/", plan_views.loan_plan, name="loan_plan"),
    path(f"{loan}plan/move/", plan_views.plan_move, name="plan_move"),
    path(f"{loan}plan/payday/", plan_views.plan_payday, name="plan_payday"),
    path(f"{loan}pause/", plan_views.loan_pause, name="loan_pause"),
    path(f"{loan}dispute/", plan_views.loan_dispute, name="loan_dispute"),
]
