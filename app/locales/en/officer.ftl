# Officer workflows: confirmations, clear forms, suggestions followed to the end

## What each field takes
field-required = (required)
field-optional = (optional)
form-marks = Fields marked "(required)" must be filled in; the others say when they are needed or are optional.
claim-when-in-force = (required if the status is "in force")
claim-unless-pdf = (required, unless you attach the source's PDF)
claim-hint-day = YYYY-MM-DD, for example 2026-03-31.
claim-hint-source_url = An https://… link to the source, or the address of a document already stored in Vigía (/documents/12). If the source is the PDF you attach below, leave it empty: the source will cite that document.
claim-hint-source_quote = Up to 300 characters, as the source says it.
reply-hint-evidence = An https://… link to the document or the official publication.
reply-hint-document = Up to 10 MB; it is checked to be a PDF. If the form comes back with an error, the file is kept for a day: there is no need to send it again.
problem-unknown-document = Vigía holds no document at that address.

## Confirmations, shown once on the next page
done-claim-recorded = Claim recorded in the history: { $requirement }, { $department }.
done-claim-recorded-accepting = Claim recorded in the history: { $requirement }, { $department }. Suggestion no. { $id } is now accepted.
done-reply-posted = Reply published beside the gap. Oversight staff will review it.
done-reply-reviewed = Review recorded; it is shown beside the reply.
done-suggestion-rejected = Suggestion no. { $id } rejected. The reason was published in the history.
done-document-withheld = Document withheld: it can no longer be downloaded. Its entry, its fingerprint and the reason stay public.
done-text-hidden = Text removed from the public. The history keeps its fingerprint and the reason.
done-user-invited = Account for { $name } created.
done-user-disabled = { $name }'s account disabled; all their sessions ended.
done-user-enabled = { $name }'s account re-enabled.
done-user-unchanged = { $name }'s account was already so; nothing changed.
done-user-rescoped = { $name }'s departments: { $departments }.
done-signed-in = Signed in. Hello, { $name }.
done-password-set = Password saved. You are signed in to Vigía.

## A claim that answers a suggestion
record-answering = This claim answers suggestion no. { $id }, which says:
record-answering-accepts = The suggestion will be accepted when you save the claim; until then it stays in the queue, under your name.
record-answering-back = Back to the suggestions
record-answering-gone = Suggestion no. { $id } is no longer pending (someone else decided on it). This form records a claim unrelated to it.
record-suggestion-decided = Someone else decided on the suggestion while you were editing, so nothing was saved. Check and send again: the claim will be recorded without accepting the suggestion.

## Suggestions: the queue, the form, the follow link
moderation-number = Suggestion no. { $id }
moderation-private = Its sender asked not to publish the text: the decision and its reason are published without it.
moderation-in-hand = Being handled by { $name }: it is accepted when they save the claim.
moderation-choose-requirement = Instrument of the claim
suggest-field-private = Do not publish my text
suggest-hint-private = If you tick it, only oversight staff see your text: the decision and its reason are published without it. Otherwise it is published beside the decision. The contact is never published.
suggestion-follow-intro = Keep this link: it shows where your suggestion stands (queued, accepted or rejected, with the reason). It is the only way back to it.
follow-copy = Copy the link
follow-copied = Link copied
follow-title = Your suggestion
follow-unknown = This link matches no suggestion. Check that it is complete.
follow-about = Suggestion no. { $id } about { $department }, sent on { $date }
follow-queued = Queued
follow-queued-body = Waiting for oversight staff to review it.
follow-in-hand-body = A member of oversight staff is recording the claim it asks for; it is accepted once they save it.
follow-accepted = Accepted
follow-accepted-body = On { $date } the claim it asked for was recorded.
follow-claim-link = See claim no. { $id }
follow-rejected = Rejected
follow-rejected-body = Rejected on { $date }.
follow-reason = Reason: { $reason }
follow-your-text = What you wrote
follow-private = You asked not to publish this text: only oversight staff and whoever holds this link see it.
follow-public = This text is published in the history beside the decision. The contact is never published.
follow-department-link = See the department's page
history-suggestion = Suggestion from the public:
history-decision-reason = Reason:

## Accounts
admin-you = (you)
admin-disable-ask = Disable…
admin-scope-when = (required for oversight staff and representatives)
admin-disable-title = Disable an account
admin-disable-who = { $name } ({ $email }), { $role }.
admin-disable-scope = Acts for: { $departments }.
admin-disable-effects = Once disabled, all their sessions end at once and they cannot sign in until an admin re-enables the account. What they recorded stays in the history under their name; the disabling and its reason are published too.
admin-disable-confirm = Yes, disable { $name }'s account
admin-disable-cancel = No, back to the accounts
admin-disable-gone = That account does not exist or is already disabled.

## Import
import-col-note = Note
import-col-source = Source
import-choose-one = { $column }: choose one of { $values }.
nav-password = Password
password-change-title = Change your password
password-change-intro = Type your current password, then the new one twice. Changing it ends your sessions on other devices; this one stays open.
password-change-sign-in = Sign in to Vigía to change your password.
password-change-submit = Change the password
password-change-error-current = The current password is not right. Nothing changed.
password-change-error-new = The new password cannot be used yet: see the marked field. Nothing changed.
field-current-password = Current password
problem-wrong-password = This is not this account's password.
problem-password-too-short = It must have at least 12 characters.
done-password-changed = Password changed. Your sessions on other devices have ended.
