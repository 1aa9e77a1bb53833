package fr.dwwm.comptoir.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Draws the installed application's icons from the charter's logo mark
 * ({@code static/img/favicon.svg}) and takes the screenshots the install dialog shows,
 * into {@code src/main/resources/static/img/app/}. Run alone, on the fresh demo database
 * of a new test run, never as part of a full run (its pages would show the tests' data):
 *
 * <pre>./mvnw test -Dtest=AppImagesUpdate -Dpwa.images.update=true</pre>
 *
 * {@code fr.dwwm.comptoir.pwa.AppImagesTests} checks on every build what these files must
 * be.
 */
@EnabledIfSystemProperty(named = "pwa.images.update", matches = "true")
class AppImagesUpdate extends BrowserTest {

	private static final Path APP_IMAGES = Path.of("src/main/resources/static/img/app");

	private static final Pattern MARK = Pattern.compile("<path d=\"([^\"]+)\"");

	/**
	 * The maskable icon's mark fits the central circle (80 % of the side) every mask
	 * keeps.
	 */
	private static final double MASKABLE_SCALE = 0.7;

	@Test
	void drawTheIconsAndTakeTheScreenshots() throws IOException {
		String favicon = Files.readString(Path.of("src/main/resources/static/img/favicon.svg"));
		Matcher mark = MARK.matcher(favicon);
		assertThat(mark.find()).as("the logo mark's path in favicon.svg").isTrue();
		String brand = favicon.replaceFirst("(?s).*<rect[^>]*fill=\"(#[0-9a-fA-F]{6})\".*", "$1");
		String glyph = favicon.replaceFirst("(?s).*<path[^>]*stroke=\"(#[0-9a-fA-F]{6})\".*", "$1");
		Files.createDirectories(APP_IMAGES);
		draw(favicon, 192, "icon-192.png");
		draw(favicon, 512, "icon-512.png");
		String maskable = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\" width=\"32\" height=\"32\">"
				+ "<rect width=\"32\" height=\"32\" fill=\"" + brand + "\"/>"
				+ "<g transform=\"translate(16 16.5) scale(" + MASKABLE_SCALE + ") translate(-16 -16.5)\"><path d=\""
				+ mark.group(1) + "\" fill=\"none\" stroke=\"" + glyph
				+ "\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/></g></svg>";
		draw(maskable, 512, "icon-maskable-512.png");

		// The home page of the demo shop, on a phone (at twice its pixel density) and on
		// a computer.
		screen(375, 812, 2, true, "screenshot-narrow.png");
		screen(1280, 800, 1, false, "screenshot-wide.png");
	}

	private void draw(String svg, int size, String file) throws IOException {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", size, "height", size, "deviceScaleFactor", 1, "mobile", false));
		browser.executeCdpCommand("Emulation.setDefaultBackgroundColorOverride",
				Map.of("color", Map.of("r", 0, "g", 0, "b", 0, "a", 0)));
		String image = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes());
		browser.get("data:text/html;base64," + Base64.getEncoder()
			.encodeToString(("<!DOCTYPE html><html><body style=\"margin:0\"><img src=\"" + image + "\" width=\"" + size
					+ "\" height=\"" + size + "\" style=\"display:block\"></body></html>")
				.getBytes()));
		save(file, Map.of("format", "png"));
		browser.executeCdpCommand("Emulation.setDefaultBackgroundColorOverride", Map.of());
	}

	private void screen(int width, int height, int scale, boolean mobile, String file) throws IOException {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", scale, "mobile", mobile));
		open("/");
		save(file, Map.of("format", "png"));
	}

	private static void save(String file, Map<String, Object> options) throws IOException {
		Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", options);
		Files.write(APP_IMAGES.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
	}

}
