// npm run admin:create -- --phone 139xxxxxxxx --name 姓名 [--street-code duodi --street-name 夺底街道 --district 城关区]
// Creates the first street admin of a production database. The password comes from ADMIN_PASSWORD,
// or a strong one is generated and printed once.
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import { PhoneSchema } from '@duodi/contracts';
import { createFieldCrypto } from '../apps/server/src/platform/crypto/field-crypto.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { createStreetAdmin } from '../apps/server/src/modules/accounts/index.js';
import { openConfiguredDatabase } from './cli-db.js';

const { values } = parseArgs({
  options: {
    phone: { type: 'string' },
    name: { type: 'string' },
    'street-code': { type: 'string', default: 'duodi' },
    'street-name': { type: 'string', default: '夺底街道' },
    'street-name-bo': { type: 'string' },
    district: { type: 'string', default: '城关区' },
  },
});

const phone = PhoneSchema.safeParse(values.phone ?? '');
if (!phone.success || !values.name) {
  console.error('usage: npm run admin:create -- --phone <mainland mobile> --name <name> [--street-code duodi --street-name 夺底街道 --district 城关区]');
  process.exit(2);
}
const generated = !process.env.ADMIN_PASSWORD;
const password = process.env.ADMIN_PASSWORD ?? crypto.randomBytes(12).toString('base64url');
if (password.length < 10) {
  console.error('ADMIN_PASSWORD must be at least 10 characters.');
  process.exit(2);
}

const { database, config } = await openConfiguredDatabase();
try {
  await migrate(database);
  const result = await createStreetAdmin(
    { database, db: database.db, crypto: createFieldCrypto(config.dataKey), config, now: () => new Date() },
    {
      phone: phone.data,
      password,
      name: values.name,
      street: { code: values['street-code']!, name: values['street-name']!, district: values.district!, ...(values['street-name-bo'] ? { nameBo: values['street-name-bo'] } : {}) },
    },
  );
  console.log(`street admin created: account ${result.accountId} in street ${result.streetId}`);
  if (generated) console.log(`password (shown once, change it after the first sign-in): ${password}`);
} catch (err) {
  console.error(`admin:create failed: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
