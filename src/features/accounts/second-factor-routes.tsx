/** @jsxImportSource hono/jsx */
/**
 * Two-step verification (docs/decisions/0023-two-factor-login.md): the code step of logging in, and the account page
 * where a user sets it up (secret as QR code and text, confirmed with a first code, recovery codes shown once) or
 * turns it off with a code.
 */
import { z } from 'zod';
import type { FieldErrors } from '../../ui/components.js';
import type { AppContext } from '../../ui/context.js';
import { translator } from '../../ui/i18n.js';
import { renderPage } from '../../ui/layout.js';
import { parseForm, readForm } from '../../ui/forms.js';
import { requestClientAddress } from '../../ui/request.js';
import { publicAccess, signedIn, type RouteTable } from '../../ui/route.js';
import { confirmSecondFactor } from './confirm-second-factor.js';
import { loadAccountPage } from './load-account-page.js';
import { clearPendingLoginCookie, landingAfterLogIn, pendingLoginToken, setSessionCookie } from './log-in-landing.js';
import { accountsMessages } from './messages.js';
import { secondFactorMessages, type SecondFactorTranslate } from './second-factor-messages.js';
import { ACCOUNT_PATH } from './second-factor-rule.js';
import { startSecondFactorSetup } from './start-second-factor-setup.js';
import { turnOffSecondFactor } from './turn-off-second-factor.js';
import { verifySecondStep } from './verify-second-step.js';
import { AccountView, RecoveryCodesView, SECOND_FACTOR_PATH, SECOND_STEP_PATH, SecondStepView } from './views/second-factor.js';

const m = (c: AppContext) => translator(secondFactorMessages, c.var.locale);

function codeSchema(t: SecondFactorTranslate) {
  return z.object({
    code: z.string({ error: t('codeRequired') }).trim().min(1, { error: t('codeRequired') }).max(24, { error: t('codeTooLong') }),
  });
}

function waitText(c: AppContext, seconds: number): string {
  const a = translator(accountsMessages, c.var.locale);
  return seconds < 60 ? a('waitSeconds', { n: seconds }) : a('waitMinutes', { n: Math.ceil(seconds / 60) });
}

async function accountPage(c: AppContext, errors: FieldErrors, options: { notice?: string; status?: number } = {}) {
  const t = m(c);
  const { config, db } = c.var.deps;
  const page = await loadAccountPage({ db, principal: c.var.principal!, requireAdmin2fa: config.REQUIRE_ADMIN_2FA, encryptionKey: config.TOTP_ENCRYPTION_KEY });
  const flag = c.req.query('uitgezet') ? t('turnedOff') : c.req.query('herstelcode') ? t('recoveryUsed', { n: Number(c.req.query('herstelcode')) || 0 }) : undefined;
  return renderPage(c, {
    title: t('accountTitle'),
    status: options.status ?? (Object.keys(errors).length ? 400 : 200),
    children: <AccountView page={page} locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} notice={options.notice ?? flag} forced={Boolean(c.req.query('verplicht'))} />,
  });
}

function secondStepPage(c: AppContext, errors: FieldErrors, status = 200) {
  return renderPage(c, { title: m(c)('stepTitle'), status, children: <SecondStepView locale={c.var.locale} csrfToken={c.var.csrfToken} errors={errors} /> });
}

export function registerSecondFactorRoutes(table: RouteTable): void {
  table.get(SECOND_STEP_PATH, publicAccess, async (c) => {
    if (c.var.principal) return c.redirect('/', 302);
    if (!pendingLoginToken(c)) return c.redirect('/inloggen', 303);
    return secondStepPage(c, {});
  });

  table.post(SECOND_STEP_PATH, publicAccess, async (c) => {
    const t = m(c);
    const parsed = parseForm(codeSchema(t), await readForm(c));
    if (!parsed.ok) return secondStepPage(c, parsed.errors, 400);
    const token = pendingLoginToken(c);
    const result = token
      ? await verifySecondStep({ db: c.var.deps.db, clock: c.var.deps.clock, pendingToken: token, code: parsed.data.code, clientAddress: requestClientAddress(c), encryptionKey: c.var.deps.config.TOTP_ENCRYPTION_KEY })
      : ({ ok: false, reason: 'expired' } as const);
    if (!result.ok) {
      if (result.reason === 'rate_limited') {
        c.header('Retry-After', String(result.retryAfterSeconds));
        return secondStepPage(c, { code: t('tooManyCodes', { wait: waitText(c, result.retryAfterSeconds) }) }, 429);
      }
      if (result.reason === 'wrong_code') return secondStepPage(c, { code: t('wrongCode') }, 401);
      clearPendingLoginCookie(c);
      return c.redirect(`/inloggen?opnieuw=${result.reason === 'start_over' ? 'codes' : 'verlopen'}`, 303);
    }
    clearPendingLoginCookie(c);
    setSessionCookie(c, result.token, result.expiresAt);
    // After a recovery code: to the account page, which says how many are left.
    if (result.recoveryCodesLeft !== null) return c.redirect(`${ACCOUNT_PATH}?herstelcode=${result.recoveryCodesLeft}`, 303);
    return c.redirect(await landingAfterLogIn(c, result.token, result.returnTo), 303);
  });

  table.get(ACCOUNT_PATH, signedIn, (c) => accountPage(c, {}));

  table.post(SECOND_FACTOR_PATH, signedIn, async (c) => {
    const { db, clock, config } = c.var.deps;
    const started = await startSecondFactorSetup({ db, clock, userId: c.var.principal!.userId, encryptionKey: config.TOTP_ENCRYPTION_KEY });
    if (!started) return accountPage(c, {}, { notice: m(c)('alreadyOn') });
    return c.redirect(`${ACCOUNT_PATH}#tweestapsverificatie`, 303);
  });

  table.post(`${SECOND_FACTOR_PATH}/bevestigen`, signedIn, async (c) => {
    const t = m(c);
    const parsed = parseForm(codeSchema(t), await readForm(c));
    if (!parsed.ok) return accountPage(c, parsed.errors);
    const { db, clock, config } = c.var.deps;
    const result = await confirmSecondFactor({ db, clock, userId: c.var.principal!.userId, code: parsed.data.code, encryptionKey: config.TOTP_ENCRYPTION_KEY });
    if (!result.ok) return accountPage(c, { code: result.reason === 'wrong_code' ? t('wrongSetupCode') : t('notStarted') }, { status: result.reason === 'wrong_code' ? 400 : 409 });
    return renderPage(c, { title: t('enabledTitle'), children: <RecoveryCodesView codes={result.recoveryCodes} locale={c.var.locale} /> });
  });

  table.post(`${SECOND_FACTOR_PATH}/uitzetten`, signedIn, async (c) => {
    const t = m(c);
    const parsed = parseForm(codeSchema(t), await readForm(c));
    if (!parsed.ok) return accountPage(c, parsed.errors);
    const { db, clock, config } = c.var.deps;
    const result = await turnOffSecondFactor({ db, clock, userId: c.var.principal!.userId, code: parsed.data.code, clientAddress: requestClientAddress(c), encryptionKey: config.TOTP_ENCRYPTION_KEY });
    if (result.ok) return c.redirect(`${ACCOUNT_PATH}?uitgezet=1`, 303);
    if (result.reason === 'rate_limited') {
      c.header('Retry-After', String(result.retryAfterSeconds));
      return accountPage(c, { code: t('tooManyCodes', { wait: waitText(c, result.retryAfterSeconds) }) }, { status: 429 });
    }
    return accountPage(c, { code: t('wrongCode') });
  });
}
