/**
 * Speed fix for the wasm backend, applied when it loads (backend.ts): tfjs-backend-wasm
 * 4.22 runs BatchMatMul through XNNPACK only when neither input is transposed; with transposeA or
 * transposeB it falls back to a slow loop, 12–16× slower for a 128×768 · 768×256 product. Every
 * dense layer's backward pass uses transposed products, so training spends most of its time there.
 * This wraps the wasm kernel: transposed inputs are transposed explicitly (cheap) and then
 * multiplied on the fast path. Same maths; only the summation order may differ slightly.
 */
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';

let patched = false;

export function patchWasmMatMul(): void {
  if (patched) return;
  const orig = getKernel('BatchMatMul', 'wasm');
  const transpose = getKernel('Transpose', 'wasm');
  if (!orig || !transpose) throw new Error('wasm kernels are not registered');
  const call = (f: KernelFunc, args: Parameters<KernelFunc>[0]) => f(args) as TensorInfo;
  const kernelFunc: KernelFunc = (args) => {
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return orig.kernelFunc(args);
    const backend = args.backend as { disposeData(id: object): void };
    const flip = (t: TensorInfo): TensorInfo => {
      const r = t.shape.length;
      const perm = [...Array(r - 2).keys(), r - 1, r - 2];
      return call(transpose.kernelFunc, { inputs: { x: t }, backend: args.backend, attrs: { perm } });
    };
    let { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const temps: TensorInfo[] = [];
    if (transposeA) temps.push((a = flip(a)));
    if (transposeB) temps.push((b = flip(b)));
    const out = call(orig.kernelFunc, { inputs: { a, b }, backend: args.backend, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    temps.forEach((t) => backend.disposeData(t.dataId));
    return out;
  };
  unregisterKernel('BatchMatMul', 'wasm');
  registerKernel({ ...orig, kernelFunc } as KernelConfig);
  patched = true;
}
