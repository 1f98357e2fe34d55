// @ts-self-types="./resvg-wasm.d.ts"
// A source-phase import gives resvg's compiled WebAssembly module straight from the npm package,
// with no file read and no download at run time. Deno runs it; TypeScript cannot parse it yet, so
// it lives in a JavaScript file typed by resvg-wasm.d.ts.
import source wasm from '@resvg/resvg-wasm/index_bg.wasm';

export const resvgWasm = wasm;
