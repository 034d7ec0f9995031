/**
 * Turns whatever html2canvas or the canvas threw into one of the result's
 * reasons. html2canvas rejects with Errors, DOMExceptions and plain strings
 * alike, so everything is read through its name and message.
 */
import type { ScreenshotFailureReason } from './types';

export interface Classified {
  reason: ScreenshotFailureReason;
  detail: string;
}

/** Thrown by our own timer when html2canvas does not settle. */
export class ScreenshotTimeout extends Error {
  constructor(milliseconds: number) {
    super(`html2canvas did not finish within ${Math.round(milliseconds)} ms`);
    this.name = 'ScreenshotTimeout';
  }
}

export function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') {
    return error.name;
  }
  return '';
}

export function errorMessage(error: unknown): string {
  if (typeof error === 'string') return error;
  if (
    typeof error === 'object' &&
    error !== null &&
    'message' in error &&
    typeof error.message === 'string'
  ) {
    return error.message;
  }
  try {
    return String(error);
  } catch {
    return 'unknown error';
  }
}

/** html2canvas 1.4.1: `Attempting to parse an unsupported color function "oklch"`. */
const unsupportedColor = /unsupported color function\s*"?([\w-]*)"?/i;

export function unsupportedColorFunction(error: unknown): string | undefined {
  const match = unsupportedColor.exec(errorMessage(error));
  return match ? match[1] || 'unknown' : undefined;
}

const tainted = /tainted|insecure|cross-origin data/i;
const csp =
  /content security policy|content-security-policy|\bCSP\b|refused to (load|apply|execute|create|frame|connect)|trustedhtml|trusted ?types?/i;
const tooLarge =
  /invalid string length|array buffer allocation failed|out of memory|canvas (is )?too (large|big)|exceeds? the maximum|maximum canvas/i;

/**
 * The reason and a one-line detail for an error. `cspViolation` is a
 * `securitypolicyviolation` seen on the page while rendering: a failure then
 * is put down to the page's policy.
 */
export function classifyScreenshotError(error: unknown, cspViolation?: string): Classified {
  const name = errorName(error);
  const message = errorMessage(error);
  const detail = name && !message.startsWith(name) ? `${name}: ${message}` : message;
  if (name === 'ScreenshotTimeout') return { reason: 'failed', detail };
  if (name === 'SecurityError' || tainted.test(message)) return { reason: 'tainted-canvas', detail };
  const color = unsupportedColorFunction(error);
  if (color !== undefined) return { reason: 'unsupported-css', detail };
  if (csp.test(message)) return { reason: 'csp', detail };
  if (tooLarge.test(message)) return { reason: 'too-large', detail };
  if (cspViolation) return { reason: 'csp', detail: `${detail} (the page's policy blocked ${cspViolation})` };
  return { reason: 'failed', detail: detail || 'unknown error' };
}
