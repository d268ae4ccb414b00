import type { ReactNode } from 'react';

/** A numbered part of the dossier; never split across printed pages where it fits on one. */
export function DossierSection({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`dossier-${n}`} className="break-inside-avoid-page border-t border-line pt-5 print:pt-3">
      <h2 id={`dossier-${n}`} className="mb-3 text-base font-semibold text-ink">
        {n}. {title}
      </h2>
      {children}
    </section>
  );
}
