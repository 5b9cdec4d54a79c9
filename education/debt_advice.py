"""The free help and the rights text a borrower is shown, as editors published them, for one
country and language.

A country with nothing published shows no services (never another country's). A name,
description or text with no Chinese version is shown in English. The content is read once and
cached "until something is republished" (``education.cache``, ``education.signals``).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from . import cache
from .models import BorrowerRights, DebtAdviceService

CHINESE = "zh-hans"


@dataclass(frozen=True, slots=True)
class Service:
    name: str
    phone: str = ""
    website: str = ""
    description: str = ""

    @property
    def website_label(self) -> str:
        """The address as people say it: no scheme, no "www.", no trailing slash."""
        parts = urlsplit(self.website)
        host = parts.netloc.removeprefix("www.")
        return f"{host}{parts.path}".rstrip("/") or self.website


@dataclass(frozen=True, slots=True)
class Advice:
    """What one borrower is shown: the services in order, and the rights text ("" if none)."""

    jurisdiction: str
    services: tuple[Service, ...]
    rights: str = ""

    # The first service, as the borrower API's fields and the reminders' signpost name it.
    @property
    def debt_advice_name(self) -> str:
        return self.services[0].name if self.services else ""

    @property
    def debt_advice_phone(self) -> str:
        return self.services[0].phone if self.services else ""

    @property
    def debt_advice_url(self) -> str:
        return self.services[0].website if self.services else ""

    @property
    def debt_advice_description(self) -> str:
        return self.services[0].description if self.services else ""


class AdviceBook:
    """Everything published, read at once: ``advice`` answers from memory."""

    def __init__(self, services, rights):
        self._services = list(services)
        self._rights = list(rights)

    def advice(
        self, *, jurisdiction: str, language: str, override: Service | None = None
    ) -> Advice:
        """The help for ``jurisdiction`` in ``language``; ``override`` (a lender's own service)
        stands in for the country's services, not for its rights text."""
        chinese = language == CHINESE
        if override is not None:
            services = (override,)
        else:
            services = tuple(
                Service(
                    name=(chinese and s.name_zh_hans) or s.name,
                    phone=s.phone,
                    website=s.website,
                    description=(chinese and s.description_zh_hans) or s.description,
                )
                for s in self._services
                if s.jurisdiction == jurisdiction
            )
        rights = next(
            (
                (chinese and r.text_zh_hans) or r.text
                for r in self._rights
                if r.jurisdiction == jurisdiction
            ),
            "",
        )
        return Advice(jurisdiction=jurisdiction, services=services, rights=rights.strip())


def load_book() -> AdviceBook:
    """What is published now, in two queries (for a run that must see the latest)."""
    services = DebtAdviceService.objects.filter(live=True).only(
        "jurisdiction",
        "name",
        "name_zh_hans",
        "phone",
        "website",
        "description",
        "description_zh_hans",
        "order",
    )
    rights = BorrowerRights.objects.filter(live=True).only("jurisdiction", "text", "text_zh_hans")
    return AdviceBook(
        [_Published.of(s) for s in services.order_by("order", "name", "pk")],
        [_PublishedRights.of(r) for r in rights],
    )


def advice_book() -> AdviceBook:
    """``load_book()``, cached until something is published, unpublished or deleted."""
    return cache.cached("debt-advice", load_book)


@dataclass(frozen=True, slots=True)
class _Published:
    jurisdiction: str
    name: str
    name_zh_hans: str
    phone: str
    website: str
    description: str
    description_zh_hans: str

    @classmethod
    def of(cls, service: DebtAdviceService) -> _Published:
        return cls(
            service.jurisdiction,
            service.name.strip(),
            service.name_zh_hans.strip(),
            service.phone.strip(),
            service.website.strip(),
            service.description.strip(),
            service.description_zh_hans.strip(),
        )


@dataclass(frozen=True, slots=True)
class _PublishedRights:
    jurisdiction: str
    text: str
    text_zh_hans: str

    @classmethod
    def of(cls, rights: BorrowerRights) -> _PublishedRights:
        return cls(rights.jurisdiction, rights.text.strip(), rights.text_zh_hans.strip())
