import { useId, type ReactNode } from 'react';

/** A card with an h2, named by that heading for screen readers. */
export function Section({ title, children, className }: { title: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={`h5-section ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
