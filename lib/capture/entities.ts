/**
 * The OneLogin objects a page is about (docs/ONELOGIN.md): first from the
 * URL alone (account subdomain, app / user / role / directory / mapping /
 * policy / event ids, the app tab or console section), then enriched from the
 * page (the main heading as the primary object's name, an app's connector, a
 * user's email and name fields). The console's markup is not public, so the
 * page is read by headings, labels and form semantics, never by one site's
 * ids; an unknown layout leaves the URL's entities as they are.
 */
import type { Entity, EntityKind } from '../schema';
import { httpErrorPage } from './errors';
import { isShown, visibleText } from './visibility';

/** Every text taken from a URL or a page is cut here. */
export const maxEntityTextLength = 200;

/** Hosts of `*.onelogin.com` that are shared by every account, not an account's subdomain. */
const sharedHosts = new Set(['www', 'app', 'admin', 'api', 'developers', 'support', 'status', 'community']);

/** One DNS label: an account subdomain. */
const subdomainPattern = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The console's areas, as they appear in a path, and the kind of object each holds. */
const areaKinds: ReadonlyMap<string, EntityKind> = new Map([
  ['apps', 'app'],
  ['users', 'user'],
  ['roles', 'role'],
  ['directories', 'directory'],
  ['mappings', 'mapping'],
  ['policies', 'policy'],
  ['user_policies', 'policy'],
  ['events', 'event'],
]);

/** Menu segments that only group areas (Security > Policies, Activity > Events). */
const groupSegments = new Set(['security', 'activity']);

/** Kinds whose ids may be opaque tokens in some views rather than numbers. */
const tokenIdKinds = new Set<EntityKind>(['directory', 'mapping']);

/** The old console's app tabs, carried in the fragment of `/apps/<id>/edit`. */
const appTabs = new Set([
  'info',
  'configuration',
  'parameters',
  'rules',
  'sso',
  'access',
  'users',
  'privileges',
  'provisioning',
]);

/** Path words that name a view or an action, never an object. */
const routeWords = new Set([
  'new',
  'edit',
  'find',
  'show',
  'search',
  'list',
  'index',
  'create',
  'update',
  'delete',
  'destroy',
  'import',
  'export',
  'bulk',
  'copy',
  'clone',
  'settings',
]);

const numericId = /^\d{1,20}$/;
const tokenId = /^[A-Za-z0-9_-]{1,64}$/;
/** Lowercase words, possibly joined (`bulk-edit`, `user_fields`): routes, not opaque tokens. */
const routeLike = /^[a-z]+(?:[-_][a-z]+)*$/;
const sectionPattern = /^[a-z][a-z0-9_-]{0,63}$/i;

function cap(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > maxEntityTextLength ? `${folded.slice(0, maxEntityTextLength)}…` : folded;
}

function isId(kind: EntityKind, segment: string | undefined): segment is string {
  if (segment === undefined || routeWords.has(segment.toLowerCase())) return false;
  if (numericId.test(segment)) return true;
  return tokenIdKinds.has(kind) && tokenId.test(segment) && !routeLike.test(segment);
}

function asSection(segment: string | undefined): string | undefined {
  return segment !== undefined && sectionPattern.test(segment) ? segment.toLowerCase() : undefined;
}

/** The account of `<subdomain>.onelogin.com`, or undefined for shared hosts and other sites. */
function accountOf(hostname: string): Entity | undefined {
  const match = /^([^.]+)\.onelogin\.com$/.exec(hostname);
  const subdomain = match?.[1];
  if (!subdomain || sharedHosts.has(subdomain) || !subdomainPattern.test(subdomain)) return undefined;
  return { kind: 'account', id: subdomain };
}

function isOneLoginHost(hostname: string): boolean {
  return hostname === 'onelogin.com' || hostname.endsWith('.onelogin.com');
}

/** The entities of a console path (without `/admin2`), the fragment giving the old console's app tab. */
function entitiesFromPath(segments: string[], fragment: string): Entity[] {
  // Take the last of the leading area and group words: `/users/directories/5` is a directory, not user "directories".
  let index = 0;
  let area: string | undefined;
  while (index < segments.length) {
    const word = (segments[index] ?? '').toLowerCase();
    if (areaKinds.has(word)) area = word;
    else if (!groupSegments.has(word)) break;
    index += 1;
  }
  const kind = area === undefined ? undefined : areaKinds.get(area);
  if (kind === undefined) return [];
  const rest = segments.slice(index);
  const first = rest[0];
  if (first === undefined) return [{ kind }];
  const firstWord = first.toLowerCase();

  if (kind === 'app' && firstWord === 'find') return [{ kind: 'connector', section: 'catalog' }];
  if (firstWord === 'new') {
    if (kind === 'app' && isId('connector', rest[1]))
      return [{ kind: 'connector', id: rest[1], section: 'new' }];
    return [{ kind, section: 'new' }];
  }
  if (!isId(kind, first)) return [];

  const entity: Entity = { kind, id: first };
  const next = rest[1];
  const nextWord = next?.toLowerCase();
  if (nextWord === undefined || nextWord === 'edit' || nextWord === 'show') {
    const tab = fragment.toLowerCase();
    if (kind === 'app' && appTabs.has(tab)) entity.section = tab;
  } else {
    const section = asSection(next);
    if (section) entity.section = section;
  }
  const entities: Entity[] = [entity];
  // A nested object, e.g. `/admin2/roles/42/apps/123456`: the role's app.
  const nestedKind = nextWord === undefined ? undefined : areaKinds.get(nextWord);
  if (nestedKind && nestedKind !== kind && isId(nestedKind, rest[2])) {
    const nested: Entity = { kind: nestedKind, id: rest[2] };
    const nestedSection = asSection(rest[3]);
    if (nestedSection && nestedSection !== 'edit' && nestedSection !== 'show') nested.section = nestedSection;
    entities.push(nested);
  }
  return entities;
}

/**
 * The OneLogin objects named by a URL, account first: the account of
 * `<subdomain>.onelogin.com` (not for shared hosts such as
 * `admin.us.onelogin.com`), then the object of the path in the old console
 * or under `/admin2/`, with the app tab (old console fragment) or the path
 * segment after the id as its `section`. Only what is certain: other sites,
 * unknown paths and garbage give fewer entities or none, never an error.
 */
export function entitiesFromUrl(url: string): Entity[] {
  try {
    if (typeof url !== 'string' || url.length > 8192) return [];
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return [];
    const hostname = parsed.hostname.toLowerCase().replace(/\.$/, '');
    if (!isOneLoginHost(hostname)) return [];
    const account = accountOf(hostname);
    let segments = parsed.pathname.split('/').filter(Boolean);
    if (segments[0]?.toLowerCase() === 'admin2') segments = segments.slice(1);
    const fragment = parsed.hash.replace(/^#\/?/, '').replace(/\/$/, '');
    const entities = entitiesFromPath(segments, fragment).map((entity) => ({
      ...entity,
      ...(entity.id !== undefined ? { id: cap(entity.id) } : {}),
    }));
    return account ? [account, ...entities] : entities;
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------
// Reading the page

/** Labels, as a person reads them (whitespace folded, a trailing colon dropped), lowercased. */
const connectorLabels = [
  'コネクタ',
  'コネクター',
  'コネクタ名',
  'コネクター名',
  'connector',
  'connector name',
];
const emailLabels = [
  'メールアドレス',
  'メール アドレス',
  'eメール',
  'e メール',
  'メール',
  'email',
  'e-mail',
  'email address',
  'e-mail address',
];
const firstNameLabels = ['名', '名 (first name)', 'first name', 'firstname', 'given name'];
const lastNameLabels = ['姓', '姓 (last name)', 'last name', 'lastname', 'surname', 'family name'];
const appNameLabels = [
  '表示名',
  'アプリ名',
  'アプリケーション名',
  'display name',
  'app name',
  'application name',
];

const connectorClass = /^(connector|connector-name|app-connector)$/i;
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const firstNameField = /(?:^|\[|[-_])(?:first_?name|given_?name)(?:\]|$)/i;
const lastNameField = /(?:^|\[|[-_])(?:last_?name|family_?name|surname)(?:\]|$)/i;
const emailField = /(?:^|\[)e-?mail(?:\]|$)/i;
/** Page chrome: the signed-in admin's own address and the vendor's support links live here. */
const chrome = 'header, footer, nav, [role="banner"], [role="contentinfo"], [role="navigation"]';
/** Labels longer than this are sentences, not labels. */
const maxLabelLength = 40;

function normalizeLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*[:：]$/, '')
    .replace(/\s*[*＊]$/, '')
    .toLowerCase();
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isControl(element: Element | null | undefined): element is Control {
  return (
    element?.localName === 'input' || element?.localName === 'select' || element?.localName === 'textarea'
  );
}

function controlValue(control: Control): string {
  if (control.localName === 'select') {
    const select = control as HTMLSelectElement;
    const option = select.options[select.selectedIndex];
    return option ? visibleText(option) : '';
  }
  const type = (control.getAttribute('type') ?? '').toLowerCase();
  if (type === 'password' || type === 'hidden' || type === 'checkbox' || type === 'radio' || type === 'file')
    return '';
  return control.value;
}

/** A value element's text: a form control's value, or the text a person reads. */
function valueOf(element: Element, view: Window): string {
  if (!isShown(element, view)) return '';
  if (isControl(element)) return controlValue(element);
  const controls = element.querySelectorAll('input, select, textarea');
  if (controls.length === 1 && isControl(controls[0])) return controlValue(controls[0]);
  return visibleText(element);
}

/** What follows a label: the `for` control, the `dd`/`td`/next element, or the rest of its line. */
function valueAfterLabel(text: Text, document: Document, view: Window): string {
  const label = text.parentElement;
  if (!label) return '';
  // Text after the label in the same element: `<p>コネクタ: <b>SAML</b></p>`.
  let trailing = '';
  for (let node = text.nextSibling; node; node = node.nextSibling) {
    if (node.nodeType === Node.ELEMENT_NODE && isControl(node as Element))
      return valueOf(node as Element, view);
    if (node.nodeType === Node.ELEMENT_NODE && !isShown(node as Element, view)) continue;
    trailing += node.textContent ?? '';
  }
  if (trailing.trim()) return trailing;

  // The label element, or its wrapper while the wrapper holds nothing but the label.
  let holder: Element = label;
  for (let depth = 0; depth < 3; depth += 1) {
    if (holder.localName === 'label') {
      const forId = holder.getAttribute('for');
      const control = forId
        ? document.getElementById(forId)
        : holder.querySelector('input, select, textarea');
      if (isControl(control)) return valueOf(control, view);
    }
    const next = holder.nextElementSibling;
    if (next) return valueOf(next, view);
    const parent = holder.parentElement;
    if (
      !parent ||
      parent === document.body ||
      normalizeLabel(visibleText(parent)) !== normalizeLabel(visibleText(label))
    ) {
      break;
    }
    holder = parent;
  }
  return '';
}

/** Every label the page is read for. */
const knownLabels = new Set([
  ...connectorLabels,
  ...emailLabels,
  ...firstNameLabels,
  ...lastNameLabels,
  ...appNameLabels,
]);

/** The values shown next to labels, in page order, by normalized label. */
type Labelled = (labels: readonly string[]) => string[];

/**
 * Reads, in one pass over the page's text, the value shown next to each
 * visible known label (a `label[for]` control, a `dt`'s `dd`, a `th`'s
 * `td`, the element after the label, or the text after "Label:"), and of
 * each control whose `aria-label` is a known label. Page chrome (header,
 * navigation, footer) is skipped.
 */
function readLabels(document: Document, view: Window): Labelled {
  const found = new Map<string, string[]>();
  const add = (label: string, value: string) => {
    if (!value.trim()) return;
    const values = found.get(label) ?? [];
    values.push(cap(value));
    found.set(label, values);
  };
  const root = document.body ?? document.documentElement;
  if (root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const raw = node.textContent ?? '';
      if (raw.length > 400) continue;
      const folded = raw.replace(/\s+/g, ' ').trim();
      if (!folded) continue;
      const inline = /^(.{1,40}?)\s*[:：]\s*(\S.*)$/.exec(folded);
      const inlineLabel = inline ? normalizeLabel(inline[1] ?? '') : '';
      const label = knownLabels.has(inlineLabel)
        ? inlineLabel
        : folded.length <= maxLabelLength
          ? normalizeLabel(folded)
          : '';
      if (!knownLabels.has(label)) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest(`script, style, template, ${chrome}`) || !isShown(parent, view)) continue;
      add(label, label === inlineLabel ? (inline?.[2] ?? '') : valueAfterLabel(node as Text, document, view));
    }
  }
  for (const control of document.querySelectorAll('[aria-label]')) {
    const label = normalizeLabel(control.getAttribute('aria-label') ?? '');
    if (!knownLabels.has(label) || !isControl(control) || control.closest(chrome)) continue;
    add(label, valueOf(control, view));
  }
  return (labels) => labels.flatMap((label) => found.get(label) ?? []);
}

/** The value of a shown control whose `name`, `id` or `autocomplete` says what it holds. */
function fieldByName(
  document: Document,
  view: Window,
  pattern: RegExp,
  autocomplete: string,
): string | undefined {
  for (const control of document.querySelectorAll('input, select, textarea')) {
    if (!isControl(control) || control.closest(chrome) || !isShown(control, view)) continue;
    const names = [control.getAttribute('name'), control.id, control.getAttribute('autocomplete')];
    if (!names.some((name) => name && (pattern.test(name) || name.toLowerCase() === autocomplete))) continue;
    const value = controlValue(control).trim();
    if (value) return cap(value);
  }
  return undefined;
}

function asEmail(text: string | undefined): string | undefined {
  const candidate = text?.trim();
  return candidate && candidate.length <= maxEntityTextLength && emailPattern.test(candidate)
    ? candidate
    : undefined;
}

/** The user's address: a labelled field, an email input, then a `mailto:` link outside the page chrome. */
function userEmail(document: Document, view: Window, labelled: Labelled): string | undefined {
  for (const value of labelled(emailLabels)) {
    const email = asEmail(value);
    if (email) return email;
  }
  for (const control of document.querySelectorAll('input')) {
    if (control.closest(chrome) || !isShown(control, view)) continue;
    const named = [control.getAttribute('name'), control.id].some((name) => name && emailField.test(name));
    if (control.type !== 'email' && !named && control.getAttribute('autocomplete') !== 'email') continue;
    const email = asEmail(control.value);
    if (email) return email;
  }
  for (const link of document.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (!/^mailto:/i.test(href) || link.closest(chrome) || !isShown(link, view)) continue;
    let address = href.slice('mailto:'.length).split('?')[0] ?? '';
    try {
      address = decodeURIComponent(address);
    } catch {
      // Keep the address as written.
    }
    const email = asEmail(address.split(',')[0]);
    if (email) return email;
  }
  return undefined;
}

/** "山田 太郎" for Japanese, Chinese or Korean names, "Taro Yamada" otherwise. */
function fullName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first && !last) return undefined;
  const eastAsian = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(`${first ?? ''}${last ?? ''}`);
  const parts = eastAsian ? [last, first] : [first, last];
  return cap(parts.filter(Boolean).join(' '));
}

function mainHeading(document: Document, view: Window): string | undefined {
  const heading = [...document.querySelectorAll('h1')].find((element) => isShown(element, view));
  const text = heading ? cap(visibleText(heading)) : '';
  return text || undefined;
}

function connectorName(document: Document, view: Window, labelled: Labelled): string | undefined {
  for (const element of document.querySelectorAll('[class]')) {
    if (![...element.classList].some((token) => connectorClass.test(token))) continue;
    if (element.closest(chrome) || !isShown(element, view)) continue;
    const text = cap(valueOf(element, view));
    if (text && text.length < maxEntityTextLength) return text;
  }
  return labelled(connectorLabels)[0];
}

function pageUrl(view: Window): string {
  try {
    return String(view.location.href);
  } catch {
    return '';
  }
}

function enrich(entities: Entity[], document: Document, view: Window): Entity[] {
  const account = entities.filter((entity) => entity.kind === 'account');
  const rest = entities.filter((entity) => entity.kind !== 'account');
  const primaryIndex = rest.findIndex((entity) => entity.id !== undefined);
  const found = rest[primaryIndex];
  if (!found) return entities;
  const primary: Entity = { ...found };
  const others = rest.filter((_, index) => index !== primaryIndex);

  // A full-page HTTP error's heading ("404 Not Found") names nothing.
  const heading = httpErrorPage(document, view) ? undefined : mainHeading(document, view);
  if (heading) primary.name = heading;
  let labels: Labelled | undefined;
  const labelled: Labelled = (wanted) => (labels ??= readLabels(document, view))(wanted);

  if (primary.kind === 'user') {
    const first = labelled(firstNameLabels)[0] ?? fieldByName(document, view, firstNameField, 'given-name');
    const last = labelled(lastNameLabels)[0] ?? fieldByName(document, view, lastNameField, 'family-name');
    const name = fullName(first, last);
    // A generic heading ("ユーザーの編集") mentions neither name: the fields say who it is.
    const headingNamesUser = heading && [first, last].some((part) => part && heading.includes(part));
    if (name && (!heading || !headingNamesUser)) primary.name = name;
    const email = userEmail(document, view, labelled);
    if (email) primary.email = email;
  }

  if (primary.kind === 'app') {
    if (!heading) {
      const name = labelled(appNameLabels)[0];
      if (name) primary.name = name;
    }
    const connector = connectorName(document, view, labelled);
    if (connector && !others.some((entity) => entity.kind === 'connector')) {
      others.unshift({ kind: 'connector', name: connector });
    }
  }

  return [...account, primary, ...others];
}

/**
 * The URL's entities enriched from the page, account first, then the
 * primary object (the first one with an id: the app on an app page, the
 * user on a user page…), then the others: the visible `h1` names the
 * primary object; on an app page the connector (an element with a
 * `connector` class, or the value after a コネクタ / Connector label) becomes
 * a `connector` entity; on a user page the email (labelled field, email
 * input, `mailto:` link) and the first and last name fields are read.
 * Texts are capped; an unknown layout gives the URL's entities.
 */
export function collectEntities(document: Document, view: Window): Entity[] {
  const entities = entitiesFromUrl(pageUrl(view));
  try {
    return enrich(entities, document, view);
  } catch {
    return entities;
  }
}
