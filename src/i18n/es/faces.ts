import type { faces as en } from '../en/faces';

export const faces: typeof en = {};
