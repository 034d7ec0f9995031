import { describe, expect, it } from 'vitest';
import { buildChecklist } from '@/lib/draft/checklist';
import { composeDescription } from '@/lib/draft/compose';
import type { Capture, Draft } from '@/lib/schema';
import { makeCapture, makeDraft } from './fixtures';

const capture: Capture = makeCapture({
  url: 'https://acme.onelogin.com/users/789/edit',
  title: 'ユーザーの編集 | OneLogin',
  heading: '山田 太郎',
  errors: [{ kind: 'alert', text: 'Internal provisioning error' }],
  entities: [
    { kind: 'account', id: 'acme' },
    { kind: 'user', id: '789', name: '山田 太郎' },
  ],
  recording: { available: true, events: [], dropped: 0 },
});

const draft: Draft = makeDraft({
  title: 't',
  description: composeDescription(capture, [], 'ja'),
  category: 'users',
  capture,
});

const state = (items: ReturnType<typeof buildChecklist>) =>
  Object.fromEntries(items.map((item) => [item.key.replace('checklist.', ''), item.done]));

describe('buildChecklist', () => {
  it('for a fresh troubleshooting draft: the errors and entities are there, the rest is missing', () => {
    expect(state(buildChecklist(draft))).toEqual({
      errorText: true,
      screenshot: false,
      entities: true,
      userEmail: false,
      tried: false,
      impact: false,
    });
  });

  it.each([
    ['a screenshot', { attachments: [{ id: 'a', name: 's.png', type: 'image/png', size: 1 }] }, 'screenshot'],
    [
      'the user’s email in the description',
      { description: `${draft.description}\n対象: taro@example.co.jp` },
      'userEmail',
    ],
    [
      'what was tried written over the placeholder',
      { description: draft.description.replace('(ご記入ください)', '再起動しました') },
      'tried',
    ],
  ])('ticks %s', (_name, change, key) => {
    expect(state(buildChecklist({ ...draft, ...change }))[key]).toBe(true);
  });

  it('asks a question for the question, and a reference URL for a specification check', () => {
    const question: Draft = {
      ...draft,
      category: 'sso',
      capture: { ...capture, entities: [], errors: [] },
      answers: { inquiryType: 'specification', impact: 'minor', summary: 'SAML の署名の仕様' },
      description: '参考: https://developer.salesforce.com/docs',
    };
    expect(state(buildChecklist(question))).toEqual({ entities: false, question: true, referenceUrl: true });
    expect(
      state(buildChecklist({ ...question, description: 'https://acme.onelogin.com/apps/1' })).referenceUrl,
    ).toBe(false);
  });
});
