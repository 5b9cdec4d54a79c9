"""One HTTP POST, with a short timeout, that never raises: whatever happens becomes a
``Response`` the sender records. Redirects are not followed (a 3xx is a failure the lender
fixes by giving the final address), so a body signed for one address goes nowhere else.

The host is resolved once and every address it gives is checked (``targets``) before anything
is sent; the connection then goes to one of those checked addresses, so a second look-up
cannot send the request somewhere else (DNS rebinding). The Host header, TLS server name
(SNI) and certificate check still use the host name. Proxy environment variables are not
used: a proxy would resolve the name again, out of our sight.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import targets

EXCERPT_BYTES = 500
ERROR_CHARS = 300
DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class Response:
    status: int | None
    excerpt: str
    error: str
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def _connect_to_checked(addresses: list[tuple], timeout: float) -> socket.socket:
    """A TCP connection to the first of the checked ``getaddrinfo`` answers that takes it.
    ``socket.create_connection`` is not used: it would resolve the name again."""
    last_error: OSError | None = None
    for family, kind, proto, _name, address in addresses:
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(timeout)
            sock.connect(address)
        except OSError as exc:
            sock.close()
            last_error = exc
            continue
        return sock
    raise last_error or OSError("the host has no address")


class PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, *, addresses: list[tuple], timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses

    def connect(self):
        self.sock = _connect_to_checked(self.addresses, self.timeout)


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(
        self,
        host: str,
        port: int,
        *,
        addresses: list[tuple],
        timeout: float,
        context: ssl.SSLContext | None = None,
    ):
        context = context or ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=context)
        self.addresses = addresses

    def connect(self):
        sock = _connect_to_checked(self.addresses, self.timeout)
        try:
            self.sock = self._context.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise


def post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    timeout: float,
    *,
    allow_private: bool = False,
) -> Response:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return Response(None, "", "Only http:// and https:// addresses are used.", 0)
    started = time.monotonic()
    status, excerpt, error = None, "", ""
    connection = None
    try:
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port or DEFAULT_PORTS[scheme]
        addresses = targets.resolve(host, port) if allow_private else targets.checked(host, port)
        kind = PinnedHTTPSConnection if scheme == "https" else PinnedHTTPConnection
        connection = kind(host, port, addresses=addresses, timeout=timeout)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request("POST", target, body=body, headers=headers)
        reply = connection.getresponse()
        status = reply.status
        excerpt = _excerpt(reply)
        if not 200 <= status < 300:
            error = f"HTTP {status} {reply.reason}"
    except targets.Refused as exc:
        error = f"Not sent: {exc}"
    except TimeoutError:
        error = "Timed out"
    except Exception as exc:  # a bad address, a dropped connection, a broken reply
        error = f"{type(exc).__name__}: {exc}"
    finally:
        if connection is not None:
            connection.close()
    duration = round((time.monotonic() - started) * 1000)
    return Response(status, _storable(excerpt), _storable(error)[:ERROR_CHARS], duration)


def _excerpt(reply) -> str:
    try:
        return reply.read(EXCERPT_BYTES).decode("utf-8", "replace")
    except Exception:
        return ""


def _storable(text: str) -> str:
    """The lender's words without NUL, which PostgreSQL's text columns refuse: a binary or
    gzipped reply must still be logged, or the attempt could not be recorded at all."""
    return text.replace("\x00", "")
