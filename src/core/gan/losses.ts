/**
 * The three games. The detective outputs a raw score s; for the log losses D(x) = σ(s),
 * for least squares D(x) = s itself (targets 1 for real, 0 for fake).
 */
import { tf } from '../shared/tf';
import type { LossKind } from '../settings/config';

/** Detective loss on its scores for a real and a fake batch. */
export function detectiveLoss(kind: LossKind, real: tf.Tensor, fake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    if (kind === 'lsgan') {
      return tf.mul(0.5, tf.add(tf.mean(tf.square(tf.sub(real, 1))), tf.mean(tf.square(fake))));
    }
    // −log σ(s) = softplus(−s); −log(1 − σ(s)) = softplus(s)
    return tf.add(tf.mean(tf.softplus(tf.neg(real))), tf.mean(tf.softplus(fake)));
  });
}

/** Forger loss on the detective's scores for its fakes. */
export function forgerLoss(kind: LossKind, fake: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    switch (kind) {
      case 'minimax':
        // minimise log(1 − D(G(z))) = −softplus(s)
        return tf.neg(tf.mean(tf.softplus(fake)));
      case 'nonsat':
        // minimise −log D(G(z)) = softplus(−s)
        return tf.mean(tf.softplus(tf.neg(fake)));
      case 'lsgan':
        return tf.mul(0.5, tf.mean(tf.square(tf.sub(fake, 1))));
    }
  });
}

/** The detective's belief that a point is real, in [0, 1]. */
export function realProbability(kind: LossKind, score: tf.Tensor): tf.Tensor {
  return tf.tidy(() => (kind === 'lsgan' ? tf.clipByValue(score, 0, 1) : tf.sigmoid(score)));
}

/** Same as realProbability for one number already read back. */
export function realProbabilityOf(kind: LossKind, score: number): number {
  return kind === 'lsgan' ? Math.min(1, Math.max(0, score)) : 1 / (1 + Math.exp(-score));
}
