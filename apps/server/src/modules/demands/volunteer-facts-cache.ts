// In-process memory for the candidate ranking's volunteer facts (candidates.service.ts). Plain maps,
// no database: the service decides what to keep; writes that change work, ratings or no-shows
// (transitions, no-shows, dispatch plans) call `forgetDynamicFacts` so the next ranking reads them again.

/** Per database handle (weakly held) and street: a value and when it was loaded (ms since epoch). */
export class FactsMemo<T> {
  private readonly byHandle = new WeakMap<object, Map<string, { loadedAt: number; generation: number; value: T }>>();
  /** `followsWrites`: forgotten by `forgetDynamicFacts` (else kept for its whole time to live). */
  constructor(
    private readonly ttlMs: number,
    private readonly followsWrites: boolean,
  ) {}

  get(handle: object | undefined, streetId: string, now: number): T | undefined {
    if (!handle) return undefined;
    const hit = this.byHandle.get(handle)?.get(streetId);
    if (!hit || (this.followsWrites && hit.generation !== generation)) return undefined;
    const age = now - hit.loadedAt;
    return age >= 0 && age < this.ttlMs ? hit.value : undefined;
  }

  set(handle: object | undefined, streetId: string, now: number, value: T, loadedGeneration: number): void {
    if (!handle) return;
    const byStreet = this.byHandle.get(handle) ?? new Map();
    byStreet.set(streetId, { loadedAt: now, generation: loadedGeneration, value });
    this.byHandle.set(handle, byStreet);
  }
}

let generation = 0;
/** The current generation; a value loaded under an older one is not used. */
export const factsGeneration = () => generation;
/** Work, ratings or no-shows changed in this process: forget the remembered dynamic facts. */
export function forgetDynamicFacts(): void {
  generation++;
}
