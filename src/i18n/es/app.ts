import type { app as en } from '../en/app';

export const app: typeof en = {
  brand: 'ForgeLab',
  brandHome: 'ForgeLab, volver al laboratorio',
  nav: {
    label: 'Principal',
    playground: 'Laboratorio',
    faces: 'Caras',
    experiments: 'Experimentos',
    generations: 'Generaciones',
    lessons: 'Lecciones',
  },
  language: {
    label: 'Idioma',
    switched: (name: string) => `Idioma de la interfaz: ${name}.`,
  },
  charts: {
    trainingStep: 'paso de entrenamiento',
    overall: 'total',
    overallRaw: 'total (sin suavizar)',
    coinToss: '50 %: lanzar una moneda',
    accuracy: 'exactitud',
    distanceToTraining: 'distancia al punto de entrenamiento más cercano',
  },
  drawer: {
    close: 'Cerrar',
    settings: 'Ajustes',
  },
  hint: {
    show: (what: string) => `Qué significa «${what}»`,
  },
};
