/**
 * Finds the secrets on the page the screenshot must not show: password and
 * secret fields, one-time codes, encoded SAML messages and tokens, and
 * (when the user asks) email addresses. Nothing is laid over the page: the
 * targets' rectangles are painted into the captured image by the background
 * (lib/capture/mask-measure.ts, lib/background/paint-masks.ts).
 */
import { compileMaskPattern, customPatternRule, emailPattern, redactText } from './redact';
import { isShown } from './visibility';

/** The overlay of earlier versions; its id is still skipped by the text walk and html2canvas's clone. */
export const maskHostId = 'helpdraft-capture-masks';
/** The attribute html2canvas's clone is masked by (set for the capture, removed after). */
export const maskAttribute = 'data-helpdraft-mask';

/** Names, ids, labels and autocomplete values of fields that hold secrets. */
const secretFieldName =
  /secret|token|api[_-]?key|apikey|passw|private[_-]?key|saml(request|response)|assertion|credential|シークレット|トークン|パスワード|秘密鍵|APIキー/i;

/**
 * A cheap first look for what redactText's rules find (lib/capture/redact.ts):
 * most text (names, dates, table cells) fails it at once and is not run
 * through every rule. The long-encoded-value rule needs 120 characters, so
 * shorter texts skip that scan.
 */
const secretKeyword =
  /bearer|basic|passw|pwd|secret|api[_-]?key|token|saml|cookie|session|eyJ|PRIVATE KEY|<(?:assertion|response|authnrequest)/i;
const longEncodedRun = /[A-Za-z0-9+/]{120}/;

export function mayHoldSecret(text: string): boolean {
  return secretKeyword.test(text) || (text.length >= 120 && longEncodedRun.test(text));
}

export interface MaskTarget {
  /** What to cover: an element's box, or the boxes of a piece of text. */
  rects: DOMRect[];
  rule: string;
  element: Element;
  /**
   * Measures the target again, in the top document's viewport (CSS px), for the
   * check right before and after the screenshot: the page may have moved it.
   * Without it the element's own box is measured.
   */
  measure?: () => DOMRect[];
}

export interface MaskOptions {
  maskEmails: boolean;
  /** Extra patterns (settings or the organisation's policy): each match gets its own box. */
  maskPatterns?: readonly string[];
  /**
   * `viewport` for captureVisibleTab (only what is on screen needs a box);
   * `document` for the html2canvas modes, which draw the whole page or a
   * region off screen: every secret is marked, wherever it is.
   */
  scope: 'viewport' | 'document';
}

function describe(field: Element): string {
  const id = field.id;
  const label = id ? field.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : '';
  return [
    field.getAttribute('name'),
    id,
    field.getAttribute('autocomplete'),
    field.getAttribute('aria-label'),
    field.getAttribute('placeholder'),
    label,
    field.closest('label')?.textContent,
  ]
    .filter(Boolean)
    .join(' ');
}

function fieldRule(field: HTMLInputElement | HTMLTextAreaElement, options: MaskOptions): string | undefined {
  if (field instanceof HTMLInputElement && field.type === 'password') return 'password-field';
  const autocomplete = field.getAttribute('autocomplete') ?? '';
  if (/one-time-code|current-password|new-password/.test(autocomplete)) return 'password-field';
  if (secretFieldName.test(describe(field))) return 'secret-field';
  if (field.value && redactText(field.value, 'screenshot').redactions.length > 0) return 'secret-value';
  if (field.value && customMatches(field.value, options).length > 0) return customPatternRule;
  if (options.maskEmails && (field.type === 'email' || new RegExp(emailPattern.source).test(field.value))) {
    return 'email';
  }
  return undefined;
}

function inScope(rect: DOMRect, view: Window, scope: MaskOptions['scope']): boolean {
  return scope === 'document' || intersectsViewport(rect, view);
}

function intersectsViewport(rect: DOMRect, view: Window): boolean {
  return (
    rect.width > 0 &&
    rect.height > 0 &&
    rect.bottom > 0 &&
    rect.right > 0 &&
    rect.top < view.innerHeight &&
    rect.left < view.innerWidth
  );
}

/** More line boxes than this in one secret text are covered by one box over their bounds. */
export const maxBoxesPerText = 50;

/**
 * The boxes that cover a range of text: one per line box in scope, or, for a
 * text of very many lines (a page can put megabytes in one element, and a
 * box per line would be hundreds of thousands of elements), one box over all
 * of them.
 */
function coveringRects(range: Range, view: Window, scope: MaskOptions['scope']): DOMRect[] {
  const rects = [...range.getClientRects()].filter((rect) => inScope(rect, view, scope));
  return rects.length > maxBoxesPerText ? [range.getBoundingClientRect()] : rects;
}

/** Where the extra patterns match in a text, each with its rule. */
function customMatches(text: string, options: MaskOptions): { index: number; length: number }[] {
  const matches: { index: number; length: number }[] = [];
  for (const source of options.maskPatterns ?? []) {
    const pattern = compileMaskPattern(source);
    if (!pattern) continue;
    for (const match of text.matchAll(pattern)) matches.push({ index: match.index, length: match[0].length });
  }
  return matches;
}

function textTargets(document: Document, view: Window, options: MaskOptions): MaskTarget[] {
  const targets: MaskTarget[] = [];
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    const custom = options.maskPatterns?.length ? customMatches(text, options) : [];
    if (text.length < 6 && custom.length === 0) continue;
    const secret = mayHoldSecret(text) ? redactText(text, 'screenshot').redactions[0] : undefined;
    const emails = options.maskEmails && !secret ? [...text.matchAll(emailPattern)] : [];
    const pieces = secret
      ? []
      : [
          ...emails.map((match) => ({ index: match.index, length: match[0].length, rule: 'email' })),
          ...custom.map((match) => ({ ...match, rule: customPatternRule })),
        ];
    if (!secret && pieces.length === 0) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(`#${maskHostId}, script, style, noscript, textarea`)) continue;
    const range = document.createRange();
    if (secret) {
      range.selectNodeContents(node);
      if (inScope(range.getBoundingClientRect(), view, options.scope)) {
        targets.push({
          rects: coveringRects(range, view, options.scope),
          rule: secret.rule,
          element: parent,
        });
      }
      continue;
    }
    for (const piece of pieces) {
      range.setStart(node, piece.index);
      range.setEnd(node, piece.index + piece.length);
      if (inScope(range.getBoundingClientRect(), view, options.scope)) {
        targets.push({ rects: coveringRects(range, view, options.scope), rule: piece.rule, element: parent });
      }
    }
  }
  return targets;
}

/** Everything to cover in the visible area, each with the rule that asks for it. */
export function findMaskTargets(document: Document, view: Window, options: MaskOptions): MaskTarget[] {
  const targets: MaskTarget[] = [];
  for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (
      field instanceof HTMLInputElement &&
      ['hidden', 'checkbox', 'radio', 'submit', 'button'].includes(field.type)
    )
      continue;
    const rule = fieldRule(field, options);
    if (!rule || !isShown(field, view)) continue;
    const rect = field.getBoundingClientRect();
    if (inScope(rect, view, options.scope)) targets.push({ rects: [rect], rule, element: field });
  }
  return [...targets, ...textTargets(document, view, options)];
}
