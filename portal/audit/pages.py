from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """A page of a list, found without counting the whole list: one row more than the page
    is fetched to know whether another page follows."""

    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def previous_number(self) -> int:
        return self.number - 1

    @property
    def next_number(self) -> int:
        return self.number + 1


def page_of(queryset, *, number: int, size: int) -> Page:
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return Page(items=rows[:size], number=number, has_next=len(rows) > size)
