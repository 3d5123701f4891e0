correct-title = Corregir una afirmación: { $requirement }, { $department }
correct-page-intro = La corrección reemplaza a la afirmación corregida en el estado actual, el mapa y las alertas; las dos quedan en el historial público, juntas.
correct-legend = Corrección de la afirmación n.º { $id }
correct-intro = El formulario trae todo lo que dice la afirmación n.º { $id } (sobre { $date }), con su fuente, su evidencia y sus documentos. Cambie solo lo que está mal.
correct-reason = Qué se corrige y por qué
correct-reason-hint = Por ejemplo: «La fecha de aprobación era el 2 de mayo, no el 2 de abril, según la resolución.» Se publica junto a la corrección.
correct-keep-document = Conservar { $name } ({ $size }) como evidencia
correct-taken = Otra persona corrigió esa afirmación mientras usted editaba, así que no se guardó nada. Revise el historial antes de corregir.
correct-link = Corregir esta afirmación
claim-corrected-by-id = Corregida por la afirmación n.º { $id }; ya no cuenta para el estado actual.
claim-corrects = Corrige la afirmación n.º { $id }
claim-correction-reason = Qué se corrigió:
claim-field-correction_reason = Qué se corrige y por qué
claim-field-corrects = Afirmación que se corrige
kept-document = Archivo conservado: { $name } ({ $size }). Se guardará con el formulario; no hace falta enviarlo de nuevo.
kept-document-remove = Quitar este archivo
error-summary-title = { $n ->
    [one] Hay 1 problema
   *[other] Hay { $n } problemas
}
error-title-prefix = { "Error: " }
problem-too-long-count = Tiene { $count } caracteres; como máximo { $max }. Acórtelo: lo que escribió sigue aquí.
done-see-claim = Ver la afirmación n.º { $id }
event-correction = Corrección
problem-passwords-differ = Las dos contraseñas no coinciden: escríbala de nuevo en los dos campos.
field-confirm = Repita la contraseña
