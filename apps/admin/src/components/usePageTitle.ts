import { useEffect } from 'react';

/** Sets the document title: `Page — Học Tập`. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — Học Tập`;
  }, [title]);
}
