'use client';

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { SearchInput } from '@/components/ui/search-input';
import { useDebounced } from '@/lib/use-debounced';

interface Props {
  value: string;
  /** `replace`: refining an existing search replaces its history entry instead of adding one. */
  onSearch: (q: string, replace: boolean) => void;
  placeholder?: string;
}

/** Searches once typing pauses (or at once on Enter); follows the URL when it changes elsewhere. */
export function SearchBox({ value, onSearch, placeholder = 'Search products, strains, brands' }: Props) {
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
      <form onSubmit={submit}>
        <SearchInput
          label="Search products"
          value={text}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
        />
      </form>
    </search>
  );
}
