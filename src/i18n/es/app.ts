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
  hint: {
    show: (what: string) => `Qué significa «${what}»`,
  },
};
