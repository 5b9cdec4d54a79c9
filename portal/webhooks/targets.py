"""Where a webhook may go: only to addresses on the public internet.

An administrator types the endpoint's address, and the start of every answer is stored in the
delivery log; without this rule the admin could read the internal network through it (the
cloud metadata service at 169.254.169.254, a database's HTTP port on 10.x, the portal's own
loopback). So an address is refused when any address its host resolves to is loopback,
private, link-local (which holds the metadata service), multicast, unspecified or reserved, or
is not globally routable. IPv6 forms that carry an IPv4 address (IPv4-mapped ``::ffff:a.b.c.d``,
NAT64 ``64:ff9b::/96``, 6to4 and Teredo) are judged by that IPv4 address too.

The check runs twice: when the endpoint is saved (a clear message for the administrator), and
before every request, because a name's answer can change after it was saved (DNS rebinding).
At send time the name is resolved once and the connection goes to an address that was checked
(``transport``), never through a second look-up that could answer differently.

``WEBHOOKS_ALLOW_PRIVATE_TARGETS`` turns the rule off: for tests with a local receiver, or a
lender whose system is reached over a private link on purpose.
"""

from __future__ import annotations

import ipaddress
import socket

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

NAT64 = ipaddress.IPv6Network("64:ff9b::/96")

LOOPBACK = "loopback"
PRIVATE = "private"
LINK_LOCAL = "link-local"
MULTICAST = "multicast"
UNSPECIFIED = "unspecified"
RESERVED = "reserved"


class Refused(Exception):
    """``host`` resolves to ``address``, which is a ``kind`` address."""

    def __init__(self, host: str, address: str, kind: str):
        super().__init__(host, address, kind)
        self.host, self.address, self.kind = host, address, kind

    def __str__(self) -> str:
        if self.host == self.address:
            return f"{self.address} is a {self.kind} address; webhooks go only to public ones."
        return (
            f"{self.host} resolves to {self.address}, a {self.kind} address; webhooks go only "
            "to public ones."
        )


def _translated_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped or NAT64 address stands for: the one reached."""
    if address.version != 6:
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _tunnelled_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    """The IPv4 ends of a 6to4 or Teredo address."""
    if address.version != 6:
        return []
    found = [address.sixtofour, *(address.teredo or ())]
    return [a for a in found if a is not None]


def _kind(address: IPAddress) -> str | None:
    if address.is_unspecified:
        return UNSPECIFIED
    if address.is_loopback:
        return LOOPBACK
    if address.is_link_local:
        return LINK_LOCAL
    if address.is_multicast:
        return MULTICAST
    if address.is_private:
        return PRIVATE
    if address.is_reserved or not address.is_global:
        return RESERVED
    return None


def refusal(address: IPAddress) -> str | None:
    """Why a request must not go to ``address`` (one of the kinds above), or None if it may."""
    translated = _translated_ipv4(address)
    if translated is not None:
        return _kind(translated)
    for embedded in _tunnelled_ipv4(address):
        kind = _kind(embedded)
        if kind is not None:
            return kind
    return _kind(address)


def check(host: str, addresses: list[str]) -> None:
    """Raise ``Refused`` for the first of ``host``'s ``addresses`` that is not public."""
    for text in addresses:
        kind = refusal(ipaddress.ip_address(text.split("%", 1)[0]))  # drop an IPv6 zone
        if kind is not None:
            raise Refused(host, text, kind)


def resolve(host: str, port: int) -> list[tuple]:
    """``getaddrinfo`` for a TCP connection to ``host``: one look-up, every answer."""
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)


def checked(host: str, port: int) -> list[tuple]:
    """``host``'s addresses, resolved once, each one public (or ``Refused``). The connection
    must use these very tuples: resolving again could give another answer."""
    found = resolve(host, port)
    check(host, [info[4][0] for info in found])
    return found
