import { describe, expect, it } from 'vitest';
import { isTabView, requestedDraftId, tabViewPath } from '@/lib/popup-target';

describe('requestedDraftId', () => {
  it.each([
    ['?draftId=5f863fe6-63f3-40b2-8b28-638b618f7b27', '5f863fe6-63f3-40b2-8b28-638b618f7b27'],
    ['?tabId=3', undefined],
    ['?draftId=', undefined],
    ['?draftId=../../etc', undefined],
    ['?draftId=%3Cscript%3E', undefined],
  ])('%s → %s', (search, expected) => {
    expect(requestedDraftId(search)).toBe(expected);
  });
});

describe('the tab view', () => {
  it.each([
    ['d1', 7, '/popup.html?draftId=d1&view=tab&tabId=7'],
    ['d1', undefined, '/popup.html?draftId=d1&view=tab'],
  ])('opens %s bound to tab %s', (draftId, tabId, expected) => {
    const path = tabViewPath(draftId, tabId);
    expect(path).toBe(expected);
    const search = path.slice(path.indexOf('?'));
    expect(requestedDraftId(search)).toBe(draftId);
    expect(isTabView(search)).toBe(true);
  });

  it('is not the popup', () => {
    expect(isTabView('?tabId=3')).toBe(false);
  });
});
