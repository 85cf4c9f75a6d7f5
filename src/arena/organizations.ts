/**
 * Model organisations from an LMArena model list (such as its
 * `model-prices.json`): an array of objects with at least `model_api_name`,
 * the name used on the leaderboard, and `organization`. They become each
 * model's `provider` in the scenario.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import { formatPath } from '../market/loadScenario.js';

export const modelListSchema = z.array(
  z
    .object({
      model_api_name: z.string({ error: 'expected the leaderboard name of the model (string)' }).min(1),
      organization: z.string({ error: 'expected the organisation name (string)' }).min(1),
    })
    .loose(),
  { error: 'expected an array of {model_api_name, organization, ...} objects' },
);

/**
 * Validates parsed JSON as a model list and returns model name →
 * organisation. Raises InputError naming each bad field, or a model listed
 * twice with different organisations.
 */
export function parseOrganizations(data: unknown, source: string): Map<string, string> {
  const result = modelListSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.slice(0, 10).map((i) => `  ${formatPath(i.path)}: ${i.message}`);
    throw new InputError(`${source} is not a valid model list:\n${lines.join('\n')}`);
  }
  const organizations = new Map<string, string>();
  result.data.forEach((entry, i) => {
    const earlier = organizations.get(entry.model_api_name);
    if (earlier !== undefined && earlier !== entry.organization) {
      throw new InputError(
        `${source} [${i}]: model "${entry.model_api_name}" is listed with organisations "${earlier}" and "${entry.organization}"`,
      );
    }
    organizations.set(entry.model_api_name, entry.organization);
  });
  return organizations;
}
