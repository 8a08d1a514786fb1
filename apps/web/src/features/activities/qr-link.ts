/**
 * What the organizer's QR carries: a link to the H5 scan page with the activity and its short-lived signed
 * token, so that a phone's own camera app opens the right page too.
 */
export function checkInLink(origin: string, activityId: string, token: string): string {
  const params = new URLSearchParams({ activity: activityId, token });
  return `${origin}/check-in?${params.toString()}`;
}

export type ScannedCheckIn = { activityId: string; token: string };

/** Reads a scanned text: our link, or anything else (null). */
export function parseCheckInLink(text: string): ScannedCheckIn | null {
  try {
    const url = new URL(text.trim(), 'http://localhost');
    const activityId = url.searchParams.get('activity');
    const token = url.searchParams.get('token');
    if (!url.pathname.endsWith('/check-in') || !activityId || !token) return null;
    return { activityId, token };
  } catch {
    return null;
  }
}
