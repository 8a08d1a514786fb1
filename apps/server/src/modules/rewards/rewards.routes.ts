import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requestLanguage } from '../../platform/http/problem.js';
import { z } from 'zod';
import {
  IdParamsSchema,
  IdempotencyHeadersSchema,
  MerchantLookupBodySchema,
  MerchantLookupSchema,
  MerchantSchema,
  MyQrSchema,
  RedeemBodySchema,
  RedeemResultSchema,
  RedemptionCancelSchema,
  RedemptionCreateSchema,
  RedemptionQuerySchema,
  RedemptionSchema,
  RewardCreateSchema,
  RewardPatchSchema,
  RewardQuerySchema,
  RewardSchema,
  pageOf,
} from '@duodi/contracts';
import { problemResponses } from '../../platform/http/problem.js';
import * as service from './rewards.service.js';

const tags = ['rewards'];

export const rewardsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rewards',
    {
      schema: {
        tags,
        summary: 'The 爱心超市 catalog: items { id, name, pointsCost, stock, minStar } with names in bo/en, merchant and per-period limit',
        description:
          'Active street-wide items and those of the caller’s community. Staff (street admin, community admin) may pass `all=true` to include inactive items.',
        querystring: RewardQuerySchema,
        response: { 200: pageOf(RewardSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.listRewards(req.deps, req.actor, req.query),
  );

  app.post(
    '/rewards',
    {
      schema: {
        tags,
        summary: 'Add a catalog item (street admin: street-wide or a community; community admin: their community); audited',
        body: RewardCreateSchema,
        response: { 201: RewardSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createReward(req.deps, req.actor, req.body)),
  );

  app.patch(
    '/rewards/:id',
    {
      schema: {
        tags,
        summary: 'Edit a catalog item (name, points, stock, minimum star, limits; `active: false` takes it off the shelf); audited',
        params: IdParamsSchema,
        body: RewardPatchSchema,
        response: { 200: RewardSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => service.patchReward(req.deps, req.actor, req.params.id, req.body),
  );

  app.delete(
    '/rewards/:id',
    {
      schema: {
        tags,
        summary: 'Take an item off the shelf (sets active false; orders keep referring to it); audited',
        params: IdParamsSchema,
        response: { 200: RewardSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (req) => service.patchReward(req.deps, req.actor, req.params.id, { active: false }),
  );

  app.post(
    '/redemptions',
    {
      schema: {
        tags,
        summary: 'Redeem points for a reward (兑换): order with a 6-digit pickup code, status pending_pickup (待核销)',
        description:
          'Points move volunteer → rewards_sink through the ledger. 422 insufficient_balance (not enough points), 409 out_of_stock, 422 star_level_required (below the item’s minimum awarded star), 422 redemption_limit_reached (per-period limit). Accepts `Idempotency-Key`: a replay answers the first order and changes nothing.',
        headers: IdempotencyHeadersSchema,
        body: RedemptionCreateSchema,
        response: { 201: RedemptionSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await service.createRedemption(req.deps, req.actor, req.body, req.headers['idempotency-key'])),
  );

  app.get(
    '/merchants',
    {
      schema: {
        tags,
        summary: 'Partner merchants (爱心商户): all for staff (to file items under), their own shops for a merchant account',
        response: { 200: z.object({ items: z.array(MerchantSchema), nextCursor: z.null() }), ...problemResponses(401, 403) },
      },
    },
    async (req) => service.listMerchants(req.deps, req.actor),
  );

  app.get(
    '/redemptions',
    {
      schema: {
        tags,
        summary:
          'Orders for the shop side, newest first, without pickup codes: a merchant’s shops, a community admin’s items, all for the street admin',
        querystring: RedemptionQuerySchema,
        response: { 200: pageOf(RedemptionSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (req) => service.listShopRedemptions(req.deps, req.actor, req.query),
  );

  app.get(
    '/me/redemptions',
    {
      schema: {
        tags,
        summary: 'The caller’s redemption orders, newest first (pickup code while pending)',
        querystring: RedemptionQuerySchema,
        response: { 200: pageOf(RedemptionSchema), ...problemResponses(400, 401) },
      },
    },
    async (req) => service.listMyRedemptions(req.deps, req.actor, req.query),
  );

  app.post(
    '/redemptions/:id/cancel',
    {
      schema: {
        tags,
        summary:
          'Cancel an order waiting for pickup (the volunteer, or staff managing the item): cancelled (已取消), stock back, points refunded by a reverse transfer',
        params: IdParamsSchema,
        body: RedemptionCancelSchema.nullish(),
        response: { 200: RedemptionSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (req) => service.cancelRedemption(req.deps, req.actor, req.params.id, req.body?.reason),
  );

  app.get(
    '/me/qr',
    {
      schema: {
        tags,
        summary: 'The volunteer’s QR payload for partner merchants: signed, valid 5 minutes, names no personal data',
        response: { 200: MyQrSchema, ...problemResponses(401, 403) },
      },
    },
    async (req) => service.myQr(req.deps, req.actor),
  );

  app.post(
    '/redemptions/lookup',
    {
      schema: {
        tags,
        summary: 'Merchant scans a volunteer’s QR: star level and perks only, plus the volunteer’s open orders at this merchant',
        body: MerchantLookupBodySchema,
        response: { 200: MerchantLookupSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (req) => service.merchantLookup(req.deps, req.actor, req.body.volunteerQr, requestLanguage(req)),
  );

  app.post(
    '/redemptions/redeem',
    {
      schema: {
        tags,
        summary:
          'Merchant redeems (核销) an order by `{code}` or `{volunteerQr, redemptionId?}` → redeemed (已核销); shows only star level and perks',
        description:
          'Partner merchant accounts only (403 otherwise). Orders of another merchant or unknown codes are 404; a QR with several open orders needs `redemptionId` (409 otherwise); an expired QR is 422 token_expired.',
        body: RedeemBodySchema,
        response: { 200: RedeemResultSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => service.redeem(req.deps, req.actor, req.body, requestLanguage(req)),
  );
};
