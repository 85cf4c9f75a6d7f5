/**
 * Writes `scenarios/scenario.schema.json`, the JSON Schema of scenario files
 * generated from the zod schema, so editors can complete and check them.
 * Run with `npm run schema` after changing `scenarioSchema.ts`.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { scenarioSchema } from './scenarioSchema.js';

const target = new URL('../../scenarios/scenario.schema.json', import.meta.url);
const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
writeFileSync(target, `${JSON.stringify({ title: 'genmarket scenario', ...schema }, null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
