import { ValuePointer } from '@sinclair/typebox/value';
import { signWebhook } from '../../app/webhooks/webhook-signature.js';
import {
  assertDeliverable,
  describeRequestFailure,
  WebhookTargetError,
} from '../../app/webhooks/webhook-target.js';
import type { CarrierAnswer, ReturnCarrier, ReturnShipmentRequest } from './return-carrier.js';

/** A tenant's HTTP carrier bridge, as configured. */
export interface GenericCarrierConfig {
  code: string;
  url: string;
  secret: string;
  /** JSON pointer to the waybill number in a 2xx answer, e.g. `/data/waybill`. */
  waybillPointer: string;
  /** JSON pointer to the pick-up booking reference, when the carrier returns one. */
  pickupPointer: string | null;
}

export interface GenericCarrierOptions {
  /** Let the URL be loopback or private (AFTERDESK_WEBHOOKS_ALLOW_PRIVATE: tests, closed networks). */
  allowPrivate: boolean;
  timeoutMs?: number;
  clock: () => Date;
}

/** The version of the request body documented in docs/logistics.md. */
export const GENERIC_CARRIER_REQUEST_TYPE = 'return_shipment.create';
const WAYBILL = /^[A-Za-z0-9-]{3,60}$/;
const ANSWER_KEPT = 300;

/**
 * Any carrier behind a small HTTP bridge: Afterdesk POSTs the documented JSON request,
 * signed like an outbound webhook (X-Afterdesk-Signature over the raw body), and reads the
 * waybill (and pick-up reference) out of the answer with the tenant's JSON pointers.
 * 4xx answers are refusals (not retried, except 408 and 429); 5xx, timeouts and network
 * errors are retried by the job.
 */
export function genericCarrier(config: GenericCarrierConfig, options: GenericCarrierOptions): ReturnCarrier {
  const { timeoutMs = 10_000 } = options;
  return {
    code: config.code,
    booksPickup: true,
    answerAtOnce: () => null,
    async createShipment(request: ReturnShipmentRequest): Promise<CarrierAnswer> {
      const body = JSON.stringify({ type: GENERIC_CARRIER_REQUEST_TYPE, ...request });
      const timestamp = Math.floor(options.clock().getTime() / 1000);
      let response: Response;
      try {
        await assertDeliverable(config.url, options.allowPrivate);
        response = await fetch(config.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'user-agent': 'Afterdesk-Carriers/1',
            'x-afterdesk-shipment': request.shipmentId,
            'x-afterdesk-timestamp': String(timestamp),
            'x-afterdesk-signature': signWebhook(config.secret, timestamp, body),
          },
          body,
        });
      } catch (error) {
        return {
          kind: 'failed',
          error: describeRequestFailure(error, timeoutMs),
          retry: !(error instanceof WebhookTargetError),
        };
      }
      const text = await response.text().catch(() => '');
      if (response.status < 200 || response.status >= 300) {
        const retry = response.status >= 500 || response.status === 408 || response.status === 429;
        return { kind: 'failed', error: `HTTP ${response.status}: ${excerpt(text)}`, retry };
      }
      return readAnswer(config, text, request.pickup !== null);
    },
  };
}

function readAnswer(config: GenericCarrierConfig, text: string, pickupAsked: boolean): CarrierAnswer {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return { kind: 'failed', error: `The answer is not JSON: ${excerpt(text)}`, retry: false };
  }
  const waybill = scalarAt(answer, config.waybillPointer);
  if (waybill === null || !WAYBILL.test(waybill))
    return {
      kind: 'failed',
      error: `No waybill number at ${config.waybillPointer} (3–60 letters, digits, '-'): ${excerpt(text)}`,
      retry: false,
    };
  const pickupReference = pickupAsked && config.pickupPointer ? scalarAt(answer, config.pickupPointer) : null;
  return { kind: 'issued', waybillNumber: waybill, pickupReference };
}

// A string or a number at the pointer, as text; anything else (object, missing) is null.
function scalarAt(value: unknown, pointer: string): string | null {
  if (typeof value !== 'object' || value === null || !ValuePointer.Has(value, pointer)) return null;
  const found: unknown = ValuePointer.Get(value, pointer);
  if (typeof found === 'string') return found.trim() || null;
  if (typeof found === 'number' && Number.isFinite(found)) return String(found);
  return null;
}

const excerpt = (text: string) => text.replaceAll('\u0000', '').slice(0, ANSWER_KEPT);
