# Public pages: the finding in one sentence, change over time, gaps that matter first

## The sentence above the map
story-sentence = { $total ->
    [one] De 1 departamento, { $list }.
   *[other] De los { $total } departamentos, { $list }.
}
story-list = { $rest } y { $last }
story-missing = { $n } { $n ->
    [one] no tiene plan
   *[other] no tienen plan
}
story-expired = { $n } { $n ->
    [one] tiene el plan vencido
   *[other] tienen el plan vencido
}
story-in-preparation = { $n } { $n ->
    [one] tiene un plan en elaboración
   *[other] tienen un plan en elaboración
}
story-reported = { $n } { $n ->
    [one] tiene un plan vigente que una fuente solo informa
   *[other] tienen un plan vigente que una fuente solo informa
}
story-verified = { $n } { $n ->
    [one] tiene un plan vigente verificado con el documento
   *[other] tienen un plan vigente verificado con el documento
}
story-unconfirmed = { $n } { $n ->
    [one] no tiene información confirmada
   *[other] no tienen información confirmada
}
story-credit = { $part }, según { $who }
story-credit-data = { $part }, con datos de { $who }
story-credit-source = { $author } ({ $date })
story-updated = Actualizado el { $date }
story-dates-label = Fechas de los datos

## Groups, in the timeline and its table
group-unconfirmed = Sin información confirmada

## The map's requirement switch
map-title-requirement = Mapa de Bolivia: { $requirement }, estado en cada departamento
legend-status-verified = { $status }, verificado
legend-status-reported = { $status }, solo informado
map-switch-label = Qué muestra el mapa

## "Show the state on …"
as-of-form-label = Ver el estado al
as-of-form-hint = dd/mm/aaaa, por ejemplo 31/12/2019.
as-of-refused = «{ $typed }» no es una fecha que podamos leer: escríbala como dd/mm/aaaa (31/12/2019) o aaaa-mm-dd. La página muestra el estado de hoy.
as-of-form-submit = Ver
as-of-form-today = Volver a hoy

## The compliance timeline
timeline-heading = El plan departamental en el tiempo
timeline-intro = Cuántos departamentos estaban en cada estado, según las fechas que describen las afirmaciones y cuándo se publicó cada fuente: lo mismo que muestra «Ver el estado al».
timeline-title = Departamentos por estado del plan departamental, de { $from } a { $to }
timeline-summary = { $from }: { $first }. { $to }: { $last }.
step-uncertain = { $date }, sin día preciso
timeline-table-summary = Ver los datos del gráfico en una tabla
timeline-table-caption = Departamentos por estado del plan, desde cada fecha en que cambió
timeline-col-from = Desde
timeline-empty = Todavía no hay afirmaciones con fecha para mostrar cambios en el tiempo.
timeline-count = { $n } { $label }
timeline-monthly = Con { $steps } cambios, el gráfico dibuja cada mes como estaba en su último día: un cambio deshecho dentro del mismo mes no se ve. La descarga de la tabla da cada cambio.
timeline-table-latest = La tabla muestra los { $shown } cambios más recientes de { $steps }.
timeline-download = Descargar la serie completa (CSV)
timeline-data-page = Todos los datos abiertos

## A department's status over time
strip-label = { $requirement } en el tiempo
strip-step = { $precision ->
    [month-end] a fines de { $date }
    [day] desde el { $date }
   *[period] desde { $date }, sin día preciso
}: { $status }
strip-monthly = Con { $steps } cambios, la franja muestra cada mes como estaba en su último día: un cambio deshecho dentro del mismo mes no se ve. Cada afirmación está en el historial de abajo y en los datos abiertos.
strip-words-summary = Leer la franja como texto
strip-empty = Todavía nadie afirmó nada sobre esto.
history-event-date = Fecha de lo descrito: { $date }
history-order-note = Ordenado por la fecha de lo que describe cada entrada, lo más reciente primero.

## Gaps that matter first
gaps-serious-none = Ninguna brecha crítica ni advertencia con estos filtros.
gaps-notices = { $n ->
    [one] 1 aviso
   *[other] { $n } avisos
}
gaps-department-count = { $n ->
    [one] 1 brecha
   *[other] { $n } brechas
}
gaps-csv = Descargar esta lista (CSV)

## The embed's credit
embed-credit = Vigía (datos: CC BY 4.0) · Límites: Natural Earth
