/**
 * What the preview server sends the browser for each page and custom component: enough for the
 * browser to register it with j-component. Shared by local/preview/server/components.ts, which
 * builds the descriptors from the .json files, and the browser runtime, which registers them.
 */
export interface ComponentDescriptor {
  /** Root path without extension, e.g. "pages/home/index". */
  path: string;
  isPage: boolean;
  /** DOM tag name of the component's element; unique per component path. */
  tagName: string;
  /** exparser class prefix: component classes are written as "<prefix>--<class>". */
  classPrefix: string;
  /** usingComponents key -> component path. */
  usingComponents: Record<string, string>;
  /** References that could not be resolved (shown on screen by the browser). */
  missingComponents: Record<string, string>;
  json: Record<string, unknown>;
  css: string;
}
