package fr.dwwm.comptoir.pwa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import fr.dwwm.comptoir.web.CharterColors;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The web application manifest ({@code /manifest.webmanifest}, linked from every page of
 * the shop): what a phone needs to install the shop on its home screen and open it like
 * an application, full screen, with its icon, colours and shortcuts.
 *
 * <p>
 * Texts come from the message bundles, in French: browsers fetch a manifest without
 * cookies, so without the visitor's chosen language, and French is the shop's language
 * until one is chosen (a request that carries the language cookie gets its language);
 * colours from the graphic charter's stylesheet ({@link CharterColors}); icons and
 * screenshots are files of {@code static/img/app/}, whose sizes are read from the files
 * themselves.
 */
@RestController
class ManifestController {

	private static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json;charset=UTF-8");

	private static final String APP_IMAGES = "/img/app/";

	private final MessageSource messages;

	private final ResourceUrlProvider urls;

	private final JsonMapper json;

	private final Map<String, String> lightColours = CharterColors.fromClasspath()
		.stream()
		.collect(Collectors.toMap(CharterColors.Token::name, CharterColors.Token::light));

	/**
	 * The manifest in each language asked for: the shop's files do not change while it
	 * runs.
	 */
	private final Map<Locale, String> byLanguage = new ConcurrentHashMap<>();

	ManifestController(MessageSource messages, ResourceUrlProvider urls, JsonMapper json) {
		this.messages = messages;
		this.urls = urls;
		this.json = json;
	}

	@GetMapping("/manifest.webmanifest")
	ResponseEntity<String> manifest(Locale locale) {
		String body = this.byLanguage.computeIfAbsent(locale, this::render);
		return ResponseEntity.ok()
			.contentType(MANIFEST)
			.cacheControl(CacheControl.noCache())
			.header(HttpHeaders.VARY, HttpHeaders.COOKIE)
			.eTag(sha256(body))
			.body(body);
	}

	private String render(Locale locale) {
		Function<String, String> text = (key) -> this.messages.getMessage(key, null, locale);
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("id", "/");
		manifest.put("name", text.apply("pwa.name"));
		manifest.put("short_name", text.apply("shop.name"));
		manifest.put("description", text.apply("home.description"));
		manifest.put("lang", locale.getLanguage());
		manifest.put("dir", "ltr");
		manifest.put("start_url", "/");
		manifest.put("scope", "/");
		manifest.put("display", "standalone");
		// The header's colour for the title bar, the page's for the splash screen.
		manifest.put("theme_color", this.lightColours.get("surface"));
		manifest.put("background_color", this.lightColours.get("paper"));
		manifest.put("categories", List.of("shopping", "food"));
		manifest.put("icons", List.of(image("icon-192.png", "any"), image("icon-512.png", "any"),
				image("icon-maskable-512.png", "maskable")));
		Map<String, Object> shortcutIcon = image("icon-192.png", "any");
		manifest.put("shortcuts",
				List.of(Map.of("name", text.apply("nav.catalog"), "description", text.apply("pwa.shortcut.catalog"),
						"url", "/products", "icons", List.of(shortcutIcon)),
						Map.of("name", text.apply("layout.cart"), "description", text.apply("pwa.shortcut.cart"), "url",
								"/cart", "icons", List.of(shortcutIcon))));
		manifest.put("screenshots",
				List.of(screenshot("screenshot-narrow.png", "narrow", text.apply("pwa.screenshot.narrow")),
						screenshot("screenshot-wide.png", "wide", text.apply("pwa.screenshot.wide"))));
		return this.json.writeValueAsString(manifest);
	}

	private Map<String, Object> image(String file, String purpose) {
		Map<String, Object> icon = new LinkedHashMap<>();
		icon.put("src", versioned(file));
		icon.put("sizes", size(file));
		icon.put("type", "image/png");
		icon.put("purpose", purpose);
		return icon;
	}

	private Map<String, Object> screenshot(String file, String formFactor, String label) {
		Map<String, Object> screenshot = new LinkedHashMap<>();
		screenshot.put("src", versioned(file));
		screenshot.put("sizes", size(file));
		screenshot.put("type", "image/png");
		screenshot.put("form_factor", formFactor);
		screenshot.put("label", label);
		return screenshot;
	}

	private String versioned(String file) {
		String url = this.urls.getForLookupPath(APP_IMAGES + file);
		if (url == null) {
			throw new IllegalStateException("No image at " + APP_IMAGES + file);
		}
		return url;
	}

	/** Width and height of a PNG file, from its header (bytes 16 to 23, RFC 2083). */
	static String size(String file) {
		try (InputStream png = new ClassPathResource("static" + APP_IMAGES + file).getInputStream()) {
			ByteBuffer header = ByteBuffer.wrap(png.readNBytes(24));
			return header.getInt(16) + "x" + header.getInt(20);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha256(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
