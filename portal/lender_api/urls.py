from django.urls import path

from . import views

app_name = "lender_api"

urlpatterns = [
    path("borrowers/", views.BorrowersView.as_view(), name="borrowers"),
    path("loans/", views.LoansView.as_view(), name="loans"),
    path("ledger-entries/", views.LedgerEntriesView.as_view(), name="ledger_entries"),
    path("batches/", views.MixedBatchView.as_view(), name="batches"),
    path("plans/", views.PlansView.as_view(), name="plans"),
    path("promises/", views.PromisesView.as_view(), name="promises"),
    path("payment-reports/", views.PaymentReportsView.as_view(), name="payment_reports"),
]
