/**
 * The error an error-area screenshot is centred on: the first element in
 * document order that matches the error selector and that a person sees
 * (shown, with a box inside the page, and with text unless it is an invalid
 * field). An invalid field brings the messages it is described by.
 */
import { isShown, visibleText } from '../visibility';
import { unionBox, type Box } from './region';

export interface FoundError {
  element: Element;
  /** Document coordinates, CSS px. */
  box: Box;
}

function documentBox(element: Element, view: Window): Box | undefined {
  const rect = element.getBoundingClientRect();
  if (rect.width <= 0 || rect.height <= 0) return undefined;
  return {
    left: rect.left + view.scrollX,
    top: rect.top + view.scrollY,
    right: rect.right + view.scrollX,
    bottom: rect.bottom + view.scrollY,
  };
}

const fieldTags = /^(INPUT|SELECT|TEXTAREA)$/i;

function describedBy(element: Element, document: Document, view: Window): Box[] {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids
    .map((id) => document.getElementById(id))
    .filter((described): described is HTMLElement => described !== null && isShown(described, view))
    .map((described) => documentBox(described, view))
    .filter((box): box is Box => box !== undefined);
}

export function findErrorElement(
  document: Document,
  view: Window,
  selector: string,
  page: { width: number; height: number },
): FoundError | undefined {
  for (const element of document.querySelectorAll(selector)) {
    const box = documentBox(element, view);
    if (!box) continue;
    if (box.right <= 0 || box.bottom <= 0 || box.left >= page.width || box.top >= page.height) continue;
    const field = fieldTags.test(element.tagName) || element.getAttribute('aria-invalid') === 'true';
    if (!field && visibleText(element) === '') continue;
    if (!isShown(element, view)) continue;
    const style = view.getComputedStyle(element);
    if (style.visibility === 'hidden' || (style.opacity !== '' && Number(style.opacity) === 0)) continue;
    return { element, box: unionBox([box, ...describedBy(element, document, view)]) ?? box };
  }
  return undefined;
}
