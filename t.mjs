import pino from 'pino';
const dest = pino.destination({ dest: '/tmp/x.ndjson', sync: false, minLength: 4096 });
const log = pino({ base: null, timestamp: false, formatters: { level: () => ({}) } }, dest);
log.info({ type: 'header', a: [1.1, 0.1+0.2] });
log.info({ type: 'round', round: 1 });
dest.on('error', e => console.log('err', e.code));
dest.end();
dest.on('close', () => { console.log('closed'); });
