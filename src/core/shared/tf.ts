/**
 * The one place core imports TensorFlow.js from: tfjs-core with every gradient registered
 * (the trainer needs second-order gradients for the R1 penalty). Backends are registered
 * by backend.ts (browser) or by the test setup (Node, cpu).
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
export * as tf from '@tensorflow/tfjs-core';
