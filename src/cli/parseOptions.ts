/**
 * Parsers for command-line option values. Each returns a commander
 * argument parser that rejects a bad value with a message naming the
 * option, the value and what is expected.
 */
import { InvalidArgumentError } from 'commander';
import { MAX_PLATFORMS } from '../market/scenarioSchema.js';

export function parsePositiveInteger(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${option} must be a positive integer, got "${value}".`);
    return n;
  };
}

export function parseNonNegativeInteger(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${option} must be a non-negative integer, got "${value}".`);
    return n;
  };
}

export function parseNonNegative(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${option} must be a non-negative number, got "${value}".`);
    return n;
  };
}

export function parsePositive(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${option} must be a positive number, got "${value}".`);
    return n;
  };
}

export function parseProbability(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError(`${option} must be a number from 0 to 1, got "${value}".`);
    return n;
  };
}

/** Parses --platforms: a whole number from 1 to MAX_PLATFORMS. */
export function parsePlatformCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PLATFORMS) {
    throw new InvalidArgumentError(`--platforms must be a whole number from 1 to ${MAX_PLATFORMS}, got "${value}".`);
  }
  return n;
}
