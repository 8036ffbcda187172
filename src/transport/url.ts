/**
 * How openapi-fetch turns a call's parameters into its URL, made once per client rather than on
 * every call: with no serializer given, openapi-fetch builds its query serializer anew for each
 * request, and its path serializer handles styles (label, matrix, exploded arrays and objects)
 * that no parameter of these specs uses.
 */
import { createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';

/** The query serializer openapi-fetch would build, built once. */
export const serializeQuery = createQuerySerializer();

const PATH_PARAMETER = /\{([^{}]+)\}/g;
// A name of the label, matrix or exploded styles: left to openapi-fetch's own serializer.
const STYLED_NAME = /^[.;]|\*$/;

/**
 * The path with each `{name}` replaced by its percent-encoded value: what openapi-fetch's default
 * does for the simple style and a string or number value, in one pass. A missing value leaves
 * its placeholder, as openapi-fetch does; any other kind of parameter is passed on to it.
 */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  let other = false;
  const path = pathname.replace(PATH_PARAMETER, (placeholder, name: string) => {
    const value = params[name];
    if (STYLED_NAME.test(name) || (typeof value === 'object' && value !== null)) {
      other = true;
      return placeholder;
    }
    return value === undefined || value === null
      ? placeholder
      : encodeURIComponent(value as string | number | boolean);
  });
  return other ? defaultPathSerializer(path, params) : path;
}
