import type { PageSnapshot } from '../schema';
import { collectPageErrors } from './errors';
import { collectPageContext } from './page-context';
import { isShown, visibleText } from './visibility';

/** The page's main heading (an app's or a user's name on OneLogin's edit pages), if one is shown. */
export function pageHeading(document: Document, view: Window): string {
  const heading = [...document.querySelectorAll('h1')].find((element) => isShown(element, view));
  return heading ? visibleText(heading).slice(0, 200) : '';
}

/** What the page's own DOM says (the collector adds entities, environment and the recording). */
export function collectPageSnapshot(
  document: Document,
  view: Window,
): Pick<PageSnapshot, 'url' | 'title' | 'heading' | 'context' | 'errors' | 'viewport'> {
  const context = collectPageContext(document, view);
  return {
    url: view.location.href,
    title: document.title,
    heading: pageHeading(document, view),
    ...(context ? { context } : {}),
    errors: collectPageErrors(document, view),
    viewport: { width: view.innerWidth, height: view.innerHeight, devicePixelRatio: view.devicePixelRatio },
  };
}
