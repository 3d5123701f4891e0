# Alertas por correo y webhook: las páginas de suscripción, la de administración y los mensajes.

alerts-title = Alertas por correo o webhook
alerts-intro = Reciba un aviso cuando cambia el registro de un departamento: se abre o se cierra una brecha, se acerca un plazo, cambia un estado o un departamento responde. No hace falta una cuenta.
alerts-privacy = Su correo se usa solo para enviar estas alertas: nunca se publica, nunca está en los datos abiertos y se borra con su suscripción.
alerts-channel = Canal
alerts-channel-email = Correo
alerts-channel-webhook = Webhook
alerts-address = Correo o dirección del webhook
alerts-address-hint = Para correo: usted@ejemplo.org. Para un webhook: una dirección https:// que responda con un estado 2xx a la prueba firmada que enviamos ahora.
alerts-webhook-answer = Respuesta de su receptor: { $answer }
alerts-contact = Correo de contacto del webhook (opcional)
alerts-contact-hint = Solo webhooks: le escribimos si el webhook falla durante un día y lo pausamos.
alerts-submit = Suscribirse
alerts-how-webhooks = Para desarrolladores: cómo se firman los webhooks
alerts-how-webhooks-body = Cada envío es un POST en JSON firmado según la especificación Standard Webhooks, con las cabeceras webhook-id, webhook-timestamp y webhook-signature. El webhook-id es el mismo cuando un envío se reintenta, para que pueda descartar duplicados. Verifique la firma con el secreto que se muestra una sola vez al suscribirse; durante un cambio de secreto, los envíos llevan firmas con ambos secretos por 24 horas.
alerts-how-webhooks-schema = El esquema del cuerpo (WebhookPayload) en el documento OpenAPI
alerts-departments = Departamentos
alerts-all-departments = Todos: los nueve departamentos
alerts-some-departments = Solo los departamentos que marque:
alerts-departments-hint = Elija «todos» o marque los departamentos que quiere seguir. Si marca las dos cosas, le preguntaremos.
alerts-kinds = Qué avisar
alerts-severities = Brechas de estas gravedades
alerts-severities-hint = Para brechas nuevas y cerradas. Crítica: el departamento no cumple. Advertencia: un riesgo próximo o un dato que falta. Aviso: conviene revisarlo.
alerts-thresholds = Avisos de plazo
alerts-threshold = { $days ->
    [one] 1 día antes
   *[other] { $days } días antes
}
alerts-frequency = Frecuencia
alerts-frequency-each = Un mensaje por cambio
alerts-frequency-daily = Un resumen diario (solo correo)
alerts-language = Idioma de los mensajes
lang-name-es = Español
lang-name-en = English
alerts-secret-once = Copie el secreto ahora: no se volverá a mostrar.
alerts-secret = Secreto de firma
alerts-manage-link = Enlace de gestión (guárdelo: sirve para cambiar o borrar este webhook)
alerts-open-manage = Abrir la página de gestión
alerts-link-dead = Este enlace ya no funciona: venció, la suscripción se borró o el enlace está incompleto.
alerts-subscribe-again = Suscribirse a las alertas
alerts-describe = { $channel }: { $address }
alerts-confirm-title = Confirme su suscripción
alerts-confirm-button = Confirmar la suscripción
alerts-confirmed-already = Esta suscripción ya está confirmada.
alerts-manage-title = Su suscripción a las alertas
alerts-state-pending = Aún sin confirmar: use el enlace del correo de confirmación.
alerts-state-paused = En pausa: no se envía nada hasta reanudarla; las alertas esperan.
alerts-state-bounced = El servidor de correo rechazó esta dirección de forma definitiva, así que no se envía nada. Suscríbase de nuevo para intentarlo otra vez.
alerts-save = Guardar los cambios
alerts-webhook-heading = Webhook
alerts-rotate = Crear un secreto nuevo
alerts-rotate-hint = Al crear un secreto nuevo, los envíos se firman con el anterior y con el nuevo durante 24 horas, para que tenga tiempo de cambiarlo.
alerts-pause = Pausar
alerts-resume = Reanudar
alerts-delete-heading = Dejar de recibir alertas
alerts-delete = Borrar esta suscripción
alerts-unsubscribe-title = Darse de baja
alerts-unsubscribe-button = Darme de baja de estas alertas
alerts-unsubscribed-already = No hay nada de qué darse de baja: esta suscripción ya se borró.
alerts-unsubscribed-title = Se dio de baja
alerts-unsubscribed-body = Su suscripción y su dirección se borraron. No recibirá más alertas.
alerts-webhook-created = El webhook respondió a la prueba firmada y quedó suscrito.
alerts-confirmed = Su suscripción está confirmada. Aquí puede cambiar lo que sigue cuando quiera.
alerts-secret-rotated = Se creó un secreto nuevo. El anterior sigue firmando los envíos durante 24 horas.
alerts-resumed = Reanudado: se está enviando lo que esperaba.
alerts-paused = En pausa: las alertas esperan hasta que lo reanude.
alerts-saved = Se guardaron sus cambios.

alerts-admin-title = Alertas
alerts-admin-events = { $count ->
    [one] 1 evento registrado hasta ahora.
   *[other] { $count } eventos registrados hasta ahora.
}
alerts-admin-bounced = { $count ->
    [one] El servidor de correo rechazó 1 dirección de forma definitiva: ya no se le envía nada.
   *[other] El servidor de correo rechazó { $count } direcciones de forma definitiva: ya no se les envía nada.
}
alerts-admin-deliveries = Envíos
alerts-delivery-pending = pendientes
alerts-delivery-sending = enviándose
alerts-delivery-sent = enviados
alerts-delivery-skipped = nada que enviar
alerts-delivery-failed = fallidos
alerts-admin-subscribers = Suscriptores
alerts-admin-state = Estado
alerts-admin-count = Cantidad
alerts-subscriber-pending = sin confirmar
alerts-subscriber-active = activa
alerts-subscriber-paused = en pausa
alerts-subscriber-bounced = rechazada por el servidor de correo
alerts-admin-webhooks = Webhooks
alerts-admin-host = Servidor
alerts-admin-last-success = Último éxito
alerts-admin-last-error = Último error
alerts-admin-actions = Acciones
alerts-admin-failed = Envíos fallidos
alerts-admin-pending = Envíos pendientes
alerts-admin-sent = Enviados recientemente
alerts-admin-none = Ninguno.
alerts-admin-purpose = Mensaje
alerts-admin-attempts = Intentos
alerts-admin-when = Cuándo
alerts-admin-retry = Reintentar
alerts-admin-retried = El envío volvió a la cola.
alerts-admin-not-failed = Ese envío no había fallado: no cambió nada.
alerts-admin-not-paused = Ese webhook no estaba en pausa: no cambió nada.
alerts-purpose-change = alerta
alerts-purpose-digest = resumen diario
alerts-purpose-confirmation = confirmación
alerts-purpose-reminder = enlace de gestión
alerts-purpose-paused = aviso de pausa
nav-admin-alerts = Alertas

alerts-mail-why = Recibe este mensaje porque se suscribió a las alertas de Vigía.
alerts-mail-manage = Cambiar o cancelar su suscripción
alerts-mail-unsubscribe = Darse de baja con un clic
alerts-mail-entry = Ver el cambio y su fuente
alerts-mail-department = Ver el registro de { $department }
alerts-mail-subject-one = { $title }
alerts-mail-subject-more = { $departments }: { $count } cambios
alerts-mail-digest-subject = { $departments }: { $count ->
    [one] 1 cambio
   *[other] { $count } cambios
} ({ $day })
alerts-mail-digest-intro = Lo que cambió desde su último resumen, por departamento:
alerts-mail-digest-more = { $more } cambios más, en el canal de alertas
alerts-mail-confirm-subject = Confirme sus alertas de Vigía
alerts-mail-confirm-body = Alguien, esperamos que usted, pidió recibir las alertas de Vigía en esta dirección. Abra el enlace y pulse el botón para confirmar. El enlace funciona 48 horas.
alerts-mail-confirm-link = Confirmar la suscripción
alerts-mail-confirm-ignore = Si no lo pidió, ignore este mensaje: no se enviará nada y la dirección se borrará.
alerts-mail-reminder-subject = Sus alertas de Vigía
alerts-mail-reminder-body = Alguien, esperamos que usted, pidió suscribir esta dirección a las alertas de Vigía. Ya recibe alertas y no cambiamos nada: para cambiar lo que sigue o darse de baja, use este enlace.
alerts-mail-paused-subject = Su webhook de Vigía está en pausa
alerts-mail-paused-body = Los envíos a { $address } fallaron durante un día, así que el webhook se pausó. Las alertas esperan y se envían cuando lo reanude. Último error: { $error }
alerts-mail-resume = Reanudar el webhook

follow-alerts = Alertas por correo o webhook
footer-alerts = Alertas

problem-webhook-not-public = Debe ser una dirección https:// en internet público (no esta máquina ni una red privada).
problem-webhook-failed = La dirección no respondió a la prueba firmada con un estado 2xx, así que no se guardó nada.
problem-webhook-taken = Esta dirección ya recibe un webhook: use su enlace de gestión para cambiarlo.
problem-all-and-some = Marcó «todos los departamentos» y también algunos departamentos. Elija una de las dos opciones; no se guardó nada.
problem-webhook-unknown-host = No encontramos ese servidor: el nombre no existe en el DNS. Revise la dirección.
alerts-choice-none = ninguno
alerts-confirm-what = Al confirmar, recibirá exactamente esto:
alerts-manage-what = Lo que recibe ahora:
alerts-check-inbox-title = Revise su correo
alerts-check-inbox-sent = Le enviamos un mensaje a { $address } con un enlace para confirmar lo que eligió (o, si la dirección ya recibe alertas, para aplicar los cambios). No se envía ninguna alerta antes de que confirme. El enlace funciona 48 horas.
alerts-check-inbox-replaces = Si esta dirección tenía una solicitud sin confirmar, esta la reemplaza: el enlace confirmará lo que eligió ahora.
alerts-check-inbox-resend = Enviar el mensaje de nuevo
alerts-check-inbox-other = Suscribir otra dirección o elegir otras alertas
alerts-mail-confirm-replaces = Si antes pidió otras alertas para esta dirección sin confirmarlas, esta solicitud las reemplaza: el enlace confirma lo de arriba.
alerts-mail-change-body = Alguien, esperamos que usted, escribió esta dirección en el formulario de alertas de Vigía con otras opciones. Esta dirección ya recibe alertas, y no cambiamos nada: los cambios se aplican solo si usted pulsa el botón del enlace.
alerts-mail-change-asked = Lo que se pidió:
alerts-mail-change-after-add = Si aplica el cambio, lo pedido se agrega a lo que recibe, y recibirá:
alerts-mail-change-after-replace = Si aplica el cambio, lo pedido reemplaza lo que recibe, y recibirá:
alerts-mail-change-apply = Ver y aplicar estos cambios
alerts-mail-reminder-ignore = Si no lo pidió, ignore este mensaje: su suscripción sigue igual.
alerts-apply-title = Aplicar los cambios a sus alertas
alerts-apply-button = Aplicar los cambios
alerts-apply-done = Se aplicaron los cambios. Esto es lo que recibe ahora.
alerts-apply-already = Estos cambios ya se aplicaron.
alerts-if-subscribed = Si esta dirección ya recibe alertas
alerts-if-subscribed-hint = Le enviaremos un correo con lo que recibe y lo que pidió; nada cambia hasta que pulse su botón.
alerts-if-subscribed-add = Agregar lo que elija a lo que ya recibe
alerts-if-subscribed-replace = Reemplazar lo que recibe por lo que elija
alerts-mail-claim = Registrado el { $recorded }. Fuente: { $who }, «{ $title }» (publicada: { $published }). Nivel de evidencia: { $level }.
alerts-mail-reply = Respuesta de { $who }: «{ $body }»
alerts-mail-review = Nota de la revisión: «{ $note }»
