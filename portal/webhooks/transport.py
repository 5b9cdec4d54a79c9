"""One HTTP POST, with a short timeout, that never raises: whatever happens becomes a
``Response`` the sender records. Redirects are not followed (a 3xx is a failure the lender
fixes by giving the final address), so a body signed for one address goes nowhere else."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass

EXCERPT_BYTES = 500
ERROR_CHARS = 300


@dataclass(frozen=True)
class Response:
    status: int | None
    excerpt: str
    error: str
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises HTTPError with the 3xx status


_opener = urllib.request.build_opener(_NoRedirects)


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> Response:
    if not url.lower().startswith(("https://", "http://")):
        return Response(None, "", "Only http:// and https:// addresses are used.", 0)
    # The scheme is checked above: file: and custom schemes never reach urllib.
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    started = time.monotonic()
    status, excerpt, error = None, "", ""
    try:
        with _opener.open(request, timeout=timeout) as reply:
            status = reply.status
            excerpt = _excerpt(reply)
    except urllib.error.HTTPError as exc:
        status = exc.code
        excerpt = _excerpt(exc)
        error = f"HTTP {exc.code} {exc.reason}"
    except urllib.error.URLError as exc:
        error = _timeout_or(exc.reason)
    except TimeoutError as exc:
        error = _timeout_or(exc)
    except Exception as exc:  # a bad address, a dropped connection, a broken reply
        error = f"{type(exc).__name__}: {exc}"
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


def _timeout_or(reason) -> str:
    if isinstance(reason, TimeoutError):
        return "Timed out"
    return str(reason)
