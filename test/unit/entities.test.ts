import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectEntities, entitiesFromUrl, maxEntityTextLength } from '@/lib/capture/entities';
import { collectPageErrors } from '@/lib/capture/errors';
import { entitySchema, type Entity } from '@/lib/schema';

const acme: Entity = { kind: 'account', id: 'acme' };
const base = 'https://acme.onelogin.com';

describe('entitiesFromUrl', () => {
  it.each<[string, string, Entity[]]>([
    // Accounts and hosts
    ['account home', `${base}/`, [acme]],
    ['account without a path', base, [acme]],
    ['host in capitals', 'https://ACME.OneLogin.com/apps/123456/edit', [acme, { kind: 'app', id: '123456' }]],
    [
      'port and trailing dot',
      'https://acme.onelogin.com.:8443/users/789',
      [acme, { kind: 'user', id: '789' }],
    ],
    ['login page', `${base}/login`, [acme]],
    ['portal', `${base}/portal/`, [acme]],
    [
      'shared US admin host',
      'https://admin.us.onelogin.com/apps/123456/edit#sso',
      [{ kind: 'app', id: '123456', section: 'sso' }],
    ],
    ['shared EU admin host', 'https://admin.eu.onelogin.com/admin2/users/789', [{ kind: 'user', id: '789' }]],
    ['www host', 'https://www.onelogin.com/apps/123456/edit', [{ kind: 'app', id: '123456' }]],
    ['app host', 'https://app.onelogin.com/saml/metadata/5f1c2e9a', []],
    ['bare onelogin.com', 'https://onelogin.com/', []],
    [
      'two-label subdomain is not certain',
      'https://acme.eu.onelogin.com/users/789',
      [{ kind: 'user', id: '789' }],
    ],
    ['hyphenated subdomain', 'https://acme-corp.onelogin.com/', [{ kind: 'account', id: 'acme-corp' }]],

    // Old console: apps
    ['app edit, no tab', `${base}/apps/123456/edit`, [acme, { kind: 'app', id: '123456' }]],
    ['app SSO tab', `${base}/apps/123456/edit#sso`, [acme, { kind: 'app', id: '123456', section: 'sso' }]],
    [
      'app configuration tab',
      `${base}/apps/123456/edit#configuration`,
      [acme, { kind: 'app', id: '123456', section: 'configuration' }],
    ],
    [
      'app parameters tab',
      `${base}/apps/123456/edit#parameters`,
      [acme, { kind: 'app', id: '123456', section: 'parameters' }],
    ],
    [
      'app rules tab',
      `${base}/apps/123456/edit#rules`,
      [acme, { kind: 'app', id: '123456', section: 'rules' }],
    ],
    [
      'app access tab',
      `${base}/apps/123456/edit#access`,
      [acme, { kind: 'app', id: '123456', section: 'access' }],
    ],
    [
      'app users tab',
      `${base}/apps/123456/edit#users`,
      [acme, { kind: 'app', id: '123456', section: 'users' }],
    ],
    [
      'app tab in capitals',
      `${base}/apps/123456/edit#SSO`,
      [acme, { kind: 'app', id: '123456', section: 'sso' }],
    ],
    [
      'unknown fragment is not a tab',
      `${base}/apps/123456/edit#access_token=abc`,
      [acme, { kind: 'app', id: '123456' }],
    ],
    [
      'app edit with trailing slash and query',
      `${base}/apps/123456/edit/?tab=1#sso`,
      [acme, { kind: 'app', id: '123456', section: 'sso' }],
    ],
    ['app without edit', `${base}/apps/123456`, [acme, { kind: 'app', id: '123456' }]],
    ['app catalog', `${base}/apps/find`, [acme, { kind: 'connector', section: 'catalog' }]],
    [
      'app catalog with a search',
      `${base}/apps/find?search=salesforce`,
      [acme, { kind: 'connector', section: 'catalog' }],
    ],
    [
      'new app from a connector',
      `${base}/apps/new/50534`,
      [acme, { kind: 'connector', id: '50534', section: 'new' }],
    ],
    ['new app without a connector', `${base}/apps/new`, [acme, { kind: 'app', section: 'new' }]],
    ['apps list', `${base}/apps`, [acme, { kind: 'app' }]],
    ['apps list, trailing slash', `${base}/apps/`, [acme, { kind: 'app' }]],
    ['a word is not an app id', `${base}/apps/edit`, [acme]],
    ['a non-numeric app id is not certain', `${base}/apps/abc123/edit`, [acme]],

    // Old console: users, roles
    ['user edit', `${base}/users/789/edit`, [acme, { kind: 'user', id: '789' }]],
    ['user page', `${base}/users/789`, [acme, { kind: 'user', id: '789' }]],
    [
      'user page, trailing slash and query',
      `${base}/users/789/?ref=search`,
      [acme, { kind: 'user', id: '789' }],
    ],
    ['new user', `${base}/users/new`, [acme, { kind: 'user', section: 'new' }]],
    ['users list', `${base}/users`, [acme, { kind: 'user' }]],
    ['role', `${base}/roles/42`, [acme, { kind: 'role', id: '42' }]],
    ['role edit', `${base}/roles/42/edit`, [acme, { kind: 'role', id: '42' }]],
    ['roles list', `${base}/roles`, [acme, { kind: 'role' }]],

    // Directories, mappings, policies, events
    ['directory', `${base}/directories/17`, [acme, { kind: 'directory', id: '17' }]],
    ['directory edit', `${base}/directories/17/edit`, [acme, { kind: 'directory', id: '17' }]],
    ['directory under users', `${base}/users/directories/17`, [acme, { kind: 'directory', id: '17' }]],
    [
      'directory by opaque token',
      `${base}/users/directories/aD3f_9-xY`,
      [acme, { kind: 'directory', id: 'aD3f_9-xY' }],
    ],
    ['directories list under users', `${base}/users/directories`, [acme, { kind: 'directory' }]],
    ['new directory', `${base}/users/directories/new`, [acme, { kind: 'directory', section: 'new' }]],
    ['a directory route word is not a token', `${base}/directories/ldap`, [acme]],
    ['mapping', `${base}/mappings/7`, [acme, { kind: 'mapping', id: '7' }]],
    ['mapping edit by token', `${base}/mappings/Mp7Qx2/edit`, [acme, { kind: 'mapping', id: 'Mp7Qx2' }]],
    ['mapping under users', `${base}/users/mappings/7`, [acme, { kind: 'mapping', id: '7' }]],
    ['policy', `${base}/policies/5`, [acme, { kind: 'policy', id: '5' }]],
    ['policy edit', `${base}/policies/5/edit`, [acme, { kind: 'policy', id: '5' }]],
    ['policy under security', `${base}/security/policies/5`, [acme, { kind: 'policy', id: '5' }]],
    ['user policy', `${base}/user_policies/5/edit`, [acme, { kind: 'policy', id: '5' }]],
    ['a token is not a policy id', `${base}/policies/Ab3/edit`, [acme]],
    ['event', `${base}/events/987654321`, [acme, { kind: 'event', id: '987654321' }]],
    ['event under activity', `${base}/activity/events/987654321`, [acme, { kind: 'event', id: '987654321' }]],
    ['events list under activity', `${base}/activity/events?user_id=789`, [acme, { kind: 'event' }]],

    // New console
    [
      'new console app SSO',
      `${base}/admin2/apps/123456/sso`,
      [acme, { kind: 'app', id: '123456', section: 'sso' }],
    ],
    [
      'new console app, trailing slash',
      `${base}/admin2/apps/123456/configuration/`,
      [acme, { kind: 'app', id: '123456', section: 'configuration' }],
    ],
    ['new console app, no section', `${base}/admin2/apps/123456`, [acme, { kind: 'app', id: '123456' }]],
    [
      'new console app catalog',
      `${base}/admin2/apps/find`,
      [acme, { kind: 'connector', section: 'catalog' }],
    ],
    ['new console user', `${base}/admin2/users/789`, [acme, { kind: 'user', id: '789' }]],
    [
      'new console user tab',
      `${base}/admin2/users/789/applications`,
      [acme, { kind: 'user', id: '789', section: 'applications' }],
    ],
    [
      'new console user with a query',
      `${base}/admin2/users/789?tab=roles`,
      [acme, { kind: 'user', id: '789' }],
    ],
    ['new console role', `${base}/admin2/roles/42`, [acme, { kind: 'role', id: '42' }]],
    [
      'new console role tab',
      `${base}/admin2/roles/42/users`,
      [acme, { kind: 'role', id: '42', section: 'users' }],
    ],
    [
      'new console role app',
      `${base}/admin2/roles/42/apps/123456`,
      [acme, { kind: 'role', id: '42', section: 'apps' }, { kind: 'app', id: '123456' }],
    ],
    [
      'new console directory',
      `${base}/admin2/directories/17/settings`,
      [acme, { kind: 'directory', id: '17', section: 'settings' }],
    ],
    ['new console mapping', `${base}/admin2/mappings/7`, [acme, { kind: 'mapping', id: '7' }]],
    [
      'new console policy',
      `${base}/admin2/security/policies/5/mfa`,
      [acme, { kind: 'policy', id: '5', section: 'mfa' }],
    ],
    [
      'new console event',
      `${base}/admin2/activity/events/987654321`,
      [acme, { kind: 'event', id: '987654321' }],
    ],
    ['new console home', `${base}/admin2`, [acme]],
    ['new console unknown area', `${base}/admin2/settings/branding`, [acme]],
    [
      'section that is not a word',
      `${base}/admin2/apps/123456/%3Cscript%3E`,
      [acme, { kind: 'app', id: '123456' }],
    ],

    // Unknown pages, other sites, garbage
    ['unknown path', `${base}/settings/account`, [acme]],
    ['SAML endpoint', `${base}/trust/saml2/http-post/sso/5f1c2e9a-7b3d`, [acme]],
    ['other site with a OneLogin-like path', 'https://example.com/apps/123456/edit#sso', []],
    ['look-alike host', 'https://acme.onelogin.com.evil.example/apps/123456/edit', []],
    ['look-alike domain', 'https://acme-onelogin.com/apps/123456/edit', []],
    ['help center', 'https://support.onelogin.jp/hc/ja/requests/new', []],
    ['not a URL', 'not a url', []],
    ['empty', '', []],
    ['javascript URL', 'javascript:alert(1)', []],
    ['file URL', 'file:///apps/123456/edit', []],
    ['chrome page', 'chrome://extensions/', []],
    ['percent garbage', `${base}/apps/%E0%A4%A/edit`, [acme]],
    ['prototype words are not areas', `${base}/constructor/5/toString/6`, [acme]],
    ['huge id', `${base}/apps/${'9'.repeat(40)}/edit`, [acme]],
  ])('%s', (_name, url, expected) => {
    expect(entitiesFromUrl(url)).toEqual(expected);
  });

  it('never throws on hostile input', () => {
    for (const input of [
      undefined,
      null,
      42,
      {},
      'https://',
      '://',
      `https://acme.onelogin.com/${'a/'.repeat(10_000)}`,
    ]) {
      expect(() => entitiesFromUrl(input as unknown as string)).not.toThrow();
    }
  });

  it('gives entities the schema accepts', () => {
    for (const entity of entitiesFromUrl(`${base}/admin2/roles/42/apps/123456`)) {
      expect(entitySchema.safeParse(entity).success).toBe(true);
    }
  });
});

function at(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

function page(url: string, html: string) {
  at(url);
  document.body.innerHTML = html;
  return collectEntities(document, window);
}

function standin(relative: string): Document {
  const file = path.resolve(import.meta.dirname, '../fixtures/standin/onelogin', relative);
  return new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
}

describe('collectEntities', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    at('http://localhost:3000/');
  });

  it.each<[string, string, string, Entity[]]>([
    [
      'app page: heading and connector class',
      `${base}/apps/123456/edit#sso`,
      '<h1>Salesforce 本番</h1><p class="connector">SAML Custom Connector (Advanced)</p>',
      [
        acme,
        { kind: 'app', id: '123456', section: 'sso', name: 'Salesforce 本番' },
        { kind: 'connector', name: 'SAML Custom Connector (Advanced)' },
      ],
    ],
    [
      'app page: connector in a definition list',
      `${base}/admin2/apps/123456/sso`,
      '<h1>Box</h1><dl><dt>コネクタ</dt><dd>Box (SAML)</dd></dl>',
      [
        acme,
        { kind: 'app', id: '123456', section: 'sso', name: 'Box' },
        { kind: 'connector', name: 'Box (SAML)' },
      ],
    ],
    [
      'app page: connector after an English label with a colon',
      `${base}/admin2/apps/123456`,
      '<h1>Slack</h1><p><span>Connector:</span> <strong>Slack (SAML 2.0)</strong></p>',
      [acme, { kind: 'app', id: '123456', name: 'Slack' }, { kind: 'connector', name: 'Slack (SAML 2.0)' }],
    ],
    [
      'app page: connector on one line',
      `${base}/admin2/apps/123456`,
      '<h1>Zoom</h1><p>コネクタ: Zoom</p>',
      [acme, { kind: 'app', id: '123456', name: 'Zoom' }, { kind: 'connector', name: 'Zoom' }],
    ],
    [
      'app page: connector in a table row',
      `${base}/admin2/apps/123456`,
      '<h1>Zoom</h1><table><tr><th>Connector name</th><td>Zoom</td></tr></table>',
      [acme, { kind: 'app', id: '123456', name: 'Zoom' }, { kind: 'connector', name: 'Zoom' }],
    ],
    [
      'app page: no heading, display name field',
      `${base}/apps/123456/edit`,
      '<label for="n">表示名</label><input id="n" value="Salesforce 本番">',
      [acme, { kind: 'app', id: '123456', name: 'Salesforce 本番' }],
    ],
    [
      'app page: hidden heading and hidden connector are not read',
      `${base}/apps/123456/edit`,
      '<h1 hidden>テンプレート</h1><p class="connector" style="display:none">X</p><h1>Workday</h1>',
      [acme, { kind: 'app', id: '123456', name: 'Workday' }],
    ],
    [
      'user page: heading, email input, name fields',
      `${base}/users/789/edit`,
      `<h1>山田 太郎</h1>
       <label for="f">名</label><input id="f" name="user[firstname]" value="太郎">
       <label for="l">姓</label><input id="l" name="user[lastname]" value="山田">
       <label for="e">メールアドレス</label><input id="e" type="email" value="taro.yamada@example.co.jp">`,
      [acme, { kind: 'user', id: '789', name: '山田 太郎', email: 'taro.yamada@example.co.jp' }],
    ],
    [
      'user page: generic heading, the name fields name the user',
      `${base}/users/789/edit`,
      `<h1>ユーザーの編集</h1>
       <input aria-label="First name" value="Taro"><input aria-label="Last name" value="Yamada">`,
      [acme, { kind: 'user', id: '789', name: 'Taro Yamada' }],
    ],
    [
      'user page: name fields found by their names',
      `${base}/users/789/edit`,
      '<input name="user[firstname]" value="花子"><input name="user[lastname]" value="佐藤">',
      [acme, { kind: 'user', id: '789', name: '佐藤 花子' }],
    ],
    [
      'user page: email in a labelled text field',
      `${base}/admin2/users/789`,
      '<h1>Taro Yamada</h1><div><span>Email</span></div><div>taro@example.com</div>',
      [acme, { kind: 'user', id: '789', name: 'Taro Yamada', email: 'taro@example.com' }],
    ],
    [
      'user page: email from a mailto link, not the header',
      `${base}/admin2/users/789`,
      '<header><a href="mailto:admin@acme.example">admin@acme.example</a></header><h1>山田 太郎</h1><main><a href="mailto:taro%40example.com?subject=hi">連絡</a></main>',
      [acme, { kind: 'user', id: '789', name: '山田 太郎', email: 'taro@example.com' }],
    ],
    [
      'user page: an invalid address is not an email',
      `${base}/users/789/edit`,
      '<h1>山田 太郎</h1><label for="e">メールアドレス</label><input id="e" name="user[email]" value="taro@@acme.example">',
      [acme, { kind: 'user', id: '789', name: '山田 太郎' }],
    ],
    [
      'user page: a manager address is not the user’s',
      `${base}/admin2/users/789`,
      '<h1>山田 太郎</h1><dl><dt>マネージャーのメールアドレス</dt><dd>boss@example.com</dd></dl><input name="user[manager_email]" value="boss@example.com">',
      [acme, { kind: 'user', id: '789', name: '山田 太郎' }],
    ],
    [
      'role page',
      `${base}/admin2/roles/42/users`,
      '<h1>Salesforce 管理者</h1><dl><dt>メールアドレス</dt><dd>x@example.com</dd></dl>',
      [acme, { kind: 'role', id: '42', section: 'users', name: 'Salesforce 管理者' }],
    ],
    [
      'policy page',
      `${base}/policies/5/edit`,
      '<h1>標準ユーザー ポリシー</h1>',
      [acme, { kind: 'policy', id: '5', name: '標準ユーザー ポリシー' }],
    ],
    [
      'connector page: the heading names the connector',
      `${base}/apps/new/50534`,
      '<h1>Salesforce</h1>',
      [acme, { kind: 'connector', id: '50534', section: 'new', name: 'Salesforce' }],
    ],
    [
      'catalog: nothing to name',
      `${base}/apps/find`,
      '<h1>アプリケーションを探す</h1>',
      [acme, { kind: 'connector', section: 'catalog' }],
    ],
    [
      'new user: nothing to name',
      `${base}/users/new`,
      '<h1>新規ユーザー</h1>',
      [acme, { kind: 'user', section: 'new' }],
    ],
    [
      '404 page names nothing',
      `${base}/apps/123456/edit`,
      '<h1>404 Not Found</h1><p>The page does not exist.</p>',
      [acme, { kind: 'app', id: '123456' }],
    ],
    [
      'unknown layout',
      `${base}/apps/123456/edit`,
      '<div><div><span>?</span></div></div>',
      [acme, { kind: 'app', id: '123456' }],
    ],
    [
      'non-OneLogin page',
      'https://example.com/users/789',
      '<h1>山田 太郎</h1><input type="email" value="a@example.com">',
      [],
    ],
    ['login page', `${base}/login`, '<h1>サインイン</h1><input type="email" value="a@example.com">', [acme]],
  ])('%s', (_name, url, html, expected) => {
    expect(page(url, html)).toEqual(expected);
  });

  it('caps long texts', () => {
    const entities = page(
      `${base}/admin2/apps/123456`,
      `<h1>${'長'.repeat(1000)}</h1><dl><dt>コネクタ</dt><dd>${'c'.repeat(1000)}</dd></dl>`,
    );
    for (const entity of entities) {
      expect(entity.name?.length ?? 0).toBeLessThanOrEqual(maxEntityTextLength + 1);
    }
    expect(entities.map((entity) => entity.kind)).toEqual(['account', 'app', 'connector']);
  });

  it('keeps script text as text and runs nothing', () => {
    const entities = page(`${base}/admin2/apps/123456`, '<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(entities[1]).toEqual({ kind: 'app', id: '123456', name: '<img src=x onerror=alert(1)>' });
  });

  it('degrades to the URL when reading the page fails', () => {
    at(`${base}/users/789/edit`);
    const broken = {
      querySelectorAll: () => {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(collectEntities(broken, window)).toEqual([acme, { kind: 'user', id: '789' }]);
  });

  it('handles a large page', () => {
    const rows = Array.from(
      { length: 5000 },
      (_, index) => `<tr><td>${index}</td><td>user${index}@example.com</td></tr>`,
    ).join('');
    const entities = page(`${base}/admin2/users/789`, `<h1>山田 太郎</h1><table>${rows}</table>`);
    expect(entities).toEqual([acme, { kind: 'user', id: '789', name: '山田 太郎' }]);
  });

  describe('stand-in pages', () => {
    it.each<[string, string, string, Entity[]]>([
      [
        'old console app (SSO tab hidden without its script)',
        `${base}/apps/123456/edit#sso`,
        'apps/123456/edit.html',
        [
          acme,
          { kind: 'app', id: '123456', section: 'sso', name: 'Salesforce 本番' },
          { kind: 'connector', name: 'SAML Custom Connector (Advanced)' },
        ],
      ],
      [
        'old console user in the invalid-email state',
        `${base}/users/789/edit`,
        'users/789/edit.html',
        [acme, { kind: 'user', id: '789', name: '山田 太郎' }],
      ],
      [
        'new console user',
        `${base}/admin2/users/789`,
        'admin2/users/789.html',
        [acme, { kind: 'user', id: '789', name: '山田 太郎', email: 'taro.yamada@example.co.jp' }],
      ],
      [
        'new console role',
        `${base}/admin2/roles/42`,
        'admin2/roles/42.html',
        [acme, { kind: 'role', id: '42', name: 'Salesforce 管理者' }],
      ],
      [
        'old console policy',
        `${base}/policies/5/edit`,
        'policies/5/edit.html',
        [acme, { kind: 'policy', id: '5', name: '標準ユーザー ポリシー' }],
      ],
    ])('%s', (_name, url, file, expected) => {
      at(url);
      expect(collectEntities(standin(file), window)).toEqual(expected);
    });

    it.each([
      [
        'admin2/users/789.html',
        [{ kind: 'live-region', text: 'プロビジョニングに失敗しました: Internal provisioning error' }],
      ],
      ['admin2/roles/42.html', []],
      [
        'policies/5/edit.html',
        [
          {
            kind: 'warning',
            text: 'このポリシーでは多要素認証 (MFA) が必須になっていません。管理者ロールのユーザーには MFA を必須にすることをおすすめします。',
          },
        ],
      ],
    ])('%s shows the errors the end-to-end tests expect', (file, expected) => {
      // The evidence each message carries is pinned in test/unit/error-evidence.test.ts.
      const errors = collectPageErrors(standin(file), window).map(
        ({ evidence: _evidence, ...error }) => error,
      );
      expect(errors).toEqual(expected);
    });
  });
});
