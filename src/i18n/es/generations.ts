import type { generations as en } from '../en/generations';

const generaciones = (n: number) => (n === 1 ? 'generación' : 'generaciones');

export const generations: typeof en = {
  common: {
    cancel: 'Cancelar',
    generation: 'Generación',
    stale: 'Los ajustes han cambiado desde esta ejecución; vuelve a ejecutar para verlos.',
    cardMd: 'Ficha de datos (Markdown)',
    cardJson: 'Ficha de datos (JSON)',
    // Spanish spaces the sign, without a line break before it
    percent: (n: string) => `${n}\u00a0%`,
  },
  groups: { majority: 'mayoría', minority: 'minoría' },
  view: {
    title: 'Fotocopia de una fotocopia: modelos entrenados con modelos',
    intro:
      'La generación 0 aprende de datos reales. Cada generación posterior aprende de los datos que hizo la anterior, como ocurre cuando los datos sintéticos acaban en el conjunto de entrenamiento del siguiente modelo. ¿Qué se pierde primero y qué lo frena?',
    settings: 'Ajustes',
    run: 'Ejecución',
    seed: 'Semilla',
    realData: 'Datos reales: dos grupos',
    runButton: (n: number, ganSteps: string | null) => `Ejecutar ${n} ${generaciones(n)}${ganSteps ? ` (${ganSteps} pasos de GAN)` : ''}`,
    ganTime:
      'Una ejecución con GAN se entrena en un proceso en segundo plano a, muy a grandes rasgos, 300–1000 pasos por segundo en un equipo de este tipo: cuenta con un minuto o más para la configuración predefinida.',
    gmmTime: 'Ajustar una mezcla lleva mucho menos de un segundo por generación.',
    progress: 'Progreso del experimento de generaciones',
    policiesTitle: 'Las tres políticas',
    failed: 'El experimento de generaciones falló en el proceso en segundo plano',
    knownBy: 'la vista de generaciones',
  },
  policies: {
    names: { replace: 'reemplazo', accumulate: 'acumulación', fresh: 'datos reales nuevos' },
    replace:
      'Cada generación aprende solo de los puntos que hizo la generación anterior; los datos reales los ve una sola vez, la generación 0. Mira primero las colas: la minoría, que es escasa, y los bordes de la nube se van vaciando, y la distancia a los datos reales crece.',
    accumulate:
      'Cada generación aprende de los datos reales más todos los conjuntos sintéticos creados antes, así que no se descarta nada. Comprueba si aguanta: la distancia a los datos reales se queda cerca de la de la generación 0 y la minoría conserva su lugar.',
    fresh: (share: string) =>
      `Cada generación aprende de un ${share} de puntos reales nuevos más puntos que hizo la generación anterior. Observa cuánto resisten los datos nuevos: más datos reales nuevos, menos deriva.`,
  },
  generator: {
    names: { gan: 'GAN (un falsificador y un detective)', gmm: 'ajustar una mezcla gaussiana' },
    gan: (steps: string) => `Generador: una GAN (un falsificador y un detective), entrenada ${steps} pasos por generación.`,
    gmm: (components: number) =>
      `Generador: ajustar una mezcla gaussiana (${components} componentes, por esperanza-maximización) a cada conjunto de entrenamiento: rápido, y la misma pregunta sobre el colapso del modelo, sin detective.`,
  },
  metrics: {
    js: {
      title: 'Divergencia JS respecto a los datos reales',
      phrase: 'la divergencia JS',
      unit: 'bits (0 = igual que los reales)',
      value: (bits: string) => `${bits} bits`,
      ref: (floor: string) => `ruido de fondo ${floor} (real frente a real)`,
    },
    spread: { title: 'Dispersión de los puntos', phrase: 'la dispersión', unit: 'varianza, x + y (unidades del gráfico²)', ref: (real: string) => `datos reales ${real}` },
    minorityShare: { title: 'Proporción de la minoría', phrase: 'la proporción de la minoría', unit: '% de los puntos generados', ref: (real: string) => `proporción real ${real}` },
    minorityCoverage: {
      title: 'Cobertura de la minoría',
      phrase: 'la cobertura de la minoría',
      unit: '% de los puntos reales de la minoría alcanzados (k = 5)',
      ref: (first: string) => `generación 0: ${first}`,
    },
  },
  trend: {
    single: (policy: string, metric: string, value: string) => `Con ${policy}, ${metric} en la generación 0 es ${value}.`,
    same: (policy: string, metric: string, first: string, last: number, end: string) =>
      `Con ${policy}, ${metric} se mantuvo en torno a ${first} de la generación 0 a la generación ${last} (${end}).`,
    moved: (policy: string, metric: string, rose: boolean, first: string, end: string, last: number) =>
      `Con ${policy}, ${metric} ${rose ? 'subió' : 'bajó'} de ${first} en la generación 0 a ${end} en la generación ${last}.`,
    refLine: (label: string) => `Línea de referencia: ${label}.`,
  },
  cell: (policy: string, generation: number, shown: string, measured: string, share: string, minority: string, real: string, js: string) =>
    `${policy}, generación ${generation}: ${shown} puntos generados (huecos) sobre los datos reales (tenues); de los ${measured} medidos, el ${share} está en la ${minority} (real: ${real}); JS ${js} bits.`,
  headline: {
    part: (policy: string, js: string, minority: string, share: string) => `${policy}: ${js} bits, con la ${minority} en el ${share}`,
    all: (generation: number, parts: string, floor: string, minority: string, real: string) =>
      `Tras la generación ${generation}: ${parts} (ruido de fondo ${floor} bits; proporción real de la ${minority}: ${real}).`,
  },
  strip: {
    title: 'Los puntos de cada generación',
    key: 'Leyenda',
    real: 'datos reales (tenues)',
    generated: (group: string) => `generados de la ${group}`,
    offData: 'generados fuera de los datos reales',
    row: (policy: string) => `${policy}: un gráfico por generación`,
    caption: (generation: number) => `gen. ${generation}`,
    note: (minority: string, real: string) => `Bajo cada gráfico: la generación y la proporción de la ${minority} entre sus puntos generados (real: ${real}).`,
  },
  chart: {
    axis: 'generación',
    label: (title: string, summary: string) => `${title} por generación. ${summary}`,
    caption: (title: string, unit: string) => `${title} (${unit}) por generación`,
  },
  export: {
    title: 'Exportar, con etiquetas',
    introBefore: 'Cada fila dice de dónde viene: ',
    introMiddle:
      ' (synthetic o real), el generador, la semilla, el paso de entrenamiento y la generación. La ficha de datos da las cifras de esos mismos puntos, en Markdown para personas y en JSON para máquinas (',
    introAfter: ').',
    policy: 'Política',
    csv: 'Puntos sintéticos (CSV)',
    mixed: 'Mixto: reales + sintéticos (CSV)',
    mixedBefore: (n: string) => `El archivo mixto añade los ${n} puntos reales de entrenamiento como filas `,
    mixedAfter: '. Abre cualquiera de los dos CSV en el recuadro «Tus propios datos» del laboratorio: las etiquetas se conservan.',
  },
  faces: {
    title: 'Caras a lo largo de generaciones',
    intro: (faces: string) =>
      `La misma fotocopia, con imágenes: el falsificador de la vista de caras aprende de ${faces} caras de dibujo y, después, cada generación aprende solo de las caras que dibujó la anterior (reemplazo). Observa el histograma de tonos de cada generación.`,
    run: (n: number, steps: string) => `Ejecutar ${n} ${generaciones(n)} de caras (${steps} pasos)`,
    seedNote: (seed: number) => `Semilla ${seed} (elegida arriba). Entrenar con imágenes es lento: un minuto o más para tres generaciones de 500 pasos.`,
    progress: 'Progreso de las caras a lo largo de generaciones',
    strip: 'Cada generación de caras',
    generation: (generation: number) => `Generación ${generation}`,
    fromReal: 'aprendió de las caras reales',
    fromPrevious: (generation: number) => `aprendió de las caras de la generación ${generation}`,
    gridTitle: 'Las caras que dibuja',
    gridLabel: (n: number, generation: number) => `${n} caras dibujadas por la generación ${generation}`,
    gridSummary: (share: string) => `Caras más oscuras: ${share}`,
    histCaption: (generation: number) => `Mezcla de tonos: reales (relleno) frente a la generación ${generation} (rayado)`,
    png: 'Hoja de caras con la marca SYNTHETIC (PNG)',
    failed: 'Las caras a lo largo de generaciones fallaron en el proceso en segundo plano',
    notReadable: 'no se puede leer',
    offPalette: (share: string) => `el ${share} de sus caras no coincide con ningún tono de piel`,
    summary: (generation: number, share: string, off: string) =>
      `Generación ${generation}: las caras más oscuras son el ${share} de las que tienen un tono reconocible; ${off}.`,
    summaryUnread: (generation: number, counted: number, n: number, needed: number, off: string) =>
      `Generación ${generation}: solo ${counted} de ${n} caras tienen un tono de piel reconocible (hacen falta ${needed}), así que no se puede leer la proporción de caras más oscuras; ${off}.`,
    chainItem: (generation: number, share: string) => `generación ${generation}: ${share}`,
    trendSame: (from: number, to: number) => ` De la generación ${from} a la ${to} se mantuvo más o menos igual.`,
    trendMoved: (from: number, to: number, fell: boolean, points: number) =>
      ` De la generación ${from} a la ${to} ${fell ? 'bajó' : 'subió'} ${points} ${points === 1 ? 'punto porcentual' : 'puntos porcentuales'}.`,
    headline: (real: string, chain: string, trend: string) => `Proporción de caras más oscuras: real ${real}; ${chain}.${trend}`,
  },
};
