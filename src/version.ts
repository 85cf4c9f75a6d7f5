/** Version of genmarket, read from package.json next to `src/` and `dist/`. */
import { readFileSync } from 'node:fs';

export const GENMARKET_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
