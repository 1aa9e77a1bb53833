package fr.dwwm.comptoir.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Something the shop sells. Prices are whole euro cents including VAT; the VAT rate is
 * kept beside them so that invoices can show the amount before tax.
 *
 * <p>
 * {@link #getAttributes() attributes} is a free-form JSON document (JSONB column): the
 * characteristics differ from a jam to a bowl, and the listing builds its facets from
 * them.
 */
@Entity
@Table(name = "product")
public class Product {

	/** Below or at this stock the shop warns that few units are left. */
	public static final int LOW_STOCK = 3;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "category_id")
	private Category category;

	private String sku;

	private String name;

	private String slug;

	private String summary;

	private String description;

	/**
	 * The lowest price of the active variants, kept by the database (V15): read only.
	 */
	@Column(updatable = false)
	private int priceCents;

	private BigDecimal vatRate;

	/** The units of all the active variants, kept by the database (V15): read only. */
	@Column(insertable = false, updatable = false)
	private int stock;

	private boolean active;

	private boolean featured;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, String> attributes = new LinkedHashMap<>();

	@Column(insertable = false, updatable = false)
	private Instant createdAt;

	@Column(insertable = false, updatable = false)
	private Instant updatedAt;

	@OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ProductImage> images = new ArrayList<>();

	@Version
	private int version;

	protected Product() {
	}

	/**
	 * Creates an unpublished product.
	 * @param category its category
	 * @param sku unique stock-keeping unit, e.g. {@code EPI-CONF-001}
	 * @param name displayed name
	 * @param slug unique URL segment
	 * @param priceCents unit price including VAT, in cents
	 * @param vatRate VAT rate in per cent, e.g. 5.50
	 */
	public Product(Category category, String sku, String name, String slug, int priceCents, BigDecimal vatRate) {
		this.category = category;
		this.sku = sku;
		this.name = name;
		this.slug = slug;
		this.priceCents = priceCents;
		this.vatRate = vatRate;
		this.summary = name;
		this.description = name;
	}

	public Long getId() {
		return this.id;
	}

	public Category getCategory() {
		return this.category;
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public String getSlug() {
		return this.slug;
	}

	public String getSummary() {
		return this.summary;
	}

	public String getDescription() {
		return this.description;
	}

	public int getPriceCents() {
		return this.priceCents;
	}

	/**
	 * Changes the summary. The shop itself writes products in SQL
	 * ({@code ProductAdministration}, with the same version check); this setter is what
	 * {@code ProductRepositoryTests} uses to show JPA's optimistic locking
	 * ({@code @Version}) at work.
	 * @param summary the new summary
	 */
	public void setSummary(String summary) {
		this.summary = summary;
	}

	public BigDecimal getVatRate() {
		return this.vatRate;
	}

	public int getStock() {
		return this.stock;
	}

	public boolean isActive() {
		return this.active;
	}

	public boolean isFeatured() {
		return this.featured;
	}

	public Map<String, String> getAttributes() {
		return this.attributes;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	public List<ProductImage> getImages() {
		return this.images;
	}

	public int getVersion() {
		return this.version;
	}

	/**
	 * Tells whether at least one unit can be sold now.
	 * @return whether the product is in stock
	 */
	public boolean isInStock() {
		return this.stock > 0;
	}

	/**
	 * Tells whether only a few units are left.
	 * @return whether stock is low but not empty
	 */
	public boolean isLowStock() {
		return this.stock > 0 && this.stock <= LOW_STOCK;
	}

}
