// `npm start` builds what it must: the server when its sources are newer than the build,
// the web app when it has not been built or its sources changed.
import { execSync } from 'node:child_process';
/* global console */
import fs from 'node:fs';
import path from 'node:path';

const newest = (dirs) => {
  let t = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const s = fs.statSync(p);
    if (s.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (e !== 'node_modules') walk(path.join(p, e));
    } else t = Math.max(t, s.mtimeMs);
  };
  dirs.forEach(walk);
  return t;
};
const builtAt = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

const run = (script) => execSync(`npm run --silent ${script}`, { stdio: 'inherit' });

if (builtAt('dist/server/src/main.js') < newest(['server/src', 'contracts'])) {
  console.log('closeloop: building the server…');
  run('build:server');
  fs.utimesSync('dist/server/src/main.js', new Date(), new Date());
}
if (builtAt('dist/web/index.html') < newest(['web/src', 'web/index.html', 'contracts'])) {
  if (fs.existsSync('web/index.html')) {
    console.log('closeloop: building the web app…');
    run('build:web');
  }
}
