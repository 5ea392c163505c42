/** How each policy is drawn everywhere in the view: colour, marker shape and dash differ. */
import { OKABE_ITO } from '../../charts/shared/palette';
import type { Shape } from '../../charts/shared/palette';
import type { GenerationPolicy } from '../../core/generations/generations';

export const POLICY_STYLE: Record<GenerationPolicy, { colour: string; shape: Shape; dash?: string }> = {
  replace: { colour: OKABE_ITO.vermillion, shape: 'triangle' },
  accumulate: { colour: OKABE_ITO.blue, shape: 'circle', dash: '6 3' },
  fresh: { colour: OKABE_ITO.green, shape: 'square', dash: '2 3' },
};
