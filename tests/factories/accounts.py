import factory
from django.contrib.auth import get_user_model

from .base import ModelFactory

PASSWORD = "correct horse battery staple"


class UserFactory(ModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Give the user a verified primary e-mail, as allauth requires for sign-in."""
        if not create:
            return
        self.save()
        from allauth.account.models import EmailAddress

        EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
