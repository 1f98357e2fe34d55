/** `npm run gen:types`: migrate a throw-away database and write the app's database types from it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.ts';
import { startStack } from './stack.ts';
import { generateTypes, typesFile } from './types.ts';

const localDir = await mkdtemp(path.join(tmpdir(), 'comanda-types-'));
const stack = await startStack({ localDir, dbPort: await freePort(), apiPort: await freePort() });
try {
  await writeFile(typesFile, await generateTypes(stack.dbUrl));
  console.log(`wrote ${path.relative(process.cwd(), typesFile)}`);
} finally {
  await stack.stop();
  await rm(localDir, { recursive: true, force: true });
}
