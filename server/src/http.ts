import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { badRequest } from './errors.js';

// If-Match carries the version the client last saw; a stale one must not overwrite a newer change.
export function ifMatch(req: FastifyRequest): number | undefined {
  const raw = req.headers['if-match'];
  if (raw === undefined || raw === '*') return undefined;
  const m = /^(?:W\/)?"?([0-9]{1,9})"?$/.exec(String(raw).trim());
  if (!m)
    throw badRequest('validation.invalid_format', 'If-Match must be the version from the ETag, e.g. "3"', { field: 'headers.if-match' });
  return Number(m[1]);
}

export function withETag<T extends { version: number }>(reply: FastifyReply, body: T): T {
  void reply.header('etag', `"${body.version}"`);
  return body;
}

/** Sends JSON already serialised by the route's response schema (a stored representation), with its ETag. */
export function sendSerialised(reply: FastifyReply, etag: string, body: string): FastifyReply {
  return reply.header('etag', etag).type('application/json; charset=utf-8').send(body);
}

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'the ETag (version) last read; a stale one gets 412' })),
});
