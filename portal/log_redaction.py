"""A logging filter that masks secrets in request lines, loaded by the logging configuration
before Django's apps are: it imports nothing of the project's."""

import logging
import re

_SECRET_IN_QUERY = re.compile(r"(?i)([?&;](?:token|signature|secret|key)=)[^&;\s\"']*")


def redact(text: str) -> str:
    return _SECRET_IN_QUERY.sub(r"\1[redacted]", text)


class RedactSecrets(logging.Filter):
    """Masks ``token=``, ``signature=``, ``secret=`` and ``key=`` query values in a log record's
    message, such as the request line ``runserver`` logs (``django.server``). Django's request
    logger (``django.request``, which logs 4xx and 5xx answers) writes the path without its
    query string, so it never had the secret; a web server's own access log (gunicorn's
    ``--access-logfile``) is not ours to filter, which is why the secret must not be in the
    URL at all."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
