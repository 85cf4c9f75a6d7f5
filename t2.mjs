import pino from 'pino';
import fs from 'node:fs';
const fd = fs.openSync('/dev/full', 'w');
const dest = pino.destination({ dest: fd, sync: false, minLength: 4096 });
dest.on('error', e => console.log('err', e.code, e.message));
const log = pino({ base: null, timestamp: false, formatters: { level: () => ({}) } }, dest);
for (let i=0;i<1000;i++) log.info({ type: 'round', round: i });
setTimeout(()=>{ try { dest.end(); } catch (e) { console.log('end threw', e.message)} }, 100);
