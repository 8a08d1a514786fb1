import { residentIdCheckChar } from '@duodi/contracts';

/** A valid mainland resident ID (GB 11643) for someone born `yearsAgo` years ago today (minus one day, so the birthday has passed). */
export function residentIdAged(yearsAgo: number, { region = '540102', sequence = '123', today = new Date() } = {}): string {
  const birth = new Date(today.getFullYear() - yearsAgo, today.getMonth(), today.getDate() - 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  const first17 = `${region}${birth.getFullYear()}${pad(birth.getMonth() + 1)}${pad(birth.getDate())}${sequence}`;
  return first17 + residentIdCheckChar(first17);
}

/** The same ID with a wrong check character. */
export function withWrongCheckChar(id: string): string {
  const right = id.slice(-1);
  const wrong = right === '0' ? '1' : '0';
  return id.slice(0, 17) + wrong;
}
