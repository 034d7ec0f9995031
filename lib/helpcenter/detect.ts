/**
 * Which page the filler landed on: a classic request form, a React
 * (Copenhagen v4) request form, a sign-in page, or something else
 * (docs/HELPCENTER-FORM.md, "Telling them apart"). Pure readers of the
 * Document, plus a wait for the React form, which renders after page load.
 */
import type { FormGeneration } from '../schema';
import { waitFor } from './dom';

export type PageDetection =
  | { kind: 'classic'; form: HTMLFormElement }
  | { kind: 'react'; form: HTMLFormElement }
  | { kind: 'sign-in' }
  | { kind: 'not-a-form' };

export function isFormGeneration(kind: PageDetection['kind']): kind is FormGeneration {
  return kind === 'classic' || kind === 'react';
}

/** The classic `{{request_form}}`: `form#new_request.request-form`, server-rendered. */
export function findClassicForm(document: Document): HTMLFormElement | null {
  const form = document.querySelector<HTMLFormElement>('form#new_request, form.request-form');
  // A React form rendered with a familiar class is still the React form.
  return form && !form.closest('#new-request-form') ? form : null;
}

/** The container Copenhagen v4 renders its form into. */
export function findReactContainer(document: Document): HTMLElement | null {
  return document.getElementById('new-request-form');
}

/**
 * The React form once it has rendered fields: the container holds a form
 * (or is one) with a subject input or a Garden combobox in it.
 */
export function findReactForm(document: Document): HTMLFormElement | null {
  const container = findReactContainer(document);
  if (!container) return null;
  const form = container instanceof HTMLFormElement ? container : container.querySelector('form');
  if (!form) return null;
  return form.querySelector(
    '[name="request[subject]"], [role=combobox], textarea[name="request[description]"]',
  )
    ? form
    : null;
}

/** Zendesk's sign-in lives under /access/… and /auth/v2/login; a help center links it from /hc/<locale>/signin. */
const signInPath = /\/(access\/(login|unauthenticated|normal|sso)|auth\/v2\/login|signin|login)(\/|$|\?)/i;

/**
 * A sign-in page: a sign-in URL, or a page asking for a password (the
 * request form never does), or Zendesk's sign-in frame embedded.
 */
export function isSignInPage(document: Document): boolean {
  const location = document.location;
  if (location && signInPath.test(location.pathname)) return true;
  return Boolean(
    document.querySelector(
      'input[type=password], iframe[src*="/auth/v2/login"], form[action*="/access/login"], form[action*="/auth/v2/login"]',
    ),
  );
}

/** What the page is right now, without waiting. */
export function detectPage(document: Document): PageDetection {
  const classic = findClassicForm(document);
  if (classic) return { kind: 'classic', form: classic };
  const react = findReactForm(document);
  if (react) return { kind: 'react', form: react };
  return isSignInPage(document) ? { kind: 'sign-in' } : { kind: 'not-a-form' };
}

export interface DetectOptions {
  /** How long to wait for the React form to render into its container. */
  renderTimeoutMs?: number;
  /** How long to wait when the page has neither form nor container (a script may still be adding one). */
  settleMs?: number;
  signal?: AbortSignal;
}

/**
 * Waits until the page is one of the two forms, or is clearly not one: the
 * React form renders into `#new-request-form` after load, so a page with
 * that container is given `renderTimeoutMs`; a page without it only
 * `settleMs`; a sign-in page is answered at once.
 */
export async function waitForRequestForm(
  document: Document,
  { renderTimeoutMs = 15_000, settleMs = 1_500, signal }: DetectOptions = {},
): Promise<PageDetection> {
  const started = Date.now();
  let detection = detectPage(document);
  await waitFor(
    () => {
      detection = detectPage(document);
      if (isFormGeneration(detection.kind) || detection.kind === 'sign-in') return true;
      const limit = findReactContainer(document) ? renderTimeoutMs : settleMs;
      return Date.now() - started >= limit;
    },
    Math.max(renderTimeoutMs, settleMs),
    signal,
  );
  return detection;
}
