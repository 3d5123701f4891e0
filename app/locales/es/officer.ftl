# Officer workflows: confirmations, clear forms, suggestions followed to the end

## What each field takes
field-required = (obligatorio)
field-optional = (opcional)
form-marks = Los campos marcados «(obligatorio)» deben completarse; los demás dicen cuándo hacen falta o son opcionales.
claim-when-in-force = (obligatoria si el estado es «vigente»)
claim-unless-pdf = (obligatorio, salvo que adjunte el PDF de la fuente)
claim-hint-day = AAAA-MM-DD, por ejemplo 2026-03-31.
claim-hint-source_url = Un enlace https://… a la fuente, o la dirección de un documento ya guardado en Vigía (/documents/12). Si la fuente es el PDF que adjunta abajo, déjelo vacío: la fuente citará ese documento.
claim-hint-source_quote = Hasta 300 caracteres, tal como lo dice la fuente.
reply-hint-evidence = Un enlace https://… al documento o a la publicación oficial.
reply-hint-document = Hasta 10 MB; se revisa que sea un PDF. Si el formulario vuelve con un error, el archivo se conserva un día: no hace falta enviarlo de nuevo.
problem-unknown-document = No hay ningún documento con esa dirección en Vigía.

## Confirmations, shown once on the next page
done-claim-recorded = Afirmación registrada en el historial: { $requirement }, { $department }.
done-claim-recorded-accepting = Afirmación registrada en el historial: { $requirement }, { $department }. La sugerencia n.º { $id } quedó aceptada.
done-reply-posted = Respuesta publicada junto a la brecha. El personal de supervisión la revisará.
done-reply-reviewed = Revisión registrada; se muestra junto a la respuesta.
done-suggestion-rejected = Sugerencia n.º { $id } rechazada. El motivo se publicó en el historial.
done-document-withheld = Documento retenido: ya no se puede descargar. Su registro, su huella y el motivo siguen públicos.
done-text-hidden = Texto retirado del público. El historial conserva su huella y el motivo.
done-user-invited = Cuenta de { $name } creada.
done-user-disabled = Cuenta de { $name } desactivada; todas sus sesiones se cerraron.
done-user-enabled = Cuenta de { $name } reactivada.
done-user-unchanged = La cuenta de { $name } ya estaba así; no se cambió nada.
done-user-rescoped = Departamentos de { $name }: { $departments }.
done-signed-in = Sesión iniciada. Hola, { $name }.
done-password-set = Contraseña guardada. Ya ingresó a Vigía.

## A claim that answers a suggestion
record-answering = Esta afirmación responde a la sugerencia n.º { $id }, que dice:
record-answering-accepts = La sugerencia quedará aceptada cuando guarde la afirmación; hasta entonces sigue en la cola, a su nombre.
record-answering-back = Volver a las sugerencias
record-answering-gone = La sugerencia n.º { $id } ya no está pendiente (otra persona la decidió). Este formulario registra una afirmación sin relación con ella.
record-suggestion-decided = Otra persona decidió sobre la sugerencia mientras usted editaba, así que no se guardó nada. Revise y envíe de nuevo: la afirmación se registrará sin aceptar la sugerencia.

## Suggestions: the queue, the form, the follow link
moderation-number = Sugerencia n.º { $id }
moderation-private = Quien la envió pidió no publicar su texto: la decisión y su motivo se publican sin él.
moderation-in-hand = En manos de { $name }: quedará aceptada cuando guarde la afirmación.
moderation-choose-requirement = Instrumento de la afirmación
suggest-field-private = No publicar mi texto
suggest-hint-private = Si lo marca, su texto solo lo ve el personal de supervisión: la decisión y su motivo se publican sin él. Si no, se publica junto a la decisión. El contacto nunca se publica.
suggestion-follow-intro = Guarde este enlace: con él puede ver en qué estado está su sugerencia (en cola, aceptada o rechazada, con el motivo). Es la única forma de volver a ella.
follow-copy = Copiar el enlace
follow-copied = Enlace copiado
follow-title = Su sugerencia
follow-unknown = Este enlace no corresponde a ninguna sugerencia. Revise que esté completo.
follow-about = Sugerencia n.º { $id } sobre { $department }, enviada el { $date }
follow-queued = En cola
follow-queued-body = Espera la revisión del personal de supervisión.
follow-in-hand-body = Una persona del personal de supervisión está registrando la afirmación que pide; quedará aceptada cuando la guarde.
follow-accepted = Aceptada
follow-accepted-body = El { $date } se registró la afirmación que pedía.
follow-claim-link = Ver la afirmación n.º { $id }
follow-rejected = Rechazada
follow-rejected-body = Se rechazó el { $date }.
follow-reason = Motivo: { $reason }
follow-your-text = Lo que escribió
follow-private = Pidió no publicar este texto: solo lo ven el personal de supervisión y quien tenga este enlace.
follow-public = Este texto se publica en el historial junto a la decisión. El contacto nunca se publica.
follow-department-link = Ver la página del departamento
history-suggestion = Sugerencia del público:
history-decision-reason = Motivo:

## Accounts
admin-you = (usted)
admin-disable-ask = Desactivar…
admin-scope-when = (obligatorio para supervisión y representantes)
admin-disable-title = Desactivar una cuenta
admin-disable-who = { $name } ({ $email }), { $role }.
admin-disable-scope = Actúa por: { $departments }.
admin-disable-effects = Al desactivarla, todas sus sesiones terminan en el acto y no podrá ingresar hasta que la administración la reactive. Lo que registró sigue en el historial con su nombre; la desactivación y su motivo también se publican.
admin-disable-confirm = Sí, desactivar la cuenta de { $name }
admin-disable-cancel = No, volver a las cuentas
admin-disable-gone = Esa cuenta no existe o ya está desactivada.

## Import
import-col-note = Nota
import-col-source = Fuente
import-choose-one = { $column }: elija uno de { $values }.
nav-password = Contraseña
password-change-title = Cambiar la contraseña
password-change-intro = Escriba su contraseña actual y luego la nueva dos veces. Al cambiarla, se cierran sus sesiones en otros dispositivos; esta sigue abierta.
password-change-sign-in = Ingrese a Vigía para cambiar su contraseña.
password-change-submit = Cambiar la contraseña
password-change-error-current = La contraseña actual no es correcta. Nada cambió.
password-change-error-new = La contraseña nueva no sirve todavía: vea el campo marcado. Nada cambió.
field-current-password = Contraseña actual
problem-wrong-password = No es la contraseña de esta cuenta.
problem-password-too-short = Debe tener al menos 12 caracteres.
done-password-changed = Contraseña cambiada. Sus sesiones en otros dispositivos se cerraron.
