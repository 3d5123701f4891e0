# Alerts by email and webhook: the subscription pages, the admins' page and the messages.

alerts-title = Alerts by email or webhook
alerts-intro = Get an alert when a department's record changes: a gap opens or closes, a deadline approaches, a status changes, or a department replies. No account needed.
alerts-privacy = Your email address is used only to send these alerts: it is never published, never in the open data, and it is deleted with your subscription.
alerts-channel = Channel
alerts-channel-email = Email
alerts-channel-webhook = Webhook
alerts-address = Email address or webhook address
alerts-address-hint = For email: you@example.org. For a webhook: an https:// address that answers the signed test we send now with a 2xx status.
alerts-webhook-answer = Your receiver's answer: { $answer }
alerts-contact = Contact email for the webhook (optional)
alerts-contact-hint = Webhooks only: we write to it if the webhook keeps failing for a day and we pause it.
alerts-submit = Subscribe
alerts-how-webhooks = For developers: how webhooks are signed
alerts-how-webhooks-body = Each delivery is a JSON POST signed as the Standard Webhooks specification says, with the headers webhook-id, webhook-timestamp and webhook-signature. The webhook-id is the same when a delivery is retried, so you can drop duplicates. Check the signature with the secret shown once when you subscribe; during a secret rotation, deliveries carry signatures with both secrets for 24 hours.
alerts-how-webhooks-schema = The body's schema (WebhookPayload) in the OpenAPI document
alerts-departments = Departments
alerts-all-departments = All: the nine departments
alerts-some-departments = Only the departments I tick:
alerts-departments-hint = Choose "all" or tick the departments you want to follow. If you mark both, we will ask you.
alerts-kinds = What to be told about
alerts-severities = Gaps of these severities
alerts-severities-hint = For new and closed gaps. Critical: the department is not complying. Warning: a risk ahead or a missing fact. Notice: worth a look.
alerts-thresholds = Deadline warnings
alerts-threshold = { $days ->
    [one] 1 day before
   *[other] { $days } days before
}
alerts-frequency = How often
alerts-frequency-each = One message per change
alerts-frequency-daily = A daily digest (email only)
alerts-language = Language of the messages
lang-name-es = Español
lang-name-en = English
alerts-secret-once = Copy the secret now: it will not be shown again.
alerts-secret = Signing secret
alerts-manage-link = Management link (keep it: it changes or deletes this webhook)
alerts-open-manage = Open the management page
alerts-link-dead = This link no longer works: it has expired, the subscription was deleted, or the link is incomplete.
alerts-subscribe-again = Subscribe to alerts
alerts-describe = { $channel }: { $address }
alerts-confirm-title = Confirm your subscription
alerts-confirm-button = Confirm the subscription
alerts-confirmed-already = This subscription is confirmed already.
alerts-manage-title = Your alert subscription
alerts-state-pending = Not confirmed yet: use the link in the confirmation email.
alerts-state-paused = Paused: nothing is sent until it is resumed; the alerts wait.
alerts-state-bounced = The mail server refused this address for good, so nothing is sent. Subscribe again to try once more.
alerts-save = Save the changes
alerts-webhook-heading = Webhook
alerts-rotate = Make a new secret
alerts-rotate-hint = After a new secret is made, deliveries are signed with both the old and the new one for 24 hours, so you have time to switch.
alerts-pause = Pause
alerts-resume = Resume
alerts-delete-heading = Stop the alerts
alerts-delete = Delete this subscription
alerts-unsubscribe-title = Unsubscribe
alerts-unsubscribe-button = Unsubscribe from these alerts
alerts-unsubscribed-already = There is nothing to unsubscribe from: this subscription was deleted already.
alerts-unsubscribed-title = You are unsubscribed
alerts-unsubscribed-body = Your subscription and your address were deleted. You will receive no more alerts.
alerts-webhook-created = The webhook answered the signed test and is subscribed.
alerts-confirmed = Your subscription is confirmed. Here you can change what you follow at any time.
alerts-secret-rotated = A new secret was made. The old one still signs deliveries for 24 hours.
alerts-resumed = Resumed: what waited is being sent.
alerts-paused = Paused: the alerts wait until you resume.
alerts-saved = Your changes were saved.

alerts-admin-title = Alerts
alerts-admin-events = { $count ->
    [one] 1 event written so far.
   *[other] { $count } events written so far.
}
alerts-admin-bounced = { $count ->
    [one] The mail server refused 1 address for good: nothing more is sent to it.
   *[other] The mail server refused { $count } addresses for good: nothing more is sent to them.
}
alerts-admin-deliveries = Deliveries
alerts-delivery-pending = pending
alerts-delivery-sending = being sent
alerts-delivery-sent = sent
alerts-delivery-skipped = nothing to send
alerts-delivery-failed = failed
alerts-admin-subscribers = Subscribers
alerts-admin-state = State
alerts-admin-count = Count
alerts-subscriber-pending = not confirmed
alerts-subscriber-active = active
alerts-subscriber-paused = paused
alerts-subscriber-bounced = refused by the mail server
alerts-admin-webhooks = Webhooks
alerts-admin-host = Host
alerts-admin-last-success = Last success
alerts-admin-last-error = Last error
alerts-admin-actions = Actions
alerts-admin-failed = Failed deliveries
alerts-admin-pending = Pending deliveries
alerts-admin-sent = Recently sent
alerts-admin-none = None.
alerts-admin-purpose = Message
alerts-admin-attempts = Attempts
alerts-admin-when = When
alerts-admin-retry = Try again
alerts-admin-retried = The delivery is queued again.
alerts-admin-not-failed = That delivery had not failed: nothing changed.
alerts-admin-not-paused = That webhook was not paused: nothing changed.
alerts-purpose-change = alert
alerts-purpose-digest = daily digest
alerts-purpose-confirmation = confirmation
alerts-purpose-reminder = management link
alerts-purpose-paused = pause notice
nav-admin-alerts = Alerts

alerts-mail-why = You receive this because you subscribed to Vigía's alerts.
alerts-mail-manage = Change or cancel your subscription
alerts-mail-unsubscribe = Unsubscribe with one click
alerts-mail-entry = See the change and its source
alerts-mail-department = See the record of { $department }
alerts-mail-subject-one = { $title }
alerts-mail-subject-more = { $departments }: { $count } changes
alerts-mail-digest-subject = { $departments }: { $count ->
    [one] 1 change
   *[other] { $count } changes
} ({ $day })
alerts-mail-digest-intro = What changed since your last digest, by department:
alerts-mail-digest-more = { $more } more changes, in the alerts feed
alerts-mail-confirm-subject = Confirm your Vigía alerts
alerts-mail-confirm-body = Someone, hopefully you, asked to receive Vigía's alerts at this address. Open the link and press the button to confirm. The link works for 48 hours.
alerts-mail-confirm-link = Confirm the subscription
alerts-mail-confirm-ignore = If you did not ask for this, ignore this message: nothing will be sent and the address will be deleted.
alerts-mail-reminder-subject = Your Vigía alerts
alerts-mail-reminder-body = Someone, hopefully you, asked to subscribe this address to Vigía's alerts. It is subscribed already: to change what it follows or to unsubscribe, use this link.
alerts-mail-paused-subject = Your Vigía webhook was paused
alerts-mail-paused-body = Deliveries to { $address } failed for a day, so the webhook was paused. The alerts wait and are sent when you resume it. Last error: { $error }
alerts-mail-resume = Resume the webhook

follow-alerts = Alerts by email or webhook
footer-alerts = Alerts

problem-webhook-not-public = It must be an https:// address on the public internet (not this machine or a private network).
problem-webhook-failed = The address did not answer the signed test with a 2xx status, so nothing was stored.
problem-webhook-taken = This address receives a webhook already: use its management link to change it.
problem-all-and-some = You chose "all departments" and also some departments. Choose one of the two; nothing was saved.
problem-webhook-unknown-host = We could not find that server: the name does not exist in DNS. Check the address.
alerts-choice-none = none
alerts-confirm-what = Once you confirm, you will receive exactly this:
alerts-manage-what = What you receive now:
alerts-check-inbox-title = Check your email
alerts-check-inbox-sent = We sent a message to { $address } with a link to confirm what you chose (or, if the address receives alerts already, to apply the changes). No alert is sent before you confirm. The link works for 48 hours.
alerts-check-inbox-replaces = If this address had a request waiting for confirmation, this one replaces it: the link will confirm what you chose now.
alerts-check-inbox-resend = Send the message again
alerts-check-inbox-other = Subscribe another address or choose other alerts
alerts-mail-confirm-replaces = If you asked before for other alerts at this address without confirming them, this request replaces them: the link confirms what is above.
alerts-mail-change-body = Someone, we hope you, typed this address into the Vigía alerts form with other choices. This address receives alerts already, and nothing was changed: the changes apply only if you press the button the link opens.
alerts-mail-change-asked = What was asked:
alerts-mail-change-after-add = If you apply the change, what was asked is added to what you receive, and you will receive:
alerts-mail-change-after-replace = If you apply the change, what was asked replaces what you receive, and you will receive:
alerts-mail-change-apply = See and apply these changes
alerts-mail-reminder-ignore = If you did not ask for this, ignore this message: your subscription stays as it is.
alerts-apply-title = Apply the changes to your alerts
alerts-apply-button = Apply the changes
alerts-apply-done = The changes were applied. This is what you receive now.
alerts-apply-already = These changes were applied already.
alerts-if-subscribed = If this address receives alerts already
alerts-if-subscribed-hint = We will email what it receives and what you asked for; nothing changes until you press its button.
alerts-if-subscribed-add = Add what I choose to what it receives
alerts-if-subscribed-replace = Replace what it receives with what I choose
alerts-mail-claim = Recorded on { $recorded }. Source: { $who }, "{ $title }" (published: { $published }). Evidence level: { $level }.
alerts-mail-reply = Reply from { $who }: "{ $body }"
alerts-mail-review = Review note: "{ $note }"
