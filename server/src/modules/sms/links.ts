import type { Clock } from '../../clock.js';
import type { SmsGatewayConfig } from '../../config.js';
import { createCmppClient } from './cmpp/client.js';
import type { SmsGateway } from './gateway.js';
import { createSimulatorGateway } from './simulator.js';
import { createSmppClient } from './smpp/client.js';

// The gateway the configuration names.
export function createGateway(
  config: SmsGatewayConfig,
  ctx: { clock: Clock; timeZone: string; log: { info(o: object, m: string): void; warn(o: object, m: string): void } },
): SmsGateway {
  const now = () => ctx.clock.now();
  switch (config.kind) {
    case 'simulator':
      return createSimulatorGateway({ now });
    case 'smpp':
      return createSmppClient({
        host: config.host,
        port: config.port,
        systemId: config.systemId,
        password: config.password,
        window: config.window,
        now,
        log: ctx.log,
      });
    case 'cmpp':
      return createCmppClient({
        host: config.host,
        port: config.port,
        spId: config.spId,
        secret: config.secret,
        version: config.version,
        serviceId: config.serviceId,
        timeZone: ctx.timeZone,
        now,
        log: ctx.log,
      });
  }
}
