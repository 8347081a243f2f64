## Vocabulario: los archivos guardan las claves; las personas leen esto.

stage-awareness = Conciencia
stage-interest = Interés
stage-consideration = Consideración
stage-action = Acción
stage-usage = Uso
stage-advocacy = Abogacía

state-current = Estado actual
state-future = Estado futuro

language-en = English
language-es = Español

channel-kind-store = Tienda
channel-kind-web = Web
channel-kind-mobile-app = App móvil
channel-kind-email = Correo electrónico
channel-kind-phone = Teléfono / contact center
channel-kind-chat = Chat
channel-kind-social = Redes sociales
channel-kind-partner = Socio
channel-kind-other = Otro

evidence-kind-quote = Cita
evidence-kind-metric = Métrica
evidence-kind-observation = Observación
evidence-kind-survey = Encuesta
evidence-kind-interview = Entrevista
evidence-kind-analytics = Analítica
evidence-kind-social = Redes sociales
evidence-kind-complaint = Reclamo
evidence-kind-photo = Foto o archivo

confidence-observed = Observada
confidence-inferred = Inferida
confidence-assumed = Supuesta

grey-kind-department-handoff = Traspaso entre áreas
grey-kind-channel-switch = Cambio de canal
grey-kind-system-gap = Brecha entre sistemas
grey-kind-inconsistent-message = Mensaje incoherente
grey-kind-missing-touchpoint = Punto de contacto ausente
grey-kind-failing-touchpoint = Punto de contacto fallido
grey-kind-out-of-order-step = Paso fuera de orden
grey-kind-other = Otro

severity-low = Baja
severity-medium = Media
severity-high = Alta
severity-critical = Crítica

grey-status-open = Abierta
grey-status-mitigating = En mitigación
grey-status-resolved = Resuelta

opportunity-status-idea = Idea
opportunity-status-testing = En prueba
opportunity-status-validated = Validada
opportunity-status-dropped = Descartada

metric-nps = NPS
metric-csat = CSAT
metric-ces = CES
metric-isat = ISAT
metric-ir = Intención de recompra (IR)
metric-if = Índice de fidelidad (IF)
metric-custom = Personalizada

emotion-score--2 = Muy negativa
emotion-score--1 = Negativa
emotion-score-0 = Neutral
emotion-score-1 = Positiva
emotion-score-2 = Muy positiva
