import { analyze, type Analysis } from '../card/analyze.ts';
import type { HostProfile } from '../card/types.ts';

export interface AnalysisRequest {
  id: number;
  text: string;
  host: HostProfile;
}

export interface AnalysisReply {
  id: number;
  result: Omit<Analysis, 'parsed'> & { parsed: Omit<Analysis['parsed'], 'text' | 'root'> };
}

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, text, host } = event.data;
  const { parsed, ...rest } = analyze(text, { host });
  const reply: AnalysisReply = {
    id,
    result: { ...rest, parsed: { value: parsed.value, errors: parsed.errors, ok: parsed.ok } },
  };
  self.postMessage(reply);
};
