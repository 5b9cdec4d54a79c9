"""Training modules (Wagtail pages for staff, never served to borrowers), the passes staff earn
by taking their checks, and the requests to change the contact rules a lender works under,
which a compliance reviewer approves. See docs/training.md."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from repayment.models import ContactRules

from .blocks import BodyTextBlock, QuestionBlock


class TrainingIndexPage(Page):
    """Where the training modules sit in the page tree: under the root, outside every site, so
    no public address leads to them."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["training.TrainingModule"]
    max_count = 1

    class Meta:
        verbose_name = _("staff training index")

    def serve(self, request, *args, **kwargs):
        return redirect("training:home")


class TrainingModule(Page):
    roles = ParentalManyToManyField(
        "auth.Group",
        verbose_name=_("roles"),
        related_name="training_modules",
        help_text=_(
            "The staff roles that must pass this module before they can act in the console."
        ),
    )
    version = models.PositiveIntegerField(
        _("version"),
        default=1,
        help_text=_(
            "Raise this by one when the content changes in a way staff must learn again (a new "
            "rule, a changed number). Everyone in the roles must then pass the check again; "
            "until they do, the console is read-only for them. Leave it for a typo fix."
        ),
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences: what this module covers and why it matters."),
    )
    body = StreamField([("text", BodyTextBlock())], verbose_name=_("body"))
    check_questions = StreamField(
        [("question", QuestionBlock())],
        verbose_name=_("check"),
        help_text=_("A few questions. Staff pass by answering every one of them right."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("roles", widget=forms.CheckboxSelectMultiple),
        FieldPanel("version"),
        FieldPanel("body"),
        FieldPanel("check_questions"),
    ]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types: list[str] = []
    # Staff material: kept out of the site's search.
    search_fields: list = []

    class Meta:
        verbose_name = _("training module")

    def serve(self, request, *args, **kwargs):
        # Read and taken in the console only, behind the staff gate.
        return redirect("training:module", pk=self.pk)

    def serve_preview(self, request, mode_name):
        from django.template.response import TemplateResponse

        return TemplateResponse(request, "training/preview.html", {"page": self, "module": self})

    @property
    def questions(self) -> list:
        return [block.value for block in self.check_questions if block.block_type == "question"]


class TrainingPass(models.Model):
    """A member of staff passed ``module`` at ``version``. A pass of an older version does not
    count once the editor raises the version."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_passes"
    )
    module = models.ForeignKey(TrainingModule, on_delete=models.CASCADE, related_name="passes")
    version = models.PositiveIntegerField()
    passed_at = models.DateTimeField()
    score = models.PositiveSmallIntegerField(help_text=_("Per cent of the questions right."))

    class Meta:
        verbose_name = _("training pass")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module", "version"], name="one_pass_per_user_module_version"
            ),
            models.CheckConstraint(condition=Q(score__lte=100), name="training_score_percent"),
        ]
        permissions = [
            ("take_training", "Can read training modules and take their checks"),
            ("view_standing", "Can see which staff have passed their training"),
            ("request_preset_change", "Can ask for a lender's contact rules to change"),
            ("approve_preset_change", "Can approve a change to a lender's contact rules"),
        ]

    def __str__(self) -> str:
        return f"{self.user} passed {self.module_id} v{self.version}"


class ChangeStatus(models.TextChoices):
    PENDING = "pending", _("waiting for compliance")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class PresetChange(models.Model):
    """A request to move a lender (or one of its products) to other contact rules. It takes
    effect only once a compliance reviewer other than the requester approves it, and not before
    its effective date; ``applied_at`` says when the lender's setting was switched."""

    lender = models.ForeignKey(
        "repayment.Lender", on_delete=models.PROTECT, related_name="preset_changes"
    )
    product = models.ForeignKey(
        "repayment.LoanProduct",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="preset_changes",
        help_text=_("Empty: the lender's own rules. Set: this product's override."),
    )
    previous_preset = models.CharField(max_length=40, choices=ContactRules.choices, blank=True)
    new_preset = models.CharField(max_length=40, choices=ContactRules.choices, blank=True)
    reason = models.TextField()
    effective_date = models.DateField()
    status = models.CharField(max_length=10, choices=ChangeStatus, default=ChangeStatus.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("contact rules change")
        ordering = ["-requested_at"]
        constraints = [
            # Four eyes: nobody approves their own request.
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True) | ~Q(approved_by=F("requested_by")),
                name="preset_change_not_self_approved",
            ),
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(approved_at__isnull=False),
                name="preset_change_approval_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lender} → {self.new_preset or '-'} ({self.effective_date})"
