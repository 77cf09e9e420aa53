/**
 * WeChat's privacy consent (enforced since 2023-10 for apps with `__usePrivacyCheck__`), simulated for both
 * `wx` runtimes: the browser preview (wx/index.ts) and the page tests (tests/support/simulate.ts). Pure: no
 * DOM; the runtime hands in where consent is kept, how the official popup and the contract are shown.
 *
 * As on a phone:
 * - getPrivacySetting → { needAuthorization, privacyContractName };
 * - requirePrivacyAuthorize → succeeds at once once agreed; otherwise asks the page's
 *   onNeedPrivacyAuthorization listener (the page shows its own consent and calls resolve({event})),
 *   or, with no listener, WeChat's own popup; 'disagree' fails the call;
 * - tapping <button open-type="agreePrivacyAuthorization"> agrees (the runtime calls `agree()` and then
 *   fires the button's agreeprivacyauthorization event);
 * - openPrivacyContract shows the contract.
 */
import { ApiFailure, asyncApi } from './callbacks';

export const PRIVACY_CONTRACT_NAME = '《履职学堂小程序隐私保护指引》';

export type PrivacyEvent = 'agree' | 'disagree';
type Resolve = (result: { event: PrivacyEvent; buttonId?: string }) => void;

export interface PrivacyHost {
  /** Whether this user agreed before (kept per user: another WeChat user has not). */
  loadAgreed(): boolean;
  saveAgreed(agreed: boolean): void;
  /** WeChat's own popup, used when no page listens: resolves with the person's choice. */
  officialPopup(contractName: string): Promise<PrivacyEvent>;
  showContract(contractName: string): void;
}

export interface PrivacySimulation {
  apis: Record<string, unknown>;
  /** What tapping an agreePrivacyAuthorization button does. */
  agree(): void;
  isAgreed(): boolean;
}

export function createPrivacySimulation(host: PrivacyHost): PrivacySimulation {
  let listener: ((resolve: Resolve) => void) | null = null;
  let agreed = host.loadAgreed();
  const agree = () => {
    agreed = true;
    host.saveAgreed(true);
  };

  const ask = (): Promise<PrivacyEvent> =>
    new Promise((resolve) => {
      if (listener === null) void host.officialPopup(PRIVACY_CONTRACT_NAME).then(resolve);
      else listener(({ event }) => resolve(event));
    });

  return {
    agree,
    isAgreed: () => agreed,
    apis: {
      getPrivacySetting: asyncApi('getPrivacySetting', () => ({
        needAuthorization: !agreed,
        privacyContractName: PRIVACY_CONTRACT_NAME,
      })),
      requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', async () => {
        if (agreed) return {};
        if ((await ask()) !== 'agree')
          throw new ApiFailure('requirePrivacyAuthorize', 'privacy permission is not authorized');
        agree();
        return {};
      }),
      onNeedPrivacyAuthorization: (callback: (resolve: Resolve) => void) => {
        listener = callback;
      },
      offNeedPrivacyAuthorization: () => {
        listener = null;
      },
      openPrivacyContract: asyncApi('openPrivacyContract', () => {
        host.showContract(PRIVACY_CONTRACT_NAME);
        return {};
      }),
    },
  };
}
