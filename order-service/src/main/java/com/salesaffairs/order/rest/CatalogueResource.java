package com.salesaffairs.order.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.order.domain.Ledger;
import com.salesaffairs.order.domain.Product;
import com.salesaffairs.order.domain.StockLevel;
import com.salesaffairs.order.service.CatalogueService;
import com.salesaffairs.order.service.StockService;
import com.salesaffairs.platform.idempotency.Created;
import com.salesaffairs.platform.idempotency.IdempotentCreates;
import com.salesaffairs.platform.rest.IfMatch;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.rest.Versioned;
import com.salesaffairs.platform.security.CallerScope;
import com.salesaffairs.platform.security.Roles;

import io.quarkus.security.Authenticated;

/** Products, stock levels, goods receipts and availability. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalogue and stock")
@Authenticated
public class CatalogueResource {

    @Schema(description = "A product of the catalogue; currency defaults to CNY", example = """
            {"sku": "PUMP-200", "name": "Centrifugal pump 200 l/min", "category": "Pumps", "listPrice": 1250.00,
             "unitCost": 700.00, "currency": "CNY"}""")
    public record ProductRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String sku,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String category,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal listPrice,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal unitCost,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") String currency) {
    }

    public record ProductView(String sku, String name, String category, BigDecimal listPrice, BigDecimal unitCost,
            String currency, boolean active, long version) implements Versioned {
        static ProductView of(Product p) {
            return new ProductView(p.sku(), p.name(), p.category(), p.listPrice(), p.unitCost(), p.currency(), p.active(),
                    p.version());
        }
    }

    @Schema(description = "Goods received into one warehouse", example = """
            {"sku": "PUMP-200", "warehouse": "WH-EAST", "quantity": 40, "reference": "PO-2026-0193"}""")
    public record ReceiptRequest(
            @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 64) String warehouse,
            @NotNull @Positive @Max(1_000_000) Integer quantity,
            @Size(max = 100) String reference) {
    }

    public record ReceiptView(UUID id, String sku, String warehouse, int quantity, String reference, String receivedBy,
            Instant receivedAt) {
    }

    public record WarehouseStock(String warehouse, int onHand, int reserved, int available) {
    }

    public record StockView(String sku, int onHand, int reserved, int available, List<WarehouseStock> warehouses) {
    }

    public record AvailabilityLine(@NotBlank String sku, @NotNull @Positive Integer quantity) {
    }

    @Schema(description = "The lines to check against the stock available now", example = """
            {"lines": [{"sku": "PUMP-200", "quantity": 12}, {"sku": "VALVE-50", "quantity": 3}]}""")
    public record AvailabilityRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull AvailabilityLine> lines) {
    }

    public record AvailabilityView(boolean allAvailable, List<StockService.Availability> lines) {
    }

    private final CatalogueService catalogue;
    private final StockService stock;
    private final IdempotentCreates idempotent;
    private final CallerScope caller;

    public CatalogueResource(CatalogueService catalogue, StockService stock, IdempotentCreates idempotent,
            CallerScope caller) {
        this.catalogue = catalogue;
        this.stock = stock;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Path("/products")
    @RolesAllowed({ Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "createProduct", summary = "Add a product to the catalogue (sales-director, admin)")
    @APIResponse(responseCode = "201", description = "created; its version is the ETag",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "409", description = "the sku exists")
    public Response createProduct(@HeaderParam(IdempotentCreates.HEADER) String key, @Valid @NotNull ProductRequest request) {
        return idempotent.create(key, caller.get().userId(), "product.create", request, () -> {
            Product p = catalogue.create(request.sku(), request.name().trim(), request.category().trim(),
                    request.listPrice(), request.unitCost(), request.currency() == null ? "CNY" : request.currency());
            return new Created<>(URI.create("/api/v1/products/" + p.sku()), ProductView.of(p));
        });
    }

    @GET
    @Path("/products")
    @Operation(operationId = "listProducts", summary = "The catalogue (any signed-in user)")
    public PageResponse<ProductView> products(@QueryParam("category") String category, @Valid @BeanParam PageParams page) {
        return PageResponse.of(catalogue.products(category, page).stream().map(ProductView::of).toList(), page,
                catalogue.countProducts(category));
    }

    @GET
    @Path("/products/{sku}")
    @Operation(operationId = "getProduct", summary = "One product")
    @APIResponse(responseCode = "200", description = "the product; its version is the ETag",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    public Response product(@PathParam("sku") String sku) {
        return withTag(catalogue.product(sku));
    }

    @POST
    @Path("/products/{sku}/deactivate")
    @RolesAllowed({ Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "deactivateProduct", summary = "Stop selling a product (sales-director, admin): new orders and submissions of drafts"
            + " refuse it, orders already submitted keep it; If-Match with the product's version")
    @APIResponse(responseCode = "200", description = "inactive; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    public Response deactivate(@PathParam("sku") String sku, @HeaderParam("If-Match") String ifMatch) {
        return withTag(catalogue.setActive(sku, IfMatch.version(ifMatch), false));
    }

    @POST
    @Path("/products/{sku}/activate")
    @RolesAllowed({ Roles.SALES_DIRECTOR, Roles.ADMIN })
    @Operation(operationId = "activateProduct", summary = "Sell a deactivated product again (sales-director, admin);"
            + " If-Match with the product's version")
    @APIResponse(responseCode = "200", description = "active; its new version is the ETag",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    public Response activate(@PathParam("sku") String sku, @HeaderParam("If-Match") String ifMatch) {
        return withTag(catalogue.setActive(sku, IfMatch.version(ifMatch), true));
    }

    private static Response withTag(Product p) {
        return Response.ok(ProductView.of(p)).tag(new EntityTag(Long.toString(p.version()))).build();
    }

    public record WarehouseView(String warehouse, long skus, long onHand, long reserved, long available) {
    }

    @GET
    @Path("/warehouses")
    @Operation(operationId = "listWarehouses", summary = "Every warehouse holding stock, with its totals (any signed-in user)")
    public List<WarehouseView> warehouses() {
        return catalogue.warehouses().stream().map(r -> {
            long onHand = ((Number) r[2]).longValue();
            long reserved = ((Number) r[3]).longValue();
            return new WarehouseView((String) r[0], ((Number) r[1]).longValue(), onHand, reserved, onHand - reserved);
        }).toList();
    }

    @GET
    @Path("/inventory/{sku}")
    @Operation(operationId = "getInventory", summary = "Stock of a sku: on hand, reserved, available, per warehouse (any signed-in user)")
    public StockView inventory(@PathParam("sku") String sku) {
        List<StockLevel> levels = catalogue.stockOf(sku);
        List<WarehouseStock> per = levels.stream()
                .map(l -> new WarehouseStock(l.warehouse(), l.onHand(), l.reserved(), l.available())).toList();
        return new StockView(sku, per.stream().mapToInt(WarehouseStock::onHand).sum(),
                per.stream().mapToInt(WarehouseStock::reserved).sum(),
                per.stream().mapToInt(WarehouseStock::available).sum(), per);
    }

    @POST
    @Path("/inventory/receipts")
    @RolesAllowed({ Roles.WAREHOUSE, Roles.ADMIN })
    @Operation(operationId = "receiveStock", summary = "Record a goods receipt into a warehouse (warehouse, admin)")
    @APIResponse(responseCode = "201", description = "stock added; Location is the sku's inventory",
            content = @Content(schema = @Schema(implementation = ReceiptView.class)))
    @APIResponse(responseCode = "422", description = "rule receipt.sku-known (the sku is not in the catalogue)")
    public Response receive(@HeaderParam(IdempotentCreates.HEADER) String key, @Valid @NotNull ReceiptRequest request) {
        return idempotent.create(key, caller.get().userId(), "inventory.receipt", request, () -> {
            Ledger.GoodsReceipt r = catalogue.receive(request.sku(), request.warehouse(), request.quantity(),
                    request.reference(), caller.get().username());
            return new Created<>(URI.create("/api/v1/inventory/" + r.sku),
                    new ReceiptView(r.id, r.sku, r.warehouse, r.quantity, r.reference, r.receivedBy, r.receivedAt));
        });
    }

    @POST
    @Path("/inventory/availability")
    @Operation(operationId = "checkAvailability", summary = "Whether a set of lines can be served from stock now, and what is short")
    public AvailabilityView availability(@Valid @NotNull AvailabilityRequest request) {
        Map<String, Integer> wanted = request.lines().stream()
                .collect(Collectors.toMap(AvailabilityLine::sku, AvailabilityLine::quantity, Integer::sum,
                        java.util.LinkedHashMap::new));
        List<StockService.Availability> lines = stock.availability(wanted);
        return new AvailabilityView(lines.stream().allMatch(l -> l.shortBy() == 0), lines);
    }
}
