package fr.dwwm.comptoir.catalog;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves product pictures from the database. A file name is random and never reused, so
 * browsers and proxies may keep a picture for a year without asking again.
 */
@Controller
class ProductImageController {

	private final ProductImages images;

	ProductImageController(ProductImages images) {
		this.images = images;
	}

	@GetMapping("/images/products/{fileName}")
	ResponseEntity<byte[]> image(@PathVariable String fileName,
			@RequestParam(name = "w", defaultValue = "640") int width) {
		return this.images.variant(fileName, Math.max(1, Math.min(width, 4000)))
			.map((variant) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(variant.contentType()))
				.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
				.body(variant.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

}
