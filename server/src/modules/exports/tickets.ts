import type { ExportLanguage } from '../../../../contracts/exports.js';
import type { TicketSummary } from '../../../../contracts/tickets.js';
import { labeller } from './labels.js';
import type { Column, Row } from './table.js';

// A ticket list as a table: the queue's columns and a few more, the number masked exactly as the screen shows it.

export function ticketColumns(lang: ExportLanguage): Column[] {
  const w = labeller(lang);
  return [
    { header: w('column', 'number'), type: 'text', width: 20 },
    { header: w('column', 'createdAt'), type: 'datetime', width: 19 },
    { header: w('column', 'status'), type: 'text', width: 10 },
    { header: w('column', 'channel'), type: 'text', width: 12 },
    { header: w('column', 'categoryCode'), type: 'text', width: 10 },
    { header: w('column', 'category'), type: 'text', width: 18 },
    { header: w('column', 'priority'), type: 'text', width: 8 },
    { header: w('column', 'phone'), type: 'text', width: 14 },
    { header: w('column', 'level'), type: 'text', width: 10 },
    { header: w('column', 'unit'), type: 'text', width: 18 },
    { header: w('column', 'owner'), type: 'text', width: 12 },
    { header: w('column', 'sla'), type: 'text', width: 10 },
    { header: w('column', 'dueAt'), type: 'datetime', width: 19 },
    { header: w('column', 'description'), type: 'text', width: 50 },
    { header: w('column', 'resolution'), type: 'text', width: 40 },
    { header: w('column', 'updatedAt'), type: 'datetime', width: 19 },
    { header: w('column', 'repeat'), type: 'text', width: 10 },
  ];
}

export function ticketRow(t: TicketSummary, lang: ExportLanguage, w = labeller(lang)): Row {
  return [
    t.number,
    t.createdAt,
    w('status', t.status),
    w('channel', t.channel),
    t.categoryCode,
    lang === 'en' ? t.categoryNameEn : t.categoryName,
    w('priority', t.priority),
    t.customerPhone,
    w('level', t.customerLevel),
    t.handlingUnit ? (lang === 'en' ? t.handlingUnit.nameEn : t.handlingUnit.name) : null,
    t.owner?.name ?? null,
    w('sla', t.sla.state),
    t.sla.dueAt,
    t.description,
    t.resolution,
    t.updatedAt,
    w('yesNo', t.isRepeat ? 'yes' : 'no'),
  ];
}
