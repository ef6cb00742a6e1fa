/**
 * Stand-ins for Monaco's GPU renderer of text lines, which its view creates only when the option
 * `experimentalGpuAcceleration` is 'on'. The JSON panes leave it off, so these are never constructed.
 */
import { notIncluded } from './notIncluded.ts';

export class ViewGpuContext {
  constructor() {
    notIncluded('GPU rendering');
  }
}

export class ViewLinesGpu {
  constructor() {
    notIncluded('GPU rendering');
  }
}

export class RulersGpu {
  constructor() {
    notIncluded('GPU rendering');
  }
}

export class GpuMarkOverlay {
  constructor() {
    notIncluded('GPU rendering');
  }
}
