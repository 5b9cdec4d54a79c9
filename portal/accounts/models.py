from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The login. A borrower's login is linked to one ``repayment.Borrower`` (its
    ``borrower`` attribute); staff logins are linked to none."""
