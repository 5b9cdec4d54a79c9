"""Settings, all read from the environment (12-factor).

With no environment at all the site runs for a developer: SQLite, DEBUG on, console e-mail,
Celery tasks run eagerly in-process. With DEBUG off it refuses to start without SECRET_KEY,
DATABASE_URL and ALLOWED_HOSTS, and turns on every production safeguard that
``manage.py check --deploy`` looks for.
"""

import base64
import hashlib
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-use-in-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
    DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
else:
    # No defaults on purpose: a production deploy with a missing secret must not start.
    SECRET_KEY = env.str("SECRET_KEY")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
    DATABASES = {"default": env.db("DATABASE_URL")}

DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "portal.accounts",
    "education",
    "repayment",
    "portal.notifications",
    "portal.support",
    "portal.answers",
    "portal.conversations",
    "portal.training",
    "portal.audit",
    "portal.api",
    "portal.lender_api",
    "portal.webhooks",
    "portal.demo",
    "portal.daily_run",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.headless",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "auditlog",
    # Django's admin, with a reason asked for every change (portal/admin_site.py).
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.csp.ContentSecurityPolicyMiddleware",
    "portal.hostile.HostileInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, except that a 404 under /api/ stays a 404 (see the module).
    "portal.api.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records a signed-in login's 403 in a staff area; outside the staff gate, whose refusals
    # become 403 responses one layer out.
    "portal.audit.middleware.RefusalMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.accounts.middleware.StaffMfaRequiredMiddleware",
    # Console pages show and read times in the staff member's own time zone.
    "portal.support.staff_zone.ConsoleTimeZoneMiddleware",
    # Who made each change (and from where) for django-auditlog's change history.
    "portal.audit.middleware.AuditlogMiddleware",
    # Records a borrower opening a statement or reading a lesson (repayment/engagement): who,
    # which loan, what and when. Outside the lesson middleware, which answers lessons itself.
    "repayment.engagement.middleware.EngagementMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Whole lesson pages for signed-out readers, until something is republished.
    "education.middleware.LessonPageCacheMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages and time -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("zh-hans", "简体中文")]
# Our own messages first, then our wording of messages from Django and allauth.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# --- Static and media ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# A long statement PDF is made by a task and kept this many hours for the borrower to fetch
# (repayment/statements/pdf_requests.py); the daily clean-up deletes it after.
STATEMENT_PDF_KEEP_HOURS = env.int("STATEMENT_PDF_KEEP_HOURS", default=24)
# Sign-ins, statements opened, lessons read and messages opened (repayment/engagement): a year
# and a month, so a year's pattern can be read back from any day, then deleted.
ENGAGEMENT_KEEP_DAYS = env.int("ENGAGEMENT_KEEP_DAYS", default=395)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

if DEBUG:
    CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://portal")}
else:
    # Rate limits (sign-in, linking, the APIs) count in the cache: each process keeping its own
    # count would multiply every limit by the number of processes.
    CACHES = {"default": env.cache("CACHE_URL")}
    if CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache")):
        raise ImproperlyConfigured(
            "CACHE_URL must name a cache every web process shares (redis://...), not "
            f"{CACHES['default']['BACKEND']}."
        )
# Sessions read from the cache and written through to the database: one query fewer per page.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- E-mail -------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Borrower portal <help@example.com>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A provider's API instead of SMTP, through django-anymail: EMAIL_BACKEND names its backend
# (anymail.backends.postmark.EmailBackend) and ANYMAIL_<SETTING> variables fill ANYMAIL.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default=EMAIL_CONFIG["EMAIL_BACKEND"])
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in env.ENVIRON.items()
    if name.startswith("ANYMAIL_")
}

# --- Reminders: text messages and the sender (see portal/notifications/channels/) ---------
SMS_BACKEND = env.str("SMS_BACKEND", default="portal.notifications.channels.sms.ConsoleBackend")
SMS_FILE_PATH = env.str("SMS_FILE_PATH", default="")  # for channels.sms.FileBackend
# The secret an SMS provider's inbound webhook (replies such as STOP) may present in a header,
# never in the URL (docs/replies.md). With Twilio, its X-Twilio-Signature (keyed by
# TWILIO_AUTH_TOKEN, over the URL built from SITE_URL) is checked instead, and only a signed
# request can turn texts back on.
SMS_INBOUND_TOKEN = env.str("SMS_INBOUND_TOKEN", default="")
if SMS_BACKEND.endswith(".TwilioBackend"):
    TWILIO_ACCOUNT_SID = env.str("TWILIO_ACCOUNT_SID")
    TWILIO_AUTH_TOKEN = env.str("TWILIO_AUTH_TOKEN")
else:
    TWILIO_ACCOUNT_SID = TWILIO_AUTH_TOKEN = ""
TWILIO_FROM_NUMBER = env.str("TWILIO_FROM_NUMBER", default="")
TWILIO_MESSAGING_SERVICE_SID = env.str("TWILIO_MESSAGING_SERVICE_SID", default="")
# A row left "sending" this long had its worker die: it is never sent again automatically.
NOTIFICATIONS_SENDING_TIMEOUT_MINUTES = env.int("NOTIFICATIONS_SENDING_TIMEOUT_MINUTES", default=15)
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=5)
# Rows the sender claims per transaction: a worker that dies mid-batch leaves at most this
# many "may have been sent" for staff (rows on channels whose provider drops repeats are sent
# again); more rows per claim ask the rules fewer times. At 20 a million-loan day sent about
# 300 messages a second, at 200 about 1,040 (docs/benchmarks.md, the day bench).
NOTIFICATIONS_CLAIM_BATCH = env.int("NOTIFICATIONS_CLAIM_BATCH", default=200)

# --- Webhooks (portal/webhooks/) ----------------------------------------------------------
# On: webhooks may go to loopback, private and link-local addresses (tests with a local
# receiver, a lender reached over a private link). Off, the admin cannot probe the internal
# network through a webhook address (portal/webhooks/targets.py).
WEBHOOKS_ALLOW_PRIVATE_TARGETS = env.bool("WEBHOOKS_ALLOW_PRIVATE_TARGETS", default=False)

# --- Audit -------------------------------------------------------------------------------
# How many reverse proxies in front of the site add an X-Forwarded-For hop (0: none, so the
# audit trail records REMOTE_ADDR).
AUDIT_TRUSTED_PROXIES = env.int("AUDIT_TRUSTED_PROXIES", default=0)

# --- Accounts (django-allauth) --------------------------------------------------------------
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_ADAPTER = "portal.accounts.adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    # Guessing a loan reference and date of birth must stay slow (see accounts.linking): per
    # login, per address, and per reference, so many logins and addresses cannot share the work.
    "link_borrower": "5/h/user,20/h/ip,10/d/key",
}
ACCOUNT_USER_DISPLAY = "portal.accounts.adapter.user_display"
# Behind a load balancer, allauth must know which address is the client's, or every visitor
# shares one IP and its per-IP rate limits.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "borrower_home"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="Borrower portal")
# Authenticator secrets are encrypted at rest (portal.accounts.secrets). MFA_ENCRYPTION_KEY holds
# Fernet keys, comma-separated: the first encrypts, all decrypt. Make one with
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
MFA_ADAPTER = "portal.accounts.secrets.MfaAdapter"
if DEBUG:
    # A developer's machine: a key derived from SECRET_KEY, so the demo needs no set-up.
    _derived = hashlib.sha256(b"portal.accounts.secrets:" + SECRET_KEY.encode()).digest()
    MFA_ENCRYPTION_KEYS = env.list(
        "MFA_ENCRYPTION_KEY", default=[base64.urlsafe_b64encode(_derived).decode()]
    )
else:
    MFA_ENCRYPTION_KEYS = env.list("MFA_ENCRYPTION_KEY")
for _key in MFA_ENCRYPTION_KEYS:
    try:
        _valid = len(base64.urlsafe_b64decode(_key.encode())) == 32
    except ValueError:
        _valid = False
    if not _valid:
        raise ImproperlyConfigured("MFA_ENCRYPTION_KEY must hold Fernet keys (32 bytes, base64).")
BORROWER_INVITATION_MAX_AGE_DAYS = env.int("BORROWER_INVITATION_MAX_AGE_DAYS", default=14)

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Borrower portal"
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Lesson searches are logged anonymously for the editors' report, then deleted after this many
# days (education/search_log.py).
EDUCATION_SEARCH_LOG_DAYS = env.int("EDUCATION_SEARCH_LOG_DAYS", default=90)
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "txt"]
# No calls to third parties from the admin: staff e-mail hashes are not sent to Gravatar, and
# the admin does not phone home for new releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# One way in: Wagtail's own sign-in pages would skip the authenticator code (see portal/urls.py),
# and passwords are reset and changed through allauth, which tells the account holder.
WAGTAILADMIN_LOGIN_URL = LOGIN_URL
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False

# --- Celery -------------------------------------------------------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="memory://")
# The daily run's chords (portal/daily_run) need a result backend: by default the broker's
# own Redis; in the demo (memory broker, tasks run as they are called) results stay in memory.
CELERY_RESULT_BACKEND = env.str(
    "CELERY_RESULT_BACKEND",
    default=CELERY_BROKER_URL if CELERY_BROKER_URL.startswith("redis") else "cache+memory://",
)
# Without a broker the demo still works: tasks run in-process as they are called.
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL.startswith("memory")
)
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
# The queue tasks go to unless sent elsewhere. A test's worker sets its own, so that the chunks
# its daily run sends come back to it.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TIMEZONE = "UTC"
# autodiscover_tasks finds each app's own tasks module; these live deeper in an app.
CELERY_IMPORTS = ["repayment.statements.tasks"]
CELERY_BEAT_SCHEDULE = {
    # Wagtail's scheduled publishing (and expiry) of lessons and glossary terms.
    "publish-scheduled-lessons": {
        "task": "education.tasks.publish_scheduled",
        "schedule": crontab(minute="*/5"),
    },
    # The anonymous lesson-search log keeps EDUCATION_SEARCH_LOG_DAYS of searches.
    "prune-search-log": {
        "task": "education.tasks.prune_search_log",
        "schedule": crontab(minute=30, hour=3),
    },
    # The daily run (portal/daily_run): servicing, then a position refresh, then reminder
    # planning, each split into chunks of loans that every worker shares. Every six hours, as
    # servicing was, so each time zone's dues are posted soon after its midnight; each step is
    # idempotent. The hourly position refresh and reminder planner below stay: they catch each
    # borrower's midnight in between.
    "daily-run": {
        "task": "portal.daily_run.tasks.start_daily_run",
        "schedule": crontab(minute=15, hour="*/6"),
    },
    "keep-plans-on-track": {
        "task": "repayment.tasks.keep_plans_on_track",
        # After servicing, so the day's payments and dues are in the ledger; idempotent.
        "schedule": crontab(minute=45, hour="*/6"),
    },
    "settle-promises": {
        "task": "repayment.tasks.settle_promises",
        # After servicing too; a promise kept early is marked at the next run. Idempotent.
        "schedule": crontab(minute=50, hour="*/6"),
    },
    "apply-preset-changes": {
        "task": "portal.training.tasks.apply_preset_changes",
        # A change compliance approved for a later day switches the lender's rules that day.
        "schedule": crontab(minute=5, hour="*/6"),
    },
    "settle-payment-reports": {
        "task": "repayment.tasks.settle_payment_reports",
        # Like promises: a payment that arrived is marked at the next run; idempotent.
        "schedule": crontab(minute=55, hour="*/6"),
    },
    # Kept loan positions the date alone changes (a due date comes, a pause ends), at each
    # borrower's midnight: docs/position.md.
    "refresh-positions": {
        "task": "repayment.tasks.refresh_positions",
        "schedule": crontab(minute=2),
    },
    # Engagement events older than ENGAGEMENT_KEEP_DAYS.
    "forget-old-engagement-events": {
        "task": "repayment.tasks.forget_old_engagement_events",
        "schedule": crontab(minute=35, hour=4),
    },
    # Long statement PDFs past their STATEMENT_PDF_KEEP_HOURS, files and rows.
    "delete-expired-statement-pdfs": {
        "task": "repayment.statements.tasks.delete_expired_statement_pdfs",
        "schedule": crontab(minute=20, hour=4),
    },
    # Reminders: the planner hourly (each borrower's "today" starts at their midnight), the
    # sender every minute (quiet hours and back-off are in the rows' send times).
    "plan-reminders": {
        "task": "portal.notifications.tasks.plan_reminders",
        "schedule": crontab(minute=5),
    },
    "send-due-messages": {
        "task": "portal.notifications.tasks.send_due_messages",
        "schedule": crontab(),
    },
    # The lender's webhook: events wait in the outbox; back-off is in each event's next attempt.
    "deliver-lender-events": {
        "task": "portal.webhooks.tasks.deliver_lender_events",
        "schedule": crontab(),
    },
}

# Loans per chunk of the daily run: small enough that a retried chunk redoes little, large
# enough that the queue is not flooded (a million loans make 200 chunks a step).
DAILY_RUN_CHUNK_LOANS = env.int("DAILY_RUN_CHUNK_LOANS", default=5000)

# --- REST framework -----------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # The site's own pages use the session; apps use the session token that allauth's headless
    # login hands out after the same password and authenticator-code steps as the site.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "allauth.headless.contrib.rest_framework.authentication.XSessionTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_RATES": {
        "borrower": env.str("API_BORROWER_RATE", default="120/minute"),
        "lender": env.str("API_LENDER_RATE", default="600/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Borrower portal API",
    "DESCRIPTION": (
        "The borrower API (/api/v1/) for the portal's own pages and for apps, and the lender "
        "integration API (/api/lender/v1/) for the lender's core system. Money is a string "
        'with the currency\'s decimal places ("1250.00"); dates are ISO 8601.'
    ),
    "VERSION": "1.0.0",
    "TAGS": [
        {"name": "borrower", "description": "For apps: a borrower's own loans, plans and help."},
        {"name": "lender", "description": "For the lender's core system: data in, plans out."},
    ],
    "PREPROCESSING_HOOKS": ["portal.api_schema.only_public_api"],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files: no CDN, and the page keeps a strict policy.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Without deep links Swagger UI puts no link inside each operation's toggle button (axe:
    # nested-interactive).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False, "displayOperationId": False},
    "COMPONENT_SPLIT_REQUEST": True,
    # A loan's status and a consequence step's kind share field names with other enums.
    "ENUM_NAME_OVERRIDES": {
        "LoanStatusEnum": "portal.api.v1.serializers.loans.STATUSES",
        "StepKindEnum": "portal.api.v1.serializers.loans.STEP_KINDS",
        "PaymentMethodKindEnum": "portal.api.v1.serializers.paying.KINDS",
        "ThreadStatusEnum": "portal.conversations.models.ThreadStatus",
    },
}

# allauth's headless API, for apps only: the site itself keeps its own pages.
HEADLESS_CLIENTS = ("app",)
HEADLESS_SERVE_SPECIFICATION = False

# --- Security -----------------------------------------------------------------------------
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Wagtail's and Django's admin use inline styles and scripts; they get a looser policy.
CSP_RELAXED_PATH_PREFIXES = ("/cms/", "/django-admin/")

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A secret in a request line (an old ?token= webhook URL) is masked before it is written.
    "filters": {"redact_secrets": {"()": "portal.log_redaction.RedactSecrets"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_secrets"]},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # WeasyPrint and fontTools narrate every step of a PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # runserver's request lines, through the filter too.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
