import { VersionRecord } from '@/components/version/version-record';

export default function VersionLoading() {
  return <VersionRecord.Skeleton />;
}
