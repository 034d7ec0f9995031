/**
 * Small DOM helpers shared by both form generations. Each takes the element
 * (or its Document) it works on, so happy-dom fixtures can drive them.
 */

/** Resolves true once `condition` holds, false after `timeoutMs` or when `signal` aborts. */
export async function waitFor(
  condition: () => boolean,
  timeoutMs: number,
  signal?: AbortSignal,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline || signal?.aborted) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return true;
}

export function dispatchEdits(element: Element): void {
  element.dispatchEvent(new Event('input', { bubbles: true }));
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Sets a value the way typing does, for React's uncontrolled inputs: React
 * wraps the element's own `value` property to track what it last saw, so a
 * plain `el.value =` updates that tracker and the following `input` event is
 * ignored (the value is then lost on re-render, helpcenter-form.md). The
 * prototype's setter bypasses the tracker; the bubbling `input` event then
 * reaches React's root listener as a real change.
 */
export function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const view = element.ownerDocument.defaultView;
  const prototype =
    element instanceof (view?.HTMLTextAreaElement ?? HTMLTextAreaElement)
      ? (view?.HTMLTextAreaElement ?? HTMLTextAreaElement).prototype
      : (view?.HTMLInputElement ?? HTMLInputElement).prototype;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(element, value);
  else element.value = value;
  dispatchEdits(element);
}

/**
 * The text a person sees in an element: hidden descendants (`hidden`,
 * `aria-hidden`, visually-hidden helper text) left out, whitespace folded.
 * Garden's empty option carries such helper text, so labels must be read
 * this way to be matched exactly (helpcenter-form.md).
 */
export function visibleText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll(
    '[hidden], [aria-hidden="true"], .sr-only, .visually-hidden, [data-garden-id="typography.hidden"]',
  )) {
    hidden.remove();
  }
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Cuts a text to a field's `maxlength`, counting characters as the browser does (code points). */
export function clip(value: string, maxLength: number): string {
  return maxLength > 0 ? [...value].slice(0, maxLength).join('') : value;
}

export function shorten(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}
