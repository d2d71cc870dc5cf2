import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { ErrorBody } from '../../../../contracts/common.js';
import { MonthlyReportQuery, StatsSummaryExportQuery, StatsTicketsExportQuery, TicketExportQuery } from '../../../../contracts/exports.js';
import type { Download, ExportService } from './service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * Sends a download as it is produced. The first chunk is produced before the headers go out, so bad input or a
 * failing first query still answers with a proper error; after that, a failure cuts the download short. The
 * stream is pulled by the socket: nothing is read from the database faster than the client takes it.
 */
export async function sendDownload(reply: FastifyReply, download: Download) {
  const first = await download.chunks.next();
  async function* rest() {
    if (!first.done) yield first.value;
    yield* download.chunks;
  }
  const ascii = download.filename.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', download.contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.filename)}`)
    .send(Readable.from(rest(), { objectMode: false }));
}

export const exportRoutes: FastifyPluginAsyncTypebox<{ exports: ExportService }> = async (app, { exports }) => {
  const tags = ['exports'];

  app.get(
    '/api/v1/exports/tickets',
    {
      schema: {
        tags,
        summary: 'Every ticket matching the queue filters, as CSV or XLSX',
        querystring: TicketExportQuery,
        response: errors,
      },
      onRequest: app.can('ticket:export'),
    },
    async (req, reply) => sendDownload(reply, await exports.tickets(req.actor, req.query)),
  );

  app.get(
    '/api/v1/exports/stats/summary',
    {
      schema: { tags, summary: 'A figures table (the summary API) as CSV or XLSX', querystring: StatsSummaryExportQuery, response: errors },
      onRequest: app.can('stats:read'),
    },
    async (req, reply) => sendDownload(reply, await exports.statsSummary(req.query)),
  );

  app.get(
    '/api/v1/exports/stats/tickets',
    {
      schema: {
        tags,
        summary: 'The tickets behind a figure (the drill-down) as CSV or XLSX',
        querystring: StatsTicketsExportQuery,
        response: errors,
      },
      onRequest: app.can('stats:read'),
    },
    async (req, reply) => sendDownload(reply, await exports.statsTickets(req.actor, req.query)),
  );

  app.get(
    '/api/v1/exports/monthly-report',
    {
      schema: { tags, summary: 'One unit’s month as an XLSX report', querystring: MonthlyReportQuery, response: errors },
      onRequest: app.can('stats:read'),
    },
    async (req, reply) => sendDownload(reply, await exports.monthlyReport(req.actor, req.query)),
  );
};
