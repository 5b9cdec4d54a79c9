"""A webhook goes only to the public internet: an administrator cannot point it at this
server, the internal network or the cloud metadata service, neither when saving the address
nor later through a name whose answer changes; the request goes to the address that was
checked, with no second look-up."""

import socket
import ssl

import pytest
from django.core.exceptions import ValidationError

from portal.webhooks import targets, transport
from portal.webhooks.admin import EndpointForm
from portal.webhooks.models import Delivery, WebhookEndpoint
from portal.webhooks.tasks import deliver_lender_events

from .outbox import make_event

PUBLIC = "93.184.215.14"


@pytest.fixture
def guarded(settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False


@pytest.fixture
def dns(monkeypatch):
    """``socket.getaddrinfo`` answering from ``names`` (host → addresses, or an exception),
    counting each look-up of those names; other hosts go to the real resolver."""
    real = socket.getaddrinfo

    class Fake:
        names: dict = {}
        calls: list = []

        def __call__(self, host, port, *args, **kwargs):
            if host not in self.names:
                return real(host, port, *args, **kwargs)
            self.calls.append(host)
            answer = self.names[host]
            if callable(answer):
                answer = answer()
            if isinstance(answer, Exception):
                raise answer
            return [_info(address, port) for address in answer]

    fake = Fake()
    fake.names, fake.calls = {}, []
    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return fake


def _info(address, port):
    if ":" in address:
        return (socket.AF_INET6, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port, 0, 0))
    return (socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))


# --- Which addresses are refused.


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),  # noqa: S104 (refused, not bound)
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "reserved"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fd00:ec2::254", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 form of 169.254.169.254
        ("2002:7f00:1::", "loopback"),  # 6to4 form of 127.0.0.1
        ("::7f00:1", "reserved"),  # IPv4-compatible, deprecated
    ],
)
def test_internal_addresses_are_refused(address, kind):
    with pytest.raises(targets.Refused) as refused:
        targets.check("h", [address])
    assert refused.value.kind == kind


@pytest.mark.parametrize(
    "address", [PUBLIC, "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"]
)
def test_public_addresses_pass(address):
    targets.check("h", [address])


def test_one_internal_address_among_public_ones_is_enough_to_refuse(dns):
    dns.names["lender.example"] = [PUBLIC, "10.0.0.7"]
    with pytest.raises(targets.Refused) as refused:
        targets.checked("lender.example", 443)
    assert refused.value.address == "10.0.0.7"


# --- When the address is saved.


@pytest.fixture
def form(db, lender):
    def make(url):
        return EndpointForm(data={"lender": lender.pk, "url": url, "active": "on"})

    return make


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://127.0.0.1/hook", "a loopback address"),
        ("http://10.0.0.5:8080/hook", "an address on a private network"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("https://[::1]/hook", "a loopback address"),
        ("https://[::ffff:127.0.0.1]/hook", "a loopback address"),
        ("https://localhost/hook", "a loopback address"),
    ],
)
def test_an_internal_address_cannot_be_saved(guarded, form, url, shown):
    bound = form(url)
    assert not bound.is_valid()
    [message] = bound.errors["url"]
    assert "only to addresses on the public internet" in message
    assert shown in message
    assert not WebhookEndpoint.objects.exists()


def test_a_name_that_resolves_to_loopback_cannot_be_saved(guarded, form, dns):
    dns.names["lender.example"] = ["127.0.0.1"]
    bound = form("https://lender.example/hook")
    assert not bound.is_valid()
    assert "lender.example leads to 127.0.0.1, a loopback address" in bound.errors["url"][0]


def test_a_public_name_is_saved(guarded, form, dns):
    dns.names["lender.example"] = [PUBLIC]
    bound = form("https://lender.example/hook")
    assert bound.is_valid(), bound.errors
    assert bound.save().url == "https://lender.example/hook"


def test_a_name_that_does_not_resolve_yet_is_saved_and_checked_when_sending(guarded, form, dns):
    dns.names["lender.example"] = socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    assert form("https://lender.example/hook").is_valid()


def test_the_setting_allows_a_local_address(settings, form):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = True
    assert form("http://127.0.0.1:8001/hook").is_valid()


def test_model_validation_refuses_it_too(guarded, lender):
    endpoint = WebhookEndpoint(lender=lender, url="http://169.254.169.254/")
    with pytest.raises(ValidationError, match="link-local") as refused:
        endpoint.full_clean()
    assert "url" in refused.value.message_dict


# --- When a request is sent.


def test_an_internal_address_saved_before_is_not_sent_to(guarded, endpoint, receiver):
    event = make_event(endpoint.lender)

    assert deliver_lender_events() == {"retry": 1}

    assert receiver.requests == []
    log = Delivery.objects.get()
    assert (log.status_code, log.success, log.response_excerpt) == (None, False, "")
    assert "127.0.0.1 is a loopback address" in log.error
    event.refresh_from_db()
    assert (event.status, event.attempts) == ("waiting", 1)


def test_a_name_that_turns_into_loopback_after_saving_is_not_sent_to(
    guarded, lender, receiver, dns
):
    dns.names["lender.example"] = [PUBLIC]
    url = f"http://lender.example:{receiver.port}/hook"
    endpoint = WebhookEndpoint(lender=lender, url=url)
    endpoint.full_clean()
    endpoint.save()
    dns.names["lender.example"] = ["127.0.0.1"]  # the name's owner points it inside
    make_event(lender)

    assert deliver_lender_events() == {"retry": 1}

    assert receiver.requests == []
    assert "lender.example resolves to 127.0.0.1" in Delivery.objects.get().error


def test_the_request_goes_to_the_checked_address_without_a_second_look_up(
    guarded, monkeypatch, dns
):
    """DNS rebinding: the first answer is public and checked; a second look-up would answer
    loopback. The connection must go to the first answer, and nothing may ask again."""
    answers = iter([[PUBLIC], ["127.0.0.1"], ["127.0.0.1"]])
    dns.names["lender.example"] = lambda: next(answers)
    connected = []

    def connect(sock, address):
        connected.append(address)
        raise ConnectionRefusedError("refused in the test")

    monkeypatch.setattr(socket.socket, "connect", connect)

    response = transport.post("https://lender.example/hook", b"{}", {}, timeout=1)

    assert dns.calls == ["lender.example"]
    assert connected == [(PUBLIC, 443)]
    assert response.status is None and "refused" in response.error


def test_the_request_reaches_the_checked_address_with_the_names_host_header(receiver, dns):
    dns.names["lender.example"] = ["127.0.0.1"]

    response = transport.post(
        f"http://lender.example:{receiver.port}/hook?v=2",
        b"{}",
        {"Content-Type": "application/json"},
        timeout=2,
        allow_private=True,  # the receiver is on 127.0.0.1
    )

    assert response.status == 200
    assert dns.calls == ["lender.example"]
    [request] = receiver.requests
    assert request.path == "/hook?v=2"
    assert request.headers["Host"] == f"lender.example:{receiver.port}"


def test_tls_names_the_host_and_checks_its_certificate_while_connecting_to_the_checked_address(
    receiver,
):
    wrapped = {}

    class Context:
        verify_mode, check_hostname = ssl.CERT_REQUIRED, True

        def wrap_socket(self, sock, server_hostname):
            wrapped["server_hostname"] = server_hostname
            wrapped["peer"] = sock.getpeername()[:2]
            return sock

    addresses = [_info("127.0.0.1", receiver.port)]
    connection = transport.PinnedHTTPSConnection(
        "lender.example", receiver.port, addresses=addresses, timeout=2, context=Context()
    )
    connection.connect()
    connection.close()

    assert wrapped == {"server_hostname": "lender.example", "peer": ("127.0.0.1", receiver.port)}
    default = transport.PinnedHTTPSConnection("lender.example", 443, addresses=[], timeout=1)
    assert default._context.check_hostname and default._context.verify_mode == ssl.CERT_REQUIRED
