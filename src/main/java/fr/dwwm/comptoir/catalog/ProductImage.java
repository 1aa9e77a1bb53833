package fr.dwwm.comptoir.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A picture of a product. The file itself and its resized variants are stored in the
 * {@code image_variant} table; this entity holds what pages need to display it.
 */
@Entity
@Immutable
@Table(name = "product_image")
public class ProductImage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "product_id")
	private Product product;

	/** The variant it shows, or {@code null} for a picture shared by all the variants. */
	@Column(insertable = false, updatable = false)
	private Long variantId;

	private String fileName;

	private String altText;

	private int position;

	private int width;

	private int height;

	protected ProductImage() {
	}

	/**
	 * Describes a stored image of a product.
	 * @param product the product shown
	 * @param fileName random unique file name, e.g. {@code 0b6c...-9f.jpg}
	 * @param altText text alternative for screen readers
	 * @param position order in the gallery, from 0
	 * @param width width of the original, in pixels
	 * @param height height of the original, in pixels
	 */
	public ProductImage(Product product, String fileName, String altText, int position, int width, int height) {
		this.product = product;
		this.fileName = fileName;
		this.altText = altText;
		this.position = position;
		this.width = width;
		this.height = height;
	}

	public Long getId() {
		return this.id;
	}

	public Product getProduct() {
		return this.product;
	}

	public Long getVariantId() {
		return this.variantId;
	}

	/**
	 * Tells whether a variant's gallery shows this picture.
	 * @param variant the variant, or {@code null}
	 * @return whether the picture is shared by all variants or is this variant's own
	 */
	public boolean shows(ProductVariant variant) {
		return this.variantId == null || (variant != null && this.variantId == variant.id());
	}

	public String getFileName() {
		return this.fileName;
	}

	public String getAltText() {
		return this.altText;
	}

	public int getPosition() {
		return this.position;
	}

	public int getWidth() {
		return this.width;
	}

	public int getHeight() {
		return this.height;
	}

}
