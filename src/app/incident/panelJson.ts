/**
 * The dashboard panel "Add to dashboard" hands over: the matrix panel on the page's InfraDrift query,
 * model signals against infrastructure, titled for the target. Pure.
 */
import type { InfraDriftQuery } from '../../datasource/types';
import { INFRADRIFT_DS_TYPE } from './signalSet';
import matrixPanelJson from '../../panels/matrix/plugin.json';

export interface IncidentPanel {
  type: string;
  title: string;
  datasource: { type: string; uid: string };
  targets: InfraDriftQuery[];
  options: { layout: 'model-infra' };
  gridPos: { x: number; y: number; w: number; h: number };
}

export function incidentPanel(query: InfraDriftQuery, dsUid: string, targetName: string | undefined): IncidentPanel {
  const datasource = { type: INFRADRIFT_DS_TYPE, uid: dsUid };
  return {
    type: matrixPanelJson.id,
    title: targetName ? `InfraDrift: ${targetName}` : 'InfraDrift correlation',
    datasource,
    targets: [{ ...query, refId: query.refId || 'A', datasource }],
    options: { layout: 'model-infra' },
    gridPos: { x: 0, y: 0, w: 12, h: 10 },
  };
}
