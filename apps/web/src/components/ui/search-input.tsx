import { Search } from 'lucide-react';
import { type InputHTMLAttributes, useId } from 'react';
import { cn } from '@/lib/cn';
import { Input } from './input';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> {
  /** The accessible name; the placeholder alone is not a label. */
  label: string;
  wrapperClassName?: string;
}

/** A search field with a magnifier icon and a visually hidden label. */
export function SearchInput({ label, wrapperClassName, className, ...props }: Props) {
  const id = useId();
  return (
    <div className={cn('relative', wrapperClassName)}>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Search
        className="pointer-events-none absolute left-3 top-1/2 h-4 w-4 -translate-y-1/2 text-gray-400"
        aria-hidden
      />
      <Input id={id} type="search" maxLength={100} className={cn('pl-9', className)} {...props} />
    </div>
  );
}
