import { useEffect, useState } from 'react';
import type { CustomerProfile } from '../../../../contracts/tickets.js';
import { api } from '../../lib/api-client';

export const isMobileNumber = (s: string | undefined): s is string => !!s && /^1[3-9][0-9]{9}$/.test(s);

/** The caller's record and complaints, fetched as soon as the number is complete. */
export function useCustomerProfile(phone: string | undefined) {
  const [profile, setProfile] = useState<CustomerProfile | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isLoading, setLoading] = useState(false);

  useEffect(() => {
    setProfile(null);
    setError(null);
    if (!isMobileNumber(phone)) return;
    let isCurrent = true;
    setLoading(true);
    api
      .customerProfile(phone)
      .then(
        (p) => isCurrent && setProfile(p),
        (e: unknown) => isCurrent && setError(e),
      )
      .finally(() => isCurrent && setLoading(false));
    return () => {
      isCurrent = false;
    };
  }, [phone]);

  return { profile, error, isLoading };
}
