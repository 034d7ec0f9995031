/** Drafts and captures for unit tests: one complete value each, changed per test by overrides. */
import type { Capture, Draft } from '@/lib/schema';

export function makeCapture(overrides: Partial<Capture> = {}): Capture {
  return {
    id: 'c',
    url: 'https://acme.onelogin.com/apps/123456/edit#sso',
    title: 'Salesforce 本番 - アプリケーション | OneLogin',
    heading: 'Salesforce 本番',
    capturedAt: '2026-11-23T19:40:12+09:00',
    errors: [],
    viewport: { width: 1, height: 1, devicePixelRatio: 1 },
    entities: [],
    recording: { available: false, events: [], dropped: 0 },
    redactions: [],
    ...overrides,
  };
}

export function makeDraft(overrides: Partial<Draft> = {}): Draft {
  return {
    id: 'd',
    createdAt: 'then',
    updatedAt: 'then',
    status: 'draft',
    title: 'タイトル',
    description: '詳細',
    priority: 'normal',
    category: 'sso',
    cc: '',
    connector: '',
    attachments: [],
    answers: { inquiryType: 'troubleshooting', impact: 'minor', summary: '' },
    overridden: { priority: false, category: false },
    ...overrides,
  };
}
