import type { PublisherStatus } from '@hub/shared';
import { PUBLISHER_SECRET_HEADER } from '../bootstrap/publisher-webhook';
import { parsePublisherStatus } from './parse-status';

/** Where the publisher is (PUBLISHER_URL) and its secret (PUBLISHER_SECRET), as for the webhook. */
export interface PublisherAddress {
  url: string;
  secret: string;
}

/** The publisher's address from the environment, or null when the CMS has no publisher. */
export function publisherAddress(env: NodeJS.ProcessEnv = process.env): PublisherAddress | null {
  const url = env.PUBLISHER_URL?.trim();
  const secret = env.PUBLISHER_SECRET?.trim();
  return url && secret ? { url, secret } : null;
}

/** Editors' panels ask every few seconds; one answer serves them all for this long. */
const FRESH_MS = 1000;

/**
 * Reads the publisher's status for the admin: the publisher stays on its own network, never
 * reached by browsers. Answers null when it cannot be reached (or answers nonsense), so the
 * admin can say the state is unknown instead of failing.
 */
export class PublisherStatusClient {
  private cached: { at: number; status: Promise<PublisherStatus | null> } | undefined;

  constructor(
    private readonly address: PublisherAddress,
    private readonly timeoutMs = 3000,
  ) {}

  read(now = Date.now()): Promise<PublisherStatus | null> {
    if (this.cached && now - this.cached.at < FRESH_MS) return this.cached.status;
    const status = this.fetchStatus();
    this.cached = { at: now, status };
    return status;
  }

  private async fetchStatus(): Promise<PublisherStatus | null> {
    try {
      const response = await fetch(new URL('/status', this.address.url), {
        headers: { [PUBLISHER_SECRET_HEADER]: this.address.secret },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) return null;
      return parsePublisherStatus(await response.json());
    } catch {
      return null;
    }
  }
}
