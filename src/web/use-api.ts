import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.ts';

export interface Loaded<T> {
  data?: T;
  error?: ApiError | Error;
  loading: boolean;
  reload: () => void;
}

/** Loads an API path and reloads when it changes; `null` waits. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError | Error }>({ path: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    api.get<T>(path).then(
      (data) => { if (current) setState({ path, data }); },
      (error: Error) => { if (current) setState({ path, error }); },
    );
    return () => { current = false; };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const isCurrent = state.path === path;
  return { data: isCurrent ? state.data : undefined, error: isCurrent ? state.error : undefined, loading: path !== null && !isCurrent, reload };
}
