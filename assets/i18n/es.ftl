## Vocabulario: los archivos guardan las claves; las personas leen esto.

stage-awareness = Descubrimiento
stage-interest = Interés
stage-consideration = Consideración
stage-action = Acción
stage-usage = Uso
stage-advocacy = Recomendación

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
channel-kind-partner = Aliado o tercero
channel-kind-other = Otro

evidence-kind-quote = Cita textual
evidence-kind-metric = Métrica
evidence-kind-observation = Observación
evidence-kind-survey = Encuesta
evidence-kind-interview = Entrevista
evidence-kind-analytics = Analítica
evidence-kind-social = Redes sociales
evidence-kind-complaint = Queja o reclamo
evidence-kind-photo = Foto o archivo

confidence-observed = Observación directa
confidence-inferred = Inferencia
confidence-assumed = Supuesto

grey-kind-department-handoff = Traspaso entre áreas
grey-kind-channel-switch = Cambio de canal
grey-kind-system-gap = Brecha entre sistemas
grey-kind-inconsistent-message = Mensajes contradictorios
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
emotion-score-0 = Neutra
emotion-score-1 = Positiva
emotion-score-2 = Muy positiva

lane-cards = Puntos de contacto
lane-physical-evidence = Evidencia física
lane-evidence = Evidencia
lane-doing = Qué hace y qué piensa
lane-emotion = Emoción
lane-pains = Puntos de dolor y oportunidades
lane-departments = Área
lane-grey-areas = Zonas grises

## Comandos: nombre y luego descripción.

cmd-new = Nuevo viaje
cmd-new-tip = Empezar un viaje vacío con los canales y áreas predeterminados
cmd-open = Abrir…
cmd-open-tip = Abrir un archivo de viaje (.ron)
cmd-save = Guardar
cmd-save-tip = Guardar el viaje en su archivo
cmd-save-as = Guardar como…
cmd-save-as-tip = Guardar el viaje en un archivo nuevo
cmd-quit = Salir
cmd-quit-tip = Cerrar journeymap
cmd-undo = Deshacer
cmd-undo-tip = Deshacer el último cambio
cmd-undo-named = Deshacer: { $what }
cmd-redo = Rehacer
cmd-redo-tip = Rehacer el cambio deshecho
cmd-redo-named = Rehacer: { $what }
cmd-add-touchpoint = Añadir punto de contacto
cmd-add-touchpoint-tip = Añadir un punto de contacto a la etapa actual
cmd-delete = Eliminar
cmd-delete-tip = Eliminar la selección
cmd-mark-grey-area = Marcar zona gris
cmd-mark-grey-area-tip = Marcar como zona gris el traspaso entre los dos puntos de contacto seleccionados
cmd-zoom-in = Acercar
cmd-zoom-in-tip = Ampliar el mapa
cmd-zoom-out = Alejar
cmd-zoom-out-tip = Reducir el mapa
cmd-zoom-fit = Ajustar a la ventana
cmd-zoom-fit-tip = Mostrar el mapa completo
cmd-shortcuts = Atajos de teclado
cmd-shortcuts-tip = Mostrar todos los atajos de teclado

## Cómo se llama cada paso de deshacer («Deshacer: mover punto de contacto»).

edit-add-touchpoint = añadir punto de contacto
edit-touchpoint = editar punto de contacto
edit-move-touchpoint = mover punto de contacto
edit-move-step = mover paso
edit-add-row = añadir fila
edit-move-row = mover fila
edit-delete = eliminar
edit-add-evidence = añadir evidencia
edit-evidence = editar evidencia
edit-link-evidence = vincular evidencia
edit-unlink-evidence = desvincular evidencia
edit-attach = adjuntar archivo
edit-mark-grey-area = marcar zona gris
edit-grey-area = editar zona gris
edit-add-opportunity = añadir oportunidad
edit-opportunity = editar oportunidad
edit-header = editar datos del viaje
edit-catalogue = editar canales y áreas

## Menús y paneles.

menu-file = Archivo
menu-edit = Editar
menu-view = Ver
menu-lanes = Franjas
menu-panels = Paneles
menu-interface-size = Tamaño de la interfaz
menu-presentation = Presentación
menu-highlight = Resaltar
menu-language = Idioma
menu-recent = Abrir reciente
menu-catalogue = Canales, áreas y curvas…

section-journey = Viaje
section-stages = Notas por etapa
section-grey-areas = Zonas grises
section-catalogue = Canales y áreas

inspector-title = Inspector
inspector-empty = Selecciona un punto de contacto, una zona gris o una evidencia para editarla. Mayús+clic en dos puntos de contacto y luego «Marcar zona gris».
inspector-touchpoint = Punto de contacto
inspector-evidence = Evidencia
inspector-grey-area = Zona gris
inspector-opportunity = Oportunidad

field-title = Título
field-stage = Etapa
field-channel = Canal
field-department = Área
field-action = Qué hace el cliente
field-thought = Qué piensa el cliente
field-expectation = Qué espera el cliente
field-description = Descripción
field-emotion = Emoción
field-emotion-word = Emoción en una palabra
field-key-moment = Momento de la verdad
field-key-moment-tip = Un punto de contacto que decide la relación
field-pain-points = Puntos de dolor
field-evidence = Evidencia
field-opportunities = Oportunidades
field-kind = Tipo
field-evidence-text = Cita, hallazgo o nota
field-source = Fuente
field-date = Fecha (AAAA-MM-DD)
field-confidence = Confianza
metric-of = { $value } de { $top }
metric-on = { $value } en { $low } a { $high }
metric-add = Añadir una métrica
metric-remove-named = Quitar la métrica { $metric }
field-metric = Métrica
field-metric-label = Nombre de la métrica
field-metric-value = Valor
field-sample-size = Tamaño de la muestra
field-metric-scale = Escala
field-attachments = Fotos y archivos
field-grey-kind = Tipo de ruptura
field-severity = Gravedad
field-status = Estado
field-experience = Qué vive el cliente
field-fix = Solución propuesta
field-owner = Responsable
field-departments = Áreas
field-channels = Canales
field-idea = Idea
field-expected-effect = Efecto esperado
field-journey-title = Título del viaje
field-persona = Persona o segmento
field-persona-description = Quién es
field-scenario = Escenario
field-state = Estado del viaje
field-journey-language = Idioma del mapa
field-goals = Objetivos
field-needs = Necesidades
field-expectations = Expectativas
field-stage-label = Nombre en el mapa
field-stage-goal = Objetivo
field-stage-doing = Qué hace
field-stage-thinking = Qué piensa
field-stage-feeling = Qué siente

emotion-none = Sin puntuación
none = Ninguno
untitled = Sin título
untitled-journey = Viaje sin título
new-touchpoint = Nuevo punto de contacto
new-opportunity = Nueva oportunidad
new-channel = Nuevo canal
new-department = Nueva área
card-expects = Espera: { $text }
card-evidence = { $count ->
    [one] 1 fuente
   *[other] { $count } fuentes
}
tag-assumption = sin evidencia aún
tag-weak = evidencia débil
date-invalid = Usa la forma AAAA-MM-DD o AAAA-MM.

add-touchpoint-to = Añadir punto de contacto a { $stage }
add-item = Añadir a { $list }
remove-item = Quitar { $item }
add-opportunity = Añadir oportunidad
add-channel = Añadir canal
add-department = Añadir área
delete-touchpoint = Eliminar punto de contacto
delete-evidence = Eliminar evidencia
delete-grey-area = Eliminar zona gris
delete-opportunity = Eliminar oportunidad
delete-named = Eliminar { $name }
channel-name = Nombre del canal { $id }
department-name = Nombre del área { $id }
opportunity-for = Para: { $target }

evidence-none = Aún sin evidencia: este punto de contacto es un supuesto.
evidence-link = Vincular evidencia
evidence-new = Nueva evidencia
evidence-unlink = Desvincular { $id }
attachment-add = Adjuntar imagen…
attachment-remove = Quitar adjunto
attachment-drop-hint = O suelta una imagen sobre la ventana.

grey-areas-none = Aún no hay zonas grises.
grey-dismiss = No es zona gris
grey-dismiss-tip = Quitar este traspaso de la lista, para todos los que abran el viaje
edit-dismiss-suggestion = descartar una sugerencia
grey-mark = Marcar
grey-suggestions = { $count ->
    [one] Un traspaso sugerido
   *[other] { $count } traspasos sugeridos
}
grey-suggestion-mark = Marcar como zona gris el traspaso de «{ $from }» a «{ $to }»

status-counts = { $touchpoints ->
    [one] Un punto de contacto
   *[other] { $touchpoints } puntos de contacto
}, { $grey_areas ->
    [one] una zona gris
   *[other] { $grey_areas } zonas grises
}, { $evidence ->
    [one] una evidencia
   *[other] { $evidence } evidencias
}
status-unsaved = Cambios sin guardar
dismiss = Cerrar
cancel = Cancelar

unsaved-title = ¿Guardar los cambios?
unsaved-body = «{ $file }» tiene cambios sin guardar.
unsaved-save = Guardar
unsaved-discard = No guardar

shortcuts-title = Atajos de teclado

notice-saved = Guardado { $file }
notice-comments = { $count ->
    [one] Este archivo tiene un comentario escrito a mano; al guardar se eliminará.
   *[other] Este archivo tiene { $count } comentarios escritos a mano; al guardar se eliminarán.
}
notice-select-two = Selecciona dos puntos de contacto (Mayús+clic) para marcar la zona gris entre ellos.
notice-drop-needs-evidence = Selecciona primero una evidencia y luego suelta la imagen sobre la ventana.
notice-attach-save-first = Guarda primero el viaje: los adjuntos se guardan junto al archivo del viaje.
notice-attach-outside = { $file } está fuera de la carpeta del viaje. Cópialo en esa carpeta (o una subcarpeta) y adjúntalo desde allí.
notice-attach-missing = No se puede leer { $file }.
grey-area-named = Zona gris: { $title } ({ $severity })

## Exportaciones (en el idioma del propio viaje).

export-persona = Persona
export-scenario = Escenario
export-key-insights = Hallazgos clave
insight-grey = { $number }. { $title } ({ $severity }, { $stage })
insight-low = Momento más bajo: { $title } ({ $score }, { $stage })
export-legend-channels = Canales
export-legend-emotion = Emoción
export-legend-grey-areas = Zonas grises
export-references = Referencias
export-legend-markers = Marcadores
export-legend-assumption = Aún sin evidencia: un supuesto
export-legend-lowest = Punto más bajo de la curva emocional
export-legend-evidence = Franja de evidencias: la cita textual más sólida y las métricas de cada punto de contacto; (inferencia) y (supuesto) marcan evidencias más débiles
cmd-export-png = Exportar…
cmd-export-png-tip = Exportar el mapa como PNG, SVG o PDF: el mapa, un póster en papel o diapositivas
cmd-export-svg = Exportar SVG…
cmd-export-svg-tip = Exportar el mapa completo como imagen vectorial SVG
export-scale = Escala
export-collapse-empty-stages = Contraer etapas vacías
export-transparent = Fondo transparente
export-hint = El mapa completo con encabezado y leyenda, en el idioma del viaje.
export-choose-file = Elegir archivo…
notice-exported = Exportado { $file }
notice-fit-wall = La línea de tiempo entera no se leería en esta ventana: se muestra el muro (Ctrl+Mayús+W para volver a la línea de tiempo).
notice-fit-readable = Alejado hasta donde los títulos de las tarjetas se leen: el mapa sigue a los lados (Ctrl+- aleja más).

## No perder nunca el trabajo.

notice-autosave-failed = Falló el guardado automático: { $error }
notice-autosave-works = El guardado automático vuelve a funcionar: los cambios sin guardar están en la carpeta de recuperación.
status-autosave-off = El guardado automático no funciona: guarda con Ctrl+S
recovery-title = ¿Recuperar el trabajo sin guardar?
recovery-body = journeymap se cerró sin guardar estos viajes. Se puede recuperar su último estado guardado automáticamente.
recovery-when = { $minutes ->
    [0] Guardado automáticamente menos de un minuto antes del cierre
    [one] Guardado automáticamente hace un minuto
   *[other] Guardado automáticamente hace { $minutes } minutos
}
recovery-window-open = { $minutes ->
    [0] Su ventana llevaba abierta menos de un minuto
    [one] Su ventana llevaba abierta un minuto
   *[other] Su ventana llevaba abierta { $minutes } minutos
}
recovery-holds = Contiene: { $names }
recovery-names-more = { $names } y { $count } más
recovery-changes = Respecto del archivo: { $summary }.
changes-header = título, persona o escenario
changes-stages = nombres o notas de etapas
changes-none = sin diferencias
changes-kind = { $kind }: altas { $added }, bajas { $removed }, cambios { $changed }
kinds-touchpoints = Puntos de contacto
kinds-grey-areas = Zonas grises
kinds-evidence = Evidencias
kinds-opportunities = Oportunidades
kinds-channels = Canales
kinds-departments = Departamentos
kinds-curves = Curvas
notice-open-elsewhere = «{ $file }» también está abierto en otra ventana de journeymap. Ambas pueden editarlo y cada una guarda su propia recuperación; al guardar en una, la otra preguntará. Esc o Intro cierra este aviso.
recovery-restore = Recuperar
recovery-discard = Descartar
overwrite-title = El archivo cambió en el disco
overwrite-body = «{ $file }» fue modificado por otra persona o programa desde que lo abriste. Si guardas ahora, tus cambios reemplazarán los suyos.
overwrite-save = Sobrescribir con mi versión
outside-title = El archivo cambió en el disco
outside-body = «{ $file }» cambió fuera de journeymap (un git pull, otro editor). Tienes cambios sin guardar.
outside-unreadable = «{ $file }» cambió fuera de journeymap y ya no se puede cargar:
outside-changes = Tu versión respecto de la suya: { $summary }.
outside-reload = Cargar la suya
outside-keep = Mantener la mía
outside-show = Ver qué cambió
outside-reloaded = Se recargó «{ $file }»: cambió en el disco.
outside-deleted-title = El archivo ya no está
outside-deleted-body = «{ $file }» fue eliminado o movido. Tu viaje sigue abierto; Guardar lo vuelve a escribir.

## Diff semántico (markdown, en el idioma del viaje).

diff-title = { $count ->
    [0] Sin cambios en el viaje
    [one] Un cambio en el viaje
   *[other] { $count } cambios en el viaje
}
diff-section-journey = Viaje
diff-section-touchpoints = Puntos de contacto
diff-section-grey-areas = Zonas grises
diff-section-evidence = Evidencia
diff-section-opportunities = Oportunidades
diff-section-catalogue = Canales y áreas
diff-section-curves = Curvas
diff-added = Se añadió { $id } «{ $name }»
diff-removed = Se eliminó { $id } «{ $name }»
diff-moved = Movido { $id } «{ $name }» de { $from } a { $to }
diff-reordered = Reordenado { $id } «{ $name }» dentro de { $stage }
diff-reordered-list = Reordenado { $id } «{ $name }»
diff-edited = Se modificó { $id } «{ $name }»
diff-resolved = Resuelta { $id } «{ $name }»

## Modo taller.

cmd-presentation = Modo presentación
cmd-presentation-tip = Pantalla completa, sin paneles, letra grande para el proyector
cmd-presentation-dark = Modo presentación oscuro
cmd-presentation-dark-tip = Modo presentación con texto claro sobre negro, para proyectores con poco contraste
cmd-start-entry = Escribir tarjetas
cmd-start-entry-tip = Crear una tarjeta en la etapa actual y escribir su título
cmd-open-card = Editar la tarjeta seleccionada
cmd-open-card-tip = Escribir sobre el título de la tarjeta seleccionada
cmd-next-card = Tarjeta siguiente
cmd-next-card-tip = Seleccionar la tarjeta siguiente del viaje
cmd-previous-card = Tarjeta anterior
cmd-previous-card-tip = Seleccionar la tarjeta anterior del viaje
cmd-next-stage = Etapa siguiente
cmd-next-stage-tip = Seleccionar la primera tarjeta de la etapa siguiente
cmd-previous-stage = Etapa anterior
cmd-previous-stage-tip = Seleccionar la primera tarjeta de la etapa anterior
cmd-focus-next-stage = Enfocar la etapa siguiente
cmd-focus-next-stage-tip = Ajustar la vista a la etapa siguiente
cmd-focus-previous-stage = Enfocar la etapa anterior
cmd-focus-previous-stage-tip = Ajustar la vista a la etapa anterior
cmd-move-next-stage = Mover la tarjeta a la etapa siguiente
cmd-move-next-stage-tip = Mover la tarjeta seleccionada al final de la etapa siguiente
cmd-move-previous-stage = Mover la tarjeta a la etapa anterior
cmd-move-previous-stage-tip = Mover la tarjeta seleccionada al final de la etapa anterior
cmd-emotion-very-negative = Emoción −2
cmd-emotion-very-negative-tip = Muy negativa
cmd-emotion-negative = Emoción −1
cmd-emotion-negative-tip = Negativa
cmd-emotion-neutral = Emoción 0
cmd-emotion-neutral-tip = Neutra
cmd-emotion-positive = Emoción +1
cmd-emotion-positive-tip = Positiva
cmd-emotion-very-positive = Emoción +2
cmd-emotion-very-positive-tip = Muy positiva
cmd-grey-with-next = Marcar zona gris con la tarjeta siguiente
cmd-grey-with-next-tip = Marcar el traspaso entre la tarjeta seleccionada y la siguiente
cmd-collapse-empty-stages = Contraer etapas vacías
cmd-collapse-empty-stages-tip = Dibujar estrechas las etapas sin puntos de contacto (otra vez para ensancharlas)
cmd-evidence-lane = Franja de evidencias
cmd-evidence-lane-tip = Mostrar bajo las tarjetas la cita textual más sólida y las métricas de cada punto de contacto (las exportaciones siempre la muestran)
cmd-spotlight = Destacar la zona gris siguiente
cmd-spotlight-tip = Ir a la zona gris siguiente, de mayor a menor gravedad, y atenuar el resto
cmd-filter-no-evidence = Destacar tarjetas sin evidencia
cmd-filter-no-evidence-tip = Atenuar todas las tarjetas que tienen evidencia
cmd-filter-channel = Destacar por canal
cmd-filter-channel-tip = Destacar un canal cada vez; otra vez para el siguiente
cmd-filter-department = Destacar por área
cmd-filter-department-tip = Destacar un área cada vez; otra vez para la siguiente
cmd-clear-filter = Quitar el destacado
cmd-clear-filter-tip = Volver a mostrar todas las tarjetas
cmd-pan-left = Desplazar a la izquierda
cmd-pan-left-tip = Mover la vista a la izquierda
cmd-pan-right = Desplazar a la derecha
cmd-pan-right-tip = Mover la vista a la derecha
cmd-pan-up = Desplazar hacia arriba
cmd-pan-up-tip = Mover la vista hacia arriba
cmd-pan-down = Desplazar hacia abajo
cmd-pan-down-tip = Mover la vista hacia abajo
cmd-entry-next = Guardar la tarjeta y escribir la siguiente
cmd-entry-next-tip = Al escribir tarjetas: guardar esta y empezar la siguiente en la misma etapa
cmd-entry-next-stage = Guardar la tarjeta y pasar de etapa
cmd-entry-next-stage-tip = Al escribir tarjetas: guardar esta y empezar la siguiente en la etapa siguiente
cmd-entry-stop = Dejar de escribir tarjetas
cmd-entry-stop-tip = Al escribir tarjetas: guardar esta y terminar (una tarjeta vacía se elimina)
cmd-into-blueprint = Al blueprint
cmd-into-blueprint-tip = De la tarjeta seleccionada al primer paso del blueprint que la sostiene
cmd-out-of-blueprint = Volver a la tarjeta
cmd-out-of-blueprint-tip = Del paso seleccionado a la tarjeta que sostiene; de una zona gris a donde empieza
cmd-grey-area-here = Ir a la zona gris de aquí
cmd-grey-area-here-tip = Seleccionar la zona gris de la tarjeta o el paso seleccionado (luego Izquierda y Derecha recorren las zonas grises)
cmd-link-evidence = Vincular evidencia…
cmd-link-evidence-tip = Vincular una evidencia a la tarjeta, el paso o la zona gris seleccionada, desde una lista que se recorre con las flechas
cmd-move-later = Mover un lugar después
cmd-move-later-tip = Mover la tarjeta o el paso seleccionado un lugar después dentro de su etapa
cmd-move-earlier = Mover un lugar antes
cmd-move-earlier-tip = Mover la tarjeta o el paso seleccionado un lugar antes dentro de su etapa
link-evidence-title = Vincular evidencia a «{ $name }»
link-evidence-hint = Arriba y Abajo eligen, Intro vincula, Esc cierra.
link-evidence-none = Todas las evidencias ya están vinculadas aquí.
entry-label = Nueva tarjeta en { $stage }
entry-hint = Intro: siguiente tarjeta · Tab: etapa siguiente · Alt+1…5: emoción · Esc: terminar
presentation-hint = { $stage } · N: nueva tarjeta · flechas: moverse · 1…5: emoción · G: zona gris · S: destacar · F1: atajos · F11: salir

## A journey file that cannot be opened
load-failed-title = No se puede abrir «{ $file }»
load-failed-body = El archivo no es un viaje válido. Corrígelo en un editor de texto (o resuelve el conflicto de fusión); journeymap lo abre solo en cuanto cargue. No se guarda nada mientras se muestra esta vista.
load-failed-at = línea { $line }, columna { $column }:
load-failed-reload = Recargar
load-failed-back = Volver a «{ $file }»
load-failed-watching = Vigilando los cambios del archivo…
load-failed-window = { $file } (no se puede abrir)

## The app's own file picker (when the system has no file dialog)
notice-builtin-picker = No hay diálogo de archivos del sistema ({ $reason }): se usa el de journeymap. Instala zenity o xdg-desktop-portal-gtk para el del sistema.
picker-title-open = Abrir viaje
picker-title-save = Guardar viaje como
picker-title-image = Adjuntar imagen
picker-title-export = Exportar a archivo
picker-folder = Carpeta
picker-up = Subir
picker-file-name = Nombre del archivo
picker-open = Abrir
picker-save = Guardar
picker-empty = No hay carpetas ni archivos de este tipo aquí.
picker-no-name = Escribe o elige un nombre de archivo.
picker-not-found = «{ $file }» no es un archivo de esta carpeta.
picker-replace = «{ $file }» ya existe: pulsa otra vez para reemplazarlo.
channel-kind-of = Tipo de { $channel }
colour-of = Color de { $name }
attachment-remove-named = Quitar el adjunto { $file }

## La imagen de un cambio (journeymap diff -o cambio.png)
change-title = Cambios en { $title }
change-summary = altas { $added } · cambios { $changed } · bajas { $removed }
change-key-added = Añadido: contorno verde, +
change-key-changed = Cambiado: contorno naranja, ~
change-key-removed = Eliminado: en la lista de abajo
change-removed-item = Se eliminó: { $kind } { $id } «{ $name }»
change-added-item = Se añadió: { $kind } { $id } «{ $name }»
change-changed-item = Se modificó: { $kind } { $id } «{ $name }»
change-more = …y { $count } más
diff-picture = Imagen del cambio
element-touchpoints = punto de contacto
element-grey-areas = zona gris
element-evidence = evidencia
element-opportunities = oportunidad
element-channels = canal
element-departments = área
element-curves = curva

## Resolver un conflicto de fusión en la aplicación
resolve-open = Resolver { $count ->
    [one] el conflicto
   *[other] { $count } conflictos
} aquí…
resolve-title = { $count ->
    [one] Una diferencia
   *[other] { $count } diferencias
} por resolver en «{ $file }»
resolve-body = En cada una conserva nuestra versión ({ $ours }), la otra versión ({ $theirs }) o escribe un texto nuevo. El resultado se comprueba antes de abrirse; después guárdalo.
resolve-header = El viaje
resolve-keep = Conservar { $side }
resolve-edit = Escribir un texto nuevo:
resolve-deleted = (eliminado)
resolve-empty = (vacío)
resolve-apply = Usar estas elecciones
resolve-cancel = Volver a los errores
resolve-done = Conflictos resueltos. Revisa el mapa y guarda (Ctrl+S) para escribir el archivo sin marcas.
resolve-field-stages = Notas de las etapas
resolve-field-from = Desde el punto de contacto
resolve-field-to = Hasta el punto de contacto
resolve-field-target = Asociada a
resolve-field-name = Nombre
resolve-field-colour = Color
resolve-ours = el nuestro
resolve-theirs = el suyo

## El recuadro de una zona gris en el mapa
callout-fix = Solución: { $fix }
callout-owner = Responsable: { $owner }
callout-between = { $from } → { $to }
field-too-large = Este campo tiene { $megabytes } MB de texto: demasiado para editarlo aquí. El mapa muestra su comienzo.
field-shorten = Acortar a los primeros { $count } caracteres
load-failed-count = { $count ->
    [one] 1 error
   *[other] { $count } errores
}
load-failed-more = … y { $count } más: `journeymap check { $file }` los lista todos.
notice-more-lines = { $count ->
    [one] { $text } (+1 línea más)
   *[other] { $text } (+{ $count } líneas más)
}
attachment-loading = Cargando la imagen…
attachment-timed-out = La imagen tardó demasiado en leerse (más de 10 s); no se muestra.
opening-file = Abriendo «{ $file }»… ({ $seconds } s)
cmd-toggle-journey-panel = Panel del viaje
cmd-toggle-journey-panel-tip = Oculta o muestra el panel del viaje a la izquierda
cmd-toggle-inspector = Inspector
cmd-toggle-inspector-tip = Oculta o muestra el inspector a la derecha
cmd-toggle-panels = Ocultar ambos paneles
cmd-toggle-panels-tip = Da al mapa toda la ventana (otra vez para recuperar ambos paneles)

cmd-wall-layout = Vista de muro
cmd-wall-layout-tip = Seis columnas de etapa que caben en la ventana, con las tarjetas apiladas en cada una (otra vez para la línea de tiempo); se recuerda para este archivo
layout-timeline = Línea de tiempo
layout-wall = Muro
slides-grey-areas-ranked = Zonas grises, de la más grave a la menos
slides-no-grey-areas = Aún no hay zonas grises marcadas.
slides-lowest = Los momentos más bajos
slides-action-grey = { $stage }: { $number }. { $title } ({ $severity })
slides-action-low = { $stage }: { $title }, el momento más bajo ({ $score })
slides-stages-together = De { $first } a { $last }
slides-continued = { $stage } ({ $page }/{ $pages })
export-format = Formato
export-layout = Disposición
export-layout-auto = La que mejor quepa
export-page = Página
export-page-none = El tamaño propio del mapa
export-tiles = Varias hojas si una no basta para el tamaño mínimo de letra
export-portrait = Vertical
export-slides = Diapositivas (16:9): un resumen y una página por etapa
export-poster-hint = En papel: márgenes, bloque de título y leyenda; PNG a 150 ppp por la escala.
page-size-a4 = A4
page-size-a3 = A3
page-size-a2 = A2
page-size-a1 = A1
page-size-a0 = A0
page-size-letter = Carta
page-size-tabloid = Tabloide
export-title = Exportar

cmd-find = Buscar…
cmd-find-tip = Busca texto en cualquier campo de cualquier elemento y recorre los resultados
cmd-outline = Esquema
cmd-outline-tip = El mapa como títulos y listas junto al lienzo: etapas, tarjetas con sus datos, zonas grises
cmd-interface-larger = Interfaz más grande
cmd-interface-larger-tip = Cada palabra y control de la interfaz un cuarto más grande, hasta el 200 % (el mapa conserva su zoom)
cmd-interface-smaller = Interfaz más pequeña
cmd-interface-smaller-tip = Cada palabra y control de la interfaz un cuarto más pequeño, hasta el 100 %
outline-empty = El mapa aún no tiene tarjetas.
find-label = Buscar
find-hint = Texto en cualquier título, nota, evidencia o zona gris
find-previous = Anterior
find-next = Siguiente
find-close = Cerrar
find-count = { $current } de { $total }
find-total = { $total ->
    [one] 1 resultado
   *[other] { $total } resultados
}
find-none = Sin resultados
find-more = … y { $count } más
find-journey = Viaje
mermaid-customer = Cliente

state-planned = Viaje planificado
state-actual = Viaje real
grey-kind-ad-hoc = Punto de contacto improvisado
deviation-ad-hoc = No previsto
deviation-missing = Ausente
deviation-failing = Fallido
deviation-out-of-order = Fuera de secuencia
field-deviation = Desviación del plan
field-planned-after = En el plan, va después de
export-legend-planned-path = El recorrido planificado (las tarjetas ad hoc cuelgan debajo)
export-legend-deviations = Planificado frente a real
export-data-hint = Los datos del viaje para otras herramientas: CSV una fila por punto de contacto, JSON tal como los guarda el archivo, Mermaid un diagrama de viaje (Markdown: en un bloque para un README).
field-curves = Curvas adicionales
add-curve = Añadir curva
new-curve = Curva nueva
curve-lowest = Lo peor: { $title }
curve-highest = Lo mejor: { $title }
curve-name = Nombre de la curva { $id }
curve-score = { $curve }: { $score }
curve-no-score = { $curve }: sin puntuación
curve-show = Mostrar { $curve }
cmd-new-from-template = Nuevo desde plantilla…
cmd-new-from-template-tip = Empieza desde uno de seis viajes habituales, en el idioma de la interfaz
templates-title = Nuevo desde plantilla
templates-hint = Un mapa de partida con persona, puntos de contacto en todas las etapas y las zonas grises habituales. Su evidencia está marcada como supuestos por validar con investigación.

## La vista de tabla y la revisión al pegar
cmd-table-view = Tabla
cmd-table-view-tip = El recorrido como hoja de cálculo, en lugar del mapa: escribe, Tab, Intro; pega filas de una hoja (otra vez para el mapa); se recuerda para este archivo
cmd-import = Importar…
cmd-import-tip = Una hoja de cálculo (CSV o TSV) en este recorrido o en uno nuevo, o un diagrama Mermaid o un recorrido JSON como recorrido nuevo
picker-title-import = Importar una hoja, un diagrama o un recorrido JSON
import-failed = No se pudo importar { $file }: { $error }
edit-table-cell = editar celda
edit-paste = pegar
edit-import = importar
yes = sí
no = no
table = Tabla
table-touchpoints = Puntos de contacto
table-evidence = Evidencias
table-grey-areas = Zonas grises
table-opportunities = Oportunidades
table-keys = Escribe o Intro para editar · Tab, flechas para moverte · Ctrl+Intro fila nueva · Ctrl+V pegar filas · Alt+↑↓ mover filas · Supr
table-read-only = Esta columna se calcula a partir de otros campos; edita esos.
table-paste-touchpoints-only = Las filas de una hoja van en la pestaña Puntos de contacto; aquí, pega un valor en las celdas seleccionadas.
table-new-entry = Entrada nueva: «{ $name }»
table-no-evidence = sin evidencias
table-sources = { $count ->
    [one] 1 fuente
   *[other] { $count } fuentes
}
table-not-a-choice = «{ $value }» no es ninguna de las opciones de esta columna
table-not-a-number = «{ $value }» no es un número
col-id = Id
col-actor-kind = Tipo de actor
col-stage = Etapa
col-stage-label = Nombre de la etapa
col-position = Posición
col-title = Título
col-channel = Canal
col-department = Departamento
col-doing = Hace
col-thinking = Piensa
col-expectation = Expectativa
col-emotion = Puntuación emocional
col-word = Palabra emocional
col-key-moment = Momento de la verdad
col-deviation = Desviación
col-pain-points = Puntos de dolor
col-opportunities = Oportunidades
col-opportunity-owners = Responsables de las oportunidades
col-opportunity-statuses = Estados de las oportunidades
col-expected-effects = Efectos esperados
col-evidence = Evidencias
col-evidence-text = Texto de las evidencias
col-kind = Tipo
col-text = Texto
col-source = Fuente
col-date = Fecha
col-confidence = Confianza
col-metric = Métrica
col-value = Valor
col-linked = Citada en
col-from = Desde
col-to = Hasta
col-severity = Gravedad
col-status = Estado
col-experience = Experiencia
col-fix = Solución
col-owner = Responsable
col-target = Sobre
col-idea = Idea
col-effect = Efecto esperado
paste-title = Pegar filas
paste-title-import = Importar { $file }
paste-error = Línea { $line }: { $message }
paste-nothing-changed = No se ha cambiado nada.
paste-adds = { $kind ->
    [steps] { $count ->
        [one] Añade 1 paso
       *[other] Añade { $count } pasos
    }
    [evidence] { $count ->
        [one] Añade 1 evidencia
       *[other] Añade { $count } evidencias
    }
    [grey-areas] { $count ->
        [one] Añade 1 zona gris
       *[other] Añade { $count } zonas grises
    }
    [opportunities] { $count ->
        [one] Añade 1 oportunidad
       *[other] Añade { $count } oportunidades
    }
   *[touchpoints] { $count ->
        [one] Añade 1 punto de contacto
       *[other] Añade { $count } puntos de contacto
    }
}
paste-updates = { $kind ->
    [steps] { $count ->
        [one] Actualiza 1 paso
       *[other] Actualiza { $count } pasos
    }
    [evidence] { $count ->
        [one] Actualiza 1 evidencia
       *[other] Actualiza { $count } evidencias
    }
    [grey-areas] { $count ->
        [one] Actualiza 1 zona gris
       *[other] Actualiza { $count } zonas grises
    }
    [opportunities] { $count ->
        [one] Actualiza 1 oportunidad
       *[other] Actualiza { $count } oportunidades
    }
   *[touchpoints] { $count ->
        [one] Actualiza 1 punto de contacto
       *[other] Actualiza { $count } puntos de contacto
    }
}
paste-clears = { $count ->
    [one] Vacía 1 campo (su celda está vacía en la hoja):
   *[other] Vacía { $count } campos (sus celdas están vacías en la hoja):
}
delete-confirm-title = ¿Eliminar { $what }?
delete-confirm-many = { $count } elementos
delete-confirm-body = { $count ->
    [one] Esto hace referencia a él:
   *[other] Estos { $count } hacen referencia a él:
}
delete-repoint = Pasarlos al de al lado
delete-repoint-onto = Pasarlos a { $onto }
delete-them-too = Eliminarlos también
delete-no-neighbour = No hay nada a su lado en su etapa y su carril al que pasarlos.
edit-refused-stale = { $count ->
    [0] No se aplicó: el mapa cambió demasiado desde entonces; inténtalo de nuevo.
    [one] No se aplicó: { $names } cambió mientras tanto. Nada más cambió; revísalo y vuelve a intentarlo.
   *[other] No se aplicó: { $names } cambiaron mientras tanto. Nada más cambió; revísalos y vuelve a intentarlo.
}
paste-more = …y { $count } más
paste-matches = Nombres emparejados con los catálogos (elige otro si no es el correcto)
paste-new-entry = Entrada nueva
paste-apply = Aplicar (Intro)
paste-or-new = O empieza un recorrido nuevo con esta hoja:
paste-new-journey = Recorrido nuevo

## El blueprint de servicio (pasos, actores, las tres líneas)
lane-frontstage = Acciones en escena
lane-backstage = Tras bastidores
lane-support = Procesos de soporte
blueprint-lane-frontstage = En escena
blueprint-lane-backstage = Tras bastidores
blueprint-lane-support = Soporte
blueprint-line-interaction = Línea de interacción
blueprint-line-visibility = Línea de visibilidad
blueprint-line-internal = Línea de interacción interna
actor-kind-customer = Cliente
actor-kind-staff = Personal
actor-kind-system = Sistema
actor-kind-partner = Aliado o tercero
time-unit-min = min
time-unit-h = h
time-unit-d = d
time-unit-w = sem
grey-kind-actor-handoff = Traspaso entre actores
kinds-steps = Pasos
kinds-actors = Actores
element-steps = paso
element-actors = actor
diff-section-steps = Pasos
diff-section-actors = Actores
field-lane = Capa
field-actor = Actor
field-serves = Da soporte a
field-duration = Duración
field-time-standard = Tiempo estándar
field-after = Después de
field-wait = Espera
field-fail-rate = Tasa de fallo (%)
field-phase = Fase
field-fail-point = Punto de fallo
field-physical-evidence = Evidencia física
card-physical-evidence = Evidencia física: { $text }
step-duration-standard = { $duration } (estándar { $standard })
step-wait = Espera { $wait }
flow-elapsed = Transcurrido { $elapsed }
flow-elapsed-waiting = Transcurrido { $elapsed }, { $waiting } de espera
flow-without-duration = { $count ->
    [one] ; un paso no tiene duración
   *[other] ; { $count } pasos no tienen duración
}
flow-total = A lo largo del flujo
step-fail-rate = falla { $rate }
step-standard-only = Estándar { $standard }
new-step-title = Nuevo paso
add-step-to = Añadir un paso ({ $lane }) a { $stage }
edit-add-step = añadir paso
edit-step = editar paso
edit-actor = editar actor
cmd-blueprint-lanes = Franjas del blueprint
cmd-blueprint-lanes-tip = Mostrar bajo los puntos de contacto las franjas del blueprint de servicio: en escena, tras bastidores y soporte (si el mapa tiene pasos)
cmd-add-step = Añadir paso debajo
cmd-add-step-tip = Añadir un paso en escena bajo el punto de contacto seleccionado, que le da soporte
inspector-step = Paso
inspector-actors = Actores
actor-add = Añadir actor
actor-new-name = Nuevo actor
step-no-actor = (sin actor)
step-serves-none = Aún no da soporte a ningún punto de contacto
step-serves-add = Da soporte a…
duration-hint = 30 min, 2 h, 1 d, 1 w
notice-bad-duration = No es una duración: escribe un número y una unidad (min, h, d, w), como «30 min» o «2 d»
delete-step = Eliminar paso
table-steps = Pasos
col-lane = Capa
col-actor = Actor
col-serves = Da soporte a
col-duration = Duración
col-time-standard = Tiempo estándar
col-fail-point = Punto de fallo
col-description = Descripción
mermaid-steps-left-out = { $count ->
    [one] Se omite 1 paso del blueprint: un journey de Mermaid no tiene blueprint de servicio
   *[other] Se omiten { $count } pasos del blueprint: un journey de Mermaid no tiene blueprint de servicio
}
slides-blueprint = { $stage }: blueprint de servicio
html-grey-areas = { $count ->
    [one] 1 zona gris
   *[other] { $count } zonas grises
}
html-close = Cerrar
html-fit = Ajustar
html-curves = Curvas adicionales
history-title = Historial
history-commit = Commit
history-date = Fecha
history-author = Autor
history-subject = Asunto
history-grey-open = Zonas grises abiertas
history-grey-resolved = Zonas grises resueltas
history-mean-emotion = Emoción media
history-unreadable = (no se puede leer)
history-commits = { $count ->
    [one] 1 commit
   *[other] { $count } commits
}
blame-not-committed = (aún sin commit)
report-title = Cartera de viajes
report-summary = { $journeys ->
    [one] 1 viaje
   *[other] { $journeys } viajes
}, { $greys ->
    [one] 1 zona gris
   *[other] { $greys } zonas grises
}
report-failed = Archivos que no entran en el informe
report-file = Archivo
report-error = Primer error
report-grey-areas = Zonas grises, de la más grave a la menos
report-number = N.º
report-journey = Viaje
report-open-for = Abierta hace
report-days = { $count ->
    [one] 1 día
   *[other] { $count } días
}
report-seams = Costuras: dónde se rompen los viajes
report-seam = Nombre
report-open = Abiertas
report-opportunities = Oportunidades abiertas por responsable
report-no-owner = (sin responsable)
report-lows = Puntos más bajos de la emoción
report-evidence = Salud de la evidencia
report-no-evidence = Sin evidencia
report-weak-evidence = Solo inferencia o supuesto
report-stale = Evidencia de más de { $age }
report-journeys = Los viajes
field-value = Valor (1–5)
field-effort = Esfuerzo (1–5)
col-value-rating = Valor
col-effort = Esfuerzo
report-matrix = Valor y esfuerzo de las oportunidades abiertas
report-matrix-none = Ninguna oportunidad abierta tiene aún valor y esfuerzo.
add-row-needs-touchpoint = Añade antes un punto de contacto: una zona gris o una oportunidad se apoya en uno.
grey-entry-label = Zona gris: { $between }
grey-entry-hint = Tab: siguiente campo · ← →: cambiar el tipo o la gravedad · Intro o Esc: listo
new-empty = Un mapa vacío
new-empty-hint = Nada en él y todavía sin canales ni departamentos: escribe los tuyos según surjan.
new-with-catalogue = Un mapa vacío con canales y departamentos habituales
new-with-catalogue-hint = Tienda, web, app, correo, teléfono…; marketing, ventas, atención…: renombra o borra lo que no encaje.
phase-none = (sin fase)
field-phases = Fases
phase-numbered = Fase { $number }
fail-rate-known = conocida
edit-phase = editar fases
poster-made-with = Hecho con journeymap { $version }
poster-commit = commit { $commit }
poster-commit-changed = commit { $commit } con cambios
poster-sheet = Hoja { $n } de { $count } · fila { $row }, columna { $column }
poster-left-out-evidence = Sin el carril de evidencia
poster-left-out-evidence-and-doing = Sin el carril de evidencia ni el de qué hace y piensa
poster-left-out-nothing = Nada omitido
html-outline = El mapa en texto
html-stages = Etapas
outline-cards = { $count ->
    [one] 1 tarjeta
   *[other] { $count } tarjetas
}
outline-curve = Emoción a lo largo de la etapa: { $scores }

# What a screen reader says of an element on the canvas.
spoken-touchpoint = Punto de contacto { $n } de { $count } en { $stage }: { $title }.
spoken-channel = Canal { $channel }.
spoken-department = Área { $department }.
spoken-emotion = Emoción { $score }, { $word }.
spoken-pains = { $count ->
    [one] 1 punto de dolor.
   *[other] { $count } puntos de dolor.
}
spoken-opportunities = { $count ->
    [one] 1 oportunidad.
   *[other] { $count } oportunidades.
}
spoken-evidence = { $count ->
    [0] Aún sin evidencia.
    [one] Evidencia: 1 fuente.
   *[other] Evidencia: { $count } fuentes.
}
spoken-in-grey-area = En la zona gris { $number }, { $severity }.
spoken-step = Paso { $n } de { $count } en { $stage }, { $lane }: { $title }.
spoken-actor = Actor { $actor }.
spoken-fail-point = Punto de fallo.
spoken-grey-area = Zona gris { $number }, { $severity }, { $kind }: { $title }. De { $from } a { $to }.
spoken-fix = Solución: { $fix }.
spoken-owner = Responsable: { $owner }.

## Registros de eventos (`conform`): la evidencia escrita en el mapa y las palabras del informe.
log-metric-reach = alcance
log-metric-p50 = espera p50
log-metric-p90 = espera p90
log-metric-over-standard = sobre el estándar
log-metric-drop = abandono
log-metric-wait-ratio = espera relativa
log-evidence-source = registro de eventos { $log } (SHA-256 { $sha }), del { $first } al { $last }, { $cases } casos
log-evidence-text = { $log }: { $reached } de { $cases } casos ({ $share } %) llegaron aquí; desde el paso anterior del caso, una espera mediana de { $p50 } (el 90 % en { $p90 }).
conform-title = { $map }: el mapa frente a { $log }
conform-summary = { $cases } casos y { $events } eventos, del { $first } al { $last }. Conformes { $conformant }, con desviaciones { $deviating }, abandonados { $dropped }, en curso { $flight }.
conform-funnel = Casos por etapa
conform-funnel-note = { $dropped } abandonados, { $flight } en curso
conform-deviations = Desviaciones del plan
conform-deviation = Desviación
conform-cases = Casos
conform-share = Proporción
conform-elements = Puntos de contacto y pasos
conform-element = Elemento
conform-stage = Etapa
conform-p50 = Espera (mediana)
conform-p90 = Espera (90 %)
conform-over-standard = Sobre el estándar
conform-unmapped = Actividades que el mapa no tiene
conform-activity = Actividad
conform-events = Eventos
data-reached = llega el { $share } %
data-lost = −{ $share } %
cmd-import-log = Importar registro de eventos…
cmd-import-log-tip = Medir el mapa con un registro de eventos (CSV o XES): revisar qué actividad es cada tarjeta o paso y poner en el mapa el alcance y las esperas como evidencia
cmd-data-view = Datos
cmd-data-view-tip = Mostrar en cada tarjeta la proporción de casos del registro que llegó a ella, y los casos perdidos entre etapas (de un registro de eventos puesto en el mapa)
picker-title-log = Importar un registro de eventos (CSV o XES)
log-measuring = Midiendo { $file }…
log-review-title = Registro de eventos: { $file }
log-review-summary = { $cases } casos y { $events } eventos, del { $first } al { $last }: conformes { $conformant }, con desviaciones { $deviating }, abandonados { $dropped }, en curso { $flight }.
log-review-mapping = Qué actividad es cada elemento
log-review-activity = Actividad
log-review-events = Eventos
log-review-element = Elemento
log-review-not-in-map = — no está en el mapa —
log-review-remeasure = Medir de nuevo
log-review-apply = Poner en el mapa
log-review-apply-tip = Una evidencia por tarjeta y paso medidos (alcance y esperas), que sustituye las anteriores de este registro; un solo paso para deshacer
log-review-unchanged = El mapa ya tiene estas cifras.
log-failed = No se pudo medir { $file }: { $error }
edit-import-log = Poner un registro de eventos en el mapa
kinds-votes = Rondas de votación
diff-section-votes = Rondas de votación
element-votes = ronda de votación
field-question = Pregunta
field-participants = Participantes
field-counts = Votos
votes-badge = { $count } votos
report-votes = Lo que votaron las salas (última ronda de cada recorrido)
room-failed = No ha funcionado; inténtalo de nuevo.
room-sent = Enviado. ¡Gracias!
room-waiting = Esperando a que quien facilita abra una votación. Mientras, puedes añadir notas.
room-vote = Votar
room-left = Votos restantes: { $n }
room-seconds = Quedan { $n } s
room-less = Un voto menos
room-more = Un voto más
room-total = Total: { $n }
room-closed = La sala está cerrada. ¡Gracias por participar!
room-pin = El PIN de la sala
room-join = Entrar
room-note = Añadir una nota
room-stage = Etapa
room-kind = Qué es
room-kind-pain = Un punto de dolor
room-kind-idea = Una idea
room-kind-quote = Una cita
room-kind-touchpoint = Un punto de contacto nuevo
room-text = Tu nota
room-send = Enviar
menu-workshop = Taller
cmd-open-room = Abrir la sala…
cmd-open-room-tip = Que la sala participe desde sus móviles en esta red: notas a las etapas y votación por puntos, sin cuentas ni internet
room-title = La sala
room-join-at = Entra desde el móvil en
room-pin-is = PIN { $pin }
room-participants = { $count ->
    [one] Una persona participa
   *[other] { $count } personas participan
}
room-vote-setup = Una votación por puntos
room-vote-on = Votar sobre
room-ballot-grey-areas = Zonas grises
room-ballot-opportunities = Oportunidades
room-ballot-touchpoints = Puntos de contacto
room-budget = Votos por persona
room-cap = Máximo por elemento
room-timer = Temporizador (0: sin)
room-start-vote = Empezar la votación
room-vote-running = Votación en curso
room-finished = { $finished } de { $count } han usado todos sus votos
room-seconds-left = Quedan { $n } s
room-reveal = Mostrar los resultados
room-close = Cerrar la sala
room-inbox = Notas de la sala ({ $count })
room-no-card = (ninguna tarjeta en esta etapa)
room-accept = Aceptar
room-accept-tip = Un punto de dolor o una idea en la tarjeta elegida, una cita como evidencia del taller o una tarjeta nueva; un solo paso para deshacer
room-discard = Descartar
room-failed-to-open = No se pudo abrir la sala: { $error }
edit-room-votes = Los votos de la sala
edit-room-note = Una nota de la sala
recovery-room-notes = { $count ->
    [one] Una nota de la sala aún sin aceptar
   *[other] { $count } notas de la sala aún sin aceptar
}
room-ballot-selection = Lo seleccionado en el mapa
