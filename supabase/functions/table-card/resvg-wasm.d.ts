/** resvg's WebAssembly module, compiled, for initWasm. */
export declare const resvgWasm: WebAssembly.Module;
