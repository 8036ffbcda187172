// Generated from openapi/d1-accounts.yaml by scripts/generate.ts.
// Do not edit: change the spec and run `npm run generate`.
// @ts-nocheck: Ajv writes plain JavaScript.
/** An Ajv validator: `true` for valid data; otherwise `errors` says what is wrong. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] | null;
}

const validate_registerAccount = validate20;
const schema31 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: {
        issuerId: { type: 'string', minLength: 10, maxLength: 10 },
        accountId: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
          pattern: '^[A-Za-z0-9_-]{1,64}$',
        },
      },
      required: ['issuerId', 'accountId'],
      additionalProperties: false,
    },
    header: {
      type: 'object',
      properties: {
        'x-correlation-id': {
          type: 'string',
          minLength: 1,
          maxLength: 64,
          pattern: '^[a-zA-Z0-9_\\-\\. ]{1,64}$',
        },
      },
      required: [],
    },
    body: {
      type: 'object',
      description: 'The account to register.',
      additionalProperties: false,
      required: ['consumerId', 'state'],
      properties: {
        consumerId: {
          type: 'string',
          description:
            "Unique identifier of the end user. Anchored form of the provider's pattern.\n",
          minLength: 1,
          maxLength: 64,
          pattern: '^[A-Za-z0-9_-]{1,64}$',
          examples: ['consumer-48213'],
        },
        accountProductId: {
          type: 'string',
          description:
            "RFU (reserved for future use): unique identifier of the type of account. Anchored form\nof the provider's pattern.\n",
          minLength: 1,
          maxLength: 64,
          pattern: '^[A-Za-z0-9_-]{1,64}$',
          examples: ['CURRENT_EUR'],
        },
        state: {
          type: 'string',
          description:
            "The state of the account. The provider's account page lists no values; these follow the\nD1 version 1 card model (and the version 2 card model), whose state is `ACTIVE` or\n`INACTIVE`.\n",
          enum: ['ACTIVE', 'INACTIVE'],
        },
      },
    },
  },
  required: ['path', 'body'],
};
const func1 = codePointLength;
const pattern4 = new RegExp('^[A-Za-z0-9_-]{1,64}$', 'u');
const pattern5 = new RegExp('^[a-zA-Z0-9_\\-\\. ]{1,64}$', 'u');
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
    if (data.path === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'path' },
        message: "must have required property '" + 'path' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.body === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'body' },
        message: "must have required property '" + 'body' + "'",
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.issuerId === undefined) {
          const err2 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'issuerId' },
            message: "must have required property '" + 'issuerId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        if (data0.accountId === undefined) {
          const err3 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'accountId' },
            message: "must have required property '" + 'accountId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'issuerId' || key0 === 'accountId')) {
            const err4 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
        }
        if (data0.issuerId !== undefined) {
          let data1 = data0.issuerId;
          if (typeof data1 === 'string') {
            if (func1(data1) > 10) {
              const err5 = {
                instancePath: instancePath + '/path/issuerId',
                schemaPath: '#/properties/path/properties/issuerId/maxLength',
                keyword: 'maxLength',
                params: { limit: 10 },
                message: 'must NOT have more than 10 characters',
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            if (func1(data1) < 10) {
              const err6 = {
                instancePath: instancePath + '/path/issuerId',
                schemaPath: '#/properties/path/properties/issuerId/minLength',
                keyword: 'minLength',
                params: { limit: 10 },
                message: 'must NOT have fewer than 10 characters',
              };
              if (vErrors === null) {
                vErrors = [err6];
              } else {
                vErrors.push(err6);
              }
              errors++;
            }
          } else {
            const err7 = {
              instancePath: instancePath + '/path/issuerId',
              schemaPath: '#/properties/path/properties/issuerId/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
        if (data0.accountId !== undefined) {
          let data2 = data0.accountId;
          if (typeof data2 === 'string') {
            if (func1(data2) > 64) {
              const err8 = {
                instancePath: instancePath + '/path/accountId',
                schemaPath: '#/properties/path/properties/accountId/maxLength',
                keyword: 'maxLength',
                params: { limit: 64 },
                message: 'must NOT have more than 64 characters',
              };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (func1(data2) < 1) {
              const err9 = {
                instancePath: instancePath + '/path/accountId',
                schemaPath: '#/properties/path/properties/accountId/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
            if (!pattern4.test(data2)) {
              const err10 = {
                instancePath: instancePath + '/path/accountId',
                schemaPath: '#/properties/path/properties/accountId/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z0-9_-]{1,64}$' },
                message: 'must match pattern "' + '^[A-Za-z0-9_-]{1,64}$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          } else {
            const err11 = {
              instancePath: instancePath + '/path/accountId',
              schemaPath: '#/properties/path/properties/accountId/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
      } else {
        const err12 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.header !== undefined) {
      let data3 = data.header;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
        if (data3['x-correlation-id'] !== undefined) {
          let data4 = data3['x-correlation-id'];
          if (typeof data4 === 'string') {
            if (func1(data4) > 64) {
              const err13 = {
                instancePath: instancePath + '/header/x-correlation-id',
                schemaPath: '#/properties/header/properties/x-correlation-id/maxLength',
                keyword: 'maxLength',
                params: { limit: 64 },
                message: 'must NOT have more than 64 characters',
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (func1(data4) < 1) {
              const err14 = {
                instancePath: instancePath + '/header/x-correlation-id',
                schemaPath: '#/properties/header/properties/x-correlation-id/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
            if (!pattern5.test(data4)) {
              const err15 = {
                instancePath: instancePath + '/header/x-correlation-id',
                schemaPath: '#/properties/header/properties/x-correlation-id/pattern',
                keyword: 'pattern',
                params: { pattern: '^[a-zA-Z0-9_\\-\\. ]{1,64}$' },
                message: 'must match pattern "' + '^[a-zA-Z0-9_\\-\\. ]{1,64}$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err15];
              } else {
                vErrors.push(err15);
              }
              errors++;
            }
          } else {
            const err16 = {
              instancePath: instancePath + '/header/x-correlation-id',
              schemaPath: '#/properties/header/properties/x-correlation-id/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err16];
            } else {
              vErrors.push(err16);
            }
            errors++;
          }
        }
      } else {
        const err17 = {
          instancePath: instancePath + '/header',
          schemaPath: '#/properties/header/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.body !== undefined) {
      let data5 = data.body;
      if (data5 && typeof data5 == 'object' && !Array.isArray(data5)) {
        if (data5.consumerId === undefined) {
          const err18 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/required',
            keyword: 'required',
            params: { missingProperty: 'consumerId' },
            message: "must have required property '" + 'consumerId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
        if (data5.state === undefined) {
          const err19 = {
            instancePath: instancePath + '/body',
            schemaPath: '#/properties/body/required',
            keyword: 'required',
            params: { missingProperty: 'state' },
            message: "must have required property '" + 'state' + "'",
          };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
        for (const key1 in data5) {
          if (!(key1 === 'consumerId' || key1 === 'accountProductId' || key1 === 'state')) {
            const err20 = {
              instancePath: instancePath + '/body',
              schemaPath: '#/properties/body/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data5.consumerId !== undefined) {
          let data6 = data5.consumerId;
          if (typeof data6 === 'string') {
            if (func1(data6) > 64) {
              const err21 = {
                instancePath: instancePath + '/body/consumerId',
                schemaPath: '#/properties/body/properties/consumerId/maxLength',
                keyword: 'maxLength',
                params: { limit: 64 },
                message: 'must NOT have more than 64 characters',
              };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
            if (func1(data6) < 1) {
              const err22 = {
                instancePath: instancePath + '/body/consumerId',
                schemaPath: '#/properties/body/properties/consumerId/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
            if (!pattern4.test(data6)) {
              const err23 = {
                instancePath: instancePath + '/body/consumerId',
                schemaPath: '#/properties/body/properties/consumerId/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z0-9_-]{1,64}$' },
                message: 'must match pattern "' + '^[A-Za-z0-9_-]{1,64}$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = {
              instancePath: instancePath + '/body/consumerId',
              schemaPath: '#/properties/body/properties/consumerId/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
        if (data5.accountProductId !== undefined) {
          let data7 = data5.accountProductId;
          if (typeof data7 === 'string') {
            if (func1(data7) > 64) {
              const err25 = {
                instancePath: instancePath + '/body/accountProductId',
                schemaPath: '#/properties/body/properties/accountProductId/maxLength',
                keyword: 'maxLength',
                params: { limit: 64 },
                message: 'must NOT have more than 64 characters',
              };
              if (vErrors === null) {
                vErrors = [err25];
              } else {
                vErrors.push(err25);
              }
              errors++;
            }
            if (func1(data7) < 1) {
              const err26 = {
                instancePath: instancePath + '/body/accountProductId',
                schemaPath: '#/properties/body/properties/accountProductId/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err26];
              } else {
                vErrors.push(err26);
              }
              errors++;
            }
            if (!pattern4.test(data7)) {
              const err27 = {
                instancePath: instancePath + '/body/accountProductId',
                schemaPath: '#/properties/body/properties/accountProductId/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z0-9_-]{1,64}$' },
                message: 'must match pattern "' + '^[A-Za-z0-9_-]{1,64}$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
          } else {
            const err28 = {
              instancePath: instancePath + '/body/accountProductId',
              schemaPath: '#/properties/body/properties/accountProductId/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err28];
            } else {
              vErrors.push(err28);
            }
            errors++;
          }
        }
        if (data5.state !== undefined) {
          let data8 = data5.state;
          if (typeof data8 !== 'string') {
            const err29 = {
              instancePath: instancePath + '/body/state',
              schemaPath: '#/properties/body/properties/state/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
          if (!(data8 === 'ACTIVE' || data8 === 'INACTIVE')) {
            const err30 = {
              instancePath: instancePath + '/body/state',
              schemaPath: '#/properties/body/properties/state/enum',
              keyword: 'enum',
              params: { allowedValues: schema31.properties.body.properties.state.enum },
              message: 'must be equal to one of the allowed values',
            };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
      } else {
        const err31 = {
          instancePath: instancePath + '/body',
          schemaPath: '#/properties/body/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
    }
  } else {
    const err32 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err32];
    } else {
      vErrors.push(err32);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = {
  props: { path: true, header: true, body: true },
  dynamicProps: false,
  dynamicItems: false,
};
const validate_deleteAccount = validate21;
const schema32 = {
  type: 'object',
  properties: {
    path: {
      type: 'object',
      properties: {
        issuerId: { type: 'string', minLength: 10, maxLength: 10 },
        accountId: {
          type: 'string',
          minLength: 1,
          maxLength: 64,
          pattern: '^[A-Za-z0-9_-]{1,64}$',
        },
      },
      required: ['issuerId', 'accountId'],
      additionalProperties: false,
    },
    header: {
      type: 'object',
      properties: {
        'x-correlation-id': {
          type: 'string',
          minLength: 1,
          maxLength: 64,
          pattern: '^[a-zA-Z0-9_\\-\\. ]{1,64}$',
        },
      },
      required: [],
    },
    body: {
      type: 'object',
      description: 'Why the account is deleted. Every field is optional.',
      additionalProperties: false,
      properties: {
        reason: {
          type: 'string',
          description:
            'The reason why the action is performed: free text for details, returned in the\noperations list.\n',
          pattern: '^[a-zA-Z0-9 ]{1,64}$',
          examples: ['customer was contacted on June 28'],
        },
        reasonCode: {
          type: 'string',
          description:
            'The reason code why the action is performed. If not provided, the provider records\n`ISSUER_DECISION`. The account page lists no values; these are the ones of the D1\nversion 1 consumer operations, which have the same default and wording.\n',
          enum: ['USER_DECISION', 'ISSUER_DECISION'],
          default: 'ISSUER_DECISION',
        },
      },
    },
  },
  required: ['path'],
};
const pattern10 = new RegExp('^[a-zA-Z0-9 ]{1,64}$', 'u');
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
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.path === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'path' },
        message: "must have required property '" + 'path' + "'",
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.path !== undefined) {
      let data0 = data.path;
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.issuerId === undefined) {
          const err1 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'issuerId' },
            message: "must have required property '" + 'issuerId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
        if (data0.accountId === undefined) {
          const err2 = {
            instancePath: instancePath + '/path',
            schemaPath: '#/properties/path/required',
            keyword: 'required',
            params: { missingProperty: 'accountId' },
            message: "must have required property '" + 'accountId' + "'",
          };
          if (vErrors === null) {
            vErrors = [err2];
          } else {
            vErrors.push(err2);
          }
          errors++;
        }
        for (const key0 in data0) {
          if (!(key0 === 'issuerId' || key0 === 'accountId')) {
            const err3 = {
              instancePath: instancePath + '/path',
              schemaPath: '#/properties/path/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err3];
            } else {
              vErrors.push(err3);
            }
            errors++;
          }
        }
        if (data0.issuerId !== undefined) {
          let data1 = data0.issuerId;
          if (typeof data1 === 'string') {
            if (func1(data1) > 10) {
              const err4 = {
                instancePath: instancePath + '/path/issuerId',
                schemaPath: '#/properties/path/properties/issuerId/maxLength',
                keyword: 'maxLength',
                params: { limit: 10 },
                message: 'must NOT have more than 10 characters',
              };
              if (vErrors === null) {
                vErrors = [err4];
              } else {
                vErrors.push(err4);
              }
              errors++;
            }
            if (func1(data1) < 10) {
              const err5 = {
                instancePath: instancePath + '/path/issuerId',
                schemaPath: '#/properties/path/properties/issuerId/minLength',
                keyword: 'minLength',
                params: { limit: 10 },
                message: 'must NOT have fewer than 10 characters',
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
          } else {
            const err6 = {
              instancePath: instancePath + '/path/issuerId',
              schemaPath: '#/properties/path/properties/issuerId/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err6];
            } else {
              vErrors.push(err6);
            }
            errors++;
          }
        }
        if (data0.accountId !== undefined) {
          let data2 = data0.accountId;
          if (typeof data2 === 'string') {
            if (func1(data2) > 64) {
              const err7 = {
                instancePath: instancePath + '/path/accountId',
                schemaPath: '#/properties/path/properties/accountId/maxLength',
                keyword: 'maxLength',
                params: { limit: 64 },
                message: 'must NOT have more than 64 characters',
              };
              if (vErrors === null) {
                vErrors = [err7];
              } else {
                vErrors.push(err7);
              }
              errors++;
            }
            if (func1(data2) < 1) {
              const err8 = {
                instancePath: instancePath + '/path/accountId',
                schemaPath: '#/properties/path/properties/accountId/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err8];
              } else {
                vErrors.push(err8);
              }
              errors++;
            }
            if (!pattern4.test(data2)) {
              const err9 = {
                instancePath: instancePath + '/path/accountId',
                schemaPath: '#/properties/path/properties/accountId/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z0-9_-]{1,64}$' },
                message: 'must match pattern "' + '^[A-Za-z0-9_-]{1,64}$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err9];
              } else {
                vErrors.push(err9);
              }
              errors++;
            }
          } else {
            const err10 = {
              instancePath: instancePath + '/path/accountId',
              schemaPath: '#/properties/path/properties/accountId/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
      } else {
        const err11 = {
          instancePath: instancePath + '/path',
          schemaPath: '#/properties/path/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.header !== undefined) {
      let data3 = data.header;
      if (data3 && typeof data3 == 'object' && !Array.isArray(data3)) {
        if (data3['x-correlation-id'] !== undefined) {
          let data4 = data3['x-correlation-id'];
          if (typeof data4 === 'string') {
            if (func1(data4) > 64) {
              const err12 = {
                instancePath: instancePath + '/header/x-correlation-id',
                schemaPath: '#/properties/header/properties/x-correlation-id/maxLength',
                keyword: 'maxLength',
                params: { limit: 64 },
                message: 'must NOT have more than 64 characters',
              };
              if (vErrors === null) {
                vErrors = [err12];
              } else {
                vErrors.push(err12);
              }
              errors++;
            }
            if (func1(data4) < 1) {
              const err13 = {
                instancePath: instancePath + '/header/x-correlation-id',
                schemaPath: '#/properties/header/properties/x-correlation-id/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
              };
              if (vErrors === null) {
                vErrors = [err13];
              } else {
                vErrors.push(err13);
              }
              errors++;
            }
            if (!pattern5.test(data4)) {
              const err14 = {
                instancePath: instancePath + '/header/x-correlation-id',
                schemaPath: '#/properties/header/properties/x-correlation-id/pattern',
                keyword: 'pattern',
                params: { pattern: '^[a-zA-Z0-9_\\-\\. ]{1,64}$' },
                message: 'must match pattern "' + '^[a-zA-Z0-9_\\-\\. ]{1,64}$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err14];
              } else {
                vErrors.push(err14);
              }
              errors++;
            }
          } else {
            const err15 = {
              instancePath: instancePath + '/header/x-correlation-id',
              schemaPath: '#/properties/header/properties/x-correlation-id/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err15];
            } else {
              vErrors.push(err15);
            }
            errors++;
          }
        }
      } else {
        const err16 = {
          instancePath: instancePath + '/header',
          schemaPath: '#/properties/header/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
    }
    if (data.body !== undefined) {
      let data5 = data.body;
      if (data5 && typeof data5 == 'object' && !Array.isArray(data5)) {
        for (const key1 in data5) {
          if (!(key1 === 'reason' || key1 === 'reasonCode')) {
            const err17 = {
              instancePath: instancePath + '/body',
              schemaPath: '#/properties/body/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err17];
            } else {
              vErrors.push(err17);
            }
            errors++;
          }
        }
        if (data5.reason !== undefined) {
          let data6 = data5.reason;
          if (typeof data6 === 'string') {
            if (!pattern10.test(data6)) {
              const err18 = {
                instancePath: instancePath + '/body/reason',
                schemaPath: '#/properties/body/properties/reason/pattern',
                keyword: 'pattern',
                params: { pattern: '^[a-zA-Z0-9 ]{1,64}$' },
                message: 'must match pattern "' + '^[a-zA-Z0-9 ]{1,64}$' + '"',
              };
              if (vErrors === null) {
                vErrors = [err18];
              } else {
                vErrors.push(err18);
              }
              errors++;
            }
          } else {
            const err19 = {
              instancePath: instancePath + '/body/reason',
              schemaPath: '#/properties/body/properties/reason/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err19];
            } else {
              vErrors.push(err19);
            }
            errors++;
          }
        }
        if (data5.reasonCode !== undefined) {
          let data7 = data5.reasonCode;
          if (typeof data7 !== 'string') {
            const err20 = {
              instancePath: instancePath + '/body/reasonCode',
              schemaPath: '#/properties/body/properties/reasonCode/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
            };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
          if (!(data7 === 'USER_DECISION' || data7 === 'ISSUER_DECISION')) {
            const err21 = {
              instancePath: instancePath + '/body/reasonCode',
              schemaPath: '#/properties/body/properties/reasonCode/enum',
              keyword: 'enum',
              params: { allowedValues: schema32.properties.body.properties.reasonCode.enum },
              message: 'must be equal to one of the allowed values',
            };
            if (vErrors === null) {
              vErrors = [err21];
            } else {
              vErrors.push(err21);
            }
            errors++;
          }
        }
      } else {
        const err22 = {
          instancePath: instancePath + '/body',
          schemaPath: '#/properties/body/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
  } else {
    const err23 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
    };
    if (vErrors === null) {
      vErrors = [err23];
    } else {
      vErrors.push(err23);
    }
    errors++;
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = {
  props: { path: true, header: true, body: true },
  dynamicProps: false,
  dynamicItems: false,
};
const validateParameter_issuerId = validate22;
const schema33 = { type: 'string', minLength: 10, maxLength: 10 };
function validate22(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined;
  }
  if (typeof data === 'string') {
    if (func1(data) > 10) {
      const err0 = {
        instancePath,
        schemaPath: '#/maxLength',
        keyword: 'maxLength',
        params: { limit: 10 },
        message: 'must NOT have more than 10 characters',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (func1(data) < 10) {
      const err1 = {
        instancePath,
        schemaPath: '#/minLength',
        keyword: 'minLength',
        params: { limit: 10 },
        message: 'must NOT have fewer than 10 characters',
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
  } else {
    const err2 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'string' },
      message: 'must be string',
    };
    if (vErrors === null) {
      vErrors = [err2];
    } else {
      vErrors.push(err2);
    }
    errors++;
  }
  validate22.errors = vErrors;
  return errors === 0;
}
validate22.evaluated = { dynamicProps: false, dynamicItems: false };
const validateParameter_accountId = validate23;
const schema34 = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]{1,64}$' };
function validate23(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate23.evaluated;
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
  validate23.errors = vErrors;
  return errors === 0;
}
validate23.evaluated = { dynamicProps: false, dynamicItems: false };
const validateParameter_correlationId = validate24;
const schema35 = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[a-zA-Z0-9_\\-\\. ]{1,64}$',
};
function validate24(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {},
) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate24.evaluated;
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
    if (!pattern5.test(data)) {
      const err2 = {
        instancePath,
        schemaPath: '#/pattern',
        keyword: 'pattern',
        params: { pattern: '^[a-zA-Z0-9_\\-\\. ]{1,64}$' },
        message: 'must match pattern "' + '^[a-zA-Z0-9_\\-\\. ]{1,64}$' + '"',
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
  validate24.errors = vErrors;
  return errors === 0;
}
validate24.evaluated = { dynamicProps: false, dynamicItems: false };
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
  readonly registerAccount: CompiledValidator;
  readonly deleteAccount: CompiledValidator;
} = {
  registerAccount: validate_registerAccount,
  deleteAccount: validate_deleteAccount,
};

/** One Ajv validator per reusable parameter of `components.parameters`, by its name. */
export const parameterValidators: {
  readonly issuerId: CompiledValidator;
  readonly accountId: CompiledValidator;
  readonly correlationId: CompiledValidator;
} = {
  issuerId: validateParameter_issuerId,
  accountId: validateParameter_accountId,
  correlationId: validateParameter_correlationId,
};
