import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The heading of one step in a multi-step page. When a later step appears it takes focus, so
 * keyboard and screen reader users start reading at the new step rather than at a removed button.
 */
export function StepHeading({ children, focus = true, level = 1 }: { children: ReactNode; focus?: boolean; level?: 1 | 2 | 3 }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  const Tag = (['h1', 'h2', 'h3'] as const)[level - 1]!;
  return (
    <Tag ref={ref} tabIndex={-1} className="step-heading">
      {children}
    </Tag>
  );
}
