import React, { useState } from 'react';
import { TimeRange } from '@grafana/data';
import { Button, IconButton } from '@grafana/ui';
import { CreateAlertDialog } from './CreateAlertDialog';
import type { PairAlertInput } from './pairAlert';

interface Props {
  /** Built when the button is pressed, so hovering a panel costs nothing. */
  input: () => Omit<PairAlertInput, 'threshold'>;
  range: TimeRange;
  /** A bell alone (lag curves); the label becomes its accessible name. */
  compact?: boolean;
  label?: string;
  /** The dialog opened or closed (the drill-down keeps Escape for the dialog while it is open). */
  onOpenChange?: (open: boolean) => void;
}

/** "Create alert" for a pair: a real button (Tab, Enter, Space), opening CreateAlertDialog. */
export function CreateAlertButton({ input, range, compact, label = 'Create alert', onOpenChange }: Props) {
  const [open, setOpen] = useState<Omit<PairAlertInput, 'threshold'> | null>(null);
  const show = () => {
    setOpen(input());
    onOpenChange?.(true);
  };
  const hide = () => {
    setOpen(null);
    onOpenChange?.(false);
  };
  return (
    <>
      {compact ? (
        <IconButton
          name="bell"
          size="sm"
          aria-label={label}
          tooltip={label}
          onClick={show}
          data-testid="infradrift-create-alert-button"
        />
      ) : (
        <Button
          icon="bell"
          variant="secondary"
          size="sm"
          fill="outline"
          onClick={show}
          data-testid="infradrift-create-alert-button"
        >
          {label}
        </Button>
      )}
      {open && <CreateAlertDialog input={open} range={range} onDismiss={hide} />}
    </>
  );
}
