/**
 * Covers secrets on the page before the visible-area screenshot is taken:
 * opaque boxes over password and secret fields, one-time codes, encoded
 * SAML messages and tokens, and (when the user asks) email addresses. The
 * boxes live in a shadow root laid over the page for the moment of the
 * capture and are removed right after; the page's own DOM is not touched.
 */
import type { Redaction } from '../schema';

// Finding what is secret lives in secret-targets.ts (with secret-labels.ts and secret-walk.ts);
// re-exported so the collector and the tests keep importing it from here.
export { findMaskTargets, maxBoxesPerText } from './secret-targets';

export const maskHostId = 'helpdraft-capture-masks';
/** The attribute html2canvas's clone is masked by (set for the capture, removed after). */
export const maskAttribute = 'data-helpdraft-mask';

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

/** Lays an opaque box over each target; returns what was covered, for the user to see. */
export function placeMasks(document: Document, targets: MaskTarget[]): Redaction[] {
  removeMasks(document);
  const host = document.createElement('div');
  host.id = maskHostId;
  host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;';
  const shadow = host.attachShadow({ mode: 'closed' });
  for (const target of targets) {
    target.element.setAttribute(maskAttribute, target.rule);
    for (const rect of target.rects) {
      const box = document.createElement('div');
      box.style.cssText = `position:fixed;background:#000;left:${rect.left - 2}px;top:${rect.top - 2}px;width:${rect.width + 4}px;height:${rect.height + 4}px;`;
      shadow.append(box);
    }
  }
  document.documentElement.append(host);
  return targets.map((target) => ({ rule: target.rule, where: 'screenshot' }));
}

export function removeMasks(document: Document): void {
  document.getElementById(maskHostId)?.remove();
  for (const element of document.querySelectorAll(`[${maskAttribute}]`))
    element.removeAttribute(maskAttribute);
}

/** Resolves after the browser has painted twice, so the masks are in the next screenshot. */
export function afterPaint(view: Window): Promise<void> {
  return new Promise((resolve) =>
    view.requestAnimationFrame(() => view.requestAnimationFrame(() => resolve())),
  );
}
