import Form from 'next/form';
import Link from 'next/link';
import { Search } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** A GET form, so a search is a shareable URL (`/models?q=fraud`) and works without JavaScript. */
export function ModelSearchForm({ query }: { query: string }) {
  return (
    <Form action="/models" role="search" className="flex w-full items-center gap-2 sm:w-auto">
      <label htmlFor="model-search" className="sr-only">
        Search models by name or tag
      </label>
      <div className="relative w-full sm:w-72">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-ink-faint" />
        <Input id="model-search" name="q" type="search" defaultValue={query} placeholder="Search by name or tag" className="pl-8" />
      </div>
      <Button type="submit">Search</Button>
      {query && (
        <Link href="/models" className="text-sm text-ink-muted underline-offset-2 hover:text-ink hover:underline">
          Clear
        </Link>
      )}
    </Form>
  );
}
