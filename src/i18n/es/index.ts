/** The Spanish catalogue: the same modules and keys as en/ (the compiler holds it to `typeof en`). */
import type { en } from '../en';
import { app } from './app';
import { shared } from './shared';
import { playground } from './playground';
import { faces } from './faces';
import { generations } from './generations';
import { experiments } from './experiments';
import { bench } from './bench';
import { teach } from './teach';
import { lessons } from './lessons';

export const es: typeof en = { app, shared, playground, faces, generations, experiments, bench, teach, lessons };
