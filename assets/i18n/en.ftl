## Vocabulary: files keep the keys, people read these.

stage-awareness = Awareness
stage-interest = Interest
stage-consideration = Consideration
stage-action = Action
stage-usage = Usage
stage-advocacy = Advocacy

state-current = Current state
state-future = Future state

language-en = English
language-es = Español

channel-kind-store = Store
channel-kind-web = Web
channel-kind-mobile-app = Mobile app
channel-kind-email = Email
channel-kind-phone = Phone / contact centre
channel-kind-chat = Chat
channel-kind-social = Social
channel-kind-partner = Partner
channel-kind-other = Other

evidence-kind-quote = Quote
evidence-kind-metric = Metric
evidence-kind-observation = Observation
evidence-kind-survey = Survey
evidence-kind-interview = Interview
evidence-kind-analytics = Analytics
evidence-kind-social = Social media
evidence-kind-complaint = Complaint
evidence-kind-photo = Photo or file

confidence-observed = Observed
confidence-inferred = Inferred
confidence-assumed = Assumed

grey-kind-department-handoff = Department handoff
grey-kind-channel-switch = Channel switch
grey-kind-system-gap = System gap
grey-kind-inconsistent-message = Inconsistent message
grey-kind-missing-touchpoint = Missing touchpoint
grey-kind-failing-touchpoint = Failing touchpoint
grey-kind-out-of-order-step = Out-of-order step
grey-kind-other = Other

severity-low = Low
severity-medium = Medium
severity-high = High
severity-critical = Critical

grey-status-open = Open
grey-status-mitigating = Mitigating
grey-status-resolved = Resolved

opportunity-status-idea = Idea
opportunity-status-testing = Testing
opportunity-status-validated = Validated
opportunity-status-dropped = Dropped

metric-nps = NPS
metric-csat = CSAT
metric-ces = CES
metric-isat = ISAT
metric-ir = Repurchase intention (IR)
metric-if = Loyalty index (IF)
metric-custom = Custom

emotion-score--2 = Very negative
emotion-score--1 = Negative
emotion-score-0 = Neutral
emotion-score-1 = Positive
emotion-score-2 = Very positive

lane-cards = Touchpoints
lane-physical-evidence = Physical evidence
lane-evidence = Evidence
lane-doing = Doing and thinking
lane-emotion = Emotion
lane-pains = Pain points and opportunities
lane-departments = Department
lane-grey-areas = Grey areas

## Commands: name, then tooltip.

cmd-new = New journey
cmd-new-tip = Start an empty journey with the default channels and departments
cmd-open = Open…
cmd-open-tip = Open a journey file (.ron)
cmd-save = Save
cmd-save-tip = Save the journey to its file
cmd-save-as = Save as…
cmd-save-as-tip = Save the journey to a new file
cmd-quit = Quit
cmd-quit-tip = Close journeymap
cmd-undo = Undo
cmd-undo-tip = Undo the last change
cmd-undo-named = Undo: { $what }
cmd-redo = Redo
cmd-redo-tip = Redo the change you undid
cmd-redo-named = Redo: { $what }
cmd-add-touchpoint = Add touchpoint
cmd-add-touchpoint-tip = Add a touchpoint to the current stage
cmd-delete = Delete
cmd-delete-tip = Delete the selection
cmd-mark-grey-area = Mark grey area
cmd-mark-grey-area-tip = Mark the handoff between the two selected touchpoints as a grey area
cmd-zoom-in = Zoom in
cmd-zoom-in-tip = Make the map bigger
cmd-zoom-out = Zoom out
cmd-zoom-out-tip = Make the map smaller
cmd-zoom-fit = Fit to window
cmd-zoom-fit-tip = Show the whole map
cmd-shortcuts = Keyboard shortcuts
cmd-shortcuts-tip = Show every keyboard shortcut

## What an undo step is called ("Undo: move touchpoint").

edit-add-touchpoint = add touchpoint
edit-touchpoint = edit touchpoint
edit-move-touchpoint = move touchpoint
edit-move-step = move step
edit-add-row = add row
edit-move-row = move row
edit-delete = delete
edit-add-evidence = add evidence
edit-evidence = edit evidence
edit-link-evidence = link evidence
edit-unlink-evidence = unlink evidence
edit-attach = attach file
edit-mark-grey-area = mark grey area
edit-grey-area = edit grey area
edit-add-opportunity = add opportunity
edit-opportunity = edit opportunity
edit-header = edit journey details
edit-catalogue = edit channels and departments

## Menus and panels.

menu-file = File
menu-edit = Edit
menu-view = View
menu-lanes = Lanes
menu-panels = Panels
menu-interface-size = Interface size
menu-presentation = Presentation
menu-highlight = Highlight
menu-language = Language
menu-recent = Open recent
menu-catalogue = Channels, departments and curves…

section-journey = Journey
section-stages = Stage notes
section-grey-areas = Grey areas
section-catalogue = Channels and departments

inspector-title = Inspector
inspector-empty = Select a touchpoint, a grey area or a piece of evidence to edit it. Shift+click two touchpoints, then “Mark grey area”.
inspector-touchpoint = Touchpoint
inspector-evidence = Evidence
inspector-grey-area = Grey area
inspector-opportunity = Opportunity

field-title = Title
field-stage = Stage
field-channel = Channel
field-department = Department
field-action = What the customer does
field-thought = What the customer thinks
field-expectation = What the customer expects
field-description = Description
field-emotion = Emotion
field-emotion-word = Emotion word
field-key-moment = Moment of truth
field-key-moment-tip = A touchpoint that decides the relationship
field-pain-points = Pain points
field-evidence = Evidence
field-opportunities = Opportunities
field-kind = Kind
field-evidence-text = Quote, finding or note
field-source = Source
field-date = Date (YYYY-MM-DD)
field-confidence = Confidence
metric-of = { $value } of { $top }
metric-on = { $value } on { $low } to { $high }
metric-add = Add a metric
metric-remove-named = Remove the metric { $metric }
field-metric = Metric
field-metric-label = Metric name
field-metric-value = Value
field-sample-size = Sample size
field-metric-scale = Scale
field-attachments = Photos and files
field-grey-kind = Kind of break
field-severity = Severity
field-status = Status
field-experience = What the customer experiences
field-fix = Proposed fix
field-owner = Owner
field-departments = Departments
field-channels = Channels
field-idea = Idea
field-expected-effect = Expected effect
field-journey-title = Journey title
field-persona = Persona or segment
field-persona-description = Who they are
field-scenario = Scenario
field-state = State
field-journey-language = Language of the map
field-goals = Goals
field-needs = Needs
field-expectations = Expectations
field-stage-label = Name on the map
field-stage-goal = Goal
field-stage-doing = Doing
field-stage-thinking = Thinking
field-stage-feeling = Feeling

emotion-none = No score
none = None
untitled = Untitled
untitled-journey = Untitled journey
new-touchpoint = New touchpoint
new-opportunity = New opportunity
new-channel = New channel
new-department = New department
card-expects = Expects: { $text }
card-evidence = { $count ->
    [one] 1 source
   *[other] { $count } sources
}
tag-assumption = no evidence yet
tag-weak = weak evidence
date-invalid = Use the form YYYY-MM-DD or YYYY-MM.

add-touchpoint-to = Add touchpoint to { $stage }
add-item = Add to { $list }
remove-item = Remove { $item }
add-opportunity = Add opportunity
add-channel = Add channel
add-department = Add department
delete-touchpoint = Delete touchpoint
delete-evidence = Delete evidence
delete-grey-area = Delete grey area
delete-opportunity = Delete opportunity
delete-named = Delete { $name }
channel-name = Name of channel { $id }
department-name = Name of department { $id }
opportunity-for = For: { $target }

evidence-none = No evidence yet: this touchpoint is an assumption.
evidence-link = Link evidence
evidence-new = New evidence
evidence-unlink = Unlink { $id }
attachment-add = Attach image…
attachment-remove = Remove attachment
attachment-drop-hint = Or drop an image on the window.

grey-areas-none = No grey areas yet.
grey-dismiss = Not a grey area
grey-dismiss-tip = Take this handoff off the list, for everyone who opens the journey
edit-dismiss-suggestion = dismiss a suggestion
grey-mark = Mark
grey-suggestions = { $count ->
    [one] One suggested handoff
   *[other] { $count } suggested handoffs
}
grey-suggestion-mark = Mark the handoff from “{ $from }” to “{ $to }” as a grey area

status-counts = { $touchpoints ->
    [one] One touchpoint
   *[other] { $touchpoints } touchpoints
}, { $grey_areas ->
    [one] one grey area
   *[other] { $grey_areas } grey areas
}, { $evidence ->
    [one] one piece of evidence
   *[other] { $evidence } pieces of evidence
}
status-unsaved = Unsaved changes
dismiss = Dismiss
cancel = Cancel

unsaved-title = Save your changes?
unsaved-body = “{ $file }” has changes that are not saved.
unsaved-save = Save
unsaved-discard = Don't save

shortcuts-title = Keyboard shortcuts

notice-saved = Saved { $file }
notice-comments = { $count ->
    [one] This file has a hand-written comment; saving will remove it.
   *[other] This file has { $count } hand-written comments; saving will remove them.
}
notice-select-two = Select two touchpoints (Shift+click) to mark the grey area between them.
notice-drop-needs-evidence = Select a piece of evidence first, then drop the image on the window.
notice-attach-save-first = Save the journey first: attachments are stored next to the journey file.
notice-attach-outside = { $file } is outside the journey's folder. Copy it into that folder (or a subfolder) and attach it from there.
notice-attach-missing = { $file } cannot be read.
grey-area-named = Grey area: { $title } ({ $severity })

## Exports (in the journey's own language).

export-persona = Persona
export-scenario = Scenario
export-key-insights = Key insights
insight-grey = { $number }. { $title } ({ $severity }, { $stage })
insight-low = Lowest moment: { $title } ({ $score }, { $stage })
export-legend-channels = Channels
export-legend-emotion = Emotion
export-legend-grey-areas = Grey areas
export-references = References
export-legend-markers = Markers
export-legend-assumption = No evidence yet: an assumption
export-legend-lowest = Lowest point of the emotion curve
export-legend-evidence = Evidence lane: each touchpoint's strongest quote and its metrics; (inferred) and (assumed) mark weaker evidence
cmd-export-png = Export…
cmd-export-png-tip = Export the map as PNG, SVG or PDF: the map, a poster on paper, or slides
cmd-export-svg = Export SVG…
cmd-export-svg-tip = Export the whole map as an SVG vector picture
export-scale = Scale
export-collapse-empty-stages = Narrow empty stages
export-transparent = Transparent background
export-hint = The whole map with a header and a legend, in the journey's language.
export-choose-file = Choose file…
notice-exported = Exported { $file }
notice-fit-wall = The whole timeline would be too small to read in this window: showing the wall instead (Ctrl+Shift+W for the timeline).
notice-fit-readable = Zoomed out as far as card titles stay readable: the map goes on to the sides (Ctrl+- zooms out further).

## Never lose work.

notice-autosave-failed = Autosave failed: { $error }
notice-autosave-works = Autosave works again: unsaved changes are in the recovery folder.
status-autosave-off = Autosave is not working: save with Ctrl+S
recovery-title = Restore unsaved work?
recovery-body = journeymap closed without saving these journeys. Their last autosaved state can be restored.
recovery-when = { $minutes ->
    [0] Autosaved less than a minute before it closed
    [one] Autosaved one minute ago
   *[other] Autosaved { $minutes } minutes ago
}
recovery-window-open = { $minutes ->
    [0] Its window had been open less than a minute
    [one] Its window had been open one minute
   *[other] Its window had been open { $minutes } minutes
}
recovery-holds = It holds: { $names }
recovery-names-more = { $names } and { $count } more
recovery-changes = Compared with the file: { $summary }.
changes-header = title, persona or scenario
changes-stages = stage names or notes
changes-none = no differences
changes-kind = { $kind }: { $added } added, { $removed } removed, { $changed } changed
kinds-touchpoints = Touchpoints
kinds-grey-areas = Grey areas
kinds-evidence = Evidence
kinds-opportunities = Opportunities
kinds-channels = Channels
kinds-departments = Departments
kinds-curves = Curves
notice-open-elsewhere = { $file } is also open in another journeymap window. Both can edit it and each keeps its own recovery; saving in one makes the other ask. Esc or Enter dismisses this.
recovery-restore = Restore
recovery-discard = Discard
overwrite-title = The file changed on disk
overwrite-body = “{ $file }” was changed by someone or something else since you opened it. Saving now replaces those changes with yours.
overwrite-save = Save mine over it
outside-title = The file changed on disk
outside-body = “{ $file }” was changed outside journeymap (a git pull, another editor). You have unsaved changes.
outside-unreadable = “{ $file }” was changed outside journeymap and no longer loads:
outside-changes = Yours compared with theirs: { $summary }.
outside-reload = Reload theirs
outside-keep = Keep mine
outside-show = See what changed
outside-reloaded = Reloaded “{ $file }”: it changed on disk.
outside-deleted-title = The file is gone
outside-deleted-body = “{ $file }” was deleted or moved. Your journey is still open; Save writes it back.

## Semantic diff (markdown, in the journey's language).

diff-title = { $count ->
    [0] No changes to the journey
    [one] One change to the journey
   *[other] { $count } changes to the journey
}
diff-section-journey = Journey
diff-section-touchpoints = Touchpoints
diff-section-grey-areas = Grey areas
diff-section-evidence = Evidence
diff-section-opportunities = Opportunities
diff-section-catalogue = Channels and departments
diff-section-curves = Curves
diff-added = Added { $id } “{ $name }”
diff-removed = Removed { $id } “{ $name }”
diff-moved = Moved { $id } “{ $name }” from { $from } to { $to }
diff-reordered = Reordered { $id } “{ $name }” within { $stage }
diff-reordered-list = Reordered { $id } “{ $name }”
diff-edited = Changed { $id } “{ $name }”
diff-resolved = Resolved { $id } “{ $name }”

## Workshop mode.

cmd-presentation = Presentation mode
cmd-presentation-tip = Full screen, panels hidden, large type for a projector
cmd-presentation-dark = Presentation mode, dark
cmd-presentation-dark-tip = Presentation mode with light text on black, for washed-out projectors
cmd-start-entry = Start typing cards
cmd-start-entry-tip = Start a new card in the current stage and type its title
cmd-open-card = Edit the selected card
cmd-open-card-tip = Type over the selected card's title
cmd-next-card = Next card
cmd-next-card-tip = Select the next card in the journey
cmd-previous-card = Previous card
cmd-previous-card-tip = Select the previous card in the journey
cmd-next-stage = Next stage
cmd-next-stage-tip = Select the first card of the next stage
cmd-previous-stage = Previous stage
cmd-previous-stage-tip = Select the first card of the previous stage
cmd-focus-next-stage = Focus the next stage
cmd-focus-next-stage-tip = Zoom to fit the next stage
cmd-focus-previous-stage = Focus the previous stage
cmd-focus-previous-stage-tip = Zoom to fit the previous stage
cmd-move-next-stage = Move card to the next stage
cmd-move-next-stage-tip = Move the selected card to the end of the next stage
cmd-move-previous-stage = Move card to the previous stage
cmd-move-previous-stage-tip = Move the selected card to the end of the previous stage
cmd-emotion-very-negative = Emotion −2
cmd-emotion-very-negative-tip = Very negative
cmd-emotion-negative = Emotion −1
cmd-emotion-negative-tip = Negative
cmd-emotion-neutral = Emotion 0
cmd-emotion-neutral-tip = Neutral
cmd-emotion-positive = Emotion +1
cmd-emotion-positive-tip = Positive
cmd-emotion-very-positive = Emotion +2
cmd-emotion-very-positive-tip = Very positive
cmd-grey-with-next = Mark grey area with the next card
cmd-grey-with-next-tip = Mark the handoff between the selected card and the next one
cmd-collapse-empty-stages = Collapse empty stages
cmd-collapse-empty-stages-tip = Draw stages without touchpoints narrow (again to widen them)
cmd-evidence-lane = Evidence lane
cmd-evidence-lane-tip = Show under the cards each touchpoint's strongest quote and its metrics (exports always show it)
cmd-spotlight = Spotlight the next grey area
cmd-spotlight-tip = Go to the next grey area, most severe first, and dim the rest
cmd-filter-no-evidence = Highlight cards without evidence
cmd-filter-no-evidence-tip = Dim every card that has evidence
cmd-filter-channel = Highlight by channel
cmd-filter-channel-tip = Highlight one channel at a time; press again for the next
cmd-filter-department = Highlight by department
cmd-filter-department-tip = Highlight one department at a time; press again for the next
cmd-clear-filter = Clear highlight
cmd-clear-filter-tip = Show every card again
cmd-pan-left = Pan left
cmd-pan-left-tip = Move the view left
cmd-pan-right = Pan right
cmd-pan-right-tip = Move the view right
cmd-pan-up = Pan up
cmd-pan-up-tip = Move the view up
cmd-pan-down = Pan down
cmd-pan-down-tip = Move the view down
cmd-entry-next = Keep the card, type the next
cmd-entry-next-tip = While typing cards: keep this one and start the next in the same stage
cmd-entry-next-stage = Keep the card, next stage
cmd-entry-next-stage-tip = While typing cards: keep this one and start the next in the next stage
cmd-entry-stop = Stop typing cards
cmd-entry-stop-tip = While typing cards: keep this one and stop (an empty card is removed)
cmd-into-blueprint = Into the blueprint
cmd-into-blueprint-tip = From the selected card to the first step of the blueprint that serves it
cmd-out-of-blueprint = Back to the card
cmd-out-of-blueprint-tip = From the selected step to the card it serves; from a grey area to where it starts
cmd-grey-area-here = Go to the grey area here
cmd-grey-area-here-tip = Select the grey area at the selected card or step (then Left and Right go through the grey areas)
cmd-link-evidence = Link evidence…
cmd-link-evidence-tip = Link an evidence item to the selected card, step or grey area, from a list you walk with the arrows
cmd-move-later = Move one place later
cmd-move-later-tip = Move the selected card or step one place later within its stage
cmd-move-earlier = Move one place earlier
cmd-move-earlier-tip = Move the selected card or step one place earlier within its stage
link-evidence-title = Link evidence to “{ $name }”
link-evidence-hint = Up and Down choose, Enter links, Esc closes.
link-evidence-none = Every evidence item is already linked here.
entry-label = New card in { $stage }
entry-hint = Enter: next card · Tab: next stage · Alt+1…5: emotion · Esc: done
presentation-hint = { $stage } · N: new card · arrows: move · 1…5: emotion · G: grey area · S: spotlight · F1: shortcuts · F11: exit

## A journey file that cannot be opened
load-failed-title = Cannot open “{ $file }”
load-failed-body = The file is not a valid journey. Fix it in a text editor (or resolve the merge conflict); journeymap opens it by itself as soon as it loads. Nothing is saved while this view is shown.
load-failed-at = line { $line }, column { $column }:
load-failed-reload = Reload
load-failed-back = Back to “{ $file }”
load-failed-watching = Watching the file for changes…
load-failed-window = { $file } (cannot open)

## The app's own file picker (when the system has no file dialog)
notice-builtin-picker = No system file dialog ({ $reason }): using journeymap’s own. Install zenity or xdg-desktop-portal-gtk for the system one.
picker-title-open = Open journey
picker-title-save = Save journey as
picker-title-image = Attach image
picker-title-export = Export to file
picker-folder = Folder
picker-up = Up
picker-file-name = File name
picker-open = Open
picker-save = Save
picker-empty = No folders or files of this kind here.
picker-no-name = Type or pick a file name.
picker-not-found = “{ $file }” is not a file in this folder.
picker-replace = “{ $file }” already exists: click again to replace it.
channel-kind-of = Kind of { $channel }
colour-of = Colour of { $name }
attachment-remove-named = Remove attachment { $file }

## The picture of a change (journeymap diff -o change.png)
change-title = Change to { $title }
change-summary = { $added } added · { $changed } changed · { $removed } removed
change-key-added = Added: green outline, +
change-key-changed = Changed: orange outline, ~
change-key-removed = Removed: listed below
change-removed-item = Removed { $kind } { $id } “{ $name }”
change-added-item = Added { $kind } { $id } “{ $name }”
change-changed-item = Changed { $kind } { $id } “{ $name }”
change-more = …and { $count } more
diff-picture = Picture of the change
element-touchpoints = touchpoint
element-grey-areas = grey area
element-evidence = evidence
element-opportunities = opportunity
element-channels = channel
element-departments = department
element-curves = curve

## Resolving a merge conflict in the app
resolve-open = Resolve { $count ->
    [one] the conflict
   *[other] { $count } conflicts
} here…
resolve-title = { $count ->
    [one] One difference
   *[other] { $count } differences
} to resolve in “{ $file }”
resolve-body = For each one keep our side ({ $ours }), their side ({ $theirs }), or type a new text. The result is checked before it opens; then save it.
resolve-header = The journey
resolve-keep = Keep { $side }
resolve-edit = Type a new text:
resolve-deleted = (deleted)
resolve-empty = (empty)
resolve-apply = Use these choices
resolve-cancel = Back to the errors
resolve-done = Conflicts resolved. Check the map, then save (Ctrl+S) to write the file without markers.
resolve-field-stages = Stage notes
resolve-field-from = From touchpoint
resolve-field-to = To touchpoint
resolve-field-target = Attached to
resolve-field-name = Name
resolve-field-colour = Colour
resolve-ours = ours
resolve-theirs = theirs

## A grey area's callout on the map
callout-fix = Fix: { $fix }
callout-owner = Owner: { $owner }
callout-between = { $from } → { $to }
field-too-large = This field holds { $megabytes } MB of text: too large to edit here. The map shows its start.
field-shorten = Shorten to the first { $count } characters
load-failed-count = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
load-failed-more = … and { $count } more: `journeymap check { $file }` lists them all.
notice-more-lines = { $count ->
    [one] { $text } (+1 more line)
   *[other] { $text } (+{ $count } more lines)
}
attachment-loading = Loading the picture…
attachment-timed-out = The picture took too long to read (over 10 s); it is not shown.
opening-file = Opening “{ $file }”… ({ $seconds } s)
cmd-toggle-journey-panel = Journey panel
cmd-toggle-journey-panel-tip = Hide or show the journey panel on the left
cmd-toggle-inspector = Inspector
cmd-toggle-inspector-tip = Hide or show the inspector on the right
cmd-toggle-panels = Hide both panels
cmd-toggle-panels-tip = Give the map the whole window (again to bring both panels back)

cmd-wall-layout = Wall layout
cmd-wall-layout-tip = Six stage columns that fit the window, cards stacked within each (again for the timeline); remembered for this file
layout-timeline = Timeline
layout-wall = Wall
slides-grey-areas-ranked = Grey areas, most severe first
slides-no-grey-areas = No grey areas marked yet.
slides-lowest = Lowest moments
slides-action-grey = { $stage }: { $number }. { $title } ({ $severity })
slides-action-low = { $stage }: { $title }, the lowest moment ({ $score })
slides-stages-together = { $first } to { $last }
slides-continued = { $stage } ({ $page }/{ $pages })
export-format = Format
export-layout = Layout
export-layout-auto = Whichever fits best
export-page = Page
export-page-none = The map's own size
export-tiles = Several sheets when one cannot hold the type at its floor
export-portrait = Portrait
export-slides = Slides (16:9): an overview and a page per stage
export-poster-hint = On paper: margins, title block and legend; PNG at 150 dpi times the scale.
page-size-a4 = A4
page-size-a3 = A3
page-size-a2 = A2
page-size-a1 = A1
page-size-a0 = A0
page-size-letter = Letter
page-size-tabloid = Tabloid
export-title = Export

cmd-find = Find…
cmd-find-tip = Find text in any field of any element and step through the matches
cmd-outline = Outline
cmd-outline-tip = The map as headings and lists beside the canvas: stages, cards with their facts, grey areas
cmd-interface-larger = Larger interface
cmd-interface-larger-tip = Every word and control of the interface a quarter larger, up to 200 % (the map keeps its zoom)
cmd-interface-smaller = Smaller interface
cmd-interface-smaller-tip = Every word and control of the interface a quarter smaller, down to 100 %
outline-empty = The map has no cards yet.
find-label = Find
find-hint = Text in any title, note, evidence or grey area
find-previous = Previous
find-next = Next
find-close = Close
find-count = { $current } of { $total }
find-total = { $total ->
    [one] 1 match
   *[other] { $total } matches
}
find-none = No matches
find-more = … and { $count } more
find-journey = Journey
mermaid-customer = Customer

state-planned = Planned journey
state-actual = Actual journey
grey-kind-ad-hoc = Ad hoc touchpoint
deviation-ad-hoc = Ad hoc
deviation-missing = Missing
deviation-failing = Failed
deviation-out-of-order = Out of order
field-deviation = Deviation from the plan
field-planned-after = Planned after
export-legend-planned-path = The planned path (ad hoc cards hang below it)
export-legend-deviations = Planned vs actual
export-data-hint = The journey's data for other tools: CSV one row per touchpoint, JSON as the file holds it, Mermaid a journey diagram (Markdown: fenced for a README).
field-curves = Extra curves
add-curve = Add curve
new-curve = New curve
curve-lowest = Lowest: { $title }
curve-highest = Highest: { $title }
curve-name = Name of curve { $id }
curve-score = { $curve }: { $score }
curve-no-score = { $curve }: no score
curve-show = Show { $curve }
cmd-new-from-template = New from template…
cmd-new-from-template-tip = Start from one of six common journeys, in the interface's language
templates-title = New from template
templates-hint = A starting map with a persona, touchpoints in every stage and the usual grey areas. Its evidence is marked as assumptions to check in research.

## The table view and the paste review
cmd-table-view = Table
cmd-table-view-tip = The journey as a spreadsheet, in place of the map: type, Tab, Enter; paste rows from a sheet (again for the map); remembered for this file
cmd-import = Import…
cmd-import-tip = A spreadsheet (CSV or TSV) into this journey or a new one, or a Mermaid diagram or a JSON journey as a new journey
picker-title-import = Import a sheet, a diagram or a JSON journey
import-failed = Could not import { $file }: { $error }
edit-table-cell = edit cell
edit-paste = paste
edit-import = import
yes = yes
no = no
table = Table
table-touchpoints = Touchpoints
table-evidence = Evidence
table-grey-areas = Grey areas
table-opportunities = Opportunities
table-keys = Type or Enter to edit · Tab, arrows to move · Ctrl+Enter new row · Ctrl+V paste rows · Alt+↑↓ move rows · Delete
table-read-only = This column is worked out from other fields; edit those instead.
table-paste-touchpoints-only = Rows from a sheet go into the Touchpoints tab; here, paste one value into the selected cells.
table-new-entry = New entry: “{ $name }”
table-no-evidence = no evidence
table-sources = { $count ->
    [one] 1 source
   *[other] { $count } sources
}
table-not-a-choice = “{ $value }” is none of this column's choices
table-not-a-number = “{ $value }” is not a number
col-id = Id
col-actor-kind = Actor kind
col-stage = Stage
col-stage-label = Stage label
col-position = Position
col-title = Title
col-channel = Channel
col-department = Department
col-doing = Doing
col-thinking = Thinking
col-expectation = Expectation
col-emotion = Emotion score
col-word = Emotion word
col-key-moment = Moment of truth
col-deviation = Deviation
col-pain-points = Pain points
col-opportunities = Opportunities
col-opportunity-owners = Opportunity owners
col-opportunity-statuses = Opportunity statuses
col-expected-effects = Expected effects
col-evidence = Evidence
col-evidence-text = Evidence text
col-kind = Kind
col-text = Text
col-source = Source
col-date = Date
col-confidence = Confidence
col-metric = Metric
col-value = Value
col-linked = Cited by
col-from = From
col-to = To
col-severity = Severity
col-status = Status
col-experience = Experience
col-fix = Fix
col-owner = Owner
col-target = On
col-idea = Idea
col-effect = Expected effect
paste-title = Paste rows
paste-title-import = Import { $file }
paste-error = Line { $line }: { $message }
paste-nothing-changed = Nothing was changed.
paste-adds = { $kind ->
    [steps] { $count ->
        [one] Adds 1 step
       *[other] Adds { $count } steps
    }
    [evidence] { $count ->
        [one] Adds 1 piece of evidence
       *[other] Adds { $count } pieces of evidence
    }
    [grey-areas] { $count ->
        [one] Adds 1 grey area
       *[other] Adds { $count } grey areas
    }
    [opportunities] { $count ->
        [one] Adds 1 opportunity
       *[other] Adds { $count } opportunities
    }
   *[touchpoints] { $count ->
        [one] Adds 1 touchpoint
       *[other] Adds { $count } touchpoints
    }
}
paste-updates = { $kind ->
    [steps] { $count ->
        [one] Updates 1 step
       *[other] Updates { $count } steps
    }
    [evidence] { $count ->
        [one] Updates 1 piece of evidence
       *[other] Updates { $count } pieces of evidence
    }
    [grey-areas] { $count ->
        [one] Updates 1 grey area
       *[other] Updates { $count } grey areas
    }
    [opportunities] { $count ->
        [one] Updates 1 opportunity
       *[other] Updates { $count } opportunities
    }
   *[touchpoints] { $count ->
        [one] Updates 1 touchpoint
       *[other] Updates { $count } touchpoints
    }
}
paste-clears = { $count ->
    [one] Empties 1 field (its cell is empty in the sheet):
   *[other] Empties { $count } fields (their cells are empty in the sheet):
}
delete-confirm-title = Delete { $what }?
delete-confirm-many = { $count } elements
delete-confirm-body = { $count ->
    [one] This refers to it:
   *[other] These { $count } refer to it:
}
delete-repoint = Move them to the one beside it
delete-repoint-onto = Move them to { $onto }
delete-them-too = Delete them too
delete-no-neighbour = Nothing beside it in its stage and lane to move them to.
edit-refused-stale = { $count ->
    [0] Not applied: the map changed too much since; try again.
    [one] Not applied: { $names } was changed meanwhile. Nothing else changed; look at it and try again.
   *[other] Not applied: { $names } were changed meanwhile. Nothing else changed; look at them and try again.
}
paste-more = …and { $count } more
paste-matches = Names matched to the catalogues (choose another if it is wrong)
paste-new-entry = New entry
paste-apply = Apply (Enter)
paste-or-new = Or start a new journey from this sheet:
paste-new-journey = New journey

## The service blueprint (steps, actors, the three lines)
lane-frontstage = Frontstage
lane-backstage = Backstage
lane-support = Support processes
blueprint-lane-frontstage = Frontstage
blueprint-lane-backstage = Backstage
blueprint-lane-support = Support
blueprint-line-interaction = Line of interaction
blueprint-line-visibility = Line of visibility
blueprint-line-internal = Line of internal interaction
actor-kind-customer = Customer
actor-kind-staff = Staff
actor-kind-system = System
actor-kind-partner = Partner
time-unit-min = min
time-unit-h = h
time-unit-d = d
time-unit-w = w
grey-kind-actor-handoff = Handoff between actors
kinds-steps = Steps
kinds-actors = Actors
element-steps = step
element-actors = actor
diff-section-steps = Steps
diff-section-actors = Actors
field-lane = Layer
field-actor = Actor
field-serves = Serves
field-duration = Duration
field-time-standard = Time standard
field-after = After
field-wait = Wait
field-fail-rate = Fail rate (%)
field-phase = Phase
field-fail-point = Fail point
field-physical-evidence = Physical evidence
card-physical-evidence = Physical evidence: { $text }
step-duration-standard = { $duration } (standard { $standard })
step-wait = Waits { $wait }
flow-elapsed = Elapsed { $elapsed }
flow-elapsed-waiting = Elapsed { $elapsed }, { $waiting } of it waiting
flow-without-duration = { $count ->
    [one] ; one step has no duration
   *[other] ; { $count } steps have no duration
}
flow-total = Along the flow
step-fail-rate = fails { $rate }
step-standard-only = Standard { $standard }
new-step-title = New step
add-step-to = Add a { $lane } step to { $stage }
edit-add-step = add step
edit-step = edit step
edit-actor = edit actor
cmd-blueprint-lanes = Blueprint lanes
cmd-blueprint-lanes-tip = Show the service blueprint's frontstage, backstage and support lanes under the touchpoints (when the map has steps)
cmd-add-step = Add step below
cmd-add-step-tip = Add a frontstage step under the selected touchpoint, serving it
inspector-step = Step
inspector-actors = Actors
actor-add = Add actor
actor-new-name = New actor
step-no-actor = (no actor)
step-serves-none = Serves no touchpoint yet
step-serves-add = Serves…
duration-hint = 30 min, 2 h, 1 d, 1 w
notice-bad-duration = Not a duration: write a number and a unit (min, h, d, w), as “30 min” or “2 d”
delete-step = Delete step
table-steps = Steps
col-lane = Layer
col-actor = Actor
col-serves = Serves
col-duration = Duration
col-time-standard = Time standard
col-fail-point = Fail point
col-description = Description
mermaid-steps-left-out = { $count ->
    [one] 1 blueprint step is left out: a Mermaid journey has no service blueprint
   *[other] { $count } blueprint steps are left out: a Mermaid journey has no service blueprint
}
slides-blueprint = { $stage }: service blueprint
html-grey-areas = { $count ->
    [one] 1 grey area
   *[other] { $count } grey areas
}
html-close = Close
html-fit = Fit
html-curves = Extra curves
history-title = History
history-commit = Commit
history-date = Date
history-author = Author
history-subject = Subject
history-grey-open = Grey areas open
history-grey-resolved = Grey areas resolved
history-mean-emotion = Mean emotion
history-unreadable = (does not read)
history-commits = { $count ->
    [one] 1 commit
   *[other] { $count } commits
}
blame-not-committed = (not committed yet)
report-title = Journey portfolio
report-summary = { $journeys ->
    [one] 1 journey
   *[other] { $journeys } journeys
}, { $greys ->
    [one] 1 grey area
   *[other] { $greys } grey areas
}
report-failed = Files not in the report
report-file = File
report-error = First error
report-grey-areas = Grey areas, most severe first
report-number = No.
report-journey = Journey
report-open-for = Open for
report-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}
report-seams = Seams: where journeys break
report-seam = Name
report-open = Open
report-opportunities = Open opportunities by owner
report-no-owner = (no owner)
report-lows = Emotion lows
report-evidence = Evidence health
report-no-evidence = Without evidence
report-weak-evidence = Only inferred or assumed
report-stale = Evidence older than { $age }
report-journeys = The journeys
field-value = Value (1–5)
field-effort = Effort (1–5)
col-value-rating = Value
col-effort = Effort
report-matrix = Value and effort of open opportunities
report-matrix-none = No open opportunity is rated for value and effort yet.
add-row-needs-touchpoint = Add a touchpoint first: a grey area or an opportunity stands on one.
grey-entry-label = Grey area: { $between }
grey-entry-hint = Tab: next field · ← →: change a kind or severity · Enter or Esc: done
new-empty = An empty map
new-empty-hint = Nothing on it and no channels or departments yet: type your own as they come.
new-with-catalogue = An empty map with common channels and departments
new-with-catalogue-hint = Store, web shop, app, email, phone…; marketing, sales, service…: rename or delete what does not fit.
phase-none = (no phase)
field-phases = Phases
phase-numbered = Phase { $number }
fail-rate-known = known
edit-phase = edit phases
poster-made-with = Made with journeymap { $version }
poster-commit = commit { $commit }
poster-commit-changed = commit { $commit } with changes
poster-sheet = Sheet { $n } of { $count } · row { $row }, column { $column }
poster-left-out-evidence = Left out: the evidence lane
poster-left-out-evidence-and-doing = Left out: the evidence lane, doing and thinking
poster-left-out-nothing = Nothing left out
html-outline = The map as text
html-stages = Stages
outline-cards = { $count ->
    [one] 1 card
   *[other] { $count } cards
}
outline-curve = Emotion along the stage: { $scores }

# What a screen reader says of an element on the canvas.
spoken-touchpoint = Touchpoint { $n } of { $count } in { $stage }: { $title }.
spoken-channel = Channel { $channel }.
spoken-department = Department { $department }.
spoken-emotion = Emotion { $score }, { $word }.
spoken-pains = { $count ->
    [one] 1 pain point.
   *[other] { $count } pain points.
}
spoken-opportunities = { $count ->
    [one] 1 opportunity.
   *[other] { $count } opportunities.
}
spoken-evidence = { $count ->
    [0] No evidence yet.
    [one] Evidence: 1 source.
   *[other] Evidence: { $count } sources.
}
spoken-in-grey-area = In grey area { $number }, { $severity }.
spoken-step = Step { $n } of { $count } in { $stage }, { $lane }: { $title }.
spoken-actor = Actor { $actor }.
spoken-fail-point = Fail point.
spoken-grey-area = Grey area { $number }, { $severity }, { $kind }: { $title }. From { $from } to { $to }.
spoken-fix = Fix: { $fix }.
spoken-owner = Owner: { $owner }.

## Event logs (`conform`): the evidence written on the map and the report's words.
log-metric-reach = reach
log-metric-p50 = wait p50
log-metric-p90 = wait p90
log-metric-over-standard = over standard
log-metric-drop = drop-off
log-metric-wait-ratio = wait ratio
log-evidence-source = event log { $log } (SHA-256 { $sha }), { $first } to { $last }, { $cases } cases
log-evidence-text = { $log }: { $reached } of { $cases } cases ({ $share } %) reached this; since the previous step of the case, a median wait of { $p50 } (90 % within { $p90 }).
conform-title = { $map }: the map against { $log }
conform-summary = { $cases } cases and { $events } events, { $first } to { $last }. Conformant { $conformant }, deviating { $deviating }, dropped { $dropped }, in flight { $flight }.
conform-funnel = Cases by stage
conform-funnel-note = { $dropped } dropped, { $flight } in flight
conform-deviations = Deviations from the plan
conform-deviation = Deviation
conform-cases = Cases
conform-share = Share
conform-elements = Touchpoints and steps
conform-element = Element
conform-stage = Stage
conform-p50 = Wait (median)
conform-p90 = Wait (90 %)
conform-over-standard = Over standard
conform-unmapped = Activities the map does not have
conform-activity = Activity
conform-events = Events
data-reached = { $share } % reached
data-lost = −{ $share } %
cmd-import-log = Import event log…
cmd-import-log-tip = Measure the map against an event log (CSV or XES): review which activity is which card or step, then put reach and waiting on the map as evidence
cmd-data-view = Data
cmd-data-view-tip = Show on each card the share of the log's cases that reached it, and the cases lost between stages (from an event log put on the map)
picker-title-log = Import an event log (CSV or XES)
log-measuring = Measuring { $file }…
log-review-title = Event log: { $file }
log-review-summary = { $cases } cases and { $events } events, { $first } to { $last }: conformant { $conformant }, deviating { $deviating }, dropped { $dropped }, in flight { $flight }.
log-review-mapping = Which activity is which element
log-review-activity = Activity
log-review-events = Events
log-review-element = Element
log-review-not-in-map = — not in the map —
log-review-remeasure = Measure again
log-review-apply = Put on the map
log-review-apply-tip = One evidence item per card and step measured (reach and waiting), replacing this log's earlier ones; one undo step
log-review-unchanged = The map already holds these numbers.
log-failed = { $file } could not be measured: { $error }
edit-import-log = Put an event log on the map
kinds-votes = Vote rounds
diff-section-votes = Vote rounds
element-votes = vote round
field-question = Question
field-participants = Participants
field-counts = Votes
votes-badge = { $count } votes
report-votes = What the rooms voted for (latest round of each journey)
room-failed = That did not work; try again.
room-sent = Sent. Thank you!
room-waiting = Waiting for the facilitator to open a vote. You can add notes meanwhile.
room-vote = Vote
room-left = Votes left: { $n }
room-seconds = { $n } s left
room-less = One vote less
room-more = One vote more
room-total = Total: { $n }
room-closed = The room is closed. Thank you for taking part!
room-pin = The room's PIN
room-join = Join
room-note = Add a note
room-stage = Stage
room-kind = What it is
room-kind-pain = A pain point
room-kind-idea = An idea
room-kind-quote = A quote
room-kind-touchpoint = A new touchpoint
room-text = Your note
room-send = Send
menu-workshop = Workshop
cmd-open-room = Open the room…
cmd-open-room-tip = Let the room take part from their phones on this network: notes to the stages and dot votes, no account, no internet
room-title = The room
room-join-at = Join on a phone at
room-pin-is = PIN { $pin }
room-participants = { $count ->
    [one] One participant
   *[other] { $count } participants
}
room-vote-setup = A dot vote
room-vote-on = Vote on
room-ballot-grey-areas = Grey areas
room-ballot-opportunities = Opportunities
room-ballot-touchpoints = Touchpoints
room-budget = Votes per person
room-cap = At most per item
room-timer = Timer (0: none)
room-start-vote = Start the vote
room-vote-running = Voting
room-finished = { $finished } of { $count } have used all their votes
room-seconds-left = { $n } s left
room-reveal = Reveal the results
room-close = Close the room
room-inbox = Notes from the room ({ $count })
room-no-card = (no card in this stage)
room-accept = Accept
room-accept-tip = A pain point or an idea on the card chosen, a quote as evidence from the workshop, or a new card; one undo step
room-discard = Discard
room-failed-to-open = The room could not open: { $error }
edit-room-votes = The room's votes
edit-room-note = A note from the room
recovery-room-notes = { $count ->
    [one] One note from the room not yet accepted
   *[other] { $count } notes from the room not yet accepted
}
room-ballot-selection = What is selected on the map
