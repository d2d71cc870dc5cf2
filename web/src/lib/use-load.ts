import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  isLoading: boolean;
  reload(): Promise<T | undefined>;
  /** reload without isLoading: for a change made elsewhere, not one the user asked for */
  refresh(): Promise<T | undefined>;
}

/** Loads once per change of `deps`; a late answer to an older request never overwrites a newer one. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(true);
  const latest = useRef(0);

  const run = useCallback(load, deps);

  const read = useCallback(
    async (isQuiet: boolean) => {
      const call = ++latest.current;
      if (!isQuiet) setLoading(true);
      try {
        const value = await run();
        if (call === latest.current) {
          setData(value);
          setError(null);
        }
        return value;
      } catch (e) {
        if (call === latest.current) setError(e);
        return undefined;
      } finally {
        if (call === latest.current) setLoading(false);
      }
    },
    [run],
  );
  const reload = useCallback(() => read(false), [read]);
  const refresh = useCallback(() => read(true), [read]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, isLoading, reload, refresh };
}
