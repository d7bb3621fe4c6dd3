'use client';

import { Search } from 'lucide-react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Input } from '@/components/ui/input';
import { useDebounced } from '@/lib/use-debounced';

interface Props {
  value: string;
  /** `replace`: refining an existing search replaces its history entry instead of adding one. */
  onSearch: (q: string, replace: boolean) => void;
  placeholder?: string;
}

/** Searches once typing pauses (or at once on Enter); follows the URL when it changes elsewhere. */
export function SearchBox({ value, onSearch, placeholder = 'Search products, strains, brands' }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const settled = useDebounced(text, 350);
  const sent = useRef(value);

  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  const send = (raw: string) => {
    const q = raw.trim().slice(0, 100);
    if (q === sent.current) return;
    const replace = sent.current !== '' && q !== '';
    sent.current = q;
    onSearch(q, replace);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per settled text only; `send` reads the latest props.
  useEffect(() => send(settled), [settled]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(text);
  };

  return (
    <search className="min-w-0 flex-1">
      <form onSubmit={submit} className="relative">
        <label htmlFor={id} className="sr-only">
          Search products
        </label>
        <Search
          className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-gray-400"
          aria-hidden
        />
        <Input
          id={id}
          type="search"
          value={text}
          maxLength={100}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          className="pl-9"
        />
      </form>
    </search>
  );
}
