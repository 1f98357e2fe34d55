import { MAX_URL_LENGTH, qrHandler } from '../qr/handler.ts';

export { MAX_URL_LENGTH };

/**
 * The first QR function, kept as an alias of `qr` (SVG unless `format=png`) so links and cached
 * `<img>` tags that name it keep working. New callers use `qr`.
 */
export const handleTableQr = qrHandler('svg');
