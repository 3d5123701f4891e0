correct-title = Correct a claim: { $requirement }, { $department }
correct-page-intro = The correction replaces the corrected claim in the current state, the map and the alerts; both stay in the public history, together.
correct-legend = Correction of claim no. { $id }
correct-intro = The form holds everything claim no. { $id } (about { $date }) says, with its source, its evidence and its documents. Change only what is wrong.
correct-reason = What is corrected and why
correct-reason-hint = For example: "The approval date was 2 May, not 2 April, according to the resolution." It is published with the correction.
correct-keep-document = Keep { $name } ({ $size }) as evidence
correct-taken = Someone else corrected that claim while you were editing, so nothing was saved. Check the history before correcting.
correct-link = Correct this claim
claim-corrected-by-id = Corrected by claim no. { $id }; it no longer counts for the current state.
claim-corrects = Corrects claim no. { $id }
claim-correction-reason = What was corrected:
claim-field-correction_reason = What is corrected and why
claim-field-corrects = Claim corrected
kept-document = File kept: { $name } ({ $size }). It will be saved with the form; there is no need to send it again.
kept-document-remove = Remove this file
error-summary-title = { $n ->
    [one] There is 1 problem
   *[other] There are { $n } problems
}
error-title-prefix = { "Error: " }
problem-too-long-count = It has { $count } characters; at most { $max }. Shorten it: what you wrote is still here.
done-see-claim = See claim no. { $id }
event-correction = Correction
problem-passwords-differ = The two passwords differ: type it again in both fields.
field-confirm = Repeat the password
