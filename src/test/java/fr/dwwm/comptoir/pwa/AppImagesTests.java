package fr.dwwm.comptoir.pwa;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images of the installed application ({@code static/img/app/}, drawn by
 * {@code e2e.AppImagesUpdate}) are what phones and the install dialog require.
 */
class AppImagesTests {

	private static final Path APP_IMAGES = Path.of("src/main/resources/static/img/app");

	/** The charter's brand colour, the background of the logo mark. */
	private static final int BRAND = 0x8a3a16;

	@Test
	void theIconsAreSquaresOfTheSizesPhonesAskFor() throws IOException {
		assertThat(size(read("icon-192.png"))).isEqualTo("192x192");
		assertThat(size(read("icon-512.png"))).isEqualTo("512x512");
		assertThat(size(read("icon-maskable-512.png"))).isEqualTo("512x512");
	}

	@Test
	void theMaskableIconIsFullBleedSoThatNoMaskShowsAnEmptyCorner() throws IOException {
		BufferedImage icon = read("icon-maskable-512.png");
		for (int[] corner : new int[][] { { 0, 0 }, { 511, 0 }, { 0, 511 }, { 511, 511 } }) {
			assertThat(icon.getRGB(corner[0], corner[1])).as("corner %s,%s", corner[0], corner[1])
				.isEqualTo(0xff000000 | BRAND);
		}
	}

	@Test
	void theMaskableIconKeepsItsMarkInsideTheSafeCircle() throws IOException {
		BufferedImage icon = read("icon-maskable-512.png");
		double centre = icon.getWidth() / 2.0;
		double safeRadius = icon.getWidth() * 0.4;
		int outside = 0;
		for (int y = 0; y < icon.getHeight(); y++) {
			for (int x = 0; x < icon.getWidth(); x++) {
				boolean mark = (icon.getRGB(x, y) & 0xffffff) != BRAND;
				if (mark && Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > safeRadius) {
					outside++;
				}
			}
		}
		assertThat(outside).as("pixels of the mark outside the circle every mask keeps").isZero();
	}

	@Test
	void theOtherIconsHaveTheRoundedCornersOfTheLogoMark() throws IOException {
		for (String file : new String[] { "icon-192.png", "icon-512.png" }) {
			BufferedImage icon = read(file);
			assertThat(icon.getRGB(0, 0) >>> 24).as(file + " top left corner's opacity").isZero();
			int middle = icon.getWidth() / 2;
			assertThat(icon.getRGB(middle, 2) & 0xffffff).as(file + " top edge").isEqualTo(BRAND);
		}
	}

	@Test
	void theScreenshotsAreOneNarrowAndOneWideWithinTheRatiosBrowsersAccept() throws IOException {
		BufferedImage narrow = read("screenshot-narrow.png");
		BufferedImage wide = read("screenshot-wide.png");
		assertThat(narrow.getHeight()).isGreaterThan(narrow.getWidth());
		assertThat(wide.getWidth()).isGreaterThan(wide.getHeight());
		// Chromium shows screenshots whose longer side is at most 2.3 times the shorter.
		assertThat((double) narrow.getHeight() / narrow.getWidth()).isLessThanOrEqualTo(2.3);
		assertThat((double) wide.getWidth() / wide.getHeight()).isLessThanOrEqualTo(2.3);
		assertThat(ManifestController.size("screenshot-narrow.png")).isEqualTo(size(narrow));
		assertThat(ManifestController.size("screenshot-wide.png")).isEqualTo(size(wide));
	}

	private static BufferedImage read(String file) throws IOException {
		return ImageIO.read(APP_IMAGES.resolve(file).toFile());
	}

	private static String size(BufferedImage image) {
		return image.getWidth() + "x" + image.getHeight();
	}

}
