import { useEffect, useState } from 'react';

/** The current time, refreshed every periodMs, for "5 min ago" and "retrying in 20 s". */
export function useNow(periodMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, periodMs);
    return () => {
      clearInterval(timer);
    };
  }, [periodMs]);
  return now;
}
