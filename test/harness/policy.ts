/**
 * Chromium's machine policy for an unpacked HelpDraft, as an organisation
 * would set it (docs/DEPLOYMENT.md): a JSON file in the browser's managed
 * policy folder, `3rdparty.extensions.<id>` holding what the extension reads
 * from `storage.managed`. Writing there needs root; the folder is shared by
 * every Chromium on the machine, so each test loads its own copy of the
 * build (its own path, so its own extension id) and only that id gets a policy.
 */
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from './chromium';

/** Where Linux builds read machine policy: Debian's Chromium, and Google Chrome. */
export function policyFolder(): string {
  return /google-chrome|\/opt\/google\//.test(findChromium())
    ? '/etc/opt/chrome/policies/managed'
    : '/etc/chromium/policies/managed';
}

/** Whether this process may write machine policy (root, as in CI); the caller says so when not. */
export function canWritePolicy(): boolean {
  try {
    mkdirSync(policyFolder(), { recursive: true });
    accessSync(policyFolder(), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its absolute
 * path, the first 32 hex digits written with the letters a–p
 * (components/crx_file/id_util.cc, GenerateIdForPath). The test checks it
 * against the id the browser reports.
 */
export function unpackedExtensionId(extensionPath: string): string {
  const hex = createHash('sha256').update(path.resolve(extensionPath)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export interface PolicyInstall {
  /** The copy of the build that the policy is for. */
  extensionPath: string;
  extensionId: string;
  /** Removes the policy file and the copy. */
  remove(): Promise<void>;
}

/** Copies `build` to a fresh folder and writes `policy` for that copy's id. */
export async function installPolicyFor(
  build: string,
  policy: Record<string, unknown>,
): Promise<PolicyInstall> {
  const folder = await mkdtemp(path.join(tmpdir(), 'helpdraft-managed-'));
  const extensionPath = path.join(folder, 'extension');
  await cp(build, extensionPath, { recursive: true });
  const extensionId = unpackedExtensionId(extensionPath);
  const file = path.join(policyFolder(), `helpdraft-e2e-${extensionId}.json`);
  await writeFile(file, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: policy } } }, null, 2));
  return {
    extensionPath,
    extensionId,
    async remove() {
      await rm(file, { force: true });
      await rm(folder, { recursive: true, force: true });
    },
  };
}
