import { handleTableQr } from './handler.ts';

Deno.serve(handleTableQr);
