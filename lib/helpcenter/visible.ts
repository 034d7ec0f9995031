/**
 * Which of several controls for one field the filler fills. A page can put a hidden control
 * with the same name or label before the one a person sees; filling the first match would put
 * the draft where the user cannot review it (issue 15, item 5: "the filler prefers visible
 * controls, never fills a hidden control that shadows a visible one with the same role, and
 * reports such a form"). A field whose only control is hidden stays fillable: Zendesk's classic
 * dropdowns are a hidden `<select>` or `<input type=hidden data-tagger>` under a visible
 * `a.nesty-input` (shared/helpcenter-form.md; test/fixtures/standin/helpcenter/hc/ja/requests/new.html).
 */

import type { FillReportItem } from '../schema';
import { findControlsByLabel } from './fields';

/** Smaller than this (CSS px) in either direction is a control no one can see or type in. */
const minimumSidePx = 4;

/** Whether the document is laid out (a browser); happy-dom gives every box zero size. */
function hasLayout(document: Document): boolean {
  return document.documentElement.getBoundingClientRect().width > 0;
}

/**
 * Whether a person can see the control: not `type=hidden`, not in a `hidden`, `inert` or
 * `aria-hidden` subtree, not `display: none`, `visibility: hidden` or transparent, and where
 * the page is laid out, of a usable size and not moved off the page (`left: -9999px`).
 */
export function isControlShown(control: Element): boolean {
  if (control.matches('input[type=hidden]')) return false;
  if (control.closest('[hidden], [inert], [aria-hidden="true"]')) return false;
  const view = control.ownerDocument.defaultView;
  if (!view) return false;
  let opacity = 1;
  for (let node: Element | null = control; node; node = node.parentElement) {
    const style = view.getComputedStyle(node);
    if (style.display === 'none') return false;
    if (node === control && (style.visibility === 'hidden' || style.visibility === 'collapse')) return false;
    const own = Number.parseFloat(style.opacity);
    if (Number.isFinite(own)) opacity *= own;
  }
  if (opacity < 0.05) return false;
  if (!hasLayout(control.ownerDocument)) return true;
  const box = control.getBoundingClientRect();
  if (box.width < minimumSidePx || box.height < minimumSidePx) return false;
  const page = control.ownerDocument.documentElement;
  const left = box.left + view.scrollX;
  const top = box.top + view.scrollY;
  return left + box.width > 0 && top + box.height > 0 && left < page.scrollWidth && top < page.scrollHeight;
}

export interface ChosenControl<T extends Element> {
  control: T | null;
  /** A hidden control with the same name or label stood beside the visible one, and was left alone. */
  shadowed: boolean;
}

/** The first visible candidate (and whether hidden ones shadowed it); else the first, if all are hidden. */
export function chooseControl<T extends Element>(candidates: Iterable<T>): ChosenControl<T> {
  const unique = [...new Set(candidates)];
  const shown = unique.filter(isControlShown);
  if (shown.length === 0) return { control: unique[0] ?? null, shadowed: false };
  return { control: shown[0] ?? null, shadowed: shown.length < unique.length };
}

/**
 * Every control of a field, by `name` first, then by label (shared/helpcenter-form.md), and the
 * one to fill. Both ways are asked so that a hidden control found by one cannot hide a visible
 * one found by the other.
 */
export function chooseField<T extends Element>(
  form: HTMLFormElement,
  name: string | undefined,
  labels: RegExp,
  selector?: string,
): ChosenControl<T> {
  const byName = name
    ? [...form.querySelectorAll<T>(`[name="${name}"]`)].filter(
        (control) => !selector || control.matches(selector),
      )
    : [];
  return chooseControl([...byName, ...findControlsByLabel<T>(form, labels, selector)]);
}

/** The report of a field, marked when a hidden control shadowed the one filled. */
export function reported(item: FillReportItem, shadowed: boolean): FillReportItem {
  return shadowed ? { ...item, warning: 'hidden-duplicate' } : item;
}
