import { handleQr } from './handler.ts';

Deno.serve(handleQr);
