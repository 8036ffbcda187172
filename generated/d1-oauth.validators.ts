// Generated from openapi/d1-oauth.yaml by scripts/generate.ts.
// Do not edit: change the spec and run `npm run generate`.
// @ts-nocheck: Ajv writes plain JavaScript.
/** An Ajv validator: `true` for valid data; otherwise `errors` says what is wrong. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null;
}

const validate_getAccessToken = validate20;
const schema31 = {
  type: 'object',
  properties: {
    header: {
      type: 'object',
      properties: {
        'x-correlation-id': {
          type: 'string',
          minLength: 1,
          maxLength: 64,
          pattern: '^[A-Za-z0-9_-]{1,64}$',
        },
      },
      required: [],
    },
    body: {
      type: 'object',
      description: 'A JWT bearer grant request (RFC 7523, section 2.1).',
      additionalProperties: false,
      required: ['grant_type', 'assertion'],
      properties: {
        grant_type: {
          type: 'string',
          description: 'The JWT bearer grant type.',
          enum: ['urn:ietf:params:oauth:grant-type:jwt-bearer'],
        },
        assertion: {
          type: 'string',
          description:
            "The signed JWT, in compact form. The pattern (three base64url parts) is the JWS\ncompact serialisation; the provider's page gives none.\n",
          pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
        },
      },
    },
  },
  required: ['body'],
};
const func1 = codePointLength;
const pattern4 = new RegExp('^[A-Za-z0-9_-]{1,64}$', 'u');
const pattern5 = new RegExp('^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', 'u');
function validate20(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.body === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'body' },
        message: "must have required property '" + 'body' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.header !== undefined) {
      let data0 = data.header;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0['x-correlation-id'] !== undefined) {
          let data1 = data0['x-correlation-id'];
          if (typeof data1 === 'string') {
            if (func1(data1) > 64) {
              const err1 = {
                instancePath: instancePath + '/header/x-correlation-id',
                schemaPath: '#/properties/header/properties/x-correlation-id/maxLength',
                keyword: 'maxLength',
                params: { limit: 64 },
                message: 'must NOT have more than 64 characters',
              };
              if (vErrors === null) {
                vErrors = [err1];
              } else {
                vErrors.push(err1);
              }
              errors++;
            }
            if (func1(data1) < 1) {
              const err2 = {
                instancePath: instancePath + '/header/x-correlation-id',
                schemaPath: '#/properties/header/properties/x-correlation-id/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
            if (!pattern4.test(data1)) {
              const err3 = {
                instancePath: instancePath + '/header/x-correlation-id',
                schemaPath: '#/properties/header/properties/x-correlation-id/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z0-9_-]{1,64}$' },
                message: 'must match pattern "' + '^[A-Za-z0-9_-]{1,64}$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
          } else {
            const err4 = {
              instancePath: instancePath + '/header/x-correlation-id',
              schemaPath: '#/properties/header/properties/x-correlation-id/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + '/header',
          schemaPath: '#/properties/header/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
    if (data.body !== undefined) {
      let data2 = data.body;
      if (data2 && typeof data2 == 'object' && !Array.isArray(data2)) {
        if (data2.grant_type === undefined) {
          const err6 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/required',
            keyword: 'required',
            params: { missingProperty: 'grant_type' },
            message: "must have required property '" + 'grant_type' + "'",
          };
          if (vErrors === null) {
            vErrors = [err6];
          } else {
            vErrors.push(err6);
          }
          errors++;
        }
        if (data2.assertion === undefined) {
          const err7 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/required',
            keyword: 'required',
            params: { missingProperty: 'assertion' },
            message: "must have required property '" + 'assertion' + "'",
          };
          if (vErrors === null) {
            vErrors = [err7];
          } else {
            vErrors.push(err7);
          }
          errors++;
        }
        for (const key0 in data2) {
          if (!(key0 === 'grant_type' || key0 === 'assertion')) {
            const err8 = {
              instancePath: instancePath + '/body',
              schemaPath: '#/properties/body/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
        if (data2.grant_type !== undefined) {
          let data3 = data2.grant_type;
          if (typeof data3 !== 'string') {
            const err9 = {
              instancePath: instancePath + '/body/grant_type',
              schemaPath: '#/properties/body/properties/grant_type/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err9];
            } else {
              vErrors.push(err9);
            }
            errors++;
          }
          if (!(data3 === 'urn:ietf:params:oauth:grant-type:jwt-bearer')) {
            const err10 = {
              instancePath: instancePath + '/body/grant_type',
              schemaPath: '#/properties/body/properties/grant_type/enum',
              keyword: 'enum',
              params: { allowedValues: schema31.properties.body.properties.grant_type.enum },
              message: 'must be equal to one of the allowed values',
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data2.assertion !== undefined) {
          let data4 = data2.assertion;
          if (typeof data4 === 'string') {
            if (!pattern5.test(data4)) {
              const err11 = {
                instancePath: instancePath + '/body/assertion',
                schemaPath: '#/properties/body/properties/assertion/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' },
                message:
                  'must match pattern "' +
                  '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' +
                  '"',
              };
              if (vErrors === null) {
                vErrors = [err11];
              } else {
                vErrors.push(err11);
              }
              errors++;
            }
          } else {
            const err12 = {
              instancePath: instancePath + '/body/assertion',
              schemaPath: '#/properties/body/properties/assertion/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err12];
            } else {
              vErrors.push(err12);
            }
            errors++;
          }
        }
      } else {
        const err13 = {
          instancePath: instancePath + '/body',
          schemaPath: '#/properties/body/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
  } else {
    const err14 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err14];
    } else {
      vErrors.push(err14);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = {
  props: { header: true, body: true },
  dynamicProps: false,
  dynamicItems: false,
};
const validateParameter_correlationId = validate21;
const schema32 = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]{1,64}$' };
function validate21(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (typeof data === 'string') {
    if (func1(data) > 64) {
      const err0 = {
        instancePath,
        schemaPath: '#/maxLength',
        keyword: 'maxLength',
        params: { limit: 64 },
        message: 'must NOT have more than 64 characters',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (func1(data) < 1) {
      const err1 = {
        instancePath,
        schemaPath: '#/minLength',
        keyword: 'minLength',
        params: { limit: 1 },
        message: 'must NOT have fewer than 1 characters',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (!pattern4.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[A-Za-z0-9_-]{1,64}$' },
        message: 'must match pattern "' + '^[A-Za-z0-9_-]{1,64}$' + '"',
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
  } else {
    const err3 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { dynamicProps: false, dynamicItems: false };
function codePointLength(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * One Ajv validator per operation id, for the input shaped
 * `{ path: { ...path parameters }, header: { ...header parameters }, body }`.
 */
export const operationValidators: {
  readonly getAccessToken: CompiledValidator;
} = {
  getAccessToken: validate_getAccessToken,
};

/** One Ajv validator per reusable parameter of `components.parameters`, by its name. */
export const parameterValidators: {
  readonly correlationId: CompiledValidator;
} = {
  correlationId: validateParameter_correlationId,
};
