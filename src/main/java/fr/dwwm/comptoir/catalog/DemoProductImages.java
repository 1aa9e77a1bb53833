package fr.dwwm.comptoir.catalog;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Area;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Draws a picture for every demo product that has none, at start-up in demo mode: the
 * thing its name names (a jar of jam, a plate, a bar of soap, a teapot...), on a table in
 * the colours of its category. Real photos would weigh megabytes in the repository and
 * need licences; these are made in a second and stored like uploaded pictures, in every
 * size.
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

	private static final Color CREAM = new Color(0xF5EFE6);

	private static final Color WOOD = new Color(0x9A6B43);

	private static final Color BISCUIT = new Color(0xD9A45B);

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
		return draw(Subject.of(product), product.category(), tint);
	}

	/**
	 * A subject on the table, in the light of a category.
	 */
	static BufferedImage draw(Subject subject, String category, Color tint) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
			Color background = BACKGROUNDS.getOrDefault(category, new Color(0xEDE6DD));
			g.setPaint(new GradientPaint(0, 0, background.brighter(), 0, HEIGHT, background));
			g.fillRect(0, 0, WIDTH, HEIGHT);
			// A table top for the object to stand on.
			g.setColor(background.darker());
			g.fillRect(0, 660, WIDTH, HEIGHT - 660);
			g.setColor(new Color(0, 0, 0, 40));
			g.fill(new Ellipse2D.Double(380, 640, 440, 60));
			switch (subject) {
				case JAM_JAR -> jamJar(g, tint);
				case HONEY_JAR -> honeyJar(g, tint);
				case OIL_BOTTLE -> oilBottle(g, tint);
				case VINEGAR_BOTTLE -> vinegarBottle(g, tint);
				case BISCUITS -> biscuits(g, tint);
				case NAVETTES -> navettes(g, tint);
				case CALISSONS -> calissons(g, tint);
				case CAKE -> cake(g, tint);
				case CHOCOLATE_BAR -> chocolateBar(g, tint);
				case NOUGAT -> nougat(g, tint);
				case TEA_TIN -> teaTin(g, tint);
				case HERBAL_TEA -> herbalTea(g, tint);
				case COFFEE_BAG -> coffeeBag(g, tint);
				case SPICE_JAR -> spiceJar(g, tint);
				case SALT_BAG -> saltBag(g, tint);
				case SPREAD_JAR -> spreadJar(g, tint);
				case MUSTARD_POT -> mustardPot(g, tint);
				case BOWLS -> bowls(g, tint);
				case PLATE -> plate(g, tint);
				case CUP_AND_SAUCER -> cupAndSaucer(g, tint);
				case TEAPOT -> teapot(g, tint);
				case JUG -> jug(g, tint);
				case CAKE_MOULD -> cakeMould(g, tint);
				case OVAL_DISH -> ovalDish(g, tint);
				case MUG -> mug(g, tint);
				case FOLDED_LINEN -> foldedLinen(g, tint);
				case APRON -> apron(g, tint);
				case SOAP -> soap(g, tint);
				case CANDLE -> candle(g, tint);
			}
		}
		finally {
			g.dispose();
		}
		return image;
	}

	// Groceries.

	private static void jamJar(Graphics2D g, Color tint) {
		// A glass jar full of dark fruit.
		g.setColor(new Color(0x7E2335));
		g.fill(new RoundRectangle2D.Double(450, 380, 300, 290, 70, 70));
		shine(g, 472, 420, 24, 200);
		label(g, 490, 480, 220, 110, tint.darker());
		// The lid, under a gingham cloth tied with a string.
		Path2D cloth = new Path2D.Double();
		cloth.moveTo(455, 360);
		cloth.curveTo(470, 290, 730, 290, 745, 360);
		cloth.lineTo(800, 440);
		for (int x = 760; x >= 400; x -= 40) {
			cloth.lineTo(x + 20, 420);
			cloth.lineTo(x, 440);
		}
		cloth.closePath();
		gingham(g, cloth, tint);
		g.setColor(new Color(0x6B4A2B));
		g.setStroke(new BasicStroke(7));
		g.draw(new Line2D.Double(452, 385, 748, 385));
		g.fill(new Ellipse2D.Double(588, 375, 24, 22));
	}

	private static void honeyJar(Graphics2D g, Color tint) {
		// A round jar of golden honey, a honeycomb label and a lid.
		Color honey = new Color(0xD98E1F);
		g.setColor(honey);
		g.fill(new RoundRectangle2D.Double(440, 370, 320, 300, 150, 150));
		g.fill(new Rectangle2D.Double(500, 340, 200, 60));
		shine(g, 470, 420, 26, 170);
		Path2D hexagon = new Path2D.Double();
		for (int corner = 0; corner < 6; corner++) {
			double angle = Math.PI / 3 * corner;
			double x = 600 + 80 * Math.cos(angle);
			double y = 515 + 80 * Math.sin(angle);
			if (corner == 0) {
				hexagon.moveTo(x, y);
			}
			else {
				hexagon.lineTo(x, y);
			}
		}
		hexagon.closePath();
		g.setColor(CREAM);
		g.fill(hexagon);
		g.setColor(tint.darker());
		g.setStroke(new BasicStroke(6));
		g.draw(hexagon);
		g.setColor(tint);
		g.fill(new RoundRectangle2D.Double(488, 290, 224, 64, 20, 20));
		g.setColor(tint.darker());
		for (int x = 505; x < 700; x += 18) {
			g.fill(new Rectangle2D.Double(x, 296, 6, 52));
		}
		// The wooden dipper lying in front, its ribbed head dripping.
		g.setColor(honey);
		g.fill(new Ellipse2D.Double(640, 700, 110, 26));
		g.setColor(WOOD);
		g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(740, 690, 940, 610));
		Graphics2D head = (Graphics2D) g.create();
		head.rotate(Math.atan2(-80, 200), 700, 705);
		for (int rib = 0; rib < 5; rib++) {
			head.setColor((rib % 2 == 0) ? WOOD : WOOD.darker());
			head.fill(new Ellipse2D.Double(650 + rib * 18, 675, 26, 60));
		}
		head.dispose();
	}

	private static void oilBottle(Graphics2D g, Color tint) {
		// A tall bottle of golden green oil with a pourer.
		Path2D bottle = new Path2D.Double();
		bottle.moveTo(568, 200);
		bottle.lineTo(632, 200);
		bottle.lineTo(632, 270);
		bottle.curveTo(690, 285, 695, 310, 695, 345);
		bottle.lineTo(695, 670);
		bottle.lineTo(505, 670);
		bottle.lineTo(505, 345);
		bottle.curveTo(505, 310, 510, 285, 568, 270);
		bottle.closePath();
		g.setPaint(new GradientPaint(505, 0, new Color(0x8E8A1F), 695, 0, new Color(0xC9B03A)));
		g.fill(bottle);
		shine(g, 520, 330, 18, 300);
		g.setColor(tint.darker());
		g.fill(new Rectangle2D.Double(505, 430, 190, 170));
		g.setColor(CREAM);
		g.fill(new RoundRectangle2D.Double(520, 445, 160, 140, 16, 16));
		// A drop of oil on the label.
		Path2D drop = new Path2D.Double();
		drop.moveTo(600, 465);
		drop.curveTo(615, 495, 630, 510, 630, 530);
		drop.curveTo(630, 570, 570, 570, 570, 530);
		drop.curveTo(570, 510, 585, 495, 600, 465);
		drop.closePath();
		g.setColor(new Color(0xB59A2A));
		g.fill(drop);
		// The metal pourer.
		g.setColor(new Color(0xA7A9AC));
		g.fill(new RoundRectangle2D.Double(560, 160, 80, 50, 10, 10));
		Path2D spout = new Path2D.Double();
		spout.moveTo(585, 165);
		spout.lineTo(560, 110);
		spout.lineTo(580, 104);
		spout.lineTo(610, 165);
		spout.closePath();
		g.fill(spout);
	}

	private static void vinegarBottle(Graphics2D g, Color tint) {
		// A round-bellied flask of vinegar, corked, with a paper tag on a string.
		Color vinegar = mix(tint, new Color(0x9C3B22), 0.5);
		g.setColor(vinegar);
		g.fill(new Ellipse2D.Double(460, 390, 280, 280));
		g.fill(new Rectangle2D.Double(568, 300, 64, 120));
		g.setColor(new Color(255, 255, 255, 110));
		g.fill(new Rectangle2D.Double(568, 250, 64, 55));
		shine(g, 495, 450, 26, 150);
		g.setColor(new Color(0xC8A27A));
		g.fill(new RoundRectangle2D.Double(562, 205, 76, 60, 14, 14));
		g.setColor(new Color(0x6B4A2B));
		g.setStroke(new BasicStroke(4));
		g.draw(new Line2D.Double(600, 320, 720, 420));
		Graphics2D tag = (Graphics2D) g.create();
		tag.rotate(-0.35, 740, 460);
		tag.setColor(CREAM);
		tag.fill(new RoundRectangle2D.Double(690, 410, 110, 140, 14, 14));
		tag.setColor(tint.darker());
		tag.fill(new Ellipse2D.Double(735, 422, 16, 16));
		tag.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		tag.draw(new Line2D.Double(710, 480, 780, 480));
		tag.draw(new Line2D.Double(720, 510, 770, 510));
		tag.dispose();
	}

	private static void biscuits(Graphics2D g, Color tint) {
		// A biscuit tin, and a pile of round golden biscuits in front of it.
		cylinder(g, 340, 430, 300, 230, tint, tint.brighter());
		g.setColor(tint.darker());
		g.setStroke(new BasicStroke(5));
		g.draw(new Ellipse2D.Double(370, 409, 240, 42));
		for (int i = 0; i < 4; i++) {
			double top = 620 - i * 38;
			double x = 560 + ((i % 2 == 0) ? 0 : 14);
			cylinder(g, x, top, 270, 34, BISCUIT.darker(), BISCUIT);
		}
		// Criss-cross lines scored on the top biscuit, inside a golden rim.
		Ellipse2D top = new Ellipse2D.Double(574, 475, 270, 64);
		Shape clip = g.getClip();
		g.clip(new Ellipse2D.Double(594, 482, 230, 50));
		g.setColor(BISCUIT.darker());
		g.setStroke(new BasicStroke(4));
		for (int x = 560; x < 880; x += 30) {
			g.draw(new Line2D.Double(x, 470, x + 60, 550));
			g.draw(new Line2D.Double(x + 60, 470, x, 550));
		}
		g.setClip(clip);
		g.setColor(new Color(0xB07A36));
		g.setStroke(new BasicStroke(6));
		g.draw(top);
	}

	private static void navettes(Graphics2D g, Color tint) {
		// Boat-shaped biscuits, each with its slit, on a napkin.
		Path2D napkin = new Path2D.Double();
		napkin.moveTo(380, 560);
		napkin.lineTo(840, 560);
		napkin.lineTo(920, 720);
		napkin.lineTo(300, 720);
		napkin.closePath();
		g.setColor(tint);
		g.fill(napkin);
		navette(g, 520, 600, -0.08);
		navette(g, 700, 620, 0.1);
		navette(g, 600, 545, 0.02);
		navette(g, 590, 670, -0.04);
	}

	private static void navette(Graphics2D g, double x, double y, double angle) {
		Graphics2D boat = (Graphics2D) g.create();
		boat.translate(x, y);
		boat.rotate(angle);
		Path2D shape = new Path2D.Double();
		shape.moveTo(-150, 0);
		shape.quadTo(0, -70, 150, 0);
		shape.quadTo(0, 70, -150, 0);
		shape.closePath();
		boat.translate(0, 14);
		boat.setColor(new Color(0xA86A2C));
		boat.fill(shape);
		boat.translate(0, -14);
		boat.setColor(BISCUIT);
		boat.fill(shape);
		boat.setColor(new Color(0xA86A2C));
		boat.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		boat.draw(new Line2D.Double(-70, 0, 70, 0));
		boat.dispose();
	}

	private static void calissons(Graphics2D g, Color tint) {
		// The lozenge-shaped box, open, with rows of white iced calissons.
		g.setColor(tint.darker());
		g.fill(lozenge(600, 600, 300, 110));
		g.setColor(tint);
		g.fill(lozenge(600, 560, 300, 110));
		g.setColor(tint.brighter());
		g.fill(lozenge(600, 560, 262, 92));
		double[][] places = { { 530, 520 }, { 670, 520 }, { 460, 560 }, { 600, 560 }, { 740, 560 }, { 530, 600 },
				{ 670, 600 } };
		for (double[] place : places) {
			g.setColor(new Color(0xE2C98F));
			g.fill(lozenge(place[0], place[1] + 8, 62, 22));
			g.setColor(new Color(0xFBF7EE));
			g.fill(lozenge(place[0], place[1], 62, 22));
		}
	}

	private static void cake(Graphics2D g, Color tint) {
		// A round gâteau basque on its plate, a slice cut out at the front to show the
		// cherry filling between two layers of pastry.
		g.setColor(tint);
		g.fill(new Ellipse2D.Double(330, 545, 540, 135));
		double cx = 600;
		double cy = 470;
		double rx = 230;
		double ry = 78;
		double height = 115;
		double from = Math.toRadians(62);
		double to = Math.toRadians(118);
		Path2D gap = new Path2D.Double();
		gap.moveTo(cx, cy);
		gap.lineTo(cx + rx * Math.cos(from), cy + ry * Math.sin(from));
		gap.lineTo(cx + rx * Math.cos(from), cy + ry * Math.sin(from) + height);
		gap.append(new Arc2D.Double(cx - rx, cy - ry + height, 2 * rx, 2 * ry, -Math.toDegrees(from),
				-Math.toDegrees(to - from), Arc2D.OPEN), true);
		gap.lineTo(cx + rx * Math.cos(to), cy + ry * Math.sin(to));
		gap.closePath();
		Shape clip = g.getClip();
		Area rest = new Area(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
		rest.subtract(new Area(gap));
		g.clip(rest);
		g.setColor(new Color(0xB9742F));
		g.fill(new Rectangle2D.Double(cx - rx, cy, 2 * rx, height));
		g.fill(new Ellipse2D.Double(cx - rx, cy - ry + height, 2 * rx, 2 * ry));
		g.setColor(new Color(0xD09A4E));
		g.fill(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
		g.clip(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
		g.setColor(new Color(0xB9742F));
		g.setStroke(new BasicStroke(5));
		for (double x = cx - rx - 160; x < cx + rx; x += 55) {
			g.draw(new Line2D.Double(x, cy - ry, x + 160, cy + ry));
			g.draw(new Line2D.Double(x + 160, cy - ry, x, cy + ry));
		}
		g.setClip(clip);
		cutFace(g, cx, cy, cx + rx * Math.cos(from), cy + ry * Math.sin(from), height);
		cutFace(g, cx, cy, cx + rx * Math.cos(to), cy + ry * Math.sin(to), height);
	}

	/** One side of the gap left by the slice: pastry, filling, pastry. */
	private static void cutFace(Graphics2D g, double cx, double cy, double x, double y, double height) {
		double[] layers = { 0, 0.35, 0.65, 1 };
		Color[] colours = { new Color(0xE8C27E), new Color(0x4A1424), new Color(0xE8C27E) };
		for (int layer = 0; layer < colours.length; layer++) {
			Path2D band = new Path2D.Double();
			band.moveTo(cx, cy + layers[layer] * height);
			band.lineTo(x, y + layers[layer] * height);
			band.lineTo(x, y + layers[layer + 1] * height);
			band.lineTo(cx, cy + layers[layer + 1] * height);
			band.closePath();
			g.setColor(colours[layer]);
			g.fill(band);
			g.draw(band);
		}
	}

	private static void chocolateBar(Graphics2D g, Color tint) {
		// A bar of dark chocolate lying on the table, half out of its paper wrapper.
		Graphics2D bar = (Graphics2D) g.create();
		bar.translate(600, 560);
		bar.scale(1, 0.55);
		bar.rotate(-0.22);
		Rectangle2D outline = new Rectangle2D.Double(-240, -120, 480, 240);
		bar.translate(0, 50);
		bar.setColor(new Color(0x2E1A10));
		bar.fill(outline);
		bar.translate(0, -50);
		bar.setColor(new Color(0x3E2415));
		bar.fill(outline);
		for (int column = 0; column < 8; column++) {
			for (int row = 0; row < 4; row++) {
				double x = -240 + column * 60;
				double y = -120 + row * 60;
				bar.setColor(new Color(0x5A3520));
				bar.fill(new Rectangle2D.Double(x + 6, y + 6, 48, 48));
				bar.setColor(new Color(0x7A4C30));
				bar.fill(new Rectangle2D.Double(x + 6, y + 6, 48, 8));
			}
		}
		bar.setColor(new Color(0xC9CCD1));
		bar.fill(new Rectangle2D.Double(20, -128, 30, 256));
		bar.setColor(tint);
		bar.fill(new Rectangle2D.Double(45, -128, 205, 256));
		bar.setColor(CREAM);
		bar.fill(new Rectangle2D.Double(90, -70, 120, 140));
		bar.dispose();
	}

	private static void nougat(Graphics2D g, Color tint) {
		// A block of white nougat studded with almonds and pistachios, in a paper band.
		Color white = new Color(0xF6F0E2);
		block(g, 400, 470, 360, 190, 80, -60, white, new Color(0xFFFBF2), new Color(0xE3DACB));
		Random nuts = new Random(5);
		Shape clip = g.getClip();
		g.clip(new Rectangle2D.Double(400, 470, 360, 190));
		for (int i = 0; i < 26; i++) {
			double x = 400 + nuts.nextDouble() * 360;
			double y = 470 + nuts.nextDouble() * 190;
			if (i % 3 == 0) {
				g.setColor(new Color(0x8DB255));
				g.fill(new Ellipse2D.Double(x, y, 22, 16));
			}
			else {
				g.setColor(new Color(0xD8B98A));
				g.fill(new Ellipse2D.Double(x, y, 40, 24));
				g.setColor(new Color(0xA57B4A));
				g.setStroke(new BasicStroke(3));
				g.draw(new Ellipse2D.Double(x, y, 40, 24));
			}
		}
		g.setClip(clip);
		g.setColor(tint);
		g.fill(new Rectangle2D.Double(540, 470, 90, 190));
		Path2D band = new Path2D.Double();
		band.moveTo(540, 470);
		band.lineTo(630, 470);
		band.lineTo(710, 410);
		band.lineTo(620, 410);
		band.closePath();
		g.setColor(tint.brighter());
		g.fill(band);
	}

	private static void teaTin(Graphics2D g, Color tint) {
		// A round tea tin with its lid, and a few tea leaves on the table.
		cylinder(g, 470, 400, 260, 265, tint, tint);
		cylinder(g, 462, 330, 276, 75, tint.darker(), tint.brighter());
		label(g, 500, 470, 200, 150, tint.darker());
		leaf(g, 600, 500, 60, -0.4, new Color(0x5E7D3A));
		leaf(g, 800, 690, 44, 0.6, new Color(0x3A4A24));
		leaf(g, 850, 700, 38, -0.3, new Color(0x3A4A24));
		leaf(g, 770, 720, 40, 1.2, new Color(0x3A4A24));
	}

	private static void herbalTea(Graphics2D g, Color tint) {
		// A glass of herbal tea with its tea bag, and dried leaves beside it.
		Path2D glass = new Path2D.Double();
		glass.moveTo(480, 390);
		glass.lineTo(720, 390);
		glass.lineTo(700, 670);
		glass.lineTo(500, 670);
		glass.closePath();
		g.setColor(new Color(255, 255, 255, 90));
		g.fill(glass);
		Path2D tea = new Path2D.Double();
		tea.moveTo(484, 440);
		tea.lineTo(716, 440);
		tea.lineTo(698, 662);
		tea.lineTo(502, 662);
		tea.closePath();
		g.setColor(new Color(0xD9A93A));
		g.fill(tea);
		g.setColor(new Color(0xC99A2E));
		g.fill(new Ellipse2D.Double(484, 428, 232, 24));
		g.setColor(new Color(0xEFE2C0));
		g.fill(new RoundRectangle2D.Double(560, 500, 80, 100, 10, 10));
		g.setColor(new Color(255, 255, 255, 160));
		g.setStroke(new BasicStroke(5));
		g.draw(new Ellipse2D.Double(476, 378, 248, 26));
		shine(g, 500, 420, 14, 220);
		g.setColor(new Color(0xF3F0E8));
		g.setStroke(new BasicStroke(3));
		g.draw(new Line2D.Double(600, 500, 690, 384));
		g.draw(new Line2D.Double(690, 384, 740, 460));
		g.setColor(tint);
		g.fill(new RoundRectangle2D.Double(712, 460, 60, 70, 8, 8));
		Color dried = new Color(0x8A9A4A);
		leaf(g, 380, 690, 56, 0.3, dried);
		leaf(g, 430, 720, 48, -0.5, dried.darker());
		leaf(g, 330, 715, 44, 1.1, dried);
		leaf(g, 820, 700, 50, -0.8, dried);
	}

	private static void coffeeBag(Graphics2D g, Color tint) {
		// A kraft paper bag of coffee with its valve, and beans spilt in front.
		Color kraft = new Color(0xB08A5A);
		g.setColor(kraft);
		g.fill(new RoundRectangle2D.Double(450, 330, 300, 340, 20, 20));
		g.setColor(kraft.darker());
		g.fill(new Rectangle2D.Double(450, 340, 24, 325));
		g.fill(new Rectangle2D.Double(726, 340, 24, 325));
		Path2D fold = new Path2D.Double();
		fold.moveTo(450, 340);
		for (int x = 450; x < 750; x += 20) {
			fold.lineTo(x + 10, 280);
			fold.lineTo(x + 20, 290);
		}
		fold.lineTo(750, 340);
		fold.closePath();
		g.setColor(new Color(0xA07A4C));
		g.fill(fold);
		g.setColor(tint);
		g.fill(new Rectangle2D.Double(474, 440, 252, 150));
		g.setColor(CREAM);
		g.fill(new Ellipse2D.Double(545, 460, 110, 110));
		bean(g, 600, 515, 0.4);
		g.setColor(new Color(0x3B2A20));
		g.fill(new Ellipse2D.Double(588, 365, 24, 24));
		double[][] beans = { { 400, 690, 0.2 }, { 450, 715, -0.6 }, { 760, 700, 1.0 }, { 810, 725, 0.1 },
				{ 850, 690, -0.4 }, { 520, 730, 0.8 }, { 700, 735, -0.2 } };
		for (double[] place : beans) {
			bean(g, place[0], place[1], place[2]);
		}
	}

	private static void bean(Graphics2D g, double x, double y, double angle) {
		Graphics2D bean = (Graphics2D) g.create();
		bean.translate(x, y);
		bean.rotate(angle);
		bean.setColor(new Color(0x4A2C1A));
		bean.fill(new Ellipse2D.Double(-24, -16, 48, 32));
		bean.setColor(new Color(0x8A5A38));
		bean.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		bean.draw(new QuadCurve2D.Double(-18, 2, 0, -8, 18, 2));
		bean.dispose();
	}

	private static void spiceJar(Graphics2D g, Color tint) {
		// A small corked jar of ground spice, and a spoonful in front.
		Color spice = mix(tint, new Color(0xB4432A), 0.6);
		g.setColor(new Color(255, 255, 255, 90));
		g.fill(new RoundRectangle2D.Double(470, 400, 220, 270, 40, 40));
		g.setColor(spice);
		g.fill(new RoundRectangle2D.Double(478, 450, 204, 212, 34, 34));
		shine(g, 490, 420, 16, 200);
		label(g, 500, 520, 160, 90, spice.darker());
		g.setColor(new Color(0xC8A27A));
		g.fill(new RoundRectangle2D.Double(490, 345, 180, 70, 16, 16));
		g.setColor(WOOD);
		g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(820, 690, 960, 640));
		g.fill(new Ellipse2D.Double(700, 670, 140, 60));
		Path2D heap = new Path2D.Double();
		heap.moveTo(708, 700);
		heap.curveTo(730, 640, 810, 640, 832, 700);
		heap.closePath();
		g.setColor(spice);
		g.fill(heap);
	}

	private static void saltBag(Graphics2D g, Color tint) {
		// A small linen sack of sea salt, rolled open on a heap of white crystals.
		Color linen = mix(tint, new Color(0xE2D6C2), 0.6);
		Path2D sack = new Path2D.Double();
		sack.moveTo(450, 400);
		sack.lineTo(750, 400);
		sack.curveTo(790, 520, 790, 640, 750, 670);
		sack.lineTo(450, 670);
		sack.curveTo(410, 640, 410, 520, 450, 400);
		sack.closePath();
		g.setColor(linen);
		g.fill(sack);
		// The weave of the cloth.
		Shape clip = g.getClip();
		g.clip(sack);
		g.setColor(new Color(0, 0, 0, 25));
		g.setStroke(new BasicStroke(3));
		for (int line = 0; line < 30; line++) {
			g.draw(new Line2D.Double(400 + line * 14, 400, 400 + line * 14, 670));
			g.draw(new Line2D.Double(400, 400 + line * 14, 800, 400 + line * 14));
		}
		g.setClip(clip);
		g.setColor(new Color(0x6B5E4E));
		g.fill(new Ellipse2D.Double(455, 370, 290, 60));
		Path2D heap = new Path2D.Double();
		heap.moveTo(460, 400);
		heap.curveTo(500, 300, 700, 300, 740, 400);
		heap.closePath();
		g.setColor(new Color(0xF7F7F2));
		g.fill(heap);
		Random crystals = new Random(3);
		g.setColor(new Color(0xC9CCD1));
		for (int i = 0; i < 30; i++) {
			g.fill(new Rectangle2D.Double(490 + crystals.nextDouble() * 220, 340 + crystals.nextDouble() * 55, 8, 8));
		}
		// A wooden scoop in the salt, and the rolled edge of the sack.
		g.setColor(WOOD);
		g.setStroke(new BasicStroke(16, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(650, 350, 760, 250));
		g.fill(new Ellipse2D.Double(600, 335, 90, 50));
		g.setColor(linen.darker());
		g.fill(new RoundRectangle2D.Double(440, 400, 320, 60, 30, 30));
		g.setColor(new Color(0xF7F7F2));
		for (int i = 0; i < 14; i++) {
			g.fill(new Rectangle2D.Double(380 + crystals.nextDouble() * 440, 685 + crystals.nextDouble() * 50, 10, 10));
		}
	}

	private static void spreadJar(Graphics2D g, Color tint) {
		// A squat jar with a screw lid, and a slice of bread spread with what it holds.
		Color spread = mix(tint, new Color(0x3A2A20), 0.55);
		g.setColor(spread);
		g.fill(new RoundRectangle2D.Double(400, 450, 280, 220, 50, 50));
		shine(g, 418, 480, 18, 150);
		label(g, 440, 520, 200, 100, tint.darker());
		g.setColor(new Color(0xC9A24B));
		g.fill(new RoundRectangle2D.Double(395, 405, 290, 60, 14, 14));
		g.setColor(new Color(0x9C7B30));
		for (int x = 410; x < 680; x += 16) {
			g.fill(new Rectangle2D.Double(x, 410, 5, 50));
		}
		g.setColor(new Color(0xC8873F));
		g.fill(new Ellipse2D.Double(650, 600, 240, 110));
		g.setColor(new Color(0xEBD3A0));
		g.fill(new Ellipse2D.Double(664, 610, 212, 88));
		g.setColor(spread);
		g.fill(new Ellipse2D.Double(690, 625, 150, 55));
	}

	private static void mustardPot(Graphics2D g, Color tint) {
		// A stoneware mustard pot, its cork sealed with wax.
		g.setPaint(new GradientPaint(460, 0, new Color(0xD9D1C0), 740, 0, new Color(0xB3AA98)));
		g.fill(new RoundRectangle2D.Double(460, 380, 280, 290, 90, 90));
		g.fill(new Rectangle2D.Double(500, 350, 200, 60));
		g.setColor(CREAM);
		g.fill(new Ellipse2D.Double(510, 460, 180, 130));
		g.setColor(tint.darker());
		g.setStroke(new BasicStroke(6));
		g.draw(new Ellipse2D.Double(510, 460, 180, 130));
		g.setColor(new Color(0xC9A227));
		g.fill(new Ellipse2D.Double(560, 505, 80, 40));
		g.setColor(tint);
		g.fill(new RoundRectangle2D.Double(488, 310, 224, 70, 30, 30));
		g.fill(new RoundRectangle2D.Double(520, 360, 22, 50, 20, 20));
		g.fill(new RoundRectangle2D.Double(600, 360, 22, 64, 20, 20));
		g.fill(new RoundRectangle2D.Double(660, 360, 22, 40, 20, 20));
		g.setColor(tint.brighter());
		g.fill(new Ellipse2D.Double(510, 306, 180, 34));
	}

	// Tableware.

	private static void bowls(Graphics2D g, Color tint) {
		// Two bowls, one behind the other.
		bowl(g, 700, 430, 320, tint.darker());
		bowl(g, 520, 490, 380, tint);
	}

	private static void bowl(Graphics2D g, double cx, double rim, double width, Color glaze) {
		double depth = width * 0.45;
		double half = width / 2;
		g.setColor(glaze.darker());
		g.fill(new RoundRectangle2D.Double(cx - width * 0.18, rim + depth - 10, width * 0.36, 24, 10, 10));
		Path2D body = new Path2D.Double();
		body.moveTo(cx - half, rim);
		body.curveTo(cx - half, rim + depth * 0.8, cx - half * 0.5, rim + depth, cx, rim + depth);
		body.curveTo(cx + half * 0.5, rim + depth, cx + half, rim + depth * 0.8, cx + half, rim);
		body.closePath();
		g.setColor(glaze);
		g.fill(body);
		double opening = width * 0.18;
		g.setColor(glaze.brighter());
		g.fill(new Ellipse2D.Double(cx - half, rim - opening / 2, width, opening));
		g.setColor(mix(glaze, Color.BLACK, 0.2));
		g.fill(new Ellipse2D.Double(cx - half + 10, rim - opening / 2 + 6, width - 20, opening - 10));
		shine(g, cx - half + 30, rim + 20, 16, depth * 0.5);
	}

	private static void plate(Graphics2D g, Color tint) {
		// A speckled plate lying between a fork and a knife.
		g.setColor(tint.darker());
		g.fill(new Ellipse2D.Double(320, 520, 560, 190));
		g.setColor(tint);
		g.fill(new Ellipse2D.Double(320, 505, 560, 190));
		g.setColor(mix(tint, Color.BLACK, 0.12));
		g.fill(new Ellipse2D.Double(420, 545, 360, 112));
		g.setColor(mix(tint, Color.WHITE, 0.1));
		g.fill(new Ellipse2D.Double(430, 555, 340, 100));
		Random speckles = new Random(11);
		g.setColor(new Color(60, 50, 40, 120));
		Ellipse2D face = new Ellipse2D.Double(330, 510, 540, 180);
		for (int i = 0; i < 160; i++) {
			double x = 330 + speckles.nextDouble() * 540;
			double y = 510 + speckles.nextDouble() * 180;
			if (face.contains(x, y)) {
				g.fill(new Ellipse2D.Double(x, y, 5, 4));
			}
		}
		g.setColor(new Color(0xB9BCC2));
		g.fill(new RoundRectangle2D.Double(262, 560, 16, 150, 10, 10));
		for (int tine = 0; tine < 4; tine++) {
			g.fill(new RoundRectangle2D.Double(250 + tine * 12, 500, 6, 70, 4, 4));
		}
		g.fill(new RoundRectangle2D.Double(250, 555, 42, 20, 10, 10));
		g.fill(new RoundRectangle2D.Double(922, 580, 16, 130, 10, 10));
		Path2D blade = new Path2D.Double();
		blade.moveTo(922, 585);
		blade.lineTo(922, 500);
		blade.quadTo(950, 520, 940, 585);
		blade.closePath();
		g.fill(blade);
	}

	private static void cupAndSaucer(Graphics2D g, Color tint) {
		// A cup of tea standing on its saucer.
		g.setColor(tint.darker());
		g.fill(new Ellipse2D.Double(380, 585, 440, 110));
		g.setColor(tint);
		g.fill(new Ellipse2D.Double(380, 575, 440, 110));
		g.setColor(mix(tint, Color.BLACK, 0.12));
		g.fill(new Ellipse2D.Double(500, 605, 200, 50));
		g.setColor(tint);
		g.setStroke(new BasicStroke(22));
		g.draw(new Ellipse2D.Double(680, 450, 100, 100));
		Path2D cup = new Path2D.Double();
		cup.moveTo(470, 430);
		cup.lineTo(730, 430);
		cup.curveTo(725, 560, 680, 640, 600, 640);
		cup.curveTo(520, 640, 475, 560, 470, 430);
		cup.closePath();
		g.fill(cup);
		g.setColor(tint.brighter());
		g.fill(new Ellipse2D.Double(470, 408, 260, 46));
		g.setColor(new Color(0x8A4B1E));
		g.fill(new Ellipse2D.Double(484, 414, 232, 34));
		shine(g, 490, 460, 14, 110);
	}

	private static void teapot(Graphics2D g, Color tint) {
		// A round teapot with its spout, handle and lid.
		g.setColor(tint);
		g.setStroke(new BasicStroke(26));
		g.draw(new Ellipse2D.Double(690, 420, 130, 160));
		Path2D spout = new Path2D.Double();
		spout.moveTo(470, 500);
		spout.quadTo(390, 500, 345, 400);
		spout.lineTo(372, 388);
		spout.quadTo(410, 470, 490, 590);
		spout.closePath();
		g.fill(spout);
		g.setColor(tint.darker());
		g.fill(new Ellipse2D.Double(510, 640, 180, 30));
		g.setColor(tint);
		g.fill(new Ellipse2D.Double(440, 390, 320, 270));
		shine(g, 470, 440, 20, 150);
		g.setColor(tint.brighter());
		g.fill(new Ellipse2D.Double(520, 370, 160, 44));
		g.setColor(new Color(0xC9A24B));
		g.setStroke(new BasicStroke(5));
		g.draw(new Ellipse2D.Double(520, 370, 160, 44));
		g.fill(new Ellipse2D.Double(584, 338, 32, 32));
	}

	private static void jug(Graphics2D g, Color tint) {
		// A pitcher with a pouring lip and a handle, painted with a band of flowers.
		g.setColor(tint);
		g.setStroke(new BasicStroke(28, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new CubicCurve2D.Double(680, 360, 800, 360, 800, 520, 710, 580));
		Path2D body = new Path2D.Double();
		body.moveTo(450, 310);
		body.lineTo(690, 320);
		body.curveTo(660, 380, 660, 400, 720, 470);
		body.curveTo(780, 550, 760, 640, 720, 670);
		body.lineTo(480, 670);
		body.curveTo(440, 640, 420, 550, 480, 470);
		body.curveTo(540, 400, 540, 380, 450, 310);
		body.closePath();
		g.fill(body);
		g.setColor(tint.brighter());
		g.fill(new Ellipse2D.Double(470, 300, 220, 36));
		g.setColor(mix(tint, Color.BLACK, 0.25));
		g.fill(new Ellipse2D.Double(490, 306, 190, 24));
		g.setColor(CREAM);
		g.setStroke(new BasicStroke(6));
		g.draw(new Line2D.Double(475, 520, 745, 520));
		g.draw(new Line2D.Double(462, 600, 758, 600));
		for (int x = 500; x <= 700; x += 50) {
			flower(g, x, 560, tint.darker());
		}
		shine(g, 470, 480, 16, 150);
	}

	private static void flower(Graphics2D g, double x, double y, Color heart) {
		g.setColor(CREAM);
		for (int petal = 0; petal < 5; petal++) {
			double angle = 2 * Math.PI / 5 * petal;
			g.fill(new Ellipse2D.Double(x + 11 * Math.cos(angle) - 7, y + 11 * Math.sin(angle) - 7, 14, 14));
		}
		g.setColor(heart);
		g.fill(new Ellipse2D.Double(x - 6, y - 6, 12, 12));
	}

	private static void cakeMould(Graphics2D g, Color tint) {
		// A fluted kougelhopf mould seen from above, its chimney in the middle.
		Path2D body = new Path2D.Double();
		body.moveTo(360, 450);
		body.lineTo(840, 450);
		body.curveTo(830, 560, 780, 640, 720, 670);
		body.lineTo(480, 670);
		body.curveTo(420, 640, 370, 560, 360, 450);
		body.closePath();
		g.setColor(tint);
		g.fill(body);
		g.setColor(tint.darker());
		g.setStroke(new BasicStroke(6));
		for (int i = 1; i < 10; i++) {
			double top = 360 + i * 48;
			double bottom = 480 + i * 24;
			g.draw(new QuadCurve2D.Double(top, 455, (top + bottom) / 2 + 20, 560, bottom, 668));
		}
		g.setColor(tint.brighter());
		g.fill(new Ellipse2D.Double(360, 390, 480, 120));
		g.setColor(mix(tint, Color.BLACK, 0.3));
		g.fill(new Ellipse2D.Double(385, 402, 430, 96));
		g.setColor(mix(tint, Color.BLACK, 0.15));
		for (int i = 0; i < 12; i++) {
			double angle = 2 * Math.PI / 12 * i;
			g.draw(new Line2D.Double(600 + 70 * Math.cos(angle), 450 + 18 * Math.sin(angle),
					600 + 205 * Math.cos(angle), 450 + 44 * Math.sin(angle)));
		}
		Path2D chimney = new Path2D.Double();
		chimney.moveTo(570, 390);
		chimney.lineTo(630, 390);
		chimney.lineTo(660, 460);
		chimney.lineTo(540, 460);
		chimney.closePath();
		g.setColor(tint);
		g.fill(chimney);
		g.setColor(mix(tint, Color.BLACK, 0.4));
		g.fill(new Ellipse2D.Double(570, 381, 60, 18));
	}

	private static void ovalDish(Graphics2D g, Color tint) {
		// A long oval serving dish with raised sides, painted with a garland.
		g.setColor(tint.darker());
		g.fill(new Ellipse2D.Double(330, 520, 540, 150));
		g.fill(new Rectangle2D.Double(330, 545, 540, 50));
		g.setColor(tint.brighter());
		g.fill(new Ellipse2D.Double(290, 470, 620, 170));
		g.setColor(tint);
		g.fill(new Ellipse2D.Double(340, 495, 520, 125));
		g.setColor(tint.darker());
		for (int i = 0; i < 24; i++) {
			double angle = 2 * Math.PI / 24 * i;
			double x = 600 + 290 * Math.cos(angle);
			double y = 555 + 74 * Math.sin(angle);
			g.fill(new Ellipse2D.Double(x - 6, y - 4, 12, 8));
		}
		g.setStroke(new BasicStroke(4));
		g.draw(new Ellipse2D.Double(420, 522, 360, 70));
		flower(g, 600, 557, tint.darker());
	}

	private static void mug(Graphics2D g, Color tint) {
		// A straight mug with a big handle, full of coffee, still steaming.
		g.setColor(tint.darker());
		g.setStroke(new BasicStroke(34));
		g.draw(new RoundRectangle2D.Double(690, 430, 110, 160, 70, 70));
		g.setColor(tint);
		g.fill(new Rectangle2D.Double(480, 380, 240, 270));
		g.fill(new Ellipse2D.Double(480, 630, 240, 40));
		shine(g, 505, 410, 20, 220);
		g.setColor(tint.brighter());
		g.fill(new Ellipse2D.Double(480, 358, 240, 44));
		g.setColor(new Color(0x3E2415));
		g.fill(new Ellipse2D.Double(494, 364, 212, 32));
		g.setColor(new Color(255, 255, 255, 140));
		g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new CubicCurve2D.Double(570, 340, 540, 300, 600, 270, 570, 220));
		g.draw(new CubicCurve2D.Double(630, 340, 600, 300, 660, 270, 630, 220));
	}

	// Household linen.

	private static void foldedLinen(Graphics2D g, Color tint) {
		// A pile of folded cloths with woven stripes; the top one has its hanging loop.
		Color linen = new Color(0xE8DFCF);
		for (int i = 0; i < 3; i++) {
			double y = 600 - i * 62;
			double x = 370 + ((i == 1) ? 14 : 0);
			Color cloth = (i == 1) ? tint : linen;
			Color stripe = (i == 1) ? linen : tint;
			g.setColor(cloth.darker());
			g.fill(new RoundRectangle2D.Double(x, y, 460, 66, 40, 40));
			g.setColor(cloth);
			g.fill(new RoundRectangle2D.Double(x, y - 4, 460, 58, 40, 40));
			g.setColor(stripe);
			g.fill(new Rectangle2D.Double(x + 70, y - 4, 16, 58));
			g.fill(new Rectangle2D.Double(x + 96, y - 4, 8, 58));
			g.fill(new Rectangle2D.Double(x + 356, y - 4, 8, 58));
			g.fill(new Rectangle2D.Double(x + 374, y - 4, 16, 58));
		}
		// The top of the pile, seen from above: the stripes run from front to back.
		Path2D top = new Path2D.Double();
		top.moveTo(370, 478);
		top.lineTo(830, 478);
		top.lineTo(805, 400);
		top.lineTo(395, 400);
		top.closePath();
		g.setColor(mix(linen, Color.WHITE, 0.3));
		g.fill(top);
		g.setColor(tint);
		for (double[] stripe : new double[][] { { 440, 16 }, { 466, 8 }, { 726, 8 }, { 744, 16 } }) {
			g.fill(lane(stripe[0], stripe[1], 478, 400));
		}
		g.setColor(new Color(255, 255, 255, 200));
		g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] { 12, 12 }, 0));
		g.draw(new Line2D.Double(392, 466, 808, 466));
		g.setColor(tint.darker());
		g.setStroke(new BasicStroke(8));
		g.draw(new Arc2D.Double(570, 360, 60, 80, 0, 180, Arc2D.OPEN));
	}

	/**
	 * A stripe across the top of the pile, narrower at the back edge as things further
	 * away look smaller.
	 */
	private static Shape lane(double x, double width, double frontY, double backY) {
		double shrink = 0.89;
		Path2D lane = new Path2D.Double();
		lane.moveTo(x, frontY);
		lane.lineTo(x + width, frontY);
		lane.lineTo(600 + (x + width - 600) * shrink, backY);
		lane.lineTo(600 + (x - 600) * shrink, backY);
		lane.closePath();
		return lane;
	}

	private static void apron(Graphics2D g, Color tint) {
		// A kitchen apron hanging from a peg, with its ties and front pocket.
		g.setColor(WOOD);
		g.fill(new Ellipse2D.Double(585, 170, 30, 30));
		g.setColor(tint.darker());
		g.setStroke(new BasicStroke(10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new QuadCurve2D.Double(530, 260, 560, 170, 600, 185));
		g.draw(new QuadCurve2D.Double(670, 260, 640, 170, 600, 185));
		g.draw(new CubicCurve2D.Double(470, 430, 420, 470, 460, 540, 410, 620));
		g.draw(new CubicCurve2D.Double(730, 430, 780, 470, 740, 540, 790, 620));
		Path2D apron = new Path2D.Double();
		apron.moveTo(525, 255);
		apron.lineTo(675, 255);
		apron.lineTo(680, 380);
		apron.quadTo(700, 420, 740, 425);
		apron.lineTo(760, 650);
		apron.quadTo(600, 670, 440, 650);
		apron.lineTo(460, 425);
		apron.quadTo(500, 420, 520, 380);
		apron.closePath();
		g.setColor(tint);
		g.fill(apron);
		g.setColor(tint.darker());
		g.fill(new RoundRectangle2D.Double(520, 500, 160, 100, 12, 12));
		g.setColor(new Color(255, 255, 255, 150));
		g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] { 10, 10 }, 0));
		g.draw(new RoundRectangle2D.Double(528, 508, 144, 84, 10, 10));
		g.draw(new Line2D.Double(600, 508, 600, 592));
	}

	// Soaps and candles.

	private static void soap(Graphics2D g, Color tint) {
		// An embossed bar of soap on a wooden soap dish, with a few bubbles.
		g.setColor(WOOD);
		g.fill(new RoundRectangle2D.Double(370, 600, 460, 70, 30, 30));
		g.setColor(WOOD.darker());
		for (int x = 410; x < 800; x += 50) {
			g.fill(new Rectangle2D.Double(x, 612, 14, 46));
		}
		Color bar = mix(tint, Color.WHITE, 0.25);
		g.setColor(bar.darker());
		g.fill(new RoundRectangle2D.Double(430, 500, 340, 120, 70, 70));
		g.setColor(bar);
		g.fill(new RoundRectangle2D.Double(430, 450, 340, 130, 90, 70));
		g.setColor(mix(bar, Color.BLACK, 0.15));
		g.setStroke(new BasicStroke(6));
		g.draw(new RoundRectangle2D.Double(480, 475, 240, 80, 40, 40));
		g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(530, 505, 670, 505));
		g.draw(new Line2D.Double(555, 527, 645, 527));
		double[][] bubbles = { { 800, 420, 40 }, { 850, 360, 26 }, { 770, 340, 18 }, { 390, 420, 30 },
				{ 350, 370, 16 } };
		for (double[] bubble : bubbles) {
			double r = bubble[2];
			g.setColor(new Color(255, 255, 255, 70));
			g.fill(new Ellipse2D.Double(bubble[0] - r, bubble[1] - r, 2 * r, 2 * r));
			g.setColor(new Color(255, 255, 255, 200));
			g.setStroke(new BasicStroke(3));
			g.draw(new Ellipse2D.Double(bubble[0] - r, bubble[1] - r, 2 * r, 2 * r));
			g.fill(new Ellipse2D.Double(bubble[0] - r * 0.5, bubble[1] - r * 0.6, r * 0.4, r * 0.3));
		}
	}

	private static void candle(Graphics2D g, Color tint) {
		// A lit candle poured in a glass, with a label.
		g.setPaint(new RadialGradientPaint(600, 300, 140, new float[] { 0, 1 },
				new Color[] { new Color(255, 220, 140, 150), new Color(255, 220, 140, 0) }));
		g.fill(new Ellipse2D.Double(460, 160, 280, 280));
		g.setColor(new Color(255, 255, 255, 80));
		g.fill(new RoundRectangle2D.Double(470, 380, 260, 290, 30, 30));
		g.setColor(mix(tint, Color.WHITE, 0.2));
		g.fill(new RoundRectangle2D.Double(480, 430, 240, 232, 24, 24));
		g.setColor(mix(tint, Color.WHITE, 0.4));
		g.fill(new Ellipse2D.Double(480, 414, 240, 36));
		g.setColor(new Color(255, 255, 255, 170));
		g.setStroke(new BasicStroke(5));
		g.draw(new Ellipse2D.Double(470, 366, 260, 30));
		shine(g, 488, 420, 14, 220);
		label(g, 500, 510, 200, 100, tint.darker());
		g.setColor(new Color(0x3B2A20));
		g.setStroke(new BasicStroke(6));
		g.draw(new Line2D.Double(600, 432, 600, 400));
		Path2D flame = new Path2D.Double();
		flame.moveTo(600, 300);
		flame.curveTo(620, 340, 628, 370, 618, 390);
		flame.curveTo(610, 406, 590, 406, 582, 390);
		flame.curveTo(572, 370, 580, 340, 600, 300);
		flame.closePath();
		g.setColor(new Color(0xF2A541));
		g.fill(flame);
		g.setColor(new Color(0xFFF1B8));
		g.fill(new Ellipse2D.Double(591, 360, 18, 34));
	}

	// Small pieces shared by the drawings.

	/** A paper label with two lines of writing. */
	private static void label(Graphics2D g, double x, double y, double width, double height, Color ink) {
		g.setColor(CREAM);
		g.fill(new RoundRectangle2D.Double(x, y, width, height, 16, 16));
		g.setColor(ink);
		g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new Line2D.Double(x + width * 0.2, y + height * 0.4, x + width * 0.8, y + height * 0.4));
		g.draw(new Line2D.Double(x + width * 0.3, y + height * 0.65, x + width * 0.7, y + height * 0.65));
	}

	/** The light on glass or glaze: a soft white stripe. */
	private static void shine(Graphics2D g, double x, double y, double width, double height) {
		g.setColor(new Color(255, 255, 255, 90));
		g.fill(new RoundRectangle2D.Double(x, y, width, height, width, width));
	}

	/** An upright cylinder seen from a little above: its side, then its top. */
	private static void cylinder(Graphics2D g, double x, double top, double width, double height, Color side,
			Color lid) {
		double depth = width * 0.22;
		g.setColor(side);
		g.fill(new Rectangle2D.Double(x, top, width, height));
		g.fill(new Ellipse2D.Double(x, top + height - depth / 2, width, depth));
		g.setColor(lid);
		g.fill(new Ellipse2D.Double(x, top - depth / 2, width, depth));
	}

	/** A box seen from the front, a little from above and from the right. */
	private static void block(Graphics2D g, double x, double y, double width, double height, double dx, double dy,
			Color front, Color top, Color side) {
		g.setColor(front);
		g.fill(new Rectangle2D.Double(x, y, width, height));
		Path2D upper = new Path2D.Double();
		upper.moveTo(x, y);
		upper.lineTo(x + width, y);
		upper.lineTo(x + width + dx, y + dy);
		upper.lineTo(x + dx, y + dy);
		upper.closePath();
		g.setColor(top);
		g.fill(upper);
		Path2D right = new Path2D.Double();
		right.moveTo(x + width, y);
		right.lineTo(x + width + dx, y + dy);
		right.lineTo(x + width + dx, y + height + dy);
		right.lineTo(x + width, y + height);
		right.closePath();
		g.setColor(side);
		g.fill(right);
	}

	/** A diamond, pointed at both ends. */
	private static Shape lozenge(double cx, double cy, double halfWidth, double halfHeight) {
		Path2D lozenge = new Path2D.Double();
		lozenge.moveTo(cx - halfWidth, cy);
		lozenge.lineTo(cx, cy - halfHeight);
		lozenge.lineTo(cx + halfWidth, cy);
		lozenge.lineTo(cx, cy + halfHeight);
		lozenge.closePath();
		return lozenge;
	}

	/** A shape in white checked with the tint, like a gingham cloth. */
	private static void gingham(Graphics2D g, Shape shape, Color tint) {
		g.setColor(Color.WHITE);
		g.fill(shape);
		Shape clip = g.getClip();
		g.clip(shape);
		g.setColor(new Color(tint.getRed(), tint.getGreen(), tint.getBlue(), 130));
		Rectangle bounds = shape.getBounds();
		for (int x = bounds.x; x < bounds.x + bounds.width; x += 36) {
			g.fillRect(x, bounds.y, 18, bounds.height);
		}
		for (int y = bounds.y; y < bounds.y + bounds.height; y += 36) {
			g.fillRect(bounds.x, y, bounds.width, 18);
		}
		g.setClip(clip);
	}

	/** A leaf with its midrib. */
	private static void leaf(Graphics2D g, double x, double y, double length, double angle, Color colour) {
		Graphics2D leaf = (Graphics2D) g.create();
		leaf.translate(x, y);
		leaf.rotate(angle);
		Path2D shape = new Path2D.Double();
		shape.moveTo(-length / 2, 0);
		shape.quadTo(0, -length / 3, length / 2, 0);
		shape.quadTo(0, length / 3, -length / 2, 0);
		shape.closePath();
		leaf.setColor(colour);
		leaf.fill(shape);
		leaf.setColor(colour.brighter());
		leaf.setStroke(new BasicStroke(2));
		leaf.draw(new Line2D.Double(-length / 2, 0, length / 2, 0));
		leaf.dispose();
	}

	/** A colour between two others: 0 gives the first, 1 the second. */
	private static Color mix(Color first, Color second, double share) {
		return new Color((int) Math.round(first.getRed() + (second.getRed() - first.getRed()) * share),
				(int) Math.round(first.getGreen() + (second.getGreen() - first.getGreen()) * share),
				(int) Math.round(first.getBlue() + (second.getBlue() - first.getBlue()) * share));
	}

	/**
	 * What a picture shows, found in the words of the product's name. The first word that
	 * names a subject wins, singular or plural, accents aside: « Savon de Marseille à
	 * l'huile d'olive » is a soap, not a bottle of oil, and « Gâteau basque à la cerise
	 * noire » a cake. A name with none of these words gets the usual object of its
	 * category.
	 */
	enum Subject {

		JAM_JAR("confiture"), HONEY_JAR("miel"), OIL_BOTTLE("huile"), VINEGAR_BOTTLE("vinaigre"),
		BISCUITS("galette", "palet", "bredele", "biscuit", "sable"), NAVETTES("navette"), CALISSONS("calisson"),
		CAKE("gateau"), CHOCOLATE_BAR("chocolat", "tablette"), NOUGAT("nougat"), TEA_TIN("the"),
		HERBAL_TEA("tisane", "tilleul", "verveine", "infusion"), COFFEE_BAG("cafe"),
		SPICE_JAR("piment", "safran", "herbe", "epice", "poivre"), SALT_BAG("sel"),
		SPREAD_JAR("tapenade", "confit", "raifort"), MUSTARD_POT("moutarde"), BOWLS("bol", "saladier"),
		PLATE("assiette"), CUP_AND_SAUCER("tasse", "soucoupe"), TEAPOT("theiere"), JUG("pichet", "carafe"),
		CAKE_MOULD("moule", "kougelhopf"), OVAL_DISH("plat"), MUG("mug"),
		FOLDED_LINEN("torchon", "nappe", "serviette", "drap", "linge", "plaid"), APRON("tablier"), SOAP("savon"),
		CANDLE("bougie");

		private static final Map<String, Subject> CATEGORIES = Map.of("confitures-et-miels", JAM_JAR,
				"huiles-et-vinaigres", OIL_BOTTLE, "biscuits-et-chocolats", BISCUITS, "thes-et-cafes", TEA_TIN,
				"epices-et-condiments", SPICE_JAR, "ceramique", BOWLS, "linge-de-maison", FOLDED_LINEN,
				"savons-et-bougies", SOAP);

		private final List<String> words;

		Subject(String... words) {
			this.words = List.of(words);
		}

		/** The words that call for this subject, in the singular and without accents. */
		List<String> words() {
			return this.words;
		}

		static Subject of(Missing product) {
			return named(product.name()).orElse(CATEGORIES.getOrDefault(product.category(), JAM_JAR));
		}

		/** The subject named by the first word of a product's name that names one. */
		static Optional<Subject> named(String name) {
			String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
				.replaceAll("\\p{M}", "")
				.toLowerCase(Locale.ROOT);
			for (String word : plain.split("[^a-z0-9]+")) {
				for (Subject subject : values()) {
					if (subject.isNamedBy(word)) {
						return Optional.of(subject);
					}
				}
			}
			return Optional.empty();
		}

		/** Whether a word calls for this subject, in the singular or in the plural. */
		private boolean isNamedBy(String word) {
			String singular = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
			return this.words.contains(word) || this.words.contains(singular);
		}

	}

	record Missing(long id, String name, String category, boolean featured) {

	}

}
