/**
 * The on-page report of what was filled: a small panel in a shadow root, so
 * the help center's styles do not reach it and ours do not leak out; built
 * with DOM calls and textContent only (field values are user text).
 */
import type { Translate } from '../i18n';
import type { FillReportItem, FormGeneration } from '../schema';

export const fillPanelHostId = 'helpdraft-fill-panel';

const panelStyle = `
  :host { all: initial; }
  .panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 300px; max-height: 60vh;
    overflow: auto; background: #fff; color: #1f2933; border: 1px solid #c5ccd3; border-radius: 8px;
    box-shadow: 0 4px 16px rgba(0,0,0,.18); font: 13px/1.5 system-ui, sans-serif; padding: 12px 14px; }
  h2 { font-size: 14px; margin: 0 0 8px; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { display: flex; gap: 6px; padding: 2px 0; }
  .status-filled::before { content: '✓'; color: #1a7f37; }
  .status-skipped::before { content: '–'; color: #6b7785; }
  .status-not-found::before, .status-rejected::before { content: '!'; color: #b42318; font-weight: bold; }
  .field { font-weight: 600; }
  li[data-warning] { flex-wrap: wrap; }
  .warning { flex-basis: 100%; color: #b42318; }
  p { margin: 8px 0 0; color: #4a5561; }
  p.about { margin: 0 0 8px; }
  [data-problem] p.about { color: #b42318; font-weight: 600; }
  button { margin-top: 8px; font: inherit; padding: 2px 10px; }
`;

export interface PanelContext {
  /** The form filled, shown above the fields. */
  generation?: FormGeneration;
  ticketForm?: string;
  /** Why nothing was filled: a sign-in page, or no request form at all. */
  problem?: 'sign-in' | 'not-a-form';
}

export function showFillPanel(
  document: Document,
  items: FillReportItem[],
  t: Translate,
  context: PanelContext = {},
): HTMLElement {
  document.getElementById(fillPanelHostId)?.remove();
  const host = document.createElement('div');
  host.id = fillPanelHostId;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = panelStyle;
  const panel = document.createElement('section');
  panel.className = 'panel';
  panel.setAttribute('role', 'status');
  if (context.problem) panel.dataset.problem = context.problem;
  if (context.generation) panel.dataset.generation = context.generation;
  const heading = document.createElement('h2');
  heading.textContent = t('fill.panelTitle');
  const about = document.createElement('p');
  about.className = 'about';
  if (context.problem) {
    about.textContent = t(context.problem === 'sign-in' ? 'fill.panelSignIn' : 'fill.panelNotAForm');
  } else if (context.generation) {
    about.textContent = [
      t(`fill.panelGeneration.${context.generation}`),
      context.ticketForm ? t('fill.panelTicketForm', { name: context.ticketForm }) : '',
    ]
      .filter(Boolean)
      .join(' / ');
  }
  const list = document.createElement('ul');
  for (const item of items) {
    const row = document.createElement('li');
    row.className = `status-${item.status}`;
    row.dataset.field = item.field;
    row.dataset.status = item.status;
    const field = document.createElement('span');
    field.className = 'field';
    field.textContent = t(`fill.field.${item.field}`);
    const status = document.createElement('span');
    status.textContent = t(`fill.status.${item.status}`);
    row.append(field, status);
    if (item.warning) {
      // A hidden control shadowed the one filled (./visible.ts): the user checks before submitting.
      row.dataset.warning = item.warning;
      const warning = document.createElement('span');
      warning.className = 'warning';
      warning.textContent = t(`fill.warning.${item.warning}`);
      row.append(warning);
    }
    list.append(row);
  }
  const footer = document.createElement('p');
  footer.textContent = t('fill.panelFooter');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t('fill.panelClose');
  close.addEventListener('click', () => host.remove(), { once: true });
  panel.append(heading, ...(about.textContent ? [about] : []), list, footer, close);
  shadow.append(style, panel);
  document.body.append(host);
  return host;
}
