"""Who has passed what: the modules a login's roles must pass, and whether it has passed the
current version of each. The console reads ``is_current`` to decide whether a login may act."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from .models import TrainingModule, TrainingPass


@dataclass(frozen=True)
class Standing:
    module: TrainingModule
    passed_version: int | None  # the newest version passed, if any

    @property
    def current(self) -> bool:
        return self.passed_version is not None and self.passed_version >= self.module.version


def modules_for(*, user) -> list[TrainingModule]:
    """The live modules for any of the login's roles (groups)."""
    if not user.is_authenticated:
        return []
    return list(
        TrainingModule.objects.live()
        .filter(roles__in=user.groups.all())
        .distinct()
        .order_by("path")
    )


def standing_of(*, user) -> list[Standing]:
    modules = modules_for(user=user)
    newest: dict[int, int] = {}
    for module_id, version in TrainingPass.objects.filter(
        user=user, module__in=modules
    ).values_list("module_id", "version"):
        newest[module_id] = max(version, newest.get(module_id, 0))
    return [Standing(module=m, passed_version=newest.get(m.pk)) for m in modules]


def is_current(*, user) -> bool:
    """Whether the login has passed the current version of every module for its roles. Asked
    once per request: the user object lives as long as the request, and every console page asks
    (for its banner) as well as every action."""
    if not user.is_authenticated:
        return True  # nobody to train: the staff gate sends them to sign in
    if not hasattr(user, "_training_current"):
        user._training_current = all(s.current for s in standing_of(user=user))
    return user._training_current


def forget(user) -> None:
    """Drop the answer kept on ``user`` (after a pass, in the same request)."""
    if hasattr(user, "_training_current"):
        del user._training_current


@dataclass(frozen=True)
class StaffRow:
    user: object
    roles: list[str]
    standings: list[Standing]

    @property
    def current(self) -> bool:
        return all(s.current for s in self.standings)


def staff_standing() -> list[StaffRow]:
    """Every login in a role that has training, with where it stands: what compliance reads.
    Two queries for modules and passes, whatever the number of staff."""
    modules = list(TrainingModule.objects.live().prefetch_related("roles").order_by("path"))
    by_group: dict[int, list[TrainingModule]] = {}
    for module in modules:
        for group in module.roles.all():
            by_group.setdefault(group.pk, []).append(module)
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__in=list(by_group))
        .distinct()
        .prefetch_related("groups")
        .order_by("email", "pk")
    )
    newest: dict[tuple[int, int], int] = {}
    for user_id, module_id, version in TrainingPass.objects.filter(module__in=modules).values_list(
        "user_id", "module_id", "version"
    ):
        key = (user_id, module_id)
        newest[key] = max(version, newest.get(key, 0))
    rows = []
    for user in users:
        groups = list(user.groups.all())
        theirs: dict[int, TrainingModule] = {}
        for group in groups:
            for module in by_group.get(group.pk, ()):
                theirs[module.pk] = module
        rows.append(
            StaffRow(
                user=user,
                roles=sorted(g.name for g in groups),
                standings=[
                    Standing(module=m, passed_version=newest.get((user.pk, m.pk)))
                    for m in sorted(theirs.values(), key=lambda m: m.path)
                ],
            )
        )
    return rows
