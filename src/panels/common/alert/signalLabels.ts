/**
 * The series labels of a signal by name, from whichever InfraDrift frame of the result records them
 * (the matrix's signal list, or an aligned series' value field): a lag frame names its two sides but
 * carries no labels, and a rule needs them to pick the series out of the signal's query.
 */
import { DataFrame, FieldType } from '@grafana/data';
import { FrameKind, type MatrixMeta } from '../../../shared/frameContract';
import { frameKind } from '../frames';

export function signalLabels(frames: DataFrame[], name: string): Record<string, string> {
  for (const frame of frames) {
    const kind = frameKind(frame);
    if (kind === FrameKind.Matrix) {
      const s = (frame.meta!.custom as MatrixMeta).signals.find((x) => x.name === name);
      if (s) {
        return s.labels ?? {};
      }
    }
    if (kind === FrameKind.Aligned && frame.name === name) {
      return frame.fields.find((f) => f.type === FieldType.number)?.labels ?? {};
    }
  }
  return {};
}
