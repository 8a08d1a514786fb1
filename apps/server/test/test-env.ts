/** Settings shared by the test global setup and the test files. */
export const TEST_DATA_KEY = 'test-only-data-key-not-for-production';
export const usePostgres = () => process.env.TEST_DB === 'postgres';
export function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
  return url;
}
/** The same URL pointing at another database on that server. */
export function withDatabase(url: string, dbName: string): string {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
}
