// Signed, expiring addresses for the local storage, shaped like the real service's temporary URLs
// (`…/<path>?sign=<signature>&t=<expiry in unix seconds>`). The key is random per emulator process:
// a restart invalidates earlier addresses, which callers already handle, since addresses expire.
import crypto from 'node:crypto';

export type SignedMethod = 'GET' | 'PUT';

export type Verdict = 'valid' | 'expired' | 'forged';

export class UrlSigner {
  private readonly key = crypto.randomBytes(32);

  /** The query string (without `?`) granting `method` on `cloudPath` until `expiresAt` (unix seconds). */
  query(method: SignedMethod, cloudPath: string, expiresAt: number): string {
    return `sign=${this.signature(method, cloudPath, expiresAt)}&t=${expiresAt}`;
  }

  verify(method: SignedMethod, cloudPath: string, query: URLSearchParams, nowSeconds: number): Verdict {
    const expiresAt = Number(query.get('t'));
    const given = Buffer.from(query.get('sign') ?? '');
    const expected = Buffer.from(this.signature(method, cloudPath, expiresAt));
    if (!Number.isSafeInteger(expiresAt) || given.length !== expected.length) return 'forged';
    if (!crypto.timingSafeEqual(given, expected)) return 'forged';
    return expiresAt < nowSeconds ? 'expired' : 'valid';
  }

  private signature(method: SignedMethod, cloudPath: string, expiresAt: number): string {
    return crypto
      .createHmac('sha256', this.key)
      .update(`${method}\n${cloudPath}\n${expiresAt}`)
      .digest('hex')
      .slice(0, 32);
  }
}
