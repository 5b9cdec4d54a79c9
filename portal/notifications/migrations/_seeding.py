"""What the migrations that add message events share (the leading underscore keeps Django from
reading this as a migration): the shipped texts seeded as editable rows, a row that exists
already left as it is."""


def seed_texts(apps, events):
    from portal.notifications.message_texts.defaults import DEFAULTS

    MessageTemplate = apps.get_model("notifications", "MessageTemplate")
    for event in events:
        for language, text in DEFAULTS[event].items():
            MessageTemplate.objects.get_or_create(
                event=event,
                language=language,
                defaults={"subject": text.subject, "body": text.body, "sms": text.sms},
            )
