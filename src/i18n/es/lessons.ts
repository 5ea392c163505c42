import type { lessons as en } from '../en/lessons';

export const lessons: typeof en = {};
