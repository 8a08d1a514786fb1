import type { DemandChannel, DemandStatus, UiLang } from '@duodi/contracts';
import { isoWithOffset } from '../../lib/datetime';
import { formatDate } from '../../lib/format';

/*
 * Copies of contract values: demands.ts of the contracts also builds zod schemas, and importing a
 * value from it would bring zod into these pages (see lib/contract-values.ts). `__tests__/model.test.ts`
 * checks they equal the contracts'.
 */
export const DEMAND_CHANNEL_VALUES = ['app', 'phone', 'chat', 'visit', 'walk_in'] as const satisfies readonly DemandChannel[];
/** The ways a resident asks staff to order for them (代办): every channel but the app. */
export const STAFF_CHANNELS = DEMAND_CHANNEL_VALUES.filter((c): c is Exclude<DemandChannel, 'app'> => c !== 'app');

/** The steps a resident sees: 点单 → 派单 → 接单 → 服务 → 完成 → 评价/结案. */
export const ORDER_STEPS = ['submitted', 'dispatched', 'accepted', 'in_service', 'completed', 'finished'] as const;
export type OrderStep = (typeof ORDER_STEPS)[number];

const STEP_OF: Partial<Record<DemandStatus, OrderStep>> = {
  submitted: 'submitted',
  published: 'dispatched',
  assigned: 'dispatched',
  accepted: 'accepted',
  in_service: 'in_service',
  completed: 'completed',
  rated: 'finished',
  closed: 'finished',
};

/** The step index of a status, or null for the ends outside the chain (rejected, cancelled). */
export function stepIndexOf(status: DemandStatus): number | null {
  const step = STEP_OF[status];
  return step ? ORDER_STEPS.indexOf(step) : null;
}

/** Statuses from which the resident, the grid worker or an admin may cancel (API.md: before in_service). */
export const CANCELLABLE: readonly DemandStatus[] = ['submitted', 'published', 'assigned', 'accepted'];
export const CLOSABLE: readonly DemandStatus[] = ['completed', 'rated'];

/** A rating at or below this sends a demand back once for rework (重办, demands CONTEXT.md). */
export const DISSATISFIED_MAX_SCORE = 2;

/** The emergency numbers named in a text (the server's DR-19 answer names the one to call). */
export function emergencyCalls(text: string): ('110' | '119' | '120')[] {
  const found = new Set<'110' | '119' | '120'>();
  for (const match of text.matchAll(/(?<!\d)(110|119|120)(?!\d)/g)) found.add(match[1] as '110' | '119' | '120');
  return [...found];
}

/** Date and time for display: the calendar date as the rest of the app writes it, then HH:MM. */
export function formatDateTime(value: string, language: UiLang): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const local = isoWithOffset(date);
  return `${formatDate(local, language)} ${local.slice(11, 16)}`;
}

/** Preferred-time quick choices (no date picker): a window of this device's day. */
export const TIME_CHOICES = ['any', 'today_morning', 'today_afternoon', 'tomorrow_morning', 'tomorrow_afternoon'] as const;
export type TimeChoice = (typeof TIME_CHOICES)[number];

const WINDOWS = { morning: [9, 12], afternoon: [14, 18] } as const;

/**
 * The window of a quick choice as API times, or null for "any time". A window of today that has
 * already begun starts now; one that is over is not offered (see `availableTimeChoices`).
 */
export function timeWindow(choice: TimeChoice, now: Date = new Date()): { preferredStart: string; preferredEnd: string } | null {
  if (choice === 'any') return null;
  const [day, part] = choice.split('_') as ['today' | 'tomorrow', 'morning' | 'afternoon'];
  const [fromHour, toHour] = WINDOWS[part];
  const start = new Date(now);
  start.setHours(fromHour, 0, 0, 0);
  const end = new Date(now);
  end.setHours(toHour, 0, 0, 0);
  if (day === 'tomorrow') {
    start.setDate(start.getDate() + 1);
    end.setDate(end.getDate() + 1);
  }
  const from = start.getTime() < now.getTime() ? new Date(now.getTime() - (now.getTime() % 60_000)) : start;
  return { preferredStart: isoWithOffset(from), preferredEnd: isoWithOffset(end) };
}

/** The quick choices still possible now: today's windows until the last half hour before they end. */
export function availableTimeChoices(now: Date = new Date()): TimeChoice[] {
  return TIME_CHOICES.filter((choice) => {
    if (!choice.startsWith('today_')) return true;
    const part = choice === 'today_morning' ? 'morning' : 'afternoon';
    return now.getHours() + now.getMinutes() / 60 < WINDOWS[part][1] - 0.5;
  });
}
