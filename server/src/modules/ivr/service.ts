import type { IvrCaller, IvrMenuItem, IvrTransfer } from '../../../../contracts/ivr.js';
import type { SelfService } from '../selfservice/index.js';

const menuWhenOpen: IvrMenuItem[] = [
  { key: '1', action: 'progress', speech: { zh: '查询投诉进度请按1', en: 'For the progress of your complaint, press 1' } },
  { key: '2', action: 'leave_information', speech: { zh: '补充投诉信息请按2', en: 'To add information to your complaint, press 2' } },
  { key: '0', action: 'transfer', speech: { zh: '转投诉专席请按0', en: 'To speak to the complaint desk, press 0' } },
];
const menuWhenNone: IvrMenuItem[] = [
  { key: '0', action: 'transfer', speech: { zh: '转人工服务请按0', en: 'To speak to an agent, press 0' } },
];

export interface IvrQueues {
  /** the complaint desk's queue or skill */
  desk: string;
  /** where every other call goes */
  general: string;
}

// The IVR flow (DOMAIN.md §5, 投诉专席IVR导航), the same for the HTTP API and the FastAGI server: a caller with an open
// complaint hears its progress and is offered to add information or go straight to the complaint desk.
export function createIvrService(deps: { selfService: SelfService; queues: IvrQueues }) {
  const { selfService, queues } = deps;
  return {
    async caller(phone: string): Promise<IvrCaller> {
      const { openTickets, speech } = await selfService.progress(phone, 'ivr');
      return { openTickets, speech, menu: openTickets.length > 0 ? menuWhenOpen : menuWhenNone };
    },

    async leaveRecording(phone: string, recordingRef: string, ticketNumber?: string) {
      return selfService.addInformation(phone, '', 'ivr', ticketNumber, { recordingRef });
    },

    async transfer(phone: string): Promise<IvrTransfer> {
      const [latest] = await selfService.openTicketNumbers(phone);
      return latest
        ? { queue: queues.desk, reason: 'open_complaint', ticketNumber: latest }
        : { queue: queues.general, reason: 'no_open_complaint', ticketNumber: null };
    },
  };
}
export type IvrService = ReturnType<typeof createIvrService>;
