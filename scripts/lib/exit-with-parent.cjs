// Preloaded into the Next.js server that `npm start` runs (node --require): when the start script is gone
// — killed with SIGKILL, so it could not stop its children — the server exits too, instead of holding the
// port with no one to stop it. A parent that exits normally stops the server itself first.
'use strict';
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 500).unref();
