package fr.dwwm.comptoir.catalog;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores product pictures in the database, each in a few sizes made once: pages then
 * offer the browser the size it needs ({@code srcset}) and never resize on the fly.
 *
 * <p>
 * Every image is re-encoded here from decoded pixels, under a random name: whatever was
 * uploaded, what the shop serves is a clean JPEG without metadata (camera, GPS position).
 */
@Service
class ProductImages {

	/** Widths of the stored variants, in pixels. */
	public static final int[] WIDTHS = { 320, 640, 1200 };

	/** What a stored image's file name looks like. */
	public static final Pattern FILE_NAME = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.jpg");

	/** Longest text alternative the database accepts. */
	public static final int MAX_ALT_TEXT = 200;

	private static final float JPEG_QUALITY = 0.82f;

	private final JdbcClient jdbc;

	ProductImages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a picture of a product in every size up to its own width.
	 * @param productId the product
	 * @param picture decoded pixels
	 * @param altText text alternative
	 * @param position order in the gallery
	 * @return the random file name given to the image
	 */
	@Transactional
	public String store(long productId, BufferedImage picture, String altText, int position) {
		return save(productId, null, prepare(picture), altText, position);
	}

	/**
	 * Resizes and encodes a picture in every size, without touching the database: the
	 * costly part, which callers may run in parallel.
	 * @param picture decoded pixels
	 * @return the encoded sizes, largest last
	 */
	public Prepared prepare(BufferedImage picture) {
		BufferedImage largest = scaled(picture, Math.min(picture.getWidth(), WIDTHS[WIDTHS.length - 1]));
		Set<Integer> widths = new TreeSet<>();
		for (int width : WIDTHS) {
			widths.add(Math.min(width, largest.getWidth()));
		}
		List<Prepared.Size> sizes = new ArrayList<>();
		for (int width : widths) {
			BufferedImage variant = (width == largest.getWidth()) ? largest : scaled(largest, width);
			sizes.add(new Prepared.Size(variant.getWidth(), variant.getHeight(), jpeg(variant)));
		}
		return new Prepared(sizes);
	}

	/**
	 * Saves an encoded picture under a new random name.
	 * @param productId the product
	 * @param variantId the variant it shows, one of the product's, or {@code null} for a
	 * picture of all its variants
	 * @param prepared the encoded sizes
	 * @param altText text alternative
	 * @param position order in the gallery
	 * @return the random file name given to the image
	 */
	@Transactional
	public String save(long productId, Long variantId, Prepared prepared, String altText, int position) {
		Prepared.Size largest = prepared.sizes().get(prepared.sizes().size() - 1);
		String fileName = UUID.randomUUID() + ".jpg";
		long imageId = this.jdbc.sql("""
				INSERT INTO product_image (product_id, variant_id, file_name, alt_text, position, width, height)
				VALUES (:product, :variant, :file, :alt, :position, :width, :height) RETURNING id""")
			.param("product", productId)
			.param("variant", variantId)
			.param("file", fileName)
			.param("alt", altText)
			.param("position", position)
			.param("width", largest.width())
			.param("height", largest.height())
			.query(Long.class)
			.single();
		for (Prepared.Size size : prepared.sizes()) {
			this.jdbc.sql("""
					INSERT INTO image_variant (image_id, width, content_type, height, bytes)
					VALUES (:image, :width, 'image/jpeg', :height, :bytes)""")
				.param("image", imageId)
				.param("width", size.width())
				.param("height", size.height())
				.param("bytes", size.bytes())
				.update();
		}
		return fileName;
	}

	/**
	 * Stores a picture of a product after its other pictures.
	 * @param productId the product
	 * @param variantId the variant it shows, one of the product's, or {@code null} for a
	 * picture of all its variants
	 * @param picture decoded pixels, e.g. from {@link ImageUploadCheck}
	 * @param altText text alternative
	 * @return the random file name given to the image
	 */
	@Transactional
	public String append(long productId, Long variantId, BufferedImage picture, String altText) {
		int position = this.jdbc
			.sql("SELECT coalesce(max(position) + 1, 0) FROM product_image WHERE product_id = :product")
			.param("product", productId)
			.query(Integer.class)
			.single();
		return save(productId, variantId, prepare(picture), altText, position);
	}

	/**
	 * Lists the pictures of a product, in gallery order.
	 * @param productId the product
	 * @return its pictures
	 */
	@Transactional(readOnly = true)
	public List<Stored> ofProduct(long productId) {
		return this.jdbc.sql("""
				SELECT i.id, i.file_name, i.alt_text, i.width, i.height, v.sku
				FROM product_image i LEFT JOIN product_variant v ON v.id = i.variant_id
				WHERE i.product_id = :product ORDER BY i.position, i.id""")
			.param("product", productId)
			.query((row, number) -> new Stored(row.getLong("id"), row.getString("file_name"), row.getString("alt_text"),
					row.getInt("width"), row.getInt("height"), row.getString("sku")))
			.list();
	}

	/**
	 * Moves a picture of a product one place earlier or later in its gallery. The
	 * positions are first renumbered in gallery order (two pictures may share one, after
	 * older deletions), then the picture swaps places with its neighbour.
	 * @param productId the product
	 * @param imageId the picture
	 * @param earlier {@code true} to move it towards the first place
	 * @return whether the product has this picture (moving the first one up changes
	 * nothing, and is no error)
	 */
	@Transactional
	public boolean move(long productId, long imageId, boolean earlier) {
		List<Long> gallery = this.jdbc
			.sql("SELECT id FROM product_image WHERE product_id = :product ORDER BY position, id FOR UPDATE")
			.param("product", productId)
			.query(Long.class)
			.list();
		int index = gallery.indexOf(imageId);
		if (index < 0) {
			return false;
		}
		List<Long> order = new java.util.ArrayList<>(gallery);
		int other = earlier ? index - 1 : index + 1;
		if (other >= 0 && other < order.size()) {
			java.util.Collections.swap(order, index, other);
		}
		for (int position = 0; position < order.size(); position++) {
			this.jdbc.sql("UPDATE product_image SET position = :position WHERE id = :id AND position <> :position")
				.param("position", position)
				.param("id", order.get(position))
				.update();
		}
		return true;
	}

	/**
	 * Changes the text alternative of a picture of a product.
	 * @param productId the product
	 * @param imageId the picture
	 * @param altText the new text, 1 to {@value #MAX_ALT_TEXT} characters, checked by the
	 * caller
	 * @return whether the product has this picture
	 */
	@Transactional
	public boolean describe(long productId, long imageId, String altText) {
		return this.jdbc.sql("UPDATE product_image SET alt_text = :alt WHERE id = :image AND product_id = :product")
			.param("alt", altText)
			.param("image", imageId)
			.param("product", productId)
			.update() == 1;
	}

	/**
	 * Deletes a picture of a product, in every size.
	 * @param productId the product
	 * @param imageId the picture
	 * @return whether the product had this picture
	 */
	@Transactional
	public boolean delete(long productId, long imageId) {
		return this.jdbc.sql("DELETE FROM product_image WHERE id = :image AND product_id = :product")
			.param("image", imageId)
			.param("product", productId)
			.update() > 0;
	}

	/**
	 * Returns the smallest stored variant at least as wide as asked, or the largest one.
	 * @param fileName the image's file name
	 * @param width the wanted width in pixels
	 * @return the variant, if the image exists
	 */
	@Transactional(readOnly = true)
	public Optional<Variant> variant(String fileName, int width) {
		if (!FILE_NAME.matcher(fileName).matches()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT v.content_type, v.bytes
				FROM image_variant v JOIN product_image i ON i.id = v.image_id
				WHERE i.file_name = :file
				ORDER BY (v.width >= :width) DESC, CASE WHEN v.width >= :width THEN v.width ELSE -v.width END
				LIMIT 1""")
			.param("file", fileName)
			.param("width", width)
			.query((row, number) -> new Variant(row.getString("content_type"), row.getBytes("bytes")))
			.optional();
	}

	static BufferedImage scaled(BufferedImage source, int width) {
		int height = Math.max(1, Math.round(source.getHeight() * (width / (float) source.getWidth())));
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(source, 0, 0, width, height, java.awt.Color.WHITE, null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	static byte[] jpeg(BufferedImage image) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			parameters.setCompressionQuality(JPEG_QUALITY);
			parameters.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/**
	 * A picture encoded in every size, ready to be saved.
	 *
	 * @param sizes the sizes, smallest first
	 */
	public record Prepared(List<Size> sizes) {

		/**
		 * One encoded size.
		 *
		 * @param width width in pixels
		 * @param height height in pixels
		 * @param bytes the JPEG file
		 */
		public record Size(int width, int height, byte[] bytes) {

		}

	}

	/**
	 * A stored picture of a product.
	 *
	 * @param id its id
	 * @param fileName its random file name
	 * @param altText its text alternative
	 * @param width width of its largest size, in pixels
	 * @param height height of its largest size, in pixels
	 * @param variantSku the reference of the variant it shows, or {@code null} when it
	 * shows them all
	 */
	public record Stored(long id, String fileName, String altText, int width, int height, String variantSku) {

	}

	/**
	 * A stored size of an image.
	 *
	 * @param contentType MIME type
	 * @param bytes the file
	 */
	public record Variant(String contentType, byte[] bytes) {

	}

}
