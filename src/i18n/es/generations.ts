import type { generations as en } from '../en/generations';

export const generations: typeof en = {};
