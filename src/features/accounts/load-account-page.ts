/** The account page: the second factor's state, and while it is being set up the secret (text and QR code). */
import QRCode from 'qrcode';
import type { Database } from '../../db/client.js';
import type { Principal } from '../../auth/roles.js';
import { countUnusedRecoveryCodes, findSecondFactor } from './repository.js';
import { groupedSecret, openSecret, SecretKeyError, totpUri } from './second-factor.js';
import { mustUseSecondFactor } from './second-factor-rule.js';

export interface AccountPage {
  name: string;
  email: string;
  /** Administrators must use a second factor (REQUIRE_ADMIN_2FA). */
  required: boolean;
  secondFactor:
    | { state: 'off' }
    | { state: 'setting_up'; secret: string; uri: string; qrSvgDataUrl: string }
    | { state: 'on'; since: Date; recoveryCodesLeft: number };
}

export async function loadAccountPage(options: { db: Database; principal: Principal; requireAdmin2fa: boolean; encryptionKey: string | undefined }): Promise<AccountPage> {
  const { db, principal } = options;
  const factor = await findSecondFactor(db, principal.userId);
  const base = { name: principal.name, email: principal.email, required: options.requireAdmin2fa && mustUseSecondFactor(principal) };
  if (!factor) return { ...base, secondFactor: { state: 'off' } };
  if (factor.enabledAt) return { ...base, secondFactor: { state: 'on', since: factor.enabledAt, recoveryCodesLeft: await countUnusedRecoveryCodes(db, principal.userId) } };
  let secret: string;
  try {
    secret = openSecret(factor.secret, options.encryptionKey);
  } catch (error) {
    // A set-up begun under another key cannot be finished: offer to begin again (a new secret under this key).
    if (error instanceof SecretKeyError) return { ...base, secondFactor: { state: 'off' } };
    throw error;
  }
  const uri = totpUri(secret, principal.email);
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { ...base, secondFactor: { state: 'setting_up', secret: groupedSecret(secret), uri, qrSvgDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` } };
}
