# Citable record: full permalinks, how to cite, share images and map downloads.

share-image-alt = Map of Bolivia coloured by the status of each department's anti-trafficking plan
map-image-date = Status as of { $date }
map-image-highlight = Highlighted: { $department }
map-image-credit = Vigía, { $site }. Vigía's data under the CC BY 4.0 licence.
map-sources = Sources: { $list }.
map-sources-non-commercial = InSight Crime's findings are under its non-commercial terms, not CC BY 4.0.
map-download-heading = Download the map
map-download-intro = The same map as an image, with its title, date, legend and credit, for reports and slides.
map-download-label = Download map:
map-download-svg = SVG (vector)
map-download-png = PNG (1200 × 630)

cite-heading = How to cite
cite-intro = Copy the reference or the BibTeX entry with its "Copy" button, or select the text in the field and copy it.
cite-plain-label = Reference
cite-bibtex-label = BibTeX
cite-department-title = { $department }: status of the departmental instruments against human trafficking
cite-entry-title = Entry no. { $id } of the public history: { $what }
cite-plain = Vigía ({ $year }). { $title }. Updated { $date }. { $url } (accessed { $accessed }).
cite-bibtex-note = Accessed { $accessed }

in-spanish = (in Spanish)

entry-heading-record = What it records
entry-department = Department
entry-requirement = Instrument
entry-status = Status
entry-basis = Basis
entry-event-date = Moment described
entry-status-since = Since
entry-due-date = Due date
entry-source-heading = Source
entry-source-author = Who made the finding
entry-source-outlet = Outlet that reported it
entry-source-title = Title
entry-source-published = Published
entry-source-link = Link
entry-documents-heading = Documents
entry-no-documents = This claim has no attached documents.
entry-evidence-heading = Evidence
entry-corrected = A later claim corrected this one; it stays in the history but no longer counts.
entry-account-role = Account role: { $role }
entry-account-departments = Departments in charge: { $departments }
entry-account-no-departments = Departments in charge: none
history-actor-console = Vigía's server administration (command line)
share-label = Share:
share-email = Email
share-more = More options…
