# Registro citable: enlaces permanentes completos, cómo citar, imágenes para compartir y
# descargas del mapa.

share-image-alt = Mapa de Bolivia coloreado según el estado del plan departamental contra la trata en cada departamento
map-image-date = Estado al { $date }
map-image-highlight = Destacado: { $department }
map-image-credit = Vigía, { $site }. Datos de Vigía bajo licencia CC BY 4.0.
map-sources = Fuentes: { $list }.
map-sources-non-commercial = Los hallazgos de InSight Crime están bajo sus condiciones de uso no comercial, no bajo CC BY 4.0.
map-download-heading = Descargar el mapa
map-download-intro = El mismo mapa como imagen, con título, fecha, leyenda y créditos, para informes y presentaciones.
map-download-label = Descargar mapa:
map-download-svg = SVG (vectorial)
map-download-png = PNG (1200 × 630)

cite-heading = Cómo citar
cite-intro = Copie la referencia o la entrada BibTeX con su botón «Copiar», o seleccione el texto del campo y cópielo.
cite-plain-label = Referencia
cite-bibtex-label = BibTeX
cite-department-title = { $department }: estado de los instrumentos departamentales contra la trata de personas
cite-entry-title = Registro n.º { $id } del historial público: { $what }
cite-plain = Vigía ({ $year }). { $title }. Actualizado el { $date }. { $url } (consultado el { $accessed }).
cite-bibtex-note = Consultado el { $accessed }

in-spanish = (en español)

entry-heading-record = Qué registra
entry-department = Departamento
entry-requirement = Instrumento
entry-status = Estado
entry-basis = Base
entry-event-date = Momento descrito
entry-status-since = Desde
entry-due-date = Fecha límite
entry-source-heading = Fuente
entry-source-author = Autor del hallazgo
entry-source-outlet = Medio que lo difundió
entry-source-title = Título
entry-source-published = Publicada
entry-source-link = Enlace
entry-documents-heading = Documentos
entry-no-documents = Esta afirmación no tiene documentos adjuntos.
entry-evidence-heading = Evidencia
entry-corrected = Una afirmación posterior corrigió esta; queda en el historial pero ya no cuenta.
entry-account-role = Rol de la cuenta: { $role }
entry-account-departments = Departamentos a cargo: { $departments }
entry-account-no-departments = Departamentos a cargo: ninguno
history-actor-console = la administración del servidor de Vigía (línea de comandos)
share-label = Compartir:
share-email = Correo
share-more = Más opciones…
