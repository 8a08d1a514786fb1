import { z } from 'zod';
import { FAMILY_RELATION_KINDS } from './ledger.js';

/**
 * `GET /time-bank/households/{id}/family` (community staff of the household): its members and the
 * family relations recorded between them (time-bank transfers go only along these, DR-13).
 */
export const HouseholdFamilySchema = z.object({
  householdId: z.string(),
  address: z.string(),
  members: z.array(z.object({ personId: z.string(), name: z.string(), age: z.number().int().nullable() })),
  relations: z.array(
    z.object({
      personId: z.string(),
      relativePersonId: z.string(),
      relation: z.enum(FAMILY_RELATION_KINDS),
      createdAt: z.string(),
    }),
  ),
});
export type HouseholdFamily = z.infer<typeof HouseholdFamilySchema>;
