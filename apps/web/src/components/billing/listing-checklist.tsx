import type { KycStatus } from '@pf/domain';
import { CircleCheck, CircleDashed } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';

interface Step {
  key: string;
  done: boolean;
  title: string;
  detail: string;
  action: { href: string; label: string } | null;
}

/**
 * What stands between a vendor and being listed: a verified license and an active subscription, each with
 * the way to get it. Shown on the vendor home and the compliance page.
 */
export function ListingChecklist({
  kycStatus,
  subscriptionActive,
  canManageBilling,
}: {
  kycStatus: KycStatus;
  subscriptionActive: boolean;
  canManageBilling: boolean;
}) {
  const licensed = kycStatus === 'verified';
  const steps: Step[] = [
    {
      key: 'license',
      done: licensed,
      title: licensed ? 'License verified' : 'Verified state license',
      detail: licensed
        ? 'An admin verified your license.'
        : kycStatus === 'pending_verification'
          ? 'Upload your license; an admin verifies it, usually within one business day.'
          : 'Your license needs attention: upload a valid one.',
      action: licensed ? null : { href: '/settings/compliance', label: 'Manage licenses' },
    },
    {
      key: 'subscription',
      done: subscriptionActive,
      title: subscriptionActive ? 'Subscription active' : 'Vendor subscription',
      detail: subscriptionActive
        ? 'Your subscription keeps you listed.'
        : canManageBilling
          ? 'Subscribe to a vendor plan to appear in the marketplace.'
          : 'Your store owner subscribes to a vendor plan.',
      action: canManageBilling
        ? { href: '/vendor/billing', label: subscriptionActive ? 'View billing' : 'Subscribe' }
        : null,
    },
  ];
  const listed = steps.every((step) => step.done);
  return (
    <Card data-testid="listing-checklist">
      <CardHeader>
        <CardTitle>{listed ? 'Listed in the marketplace' : 'Not listed yet'}</CardTitle>
      </CardHeader>
      <CardBody className="space-y-4">
        <p className="text-sm text-gray-600">
          {listed
            ? 'Licensed buyers in your state can see and order your active products.'
            : 'Buyers see your products once both steps below are done.'}
        </p>
        <ol className="space-y-3">
          {steps.map((step) => (
            <li key={step.key} className="flex flex-wrap items-start gap-3" data-testid={`listing-step-${step.key}`}>
              {step.done ? (
                <CircleCheck className="mt-0.5 h-5 w-5 shrink-0 text-green-700" aria-label="Done" />
              ) : (
                <CircleDashed className="mt-0.5 h-5 w-5 shrink-0 text-amber-600" aria-label="To do" />
              )}
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-gray-900">{step.title}</p>
                <p className="text-sm text-gray-600">{step.detail}</p>
              </div>
              {step.action ? (
                <Link
                  href={step.action.href}
                  className={buttonVariants({ variant: step.done ? 'ghost' : 'secondary', size: 'sm' })}
                >
                  {step.action.label}
                </Link>
              ) : null}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
