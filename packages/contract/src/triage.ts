import { Type } from '@sinclair/typebox';

// What agents teach triage: labels on customers' messages.

export const MessageLabelsInput = Type.Object(
  {
    intent: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description:
          'What the customer wants: one of the triage intents (track_order, shipping_info, delivery_late, delivery_problem, cancel_order, change_order, return_request, exchange_request, refund_request, refund_status, return_policy, product_defect, not_as_described, wrong_item, payment, invoice, account, complaint, contact_human, feedback, other)',
      }),
    ),
    sentiment: Type.Optional(
      Type.Union([Type.Literal('negative'), Type.Literal('neutral'), Type.Literal('positive')], {
        description: 'How the customer feels',
      }),
    ),
  },
  { additionalProperties: false },
);
