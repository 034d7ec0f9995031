/**
 * Where on the page the admin was, besides the heading: the breadcrumb's
 * steps and the active tab's label, for the category (issue 16, item 4:
 * "page heading, title, breadcrumb, active tab … each weighted"). ARIA
 * first (WAI-ARIA Authoring Practices, https://www.w3.org/WAI/ARIA/apg/patterns/breadcrumb/
 * and https://www.w3.org/WAI/ARIA/apg/patterns/tabs/), then the common class names.
 */
import type { PageContext } from '../schema';
import { isShown, visibleText } from './visibility';

const breadcrumbSelector = [
  'nav[aria-label*="breadcrumb" i]',
  'nav[aria-label*="パンくず"]',
  '[class~="breadcrumb"]',
  '[class~="breadcrumbs"]',
  '[class*="Breadcrumb"]',
].join(', ');

const activeTabSelector = [
  '[role="tab"][aria-selected="true"]',
  '[role="tablist"] [aria-current="page"]',
  '.nav-tabs .active',
  '.tabs .is-active',
  '.tabs .active',
].join(', ');

/** Short, so a mislabelled container cannot bring a page's worth of text. */
const maxTextLength = 100;
const maxSteps = 8;

function shortText(element: Element): string {
  return visibleText(element).replace(/\s+/g, ' ').trim().slice(0, maxTextLength);
}

function breadcrumbOf(document: Document, view: Window): string[] {
  const trail = [...document.querySelectorAll(breadcrumbSelector)].find((element) => isShown(element, view));
  if (!trail) return [];
  const steps = [...trail.querySelectorAll('li, a')].filter(
    // A link inside a list item is the same step: keep the item.
    (element) => !(element.tagName === 'A' && element.closest('li') && trail.contains(element.closest('li'))),
  );
  const texts = (steps.length > 0 ? steps : [trail]).map(shortText).filter(Boolean);
  return texts.slice(0, maxSteps);
}

function activeTabOf(document: Document, view: Window): string {
  const tab = [...document.querySelectorAll(activeTabSelector)].find((element) => isShown(element, view));
  return tab ? shortText(tab) : '';
}

/** The page's breadcrumb and active tab; undefined when it shows neither. */
export function collectPageContext(document: Document, view: Window): PageContext | undefined {
  const breadcrumb = breadcrumbOf(document, view);
  const activeTab = activeTabOf(document, view);
  return breadcrumb.length > 0 || activeTab ? { breadcrumb, activeTab } : undefined;
}
