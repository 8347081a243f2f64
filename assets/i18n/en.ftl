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
