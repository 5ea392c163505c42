import type { shared as en } from '../en/shared';

export const shared: typeof en = {
  transport: {
    train: 'Entrenar',
    pause: 'Pausa',
    step: 'Paso',
    reset: 'Reiniciar',
    resetDoes: 'Vuelve al paso 0 con la misma semilla',
    seed: 'Semilla',
  },
  progress: {
    step: (done: string, total: string) => `paso ${done} de ${total}`,
    starting: 'empezando…',
    cancelled: 'Cancelado',
    failed: 'Falló',
    doneIn: (seconds: string, backend: string) => `Hecho en ${seconds} s (${backend})`,
    running: 'En marcha',
    done: 'Hecho',
  },
  notices: {
    dismiss: 'Descartar este aviso',
    restore: 'Restaurar el último estado bueno',
    reset: 'Reiniciar',
  },
  modal: {
    close: 'Cerrar',
  },
  charts: {
    showCharts: 'Ver gráficas',
    showTable: 'Ver como tabla',
    lastReadings: 'Las últimas lecturas, de la más reciente a la más antigua',
    overSteps: (title: string) => `${title} a lo largo de los pasos de entrenamiento; la vista de tabla da los números`,
    save: (title: string, kind: string) => `Guardar «${title}» como ${kind}`,
  },
  classroom: {
    label: 'Compartir y presentar',
    presenter: 'Modo presentación',
    fullScreen: 'Pantalla completa',
    keys: 'Teclas',
    dismiss: 'Descartar',
    shortcutsTitle: 'Atajos de teclado',
    shortcutsWhere: 'Funcionan en cualquier parte de la página, salvo mientras escribes en un campo.',
    fullScreenRefused:
      'El navegador no permite la pantalla completa aquí (puede que la página esté incrustada o que la pantalla completa esté bloqueada). Usa la tecla de pantalla completa del propio navegador (F11, o ⌃⌘F en un Mac).',
  },
  shortcuts: {
    playKeys: 'Espacio o K',
    play: 'Entrenar / pausa',
    stepKeys: '. o S',
    step: 'Un paso de entrenamiento',
    reset: 'Reiniciar al paso 0 (misma semilla)',
    preset: (label: string) => `Proporción predefinida ${label}`,
    presenter: 'Activar o desactivar el modo presentación',
    fullScreen: 'Activar o desactivar la pantalla completa',
    help: 'Esta lista de atajos',
    closeKey: 'Esc',
    close: 'Cerrar un cuadro de diálogo',
  },
  share: {
    button: 'Compartir',
    title: 'Compartir esta vista',
    qr: 'Código QR del enlace de abajo',
    link: 'Enlace (todos los ajustes, la semilla y la vista)',
    copied: 'Enlace copiado. Pégalo donde quieras o escanea el código.',
    refused: 'El navegador no permitió usar el portapapeles. El enlace está seleccionado abajo: cópialo con Ctrl+C (⌘C en un Mac) o escanea el código.',
  },
  notFound: {
    title: 'No hay nada en esta dirección',
    pointsTo: 'El enlace apunta a',
    notHere: ', que ForgeLab no tiene. Puede que esté mal escrito o que sea de una versión más reciente.',
    home: 'Ir al laboratorio',
  },
  link: {
    quote: (text: string) => `«${JSON.stringify(text).slice(1, -1)}»`,
    twice: (key: string) => `El enlace fija ${key} dos veces; se usó el primer valor.`,
    badLang: (value: string, languages: string) => `El enlace pide el idioma ${value}, que ForgeLab no tiene (${languages}), así que la página sigue en español.`,
    unknown: (key: string, knownBy: string) => `El enlace trae el ajuste ${key}, que ${knownBy} no conoce, así que se ignoró.`,
    /** Who does not know an unknown key, unless the view says (its own catalogue's knownBy). */
    knownBy: 'ForgeLab',
    notOption: (label: string, value: string, options: string, kept: string) => `${label}: ${value} no es una de las opciones (${options}), así que se mantuvo ${kept}.`,
    notNumber: (label: string, value: string, kept: string) => `${label}: ${value} no es un número, así que se mantuvo ${kept}.`,
    outside: (label: string, value: string, min: string, max: string, used: string) => `${label}: ${value} está fuera de ${min}–${max}, así que se usó ${used}.`,
    notWhole: (label: string, value: string, used: string) => `${label}: ${value} no es un número entero, así que se usó ${used}.`,
    tooPrecise: (label: string, value: string, used: string) => `${label}: ${value} tiene más cifras de las que guarda un enlace, así que se usó ${used}.`,
  },
  storageWarning:
    'Este navegador no deja que ForgeLab guarde nada (navegación privada, almacenamiento bloqueado o lleno). El entrenamiento funciona y los ajustes van en el enlace, pero todo lo que escribas se perderá al recargar la página.',
  live: {
    pageThread: (why: string) =>
      `El entrenamiento se ejecuta en el hilo de la propia página, porque ${why}. Dibujar y entrenar se turnan, así que el entrenamiento va más lento de lo que podría.`,
    noWorker: 'este navegador no puede iniciar un worker',
    noOffscreen: 'este navegador no puede usar la tarjeta gráfica (WebGL) en un worker',
    webglLostResumed: (lostAt: string, where: string, resumedFrom: string) =>
      `La tarjeta gráfica (WebGL) se detuvo en el paso ${lostAt}. El entrenamiento sigue en ${where} desde el paso ${resumedFrom}, la última copia guardada.`,
    webglLostRestarted: (where: string) => `La tarjeta gráfica (WebGL) se detuvo antes de guardar ninguna copia, así que esta ejecución volvió a empezar en ${where}.`,
    anotherBackend: 'otro backend',
    stopped: (why: string) => `El entrenamiento se detuvo: ${why}. Pulsa Reiniciar para empezar de nuevo.`,
    noRunYet: 'Todavía no hay ninguna ejecución que guardar.',
    workerStopped: (why: string) => `el worker de entrenamiento se detuvo: ${why}`,
    workerClosed: 'se cerró el worker de entrenamiento',
    unknownError: 'error desconocido',
  },
  job: {
    failed: 'La tarea falló en el worker en segundo plano',
    workerStopped: (why: string) => `el worker se detuvo: ${why}`,
    noWorker: (why: string) => `no se pudo iniciar un worker en segundo plano: ${why}`,
  },
  exportFile: {
    noImage: 'No se pudo crear la imagen.',
  },
  backend: {
    chosen: (name: string) => `${name}, elegido en los ajustes`,
    only: (name: string) => `${name}, el único backend que arrancó aquí`,
    faster: (best: string, factor: string, runner: string, rates: string) =>
      `${best}: ${factor}× más rápido que ${runner} con este modelo en una prueba rápida (${rates} pasos/s)`,
    rate: (name: string, stepsPerSecond: string) => `${name} ${stepsPerSecond}`,
    provisional: (name: string) => `${name} para empezar, mientras se mide cada backend con este modelo`,
    couldNotStart: (name: string, then: string) => `${name} no pudo arrancar aquí, así que ${then}`,
    notMeasured: (name: string) => `${name}: aquí no se pudieron medir los demás backends`,
    noneMeasured: 'No se pudo medir ningún backend.',
  },
};
