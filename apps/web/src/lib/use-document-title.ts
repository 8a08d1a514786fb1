import { useEffect } from 'react';

/** Each page names itself in the browser tab and for screen readers announcing the page. */
export function useDocumentTitle(...parts: (string | undefined)[]) {
  const title = parts.filter(Boolean).join(' · ');
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
