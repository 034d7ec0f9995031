/**
 * Finds the error messages a person sees on the page, by role and semantics
 * rather than one site's class names (the OneLogin console's markup is not
 * public, see shared/onelogin.md): `role=alert`, live regions, invalid form
 * fields with their described-by messages, and elements marked as errors.
 */
import type { PageError, PageErrorKind } from '../schema';
import { isShown, visibleText } from './visibility';

/** One message longer than this is cut; the help center wants full texts, pathological pages get a cap. */
export const maxErrorTextLength = 4000;
export const maxErrors = 50;

/** Class tokens that mark an element as an error message (not a wrapper state such as `has-error`). */
const errorClassToken =
  /^(error|errors|error-message|error-text|errormessage|alert-danger|alert-error|flash-error|flash-danger|notification-error|toast-error|invalid-feedback|validation-error|validation-message|field-error|form-error)$/i;

/** Error wording in Japanese and English (shared/onelogin.md), for regions that also carry good news. */
export const errorWording =
  /エラー|失敗|できません|できませんでした|無効|不正|拒否|期限切れ|タイムアウト|見つかりません|error|fail|invalid|denied|expired|timed out|unable|cannot|can't|not allowed|forbidden/i;

interface Candidate {
  element: Element;
  kind: PageErrorKind;
  field?: string;
}

function fieldLabel(field: Element, document: Document): string | undefined {
  const labelledBy = field.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => document.getElementById(id))
      .filter((label): label is HTMLElement => label !== null)
      .map(visibleText)
      .join(' ')
      .trim();
    if (text) return text;
  }
  const ariaLabel = field.getAttribute('aria-label')?.trim();
  if (ariaLabel) return ariaLabel;
  if (field.id) {
    const label = document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    if (label) return visibleText(label);
  }
  const wrappingLabel = field.closest('label');
  if (wrappingLabel) return visibleText(wrappingLabel);
  return field.getAttribute('name') ?? undefined;
}

function describesError(element: Element): boolean {
  return (
    element.getAttribute('role') === 'alert' ||
    [...element.classList].some((token) => errorClassToken.test(token)) ||
    /error|invalid/i.test(element.id) ||
    errorWording.test(element.textContent ?? '')
  );
}

function formFieldCandidates(document: Document): Candidate[] {
  const candidates: Candidate[] = [];
  for (const field of document.querySelectorAll('[aria-invalid="true"]')) {
    const describedBy =
      field.getAttribute('aria-describedby') ?? field.getAttribute('aria-errormessage') ?? '';
    const label = fieldLabel(field, document);
    for (const id of describedBy.split(/\s+/).filter(Boolean)) {
      const message = document.getElementById(id);
      // aria-describedby also points at plain hints ("半角英数字が使用できます"): keep only what reads as an error.
      if (message && describesError(message))
        candidates.push({ element: message, kind: 'form-field', ...(label ? { field: label } : {}) });
    }
  }
  return candidates;
}

function semanticCandidates(document: Document): Candidate[] {
  const candidates: Candidate[] = [];
  for (const element of document.querySelectorAll(
    '[role="alert"], [aria-live="assertive"], [aria-live="polite"], [role="status"], [class]',
  )) {
    if (element.getAttribute('role') === 'alert' || element.getAttribute('aria-live') === 'assertive') {
      candidates.push({ element, kind: 'alert' });
    } else if (element.getAttribute('aria-live') === 'polite' || element.getAttribute('role') === 'status') {
      candidates.push({ element, kind: 'live-region' });
    } else if ([...element.classList].some((token) => errorClassToken.test(token))) {
      candidates.push({ element, kind: 'marked-error' });
    }
  }
  return candidates;
}

function cap(text: string): string {
  return text.length > maxErrorTextLength ? `${text.slice(0, maxErrorTextLength)}…` : text;
}

/**
 * Visible error messages in page order, each once. A message inside one
 * already taken (an alert holding an `.error` paragraph) is not repeated,
 * and a form field's message keeps its field's label.
 */
export function collectPageErrors(document: Document, view: Window): PageError[] {
  const byElement = new Map<Element, Candidate>();
  // Form-field messages first, so their field label wins over a plain class match on the same element.
  for (const candidate of [...formFieldCandidates(document), ...semanticCandidates(document)]) {
    if (!byElement.has(candidate.element)) byElement.set(candidate.element, candidate);
  }
  const ordered = [...byElement.values()].sort((a, b) =>
    a.element === b.element
      ? 0
      : a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING
        ? -1
        : 1,
  );
  const taken: Element[] = [];
  const seenTexts = new Set<string>();
  const errors: PageError[] = [];
  for (const candidate of ordered) {
    if (errors.length >= maxErrors) break;
    if (taken.some((outer) => outer.contains(candidate.element))) continue;
    if (!isShown(candidate.element, view)) continue;
    const text = visibleText(candidate.element);
    if (!text) continue;
    // A polite live region also announces successes ("保存しました"): keep it only when it reads as an error.
    if (candidate.kind === 'live-region' && !errorWording.test(text)) continue;
    const key = `${candidate.field ?? ''}\u0000${text}`;
    if (seenTexts.has(key)) continue;
    seenTexts.add(key);
    taken.push(candidate.element);
    errors.push({
      kind: candidate.kind,
      text: cap(text),
      ...(candidate.field ? { field: candidate.field } : {}),
    });
  }
  return errors;
}
