"""A real HTTP server on 127.0.0.1 in a thread, standing in for the lender's system: it records
each request and answers as the test says (a status per path, or hang until the client gives
up)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG = "hang"


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Receiver:
    host: str
    port: int
    requests: list[Received] = field(default_factory=list)
    # Per path, the answers to give in turn (a status, or a status and the reply's bytes);
    # the last one repeats. Default: 200.
    answers: dict[str, list] = field(default_factory=dict)
    released: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str = "/hook") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def answer(self, path: str, *answers) -> None:
        self.answers[path] = list(answers)

    def ids(self, path: str | None = None) -> list[str]:
        return [r.headers["Portal-Event-Id"] for r in self.requests if path in (None, r.path)]

    def next_answer(self, path: str):
        queue = self.answers.get(path) or [200]
        return queue.pop(0) if len(queue) > 1 else queue[0]


def start() -> tuple[Receiver, ThreadingHTTPServer]:
    receiver: Receiver

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            receiver.requests.append(Received(self.path, dict(self.headers.items()), body))
            answer = receiver.next_answer(self.path)
            if answer == HANG:
                receiver.released.wait(timeout=5)
                return
            answer, reply = answer if isinstance(answer, tuple) else (answer, None)
            if reply is None:
                reply = b'{"ok": true}' if answer < 300 else b"upstream exploded"
            self.send_response(answer)
            if 300 <= answer < 400:
                self.send_header("Location", receiver.url("/elsewhere"))
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    receiver = Receiver(*server.server_address[:2])
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return receiver, server
