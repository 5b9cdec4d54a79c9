from django.urls import path

from . import pdf_views, views

urlpatterns = [
    path("", views.home, name="borrower_home"),
    path("loans/<str:reference>/", views.statement, name="loan_statement"),
    path("loans/<str:reference>/statement.pdf", pdf_views.statement_pdf, name="loan_statement_pdf"),
]
