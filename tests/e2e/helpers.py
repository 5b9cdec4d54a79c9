from axe_playwright_python.sync_playwright import Axe

SERIOUS = {"serious", "critical"}


def serious_accessibility_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in SERIOUS
    ]


def scrolls_sideways(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def check_page(page, visited: list[str], step: str) -> None:
    """The checks every borrower page passes: no sideways scroll at phone width, axe-clean."""
    assert not scrolls_sideways(page), f"{step}: {page.url} scrolls sideways at 390px"
    violations = serious_accessibility_violations(page)
    assert violations == [], f"{step}: {page.url} has serious axe violations: {violations}"
    visited.append(step)


def heading(page, name, level=1):
    return page.get_by_role("heading", name=name, level=level)
