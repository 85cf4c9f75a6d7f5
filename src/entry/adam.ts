/**
 * Adam gradient ascent (Kingma and Ba, "Adam: A Method for Stochastic
 * Optimization", ICLR 2015) on a flat parameter vector.
 */

export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const DEFAULT_ADAM: AdamSettings = { learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

/** First and second moment estimates and the step count. */
export interface AdamState {
  firstMoment: Float64Array;
  secondMoment: Float64Array;
  step: number;
}

export function createAdamState(size: number): AdamState {
  return { firstMoment: new Float64Array(size), secondMoment: new Float64Array(size), step: 0 };
}

/** Moves `params` one step up `gradient` in place and updates `state`. */
export function adamAscentStep(
  params: Float64Array,
  gradient: Float64Array,
  state: AdamState,
  settings: AdamSettings,
): void {
  const { learningRate, beta1, beta2, epsilon } = settings;
  state.step += 1;
  const correction1 = 1 - Math.pow(beta1, state.step);
  const correction2 = 1 - Math.pow(beta2, state.step);
  for (let p = 0; p < params.length; p++) {
    const g = gradient[p];
    state.firstMoment[p] = beta1 * state.firstMoment[p] + (1 - beta1) * g;
    state.secondMoment[p] = beta2 * state.secondMoment[p] + (1 - beta2) * g * g;
    const mHat = state.firstMoment[p] / correction1;
    const vHat = state.secondMoment[p] / correction2;
    params[p] += (learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
  }
}
