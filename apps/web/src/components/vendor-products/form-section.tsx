import { type ReactNode, useId } from 'react';
import { Card, CardBody, CardHeader } from '@/components/ui/card';

/** One titled group of the product editor, announced as a region by its heading. */
export function FormSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <Card>
        <CardHeader>
          <h2 id={id} className="text-base font-semibold text-gray-900">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-sm text-gray-600">{description}</p> : null}
        </CardHeader>
        <CardBody>{children}</CardBody>
      </Card>
    </section>
  );
}

/** A checkbox with its label and a line saying what it does. */
export function CheckboxRow({
  label,
  hint,
  ...input
}: { label: string; hint: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <input
        {...input}
        id={id}
        type="checkbox"
        aria-describedby={`${id}-hint`}
        className="mt-0.5 size-4 shrink-0 accent-brand-700"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-gray-900">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      </div>
    </div>
  );
}
