/**
 * Stand-ins for Monaco's GPU renderer of text lines, which its view creates only when the option
 * `experimentalGpuAcceleration` is 'on'. The JSON panes leave it off, so these are never constructed.
 */
function notIncluded(): never {
  throw new Error('GPU rendering is not part of this build of Monaco (see vite.config.ts).');
}

export class ViewGpuContext {
  constructor() {
    notIncluded();
  }
}

export class ViewLinesGpu {
  constructor() {
    notIncluded();
  }
}

export class RulersGpu {
  constructor() {
    notIncluded();
  }
}

export class GpuMarkOverlay {
  constructor() {
    notIncluded();
  }
}
