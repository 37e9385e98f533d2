package com.salesaffairs.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.order.domain.Channel;
import com.salesaffairs.order.domain.PaymentTerms;
import com.salesaffairs.order.domain.RefundAttribution;
import com.salesaffairs.order.service.OrderCommands;

/** What callers may send; anything else in a body is refused as an unknown field. */
public final class OrderRequests {
    private OrderRequests() {
    }

    public record LineRequest(
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive(message = "must be at least 1") @Max(1_000_000) Integer quantity,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitPrice,
            @DecimalMin("0.00") @DecimalMax(value = "100.00", message = "must be at most 100") @Digits(integer = 3, fraction = 2) BigDecimal discountPct) {
        OrderCommands.LineInput input() {
            return new OrderCommands.LineInput(sku, quantity, unitPrice, discountPct);
        }
    }

    @Schema(description = "An order's terms and lines; unitPrice defaults to the list price, currency to CNY", example = """
            {"customerId": "3f6c1b2a-8d4e-4c1f-9a2b-6e5d4c3b2a19", "opportunityId": null, "channel": "DIRECT",
             "currency": "CNY", "paymentTerms": "NET30", "requestedShipDate": "2026-12-15",
             "shippingAddress": "1 Lake Rd, Hangzhou",
             "lines": [{"sku": "PUMP-200", "quantity": 4, "discountPct": 5.00},
                       {"sku": "VALVE-50", "quantity": 10, "unitPrice": 80.00, "discountPct": 0}]}""")
    public record OrderRequest(
            @NotNull UUID customerId,
            @Schema(description = "optional: the won opportunity of this customer the order comes from (rules"
                    + " order.opportunity-known, order.opportunity-customer, order.opportunity-won); several orders may"
                    + " name one won opportunity") UUID opportunityId,
            @NotNull Channel channel,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency,
            @NotNull PaymentTerms paymentTerms,
            LocalDate requestedShipDate,
            @NotBlank @Size(max = 500) String shippingAddress,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull LineRequest> lines) {
        OrderCommands.OrderInput input() {
            return new OrderCommands.OrderInput(customerId, opportunityId, channel, currency, paymentTerms,
                    requestedShipDate, shippingAddress.trim(), lines.stream().map(LineRequest::input).toList());
        }
    }

    @Schema(description = "One approver's decision; a rejection needs the comment", example = """
            {"decision": "APPROVE", "comment": "strategic customer, discount agreed"}""")
    public record DecisionRequest(@NotNull OrderCommands.Decision decision, @Size(max = 1000) String comment) {
    }

    public record LineQuantityRequest(
            @NotNull @Positive Integer lineNo,
            @NotNull @Positive(message = "must be at least 1") Integer quantity) {
        OrderCommands.LineQuantity input() {
            return new OrderCommands.LineQuantity(lineNo, quantity);
        }
    }

    @Schema(description = "What leaves the warehouse, per order line", example = """
            {"carrier": "SF Express", "trackingNumber": "SF1234567890", "lines": [{"lineNo": 1, "quantity": 2}]}""")
    public record ShipmentRequest(
            @NotBlank @Size(max = 100) String carrier,
            @NotBlank @Size(max = 100) String trackingNumber,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull LineQuantityRequest> lines) {
    }

    @Schema(description = "Shipped quantities to invoice per line; no lines: everything shipped and not yet invoiced", example = """
            {"lines": [{"lineNo": 1, "quantity": 2}]}""")
    public record InvoiceRequest(@Size(max = 200) List<@Valid @NotNull LineQuantityRequest> lines) {
    }

    public enum PaymentMethod {
        BANK_TRANSFER, CARD, CASH, CHEQUE, LETTER_OF_CREDIT
    }

    @Schema(description = "A remittance received; reference once per order, receivedAt defaults to now", example = """
            {"amount": 2000.00, "method": "BANK_TRANSFER", "reference": "BT-20261201-0042",
             "receivedAt": "2026-12-01T09:30:00Z"}""")
    public record PaymentRequest(
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull PaymentMethod method,
            @Size(max = 100) String reference,
            Instant receivedAt) {
    }

    @Schema(description = "Money given back on one order line; quantity: the units returned, when known")
    public record RefundLineRequest(
            @NotNull @Positive Integer lineNo,
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @Positive(message = "must be at least 1") @Max(1_000_000) Integer quantity) {
        RefundAttribution.NamedLine input() {
            return new RefundAttribution.NamedLine(lineNo, amount, quantity);
        }
    }

    @Schema(description = "Money given back after a return; lines (optional) name the lines it is given back on and must"
            + " add up to the amount; without them it is spread pro rata over what is left to refund on each line",
            example = """
            {"amount": 120.00, "reason": "one unit returned damaged",
             "lines": [{"lineNo": 1, "amount": 120.00, "quantity": 1}]}""")
    public record RefundRequest(
            @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotBlank @Size(max = 500) String reason,
            @Size(max = 200) List<@Valid @NotNull RefundLineRequest> lines) {
        List<RefundAttribution.NamedLine> lineInputs() {
            return lines == null ? List.of() : lines.stream().map(RefundLineRequest::input).toList();
        }
    }

    @Schema(description = "Why the order is cancelled", example = """
            {"reason": "customer withdrew the order"}""")
    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @Schema(description = "Why the unshipped rest of a partially shipped order is cancelled", example = """
            {"reason": "customer takes the 6 units delivered; the rest is discontinued"}""")
    public record ShortCloseRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
