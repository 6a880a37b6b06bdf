import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** What a polled admin route answered last, or that it could not be read. */
export type Polled<T> = { state: 'loading' } | { state: 'error' } | { state: 'ready'; data: T };

/**
 * Reads an admin route now and every `everyMs` after, so the state follows the publisher
 * without a reload. `path` null reads nothing; a change of `path` or `refresh` reads at once
 * (the document was just published, say).
 */
export function usePolled<T>(path: string | null, everyMs: number, refresh?: unknown): Polled<T> {
  const { get } = useFetchClient();
  const [polled, setPolled] = useState<Polled<T>>({ state: 'loading' });
  useEffect(() => {
    if (!path) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const { data } = await get<T>(path);
        if (!stopped) setPolled({ state: 'ready', data });
      } catch {
        if (!stopped) setPolled({ state: 'error' });
      }
      if (!stopped) timer = setTimeout(() => void read(), everyMs);
    };
    void read();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [get, path, everyMs, refresh]);
  return polled;
}
