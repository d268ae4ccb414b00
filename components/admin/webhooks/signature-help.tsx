import { CopyButton } from '@/components/ui/copy-button';
import { cx } from '@/components/ui/cx';

const HEADERS = [
  'X-Modelgate-Event: version.promoted',
  'X-Modelgate-Delivery: <uuid, the same on every retry>',
  'X-Modelgate-Signature: sha256=<hex HMAC-SHA256 of the raw body with this secret>',
];

// Lines short enough for the dialog, so nothing wraps mid-expression.
const NODE_CHECK = `import { createHmac, timingSafeEqual } from 'node:crypto';

// rawBody: the request body as received, before JSON.parse
const hmac = createHmac('sha256', secret).update(rawBody);
const expected = Buffer.from(\`sha256=\${hmac.digest('hex')}\`);
const header = req.headers['x-modelgate-signature'] ?? '';
const given = Buffer.from(header);
const valid = given.length === expected.length
  && timingSafeEqual(given, expected);`;

const BLOCK = 'rounded-md bg-zinc-900 px-3 py-2 font-mono text-xs leading-5 text-zinc-100 dark:bg-black/40';

/** How a receiver tells a real delivery from a forged one: the headers, and the check in a few lines of Node. */
export function SignatureHelp() {
  return (
    <div className="space-y-2">
      <div>
        <p className="text-sm font-medium text-ink">Verify the signature</p>
        <p className="mt-0.5 text-sm text-ink-muted">Hash the raw body before parsing it, compare in constant time, and skip a delivery ID you have already handled.</p>
      </div>
      <div className={BLOCK}>
        {HEADERS.map((line) => (
          // A hanging indent, so a wrapped header still reads as one.
          <code key={line} className="block pl-4 -indent-4">
            {line}
          </code>
        ))}
      </div>
      <div className={cx('flex items-start gap-1', BLOCK)}>
        <pre className="min-w-0 flex-1 overflow-x-auto">{NODE_CHECK}</pre>
        <CopyButton value={NODE_CHECK} label="Copy verification code" className="text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100" />
      </div>
    </div>
  );
}
