-- A remittance's reference (bank transfer id, card authorisation, cheque number) is recorded once
-- per order: the same reference twice is a double entry. OrderService refuses it with 409
-- payment.duplicate-reference; this index holds the rule should two entries ever race past it.
CREATE UNIQUE INDEX payment_reference_once_per_order ON payment (order_id, upper(reference))
    WHERE reference IS NOT NULL;
