export { runPipeline, type PipelineInput, type PipelineOutput } from './runPipeline';
export { UpstreamCancelled, UpstreamTimeout } from './awaitUpstream';
