"""The console's training pages: a login's own modules, a module with its check, who is
current (compliance), and the contact-rules presets with their changes."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal.accounts.staff import can_use, staff_view
from portal.audit.actors import Actor
from portal.notifications.contact_rules.presets import PRESETS, PROVENANCE
from repayment.models import ContactRules, Lender

from . import checking, preset_changes, standing
from .forms import CheckForm, DecisionForm, PresetChangeForm
from .models import PresetChange, TrainingModule


@require_GET
@staff_view("training.take_training")
def my_training(request):
    standings = standing.standing_of(user=request.user)
    return render(
        request,
        "training/home.html",
        {"standings": standings, "current": all(s.current for s in standings)},
    )


@staff_view("training.take_training")
def module_page(request, pk):
    # Any live module may be read; the check counts towards the reader's roles only if theirs.
    module = get_object_or_404(TrainingModule.objects.live().specific(), pk=pk)
    mine = standing.Standing(
        module=module,
        passed_version=next(
            (
                s.passed_version
                for s in standing.standing_of(user=request.user)
                if s.module.pk == module.pk
            ),
            None,
        ),
    )
    result = None
    form = CheckForm(request.POST or None, questions=module.questions)
    if request.method == "POST":
        if form.is_valid():
            result = checking.take_check(module, form.answers(), acting=Actor.of(request))
            if result.passed:
                messages.success(
                    request,
                    _("You passed “%(title)s”, version %(version)s.")
                    % {"title": module.title, "version": module.version},
                )
                return redirect("training:home")
        status = 400 if not form.is_valid() else 200
    else:
        status = 200
    return render(
        request,
        "training/module.html",
        {
            "module": module,
            "standing": mine,
            "form": form,
            "result": result,
            "questions": list(enumerate(module.questions, start=1)),
        },
        status=status,
    )


@require_GET
@staff_view("training.view_standing")
def staff_page(request):
    rows = standing.staff_standing()
    return render(
        request,
        "training/staff.html",
        {"rows": rows, "behind": sum(1 for row in rows if not row.current)},
    )


def _numbers(profile) -> list[tuple[str, str, str]]:
    """(what, the number, its source) for each rule the profile sets."""
    yes, no = _("Yes"), _("No")
    rows = [
        (
            "window",
            _("Contact hours (borrower's local time)"),
            f"{profile.window.start:%H:%M}–{profile.window.end:%H:%M}",
        ),
        ("max_call_attempts", _("Call attempts"), profile.max_call_attempts),
        ("call_attempt_days", _("…within days"), profile.call_attempt_days),
        (
            "no_call_days_after_conversation",
            _("No calls for days after a conversation"),
            profile.no_call_days_after_conversation,
        ),
        (
            "max_connected_calls_per_day",
            _("Connected calls a day"),
            profile.max_connected_calls_per_day,
        ),
        ("third_party_contact_forbidden", _("No contact with third parties"), yes),
        (
            "opt_out_notice_required",
            _("Opt-out in every e-mail and SMS"),
            yes if profile.opt_out_notice_required else no,
        ),
        (
            "debt_advice_signpost_required",
            _("Free debt advice signposted"),
            yes if profile.debt_advice_signpost_required else no,
        ),
        ("breathing_space_days", _("Breathing space (days)"), profile.breathing_space_days),
        ("daily_cap", _("Reminders a day"), profile.daily_cap),
        ("weekly_cap", _("Reminders in 7 days"), profile.weekly_cap),
    ]
    return [
        (label, value, profile.citations.get(field, ""))
        for field, label, value in rows
        if value is not None
        and not (field == "call_attempt_days" and profile.max_call_attempts is None)
    ]


def _presets():
    lenders = list(Lender.objects.order_by("name", "pk"))
    return [
        {
            "key": key,
            "label": ContactRules(key).label,
            "numbers": _numbers(profile),
            "provenance": PROVENANCE[key],
            "lenders": [lender for lender in lenders if lender.contact_rules == key],
        }
        for key, profile in PRESETS.items()
    ]


def _presets_page(request, *, form=None, decision_forms=None, status=200):
    changes = list(
        PresetChange.objects.select_related("lender", "product", "requested_by", "approved_by")[:50]
    )
    decision_forms = decision_forms or {}
    may_decide = can_use(request.user, "training.approve_preset_change")
    return render(
        request,
        "training/presets.html",
        {
            "presets": _presets(),
            "changes": [
                {
                    "change": change,
                    "form": decision_forms.get(change.pk)
                    or DecisionForm(auto_id=f"decide{change.pk}_%s"),
                }
                for change in changes
            ],
            "today": timezone.localdate(),
            "may_request": can_use(request.user, "training.request_preset_change"),
            "may_decide": may_decide,
            "form": form or PresetChangeForm(auto_id="change_%s"),
        },
        status=status,
    )


@require_GET
@staff_view("training.take_training")
def presets_page(request):
    return _presets_page(request)


@require_POST
@staff_view("training.request_preset_change")
def request_change(request):
    form = PresetChangeForm(request.POST, auto_id="change_%s")
    if not form.is_valid():
        return _presets_page(request, form=form, status=400)
    try:
        preset_changes.request_change(
            lender=form.cleaned_data["lender"],
            product=form.cleaned_data["product"],
            new_preset=form.cleaned_data["new_preset"],
            reason=form.cleaned_data["reason"],
            effective_date=form.cleaned_data["effective_date"],
            acting=Actor.of(request),
        )
    except preset_changes.ChangeRefused as refusal:
        form.add_error(None, str(refusal))
        return _presets_page(request, form=form, status=400)
    messages.success(request, _("Change asked for. It waits for a compliance reviewer."))
    return redirect("training:presets")


@require_POST
@staff_view("training.approve_preset_change")
def decide_change(request, pk):
    change = get_object_or_404(PresetChange, pk=pk)
    form = DecisionForm(request.POST, auto_id=f"decide{pk}_%s")
    if not form.is_valid():
        return _presets_page(request, decision_forms={pk: form}, status=400)
    acting = Actor.of(request)
    try:
        if form.cleaned_data["decision"] == "approve":
            preset_changes.approve_change(change, acting=acting, note=form.cleaned_data["note"])
            messages.success(request, _("Change approved."))
        else:
            preset_changes.reject_change(change, acting=acting, note=form.cleaned_data["note"])
            messages.success(request, _("Change rejected. The requester can see why."))
    except preset_changes.ChangeRefused as refusal:
        form.add_error(None, str(refusal))
        return _presets_page(request, decision_forms={pk: form}, status=400)
    return redirect("training:presets")
