import type { teach as en } from '../en/teach';
import * as fmt from '../format';

export const teach: typeof en = {
  title: 'Enseñar con ForgeLab',
  assign: {
    title: 'Asignar, insertar, recoger',
    linkLead: 'Asigna por enlace.',
    link1: ' Envía a tus estudiantes la dirección de una lección, por ejemplo ',
    link2: '. Añade ajustes para cambiar su laboratorio (',
    link3: ' da a todos la misma ejecución; una semilla distinta por estudiante muestra la variabilidad).',
    embedLead: 'Insértalo en tu LMS.',
    embed1: ' Añade ',
    embed2: ' a cualquier enlace (',
    embed3: ') y ponlo en un iframe: la página quita su cabecera y su navegación.',
    collectLead: 'Recoge los informes.',
    collect:
      ' Cada estudiante escribe su nombre, pulsa «Descargar informe» y entrega el archivo Markdown (o lo imprime). Suelta los archivos abajo: sus respuestas y números se leen en este navegador, no se sube nada.',
    kept: 'Las respuestas se guardan en el navegador de cada estudiante. En un ordenador compartido, pide que descarguen su informe antes de irse.',
  },
  guides: {
    title: 'Guías de las lecciones',
    minutes: (n: string) => `unos ${n} minutos`,
    open: 'Abrir la lección',
    linkToAssign: 'enlace para asignar:',
    goals: 'Objetivos:',
  },
  results: {
    title: 'Los resultados de tu clase',
    intro: 'Suelta aquí los archivos de informe de tus estudiantes (o elígelos). Solo se leen en este navegador: no se sube nada.',
    drop: 'Suelta aquí los archivos de informe',
    files: 'Archivos de informe (.md)',
    loaded: (n: number, problems: number) =>
      `${n === 1 ? '1 informe cargado' : `${fmt.int(n)} informes cargados`}${problems ? `; ${problems === 1 ? '1 no se pudo leer' : `${fmt.int(problems)} no se pudieron leer`}` : ''}.`,
    lesson: (title: string, n: number) => `${title} (${fmt.int(n)} ${n === 1 ? 'estudiante' : 'estudiantes'})`,
    plot: 'Gráfico',
    notAnswered: '(sin responder)',
  },
  measures: {
    minorityRatio: 'Razón de la minoría (proporción sintética ÷ proporción real; 1 = fiel)',
    detective: 'Exactitud del detective',
    judge: 'Exactitud del juez nuevo',
  },
  dotPlot: {
    aria: (label: string, summary: string) => `${label}, un punto por estudiante. ${summary}`,
    caption: (label: string, reference: string) => `${label}; un punto por estudiante, la línea discontinua en ${reference}.`,
    values: 'El valor de cada estudiante',
  },
  recipes: { stabilised: 'estabilizada', plain: 'simple', unknown: 'desconocida' },
};
