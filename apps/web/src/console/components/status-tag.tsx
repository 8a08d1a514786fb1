import type { ReactNode } from 'react';

export type Tone = 'warning' | 'success' | 'danger' | 'neutral' | 'info';

/**
 * A state in a table (待审核, 已通过 …): text in words with a tone, drawn with colours that keep 4.5:1
 * contrast (antd's preset tag colours do not).
 */
export function StatusTag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`console-status console-status--${tone}`}>{children}</span>;
}
