import { ShieldX } from 'lucide-react';
import { StatusPage } from '@/components/ui/status-page';

/** Rendered with HTTP 403 when a page calls `forbidden()`: signed in, but the role does not allow it. */
export default function Forbidden() {
  return (
    <StatusPage
      heading={<h1 className="sr-only">403 Forbidden</h1>}
      icon={ShieldX}
      title="Admins only"
      description="Your role does not include this part of Modelgate. If you need it, ask an admin to change your role."
    />
  );
}
