"""How a borrower pays a loan: its payment reference, the lender's payment methods and what the
loan's position asks them to pay."""
