import { SearchX } from 'lucide-react';
import { StatusPage } from '@/components/ui/status-page';

export default function NotFound() {
  return <StatusPage icon={SearchX} title="There is no page at this address" description="The link may be out of date, or the address has a typo." />;
}
