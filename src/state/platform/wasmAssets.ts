/** Where the wasm backend's binaries are served from (absolute URLs, so neither the page nor a worker guesses a path). */
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

function abs(u: string): string {
  return new URL(u, document.baseURI).href;
}

export const backendOptions = {
  wasmPaths: {
    'tfjs-backend-wasm.wasm': abs(wasmPlain),
    'tfjs-backend-wasm-simd.wasm': abs(wasmSimd),
    'tfjs-backend-wasm-threaded-simd.wasm': abs(wasmThreaded),
  },
};
