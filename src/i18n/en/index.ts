/** The English catalogue, the reference every other language follows: one module per feature. */
import { app } from './app';
import { shared } from './shared';
import { playground } from './playground';
import { faces } from './faces';
import { generations } from './generations';
import { experiments } from './experiments';
import { bench } from './bench';
import { teach } from './teach';
import { lessons } from './lessons';

export const en = { app, shared, playground, faces, generations, experiments, bench, teach, lessons };
