'use client';

import { Printer } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** Opens the browser's print dialog; the dossier's print styles drop the app's chrome and dark colours. */
export function PrintButton() {
  return (
    <Button variant="primary" onClick={() => window.print()} className="print:hidden">
      <Printer aria-hidden className="size-4" /> Print or save as PDF
    </Button>
  );
}
