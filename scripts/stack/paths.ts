import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute paths of the repository's fixed top-level folders. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const supabaseDir = path.join(repoRoot, 'supabase');
export const defaultLocalDir = path.join(repoRoot, '.local');
export const binDir = path.join(repoRoot, 'node_modules', '.bin');
