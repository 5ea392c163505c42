import type { lessons as en } from '../en/lessons';

// Groups of the data sets (core/data/datasets.ts) by id; "mode-3" and the like are numbered.
const GROUPS: Record<string, string> = { majority: 'mayoría', minority: 'minoría', all: 'todos los puntos', 'group-a': 'grupo A', 'group-b': 'grupo B' };

export const lessons: typeof en = {
  index: {
    title: 'Lecciones',
    lead: 'Cada lección prepara un laboratorio en vivo junto a su texto. Predices, observas y luego explicas. Tus respuestas se quedan en este navegador hasta que descargues o imprimas tu informe de laboratorio.',
    minutes: (n: string) => `Unos ${n} minutos`,
    progress: (done: string, total: string) => `${done} de ${total} preguntas respondidas`,
    inEnglish: 'En inglés',
    teachBefore: '¿Enseñas con ellas? La ',
    teachLink: 'guía docente y los resultados de la clase',
    teachAfter: ' están aquí.',
  },
  view: {
    allLessons: 'Todas las lecciones',
    aboutMinutes: (n: string) => `(unos ${n} minutos)`,
    jump: 'Ir al laboratorio en vivo',
    goals: 'Al terminar podrás',
    setUp: (label: string) => `Preparar el laboratorio: ${label}`,
    labNow: 'Este es el laboratorio ahora.',
    newRun: 'Empieza un nuevo entrenamiento desde el paso 0.',
    inEnglish: 'Esta lección aún no está traducida al español, así que se muestra en inglés.',
    saveFailed: 'Tus respuestas no se han podido guardar en este navegador (el almacenamiento está bloqueado o lleno). Siguen en esta página mientras esté abierta: descarga tu informe antes de cerrar la pestaña.',
  },
  kinds: { predict: 'Predice', observe: 'Observa', explain: 'Explica' },
  question: {
    recorded: (line: string) => `Registrada con el laboratorio así: ${line}.`,
  },
  lab: {
    region: 'Laboratorio en vivo',
    title: (label: string) => `Laboratorio: ${label}`,
    settings: 'Ajustes de este laboratorio',
    openPlayground: 'Abrir los ajustes de este entrenamiento en el laboratorio completo',
  },
  judge: {
    label: 'El juez nuevo acierta',
    what: 'Juez nuevo',
    hint: 'Un clasificador nuevo, entrenado con la mitad de los puntos reales y generados y evaluado con la otra mitad.',
    detail: (real: string, fake: string, tested: string, step: string) => `reales ${real} · falsos ${fake} · ${tested} puntos reservados por lado · paso ${step}`,
    stale: ' (pausa para volver a juzgar)',
    waiting: 'Juzga cuando se pausa el entrenamiento.',
    judging: 'Juzgando…',
  },
  metrics: {
    step: (n: string) => `paso ${n}`,
    detective: (p: string) => `el detective acierta ${p}`,
    js: (x: string) => `JS ${x}× su suelo`,
    judge: (p: string) => `el juez nuevo acierta ${p}`,
    group: (name: string, synthetic: string, real: string) => `${name}: ${synthetic} de las falsificaciones (${real} en los datos reales)`,
    groupName: (id: string, label: string) => {
      const mode = /^mode-(\d+)$/.exec(id);
      return GROUPS[id] ?? (mode ? `modo ${mode[1]}` : label.toLowerCase());
    },
  },
  report: {
    heading: 'Tu informe de laboratorio',
    name: 'Tu nombre',
    download: 'Descargar informe (Markdown)',
    print: 'Imprimir informe',
    saved: (file: string) => `Se guardó ${file}. Entrega este archivo: tu docente puede leerlo en la vista de clase de ForgeLab.`,
    status: (answered: string, total: string) => `${answered} de ${total} preguntas respondidas. El informe incluye tus respuestas, los números del laboratorio y una imagen de tu gráfico.`,
    title: (title: string) => `Informe de laboratorio: ${title}`,
    student: 'Estudiante',
    noName: '(sin nombre)',
    made: 'Fecha',
    reproduce: 'Reproducir el laboratorio',
    answers: 'Respuestas',
    notAnswered: '(sin responder)',
    whenAnswered: (line: string) => `El laboratorio al responder: ${line}.`,
    myPlot: 'Mi gráfico',
    atEnd: (line: string) => `El laboratorio al final: ${line}.`,
    plotAlt: (step: string) => `El gráfico principal en el paso ${step}`,
    printedPlotAlt: 'El gráfico principal del estudiante',
    dataHeading: 'Resultados como datos',
    dataNote: 'Para la vista de clase (#/teach en ForgeLab); deja este bloque tal como está.',
    newer: 'Este informe viene de una versión de ForgeLab más reciente que esta.',
    noBlock: 'No se encontró en este archivo ningún bloque de resultados de ForgeLab (```json … ```).',
  },
};
