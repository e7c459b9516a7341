import { useEffect, useState } from 'react';

// useDebounced follows value after it has been still for ms, so typing in a
// search box sends one query instead of one per key.
export function useDebounced<V>(value: V, ms: number): V {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}
