package com.salesaffairs.order.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.order.domain.Ledger;
import com.salesaffairs.order.domain.Product;
import com.salesaffairs.order.domain.StockLevel;
import com.salesaffairs.order.repository.StockRepository;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;

/** Products and the stock the warehouse receives. */
@ApplicationScoped
@Transactional
public class CatalogueService {
    private static final Logger LOG = Logger.getLogger(CatalogueService.class);

    private final EntityManager em;
    private final StockRepository stock;
    private final Clock clock;

    public CatalogueService(EntityManager em, StockRepository stock, Clock clock) {
        this.em = em;
        this.stock = stock;
        this.clock = clock;
    }

    public Product create(String sku, String name, String category, BigDecimal listPrice, BigDecimal unitCost,
            String currency) {
        if (em.find(Product.class, sku) != null) {
            throw ApiProblem.conflict("product " + sku + " already exists");
        }
        Product p = Product.create(sku, name, category, listPrice, unitCost, currency, clock.instant());
        em.persist(p);
        em.flush();
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Product product(String sku) {
        Product p = em.find(Product.class, sku);
        if (p == null) {
            throw ApiProblem.notFound("product", sku);
        }
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Product> products(String category, PageParams page) {
        return em.createQuery("FROM Product p WHERE (:category IS NULL OR p.category = :category) ORDER BY p.sku",
                Product.class).setParameter("category", category).setFirstResult(page.offset())
                .setMaxResults(page.size()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countProducts(String category) {
        return em.createQuery("SELECT COUNT(p) FROM Product p WHERE (:category IS NULL OR p.category = :category)",
                Long.class).setParameter("category", category).getSingleResult();
    }

    /** Activates or deactivates a product; If-Match, when given, must name its current version (412 otherwise). */
    public Product setActive(String sku, java.util.OptionalLong ifMatch, boolean active) {
        Product p = em.find(Product.class, sku, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ApiProblem.notFound("product", sku);
        }
        if (ifMatch.isPresent() && ifMatch.getAsLong() != p.version()) {
            throw ApiProblem.preconditionFailed("product " + sku + " is at version " + p.version() + ", not "
                    + ifMatch.getAsLong());
        }
        p.setActive(active);
        em.flush();
        LOG.infof("product %s %s", sku, active ? "activated" : "deactivated");
        return p;
    }

    /** Stock per warehouse over every sku: on hand, reserved, available. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Object[]> warehouses() {
        return em.createQuery("""
                SELECT s.warehouse, COUNT(s), SUM(s.onHand), SUM(s.reserved) FROM StockLevel s
                GROUP BY s.warehouse ORDER BY s.warehouse""", Object[].class).getResultList();
    }

    /** A goods receipt adds stock to one warehouse (created on first receipt). */
    public Ledger.GoodsReceipt receive(String sku, String warehouse, int quantity, String reference, String by) {
        // The sku is a field of the receipt, not the resource addressed: an unknown one is a rule, not a 404.
        if (em.find(Product.class, sku) == null) {
            throw ApiProblem.ruleViolated("receipt.sku-known", "sku", "sku " + sku + " is not in the catalogue");
        }
        Instant now = clock.instant();
        StockLevel level = stock.lockLevel(sku, warehouse);
        if (level == null) {
            level = StockLevel.empty(sku, warehouse, now);
            em.persist(level);
        }
        level.receive(quantity, now);
        Ledger.GoodsReceipt r = new Ledger.GoodsReceipt();
        r.id = UUID.randomUUID();
        r.sku = sku;
        r.warehouse = warehouse;
        r.quantity = quantity;
        r.reference = reference;
        r.receivedBy = by;
        r.receivedAt = now;
        em.persist(r);
        em.flush();
        LOG.infof("received %d of %s into %s", quantity, sku, warehouse);
        return r;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StockLevel> stockOf(String sku) {
        product(sku);
        return stock.levels(sku);
    }
}
