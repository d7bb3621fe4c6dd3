import type { ReactNode } from 'react';
import { Field } from './field';
import { Select } from './input';

interface Props<V extends string> {
  /** For screen readers only: in a filter bar the chosen option says what the filter is. */
  label: string;
  value: V;
  /** Called with the chosen option's value; the options are all of type `V`. */
  onChange: (value: V) => void;
  /** The `<option>`s. */
  children: ReactNode;
  className?: string;
}

/** One select of a filter bar (admin license queue, vendor catalog). */
export function FilterSelect<V extends string>({ label, value, onChange, children, className }: Props<V>) {
  return (
    <Field label={label} hideLabel className={className}>
      <Select value={value} onChange={(event) => onChange(event.target.value as V)}>
        {children}
      </Select>
    </Field>
  );
}
