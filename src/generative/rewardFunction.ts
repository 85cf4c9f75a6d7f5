/**
 * Reward functions r_θ(x) of user types over the output space R^d, with
 * their gradients in x for reparameterisation gradients.
 */

/** Reward r_θ of one user type. */
export type RewardFunction =
  | {
      /** r(x) = exp(−‖x − c‖² / (2 s²)): 1 at the ideal point c, falling off with width s. */
      kind: 'gaussianKernel';
      center: Float64Array;
      width: number;
    }
  | {
      /** r(x) = −a ‖x − c‖²: a quadratic loss around the ideal point c, with scale a > 0. */
      kind: 'negativeSquaredDistance';
      center: Float64Array;
      scale: number;
    }
  | {
      /** r(x) = 1 / (1 + exp(−(w·x + b))): a preference that rises along direction w. */
      kind: 'linearSigmoid';
      direction: Float64Array;
      offset: number;
    };

/** Returns the dimension of the output space the reward function is defined on. */
export function rewardDimension(reward: RewardFunction): number {
  return reward.kind === 'linearSigmoid' ? reward.direction.length : reward.center.length;
}

function squaredDistance(x: Float64Array, center: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < center.length; i++) {
    const diff = x[i] - center[i];
    sum += diff * diff;
  }
  return sum;
}

function logistic(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function linearScore(reward: { direction: Float64Array; offset: number }, x: Float64Array): number {
  let z = reward.offset;
  for (let i = 0; i < reward.direction.length; i++) z += reward.direction[i] * x[i];
  return z;
}

/** Evaluates r(x). */
export function evaluateReward(reward: RewardFunction, x: Float64Array): number {
  switch (reward.kind) {
    case 'gaussianKernel':
      return Math.exp(-squaredDistance(x, reward.center) / (2 * reward.width * reward.width));
    case 'negativeSquaredDistance':
      return -reward.scale * squaredDistance(x, reward.center);
    case 'linearSigmoid':
      return logistic(linearScore(reward, x));
  }
}

/** Writes ∇_x r(x) into `out` and returns r(x). */
export function evaluateRewardGradient(reward: RewardFunction, x: Float64Array, out: Float64Array): number {
  const d = out.length;
  switch (reward.kind) {
    case 'gaussianKernel': {
      const s2 = reward.width * reward.width;
      const value = Math.exp(-squaredDistance(x, reward.center) / (2 * s2));
      for (let i = 0; i < d; i++) out[i] = (-value * (x[i] - reward.center[i])) / s2;
      return value;
    }
    case 'negativeSquaredDistance': {
      for (let i = 0; i < d; i++) out[i] = -2 * reward.scale * (x[i] - reward.center[i]);
      return -reward.scale * squaredDistance(x, reward.center);
    }
    case 'linearSigmoid': {
      const value = logistic(linearScore(reward, x));
      const slope = value * (1 - value);
      for (let i = 0; i < d; i++) out[i] = slope * reward.direction[i];
      return value;
    }
  }
}
