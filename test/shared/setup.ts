import '@tensorflow/tfjs-backend-cpu';
import { tf } from '../../src/core/shared/tf';

/** Node tests run on the deterministic cpu backend. */
export async function useCpu(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}
