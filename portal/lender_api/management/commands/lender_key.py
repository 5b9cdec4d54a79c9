from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.lender_api.keys import SCOPES, create_key, revoke_key, unknown_scopes
from portal.lender_api.models import LenderKey
from repayment.management.lenders import find_lender


class Command(BaseCommand):
    # Plain strings: argparse formats help text itself and takes no lazy translations.
    help = (
        "Lender API keys: create one (the key is printed once and cannot be shown again), list "
        "them, or revoke one by its prefix. See docs/lender-api.md."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a key and print it once.")
        create.add_argument("--lender", required=True, help="The lender's id or exact name.")
        create.add_argument("--name", required=True, help="What the key is for.")
        create.add_argument(
            "--scopes",
            required=True,
            help="Comma-separated, from: " + ", ".join(SCOPES),
        )
        actions.add_parser("list", help="Every key: prefix, lender, scopes, state.")
        revoke = actions.add_parser("revoke", help="Refuse a key from now on.")
        revoke.add_argument("prefix")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _create(self, *, lender, name, scopes, **options):
        chosen = [scope.strip() for scope in scopes.split(",") if scope.strip()]
        unknown = unknown_scopes(chosen)
        if unknown or not chosen:
            raise CommandError(
                _("Unknown scope: %(scopes)s. Choose from: %(choices)s")
                % {"scopes": ", ".join(unknown) or "-", "choices": ", ".join(SCOPES)}
            )
        new = create_key(lender=find_lender(lender), name=name, scopes=chosen)
        self.stdout.write(new.plaintext)
        self.stderr.write(
            _(
                "Key %(prefix)s made for %(lender)s. Copy it now: it is not stored and cannot "
                "be shown again."
            )
            % {"prefix": new.key.prefix, "lender": new.key.lender}
        )

    def _list(self, **options):
        for key in LenderKey.objects.select_related("lender").order_by(
            "lender__name", "created_at"
        ):
            state = (
                _("revoked %(when)s") % {"when": key.revoked_at.isoformat(timespec="seconds")}
                if key.revoked_at
                else _("active")
            )
            used = key.last_used_at.isoformat(timespec="seconds") if key.last_used_at else "-"
            self.stdout.write(
                "\t".join(
                    [key.prefix, key.lender.name, key.name, ",".join(key.scopes), state, used]
                )
            )

    def _revoke(self, *, prefix, **options):
        key = LenderKey.objects.filter(prefix=prefix.strip()).first()
        if key is None:
            raise CommandError(_("No key with prefix %(prefix)s.") % {"prefix": prefix})
        if revoke_key(key=key):
            self.stdout.write(_("Key %(prefix)s revoked.") % {"prefix": key.prefix})
        else:
            self.stdout.write(_("Key %(prefix)s was already revoked.") % {"prefix": key.prefix})
