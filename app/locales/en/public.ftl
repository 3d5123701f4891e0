# Public pages: the finding in one sentence, change over time, gaps that matter first

## The sentence above the map
story-sentence = { $total ->
    [one] Of 1 department, { $list }.
   *[other] Of the { $total } departments, { $list }.
}
story-list = { $rest } and { $last }
story-missing = { $n } { $n ->
    [one] has no plan
   *[other] have no plan
}
story-expired = { $n } { $n ->
    [one] has an expired plan
   *[other] have an expired plan
}
story-in-preparation = { $n } { $n ->
    [one] has a plan in preparation
   *[other] have a plan in preparation
}
story-reported = { $n } { $n ->
    [one] has a plan in force that a source only reports
   *[other] have a plan in force that a source only reports
}
story-verified = { $n } { $n ->
    [one] has a plan in force verified against the document
   *[other] have a plan in force verified against the document
}
story-unconfirmed = { $n } { $n ->
    [one] has no confirmed information
   *[other] have no confirmed information
}
story-credit = { $part }, according to { $who }
story-credit-data = { $part }, with data from { $who }
story-credit-source = { $author } ({ $date })
story-updated = Updated { $date }
story-dates-label = Dates of the data

## Groups, in the timeline and its table
group-unconfirmed = No confirmed information

## The map's requirement switch
map-title-requirement = Map of Bolivia: { $requirement }, status in each department
legend-status-verified = { $status }, verified
legend-status-reported = { $status }, only reported
map-switch-label = What the map shows

## "Show the state on …"
as-of-form-label = Show the state on
as-of-form-hint = dd/mm/yyyy, for example 31/12/2019.
as-of-refused = "{ $typed }" is not a date we can read: write it as dd/mm/yyyy (31/12/2019) or yyyy-mm-dd. The page shows the state as of today.
as-of-form-submit = Show
as-of-form-today = Back to today

## The compliance timeline
timeline-heading = The departmental plan over time
timeline-intro = How many departments stood in each state, by the dates the claims describe and when each source was published: the same as "Show the state on" shows.
timeline-title = Departments by status of the departmental plan, from { $from } to { $to }
timeline-summary = { $from }: { $first }. { $to }: { $last }.
step-uncertain = { $date }, no exact day
timeline-table-summary = See the chart's data as a table
timeline-table-caption = Departments by status of the plan, from each date it changed
timeline-col-from = From
timeline-empty = There are no dated claims yet to show change over time.
timeline-count = { $n } { $label }
timeline-monthly = With { $steps } changes, the chart draws each month as it stood on its last day: a change undone within one month does not show. The download under the table gives every change.
timeline-table-latest = The table lists the latest { $shown } of { $steps } changes.
timeline-download = Download the whole series (CSV)
timeline-data-page = All the open data

## A department's status over time
strip-label = { $requirement } over time
strip-step = { $precision ->
    [month-end] at the end of { $date }
    [day] from { $date }
   *[period] from { $date }, no exact day
}: { $status }
strip-monthly = With { $steps } changes, the strip shows each month as it stood on its last day: a change undone within one month does not show. Every claim is in the history below and in the open data.
strip-words-summary = Read the strip as text
strip-empty = Nobody has claimed anything about this yet.
history-event-date = Date described: { $date }
history-order-note = Sorted by the date of what each entry describes, newest first.

## Gaps that matter first
gaps-serious-none = No critical gaps or warnings with these filters.
gaps-notices = { $n ->
    [one] 1 notice
   *[other] { $n } notices
}
gaps-department-count = { $n ->
    [one] 1 gap
   *[other] { $n } gaps
}
gaps-csv = Download this list (CSV)

## The embed's credit
embed-credit = Vigía (data: CC BY 4.0) · Boundaries: Natural Earth
