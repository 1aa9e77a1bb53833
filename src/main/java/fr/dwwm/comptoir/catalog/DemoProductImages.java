package fr.dwwm.comptoir.catalog;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Draws a picture for every demo product that has none, at start-up in demo mode: a still
 * life in the colours of its category (a jar, a bottle, a cup, a bowl...). Real photos
 * would weigh megabytes in the repository and need licences; these are made in a second
 * and stored like uploaded pictures, in every size.
 */
@Component
@ConditionalOnProperty(name = "app.demo.enabled", havingValue = "true")
class DemoProductImages implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(DemoProductImages.class);

	private static final int WIDTH = 1200;

	private static final int HEIGHT = 900;

	private static final Map<String, Color> BACKGROUNDS = Map.of("confitures-et-miels", new Color(0xF4D9C6),
			"huiles-et-vinaigres", new Color(0xE4E6C3), "biscuits-et-chocolats", new Color(0xEBD8C3), "thes-et-cafes",
			new Color(0xD9E5D6), "epices-et-condiments", new Color(0xF2D0B4), "ceramique", new Color(0xD8E0E8),
			"linge-de-maison", new Color(0xE9E4DC), "savons-et-bougies", new Color(0xE6DDEB));

	private final JdbcClient jdbc;

	private final ProductImages images;

	DemoProductImages(JdbcClient jdbc, ProductImages images) {
		this.jdbc = jdbc;
		this.images = images;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		drawProducts();
		drawColourVariants();
	}

	/**
	 * Draws, for each demo variant whose option is a colour (a glaze), the object in that
	 * colour: choosing « Bleu de Prusse » on the product page shows a blue plate.
	 */
	private void drawColourVariants() {
		List<Map<String, Object>> variants = this.jdbc.sql("""
				SELECT p.id AS product_id, v.id AS variant_id, p.name, c.slug AS category, ov.label
				FROM product_variant v
				JOIN product p ON p.id = v.product_id
				JOIN category c ON c.id = p.category_id
				JOIN variant_option_value vo ON vo.variant_id = v.id
				JOIN option_type t ON t.id = vo.option_type_id AND t.schema_property = 'color'
				JOIN option_value ov ON ov.id = vo.option_value_id
				WHERE p.sku ~ '^(EPI|MAI)-' AND NOT EXISTS (SELECT 1 FROM product_image i WHERE i.variant_id = v.id)
				ORDER BY v.id""").query().listOfRows();
		for (Map<String, Object> variant : variants) {
			String label = (String) variant.get("label");
			Missing product = new Missing(((Number) variant.get("product_id")).longValue(),
					(String) variant.get("name"), (String) variant.get("category"), false);
			this.images.save(product.id(), ((Number) variant.get("variant_id")).longValue(),
					this.images.prepare(draw(product, glaze(label))), product.name() + ", émail " + label, 0);
		}
	}

	/** The colour of a glaze, from the words of its name. */
	static Color glaze(String label) {
		String name = label.toLowerCase(java.util.Locale.FRENCH);
		if (name.contains("blanc")) {
			return new Color(0xE6DFD2);
		}
		if (name.contains("vert")) {
			return new Color(0x8AA884);
		}
		if (name.contains("bleu")) {
			return new Color(0x2F4B6E);
		}
		if (name.contains("gris")) {
			return new Color(0x4A4D52);
		}
		return Color.getHSBColor(Math.floorMod(label.hashCode(), 360) / 360f, 0.45f, 0.65f);
	}

	private void drawProducts() {
		List<Missing> missing = this.jdbc.sql("""
				SELECT p.id, p.name, c.slug AS category, p.featured
				FROM product p JOIN category c ON c.id = p.category_id
				WHERE NOT EXISTS (SELECT 1 FROM product_image i WHERE i.product_id = p.id)
				  AND p.sku ~ '^(EPI|MAI)-'
				ORDER BY p.id""")
			.query((row, number) -> new Missing(row.getLong("id"), row.getString("name"), row.getString("category"),
					row.getBoolean("featured")))
			.list();
		if (missing.isEmpty()) {
			return;
		}
		long start = System.nanoTime();
		// Drawing and encoding take most of the time: they run on every core, the inserts
		// one by one.
		missing.parallelStream()
			.map((product) -> Map.entry(product, views(product).stream().map(this.images::prepare).toList()))
			.toList()
			.forEach((drawn) -> {
				Missing product = drawn.getKey();
				List<ProductImages.Prepared> views = drawn.getValue();
				for (int position = 0; position < views.size(); position++) {
					this.images.save(product.id(), null, views.get(position), altText(product, position), position);
				}
			});
		logger.info("Drew pictures for {} demo products in {} ms", missing.size(),
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * The pictures of a product: the still life, and for the products the shop puts
	 * forward a close-up and the other side too, so their page has a gallery to browse.
	 */
	static List<BufferedImage> views(Missing product) {
		BufferedImage still = draw(product);
		if (!product.featured()) {
			return List.of(still);
		}
		BufferedImage closeUp = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D zoom = closeUp.createGraphics();
		zoom.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		zoom.drawImage(still, 0, 0, WIDTH, HEIGHT, 300, 225, 900, 675, null);
		zoom.dispose();
		BufferedImage otherSide = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D mirror = otherSide.createGraphics();
		mirror.drawImage(still, WIDTH, 0, -WIDTH, HEIGHT, null);
		mirror.dispose();
		return List.of(still, closeUp, otherSide);
	}

	private static String altText(Missing product, int position) {
		return switch (position) {
			case 0 -> product.name();
			case 1 -> product.name() + ", de près";
			default -> product.name() + ", vu de l'autre côté";
		};
	}

	static BufferedImage draw(Missing product) {
		// The object's colour varies from one product to the next.
		return draw(product, Color.getHSBColor(Math.floorMod(product.name().hashCode(), 360) / 360f, 0.45f, 0.65f));
	}

	static BufferedImage draw(Missing product, Color tint) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			Color background = BACKGROUNDS.getOrDefault(product.category(), new Color(0xEDE6DD));
			g.setPaint(new GradientPaint(0, 0, background.brighter(), 0, HEIGHT, background));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			// A table top for the object to stand on.
			g.setColor(background.darker());
			g.fillRect(0, 660, WIDTH, HEIGHT - 660);
			g.setColor(new Color(0, 0, 0, 40));
			g.fill(new Ellipse2D.Double(380, 640, 440, 60));
			switch (product.category()) {
				case "huiles-et-vinaigres" -> bottle(g, tint);
				case "thes-et-cafes" -> cup(g, tint);
				case "biscuits-et-chocolats" -> biscuits(g, tint);
				case "epices-et-condiments" -> spices(g, tint);
				case "ceramique" -> bowl(g, tint);
				case "linge-de-maison" -> linen(g, tint);
				case "savons-et-bougies" -> candle(g, tint);
				default -> jar(g, tint);
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	private static void jar(Graphics2D g, Color tint) {
		g.setColor(tint);
		g.fill(new RoundRectangle2D.Double(430, 330, 340, 340, 60, 60));
		g.setColor(new Color(0xF5EFE6));
		g.fill(new RoundRectangle2D.Double(450, 430, 300, 140, 20, 20));
		g.setColor(tint.darker());
		g.fill(new RoundRectangle2D.Double(440, 270, 320, 80, 20, 20));
	}

	private static void bottle(Graphics2D g, Color tint) {
		Path2D bottle = new Path2D.Double();
		bottle.moveTo(540, 160);
		bottle.lineTo(660, 160);
		bottle.lineTo(660, 300);
		bottle.curveTo(760, 330, 760, 400, 760, 440);
		bottle.lineTo(760, 670);
		bottle.lineTo(440, 670);
		bottle.lineTo(440, 440);
		bottle.curveTo(440, 400, 440, 330, 540, 300);
		bottle.closePath();
		g.setColor(tint);
		g.fill(bottle);
		g.setColor(new Color(0xF5EFE6));
		g.fill(new RoundRectangle2D.Double(470, 470, 260, 130, 16, 16));
		g.setColor(new Color(0x3B2A20));
		g.fill(new RoundRectangle2D.Double(545, 120, 110, 60, 12, 12));
	}

	private static void cup(Graphics2D g, Color tint) {
		g.setColor(tint);
		g.setStroke(new BasicStroke(34));
		g.draw(new Ellipse2D.Double(720, 420, 140, 140));
		Path2D cup = new Path2D.Double();
		cup.moveTo(400, 380);
		cup.lineTo(800, 380);
		cup.curveTo(790, 560, 720, 660, 600, 660);
		cup.curveTo(480, 660, 410, 560, 400, 380);
		cup.closePath();
		g.fill(cup);
		g.setColor(new Color(0x5B3A24));
		g.fill(new Ellipse2D.Double(400, 350, 400, 60));
	}

	private static void biscuits(Graphics2D g, Color tint) {
		for (int i = 0; i < 3; i++) {
			g.setColor(tint.brighter());
			g.fill(new Ellipse2D.Double(390 + i * 40, 560 - i * 90, 420, 120));
			g.setColor(tint);
			g.setStroke(new BasicStroke(8));
			g.draw(new Ellipse2D.Double(390 + i * 40, 560 - i * 90, 420, 120));
		}
	}

	private static void spices(Graphics2D g, Color tint) {
		g.setColor(new Color(0xF5EFE6));
		g.fill(new RoundRectangle2D.Double(360, 520, 480, 150, 60, 60));
		Path2D heap = new Path2D.Double();
		heap.moveTo(380, 540);
		heap.curveTo(460, 360, 740, 360, 820, 540);
		heap.closePath();
		g.setColor(tint);
		g.fill(heap);
	}

	private static void bowl(Graphics2D g, Color tint) {
		Path2D bowl = new Path2D.Double();
		bowl.moveTo(340, 420);
		bowl.lineTo(860, 420);
		bowl.curveTo(850, 580, 740, 670, 600, 670);
		bowl.curveTo(460, 670, 350, 580, 340, 420);
		bowl.closePath();
		g.setColor(tint);
		g.fill(bowl);
		g.setColor(tint.brighter());
		g.fill(new Ellipse2D.Double(340, 390, 520, 70));
	}

	private static void linen(Graphics2D g, Color tint) {
		for (int i = 0; i < 4; i++) {
			g.setColor((i % 2 == 0) ? tint : tint.brighter());
			g.fill(new RoundRectangle2D.Double(360, 580 - i * 70, 480, 80, 30, 30));
		}
		g.setColor(new Color(255, 255, 255, 120));
		g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] { 16, 16 }, 0));
		g.drawLine(380, 370, 820, 370);
	}

	private static void candle(Graphics2D g, Color tint) {
		g.setColor(tint);
		g.fill(new RoundRectangle2D.Double(470, 360, 260, 310, 30, 30));
		g.setColor(new Color(0x3B2A20));
		g.setStroke(new BasicStroke(8));
		g.drawLine(600, 360, 600, 320);
		g.setColor(new Color(0xF2A541));
		g.fill(new Ellipse2D.Double(580, 250, 40, 80));
	}

	record Missing(long id, String name, String category, boolean featured) {

	}

}
