package fr.dwwm.comptoir.catalog;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.springframework.stereotype.Component;

/**
 * Stores plain pictures of one colour for a test's products, in every size, as an upload
 * does.
 */
@Component
public class TestPictures {

	private final ProductImages images;

	TestPictures(ProductImages images) {
		this.images = images;
	}

	/**
	 * Stores a picture.
	 * @param productId the product
	 * @param variantId the variant it shows, or {@code null} for all
	 * @param color its colour
	 * @param altText its text alternative
	 * @param position its place in the gallery
	 * @return its file name
	 */
	public String add(long productId, Long variantId, Color color, String altText, int position) {
		BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(color);
		graphics.fillRect(0, 0, 400, 300);
		graphics.dispose();
		return this.images.save(productId, variantId, this.images.prepare(image), altText, position);
	}

}
