"""The topics the outbox carries, for the endpoint's topic filter and the documentation."""

from repayment.models.lender_events import LenderTopic

TOPICS = LenderTopic.choices
# Sent only by the admin's "send a test event"; never stored in the outbox.
TEST_TOPIC = "webhook.test"
