/**
 * How a frontend calls order-service with types generated from its OpenAPI document
 * (`npm run generate` writes src/generated/order-service.ts). Only type-checked (`npm run typecheck`),
 * never run here: every request body, path/header parameter and response field below is checked
 * against the document, so a renamed field or a response schema missing from the document breaks the
 * check instead of a screen.
 */
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/order-service";

export type OrderView = components["schemas"]["OrderView"];
export type OrderRequest = components["schemas"]["OrderRequest"];
export type Problem = components["schemas"]["Problem"];

/** A client for one user: every request carries their access token (an OIDC access token from the sales realm). */
export function orderClient(baseUrl: string, accessToken: string) {
  return createClient<paths>({
    baseUrl, // e.g. http://localhost:8082
    headers: { Authorization: `Bearer ${accessToken}` },
  });
}

export type OrderClient = ReturnType<typeof orderClient>;

/** The ETag form of a version, for If-Match (the service also accepts the bare number). */
const ifMatch = (version: number): string => `"${version}"`;

/** Error responses are RFC 9457 problem details: rule names the broken business rule of a 422. */
function isProblem(value: unknown): value is Problem {
  return typeof value === "object" && value !== null && "title" in value && "status" in value;
}

/**
 * `D` is the body the document declares for an operation's 2xx responses: undefined when it declares
 * none, unknown when it is untyped, never when the operation has no 2xx response at all (made a
 * message here, as never would be assignable to anything).
 */
type Declared<D> = [D] extends [never] ? "the document declares no 2xx response for this operation" : D;

/**
 * The body of a successful response, typed by the document: assigning it to a typed variable fails to
 * compile when the document no longer declares that body. That is the point of this example.
 */
function body<D>(action: string, result: { data?: D; error?: unknown; response: Response }): Declared<D> {
  if (result.data === undefined) {
    const p = isProblem(result.error) ? result.error : undefined;
    const why = p ? ` ${p.title}${p.rule ? ` (${p.rule})` : ""}${p.detail ? `: ${p.detail}` : ""}` : "";
    throw new Error(`${action} failed with HTTP ${result.response.status}${why}`);
  }
  return result.data as Declared<D>;
}

/** Creates a draft order, submits it for approval, and reads it back. */
export async function placeOrder(client: OrderClient, customerId: string): Promise<OrderView> {
  const request: OrderRequest = {
    customerId,
    channel: "DIRECT",
    currency: "CNY",
    paymentTerms: "NET30",
    shippingAddress: "1 Lake Rd, Hangzhou",
    lines: [
      { sku: "PUMP-200", quantity: 4, discountPct: 5 },
      { sku: "VALVE-50", quantity: 10, unitPrice: 80 },
    ],
  };

  // POST /api/v1/orders -> 201 with the draft (OrderView); the Idempotency-Key makes a retry safe.
  const draft: OrderView = body(
    "create order",
    await client.POST("/api/v1/orders", {
      params: { header: { "Idempotency-Key": crypto.randomUUID() } },
      body: request,
    }),
  );
  const id: string | undefined = draft.id;
  const version: number | undefined = draft.version;
  if (id === undefined || version === undefined) {
    throw new Error("the created order has no id or version");
  }
  console.log(`draft ${draft.orderNumber} (${draft.status}) for ${draft.netAmount} ${draft.currency}`);

  // POST /api/v1/orders/{id}/submit with If-Match: the version just read -> PENDING_APPROVAL or APPROVED.
  const submitted: OrderView = body(
    "submit order",
    await client.POST("/api/v1/orders/{id}/submit", {
      params: { path: { id }, header: { "If-Match": ifMatch(version) } },
    }),
  );
  const status: string | undefined = submitted.status;
  for (const step of submitted.approvals ?? []) {
    console.log(`approval step ${step.step}: ${step.role} (${step.status})`);
  }
  console.log(`submitted: ${status}, version ${submitted.version}`);

  // GET /api/v1/orders/{id}
  const order: OrderView = body("read order", await client.GET("/api/v1/orders/{id}", { params: { path: { id } } }));
  const netAmount: number | undefined = order.netAmount;
  const lines = (order.lines ?? []).map((l) => `${l.lineNo}. ${l.quantity} x ${l.sku} = ${l.netAmount}`);
  console.log(`${order.orderNumber}: ${order.status}, net ${netAmount} ${order.currency}\n${lines.join("\n")}`);
  return order;
}
